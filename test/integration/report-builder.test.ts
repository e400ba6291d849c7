// Issue 14: the report builder's resolvers on the local host. The preview runs as the
// signed-in user through the REST API's own parser and report service, so it must show
// the rows a token of that user gets from /rest/list, refuse what the API refuses (every
// problem at once), honour saved parameter sets and Jira's project permissions.
import { DEMO_ACCOUNTS, demoDataset } from '../../dev/jira-emulator';
import type { ReportPreview } from '../../src/contract/report-builder';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../support/host-client';

const { alice, bob, carol } = DEMO_ACCOUNTS;

let t: TestHost;
// Filters shared every way Jira shares them, beside the demo's global and private ones.
function datasetWithFilters() {
  const dataset = demoDataset();
  const filter = (id: string, name: string, owner: string, sharePermissions: (typeof dataset.filters)[number]['sharePermissions']) => ({
    id,
    name,
    jql: 'project = SCRUM',
    owner,
    description: '',
    sharePermissions,
  });
  dataset.filters.push(
    filter('10100', 'Security triage', alice, [{ type: 'group', group: 'security-team' }]),
    filter('10101', 'SEC board', alice, [{ type: 'project', projectKey: 'SEC' }]),
    filter('10102', 'For Carol', alice, [{ type: 'user', accountId: carol }]),
    filter('10103', "Alice's drafts", alice, []),
    filter('10104', 'Scrum board', alice, [{ type: 'project', projectKey: 'SCRUM' }]),
  );
  return dataset;
}

beforeAll(async () => {
  t = await startTestHost({ dataset: datasetWithFilters() });
});
afterAll(async () => {
  await t.close();
});

const keysOf = (preview: { table: ReportPreview['table'] }) => preview.table.body.rows.map((row) => row.headerColumns[0]?.value);
// The time in the current status grows with the clock between two runs: compare the columns each row has.
const shapeOf = (preview: { table: ReportPreview['table'] }) =>
  preview.table.body.rows.map((row) => ({ key: row.headerColumns[0]?.value, columns: row.valueColumns.map((cell) => cell.id) }));

describe('reports/preview', () => {
  it('shows the rows a token of the same user gets from /rest/list', async () => {
    const params = { filterType: 'project', projectKey: 'SCRUM', columnsBy: 'statusDuration', viewFormat: 'days' };
    const preview = await t.call(bob, 'reports/preview', { params });
    expect(preview.table.body.rows.length).toBeGreaterThan(0);
    expect(preview.issueCount).toBe(preview.table.body.rows.length);

    const { token } = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31' });
    const response = await t.rest(`/rest/list?${new URLSearchParams({ ...params, outputType: 'json' }).toString()}`, { token });
    expect(response.status).toBe(200);
    const rest = (await response.json()) as ReportPreview;
    expect(keysOf(preview)).toEqual(keysOf(rest).slice(0, preview.table.body.rows.length));
    expect(preview.table.header).toEqual(rest.table.header);
    expect(shapeOf(preview)).toEqual(shapeOf(rest).slice(0, preview.table.body.rows.length));
  });

  it('shows at most 50 rows and says when the report goes on', async () => {
    const preview = await t.call(alice, 'reports/preview', { params: { customjql: 'updated >= -365d', pageSize: '3' } });
    expect(preview.table.body.rows).toHaveLength(3);
    expect(preview.more).toBe(true);
    const capped = await t.call(alice, 'reports/preview', { params: { customjql: 'updated >= -365d', pageSize: '1000' } });
    expect(capped.issueCount).toBeLessThanOrEqual(50);
  });

  it('refuses bad parameters as the REST API does, naming every problem at once', async () => {
    const result = await t.invoke(bob, 'reports/preview', { params: { filterType: 'project', columnsBy: 'nope', viewFormat: 'weeks', colour: 'red' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_REQUEST');
    expect((result.error.issues ?? []).map((issue) => issue.field).sort()).toEqual(['colour', 'columnsBy', 'projectKey', 'viewFormat']);
    expect(await t.invoke(bob, 'reports/preview', { params: {} })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'filterType' } });
  });

  it("runs with the user's Jira permissions: Carol sees nothing of SEC", async () => {
    const alices = await t.call(alice, 'reports/preview', { params: { projectKey: 'SEC' } });
    expect(alices.table.body.rows.length).toBeGreaterThan(0);
    const carols = await t.call(carol, 'reports/preview', { params: { projectKey: 'SEC' } });
    expect(carols.table.body.rows).toEqual([]);
  });

  it('lays a saved parameter set underneath, as /rest/list does', async () => {
    const set = await t.call(
      alice,
      'paramsets/create',
      { paramSet: { name: 'Scrum in hours', params: { projectKey: 'SCRUM', viewFormat: 'hours' } } },
      ADMIN_PAGE,
    );
    const preview = await t.call(bob, 'reports/preview', { params: { paramSetId: set.id, pageSize: '2' } });
    expect(preview.table.body.rows).toHaveLength(2);
    const direct = await t.call(bob, 'reports/preview', { params: { projectKey: 'SCRUM', viewFormat: 'hours', pageSize: '2' } });
    expect(shapeOf(preview)).toEqual(shapeOf(direct));
    expect(preview.table.header).toEqual(direct.table.header);
    const missing = await t.invoke(bob, 'reports/preview', { params: { paramSetId: '00000000-0000-4000-8000-000000000000', projectKey: 'SCRUM' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'paramSetId' } });
  });

  it('never takes a token or paging state from the page', async () => {
    const preview = await t.call(bob, 'reports/preview', { params: { projectKey: 'SCRUM', tisjwt: 'x.y.z', nextPageToken: 'abc', pageSize: '1' } });
    expect(preview.table.body.rows).toHaveLength(1);
  });
});

describe('builder/projects', () => {
  it('lists the projects the signed-in user may browse, by name', async () => {
    const alices = (await t.call(alice, 'builder/projects', {})).projects.map((p) => p.key);
    expect(alices).toEqual(expect.arrayContaining(['SCRUM', 'OPS', 'SEC']));
    const carols = (await t.call(carol, 'builder/projects', {})).projects;
    expect(carols.map((p) => p.key)).not.toContain('SEC');
    expect(carols.map((p) => p.key)).toContain('SCRUM');
    expect(carols.map((p) => p.name)).toEqual([...carols.map((p) => p.name)].sort((a, b) => a.localeCompare(b)));
  });
});

describe('builder/filters', () => {
  const namesFor = async (accountId: string, query?: string) =>
    (await t.call(accountId, 'builder/filters', query === undefined ? {} : { query })).filters.map((filter) => filter.name);

  it("lists the saved filters the signed-in user may see under Jira's sharing rules, by name", async () => {
    // Bob: his own, the global one, his group's and the projects he may browse; not Alice's private or Carol's.
    expect(await namesFor(bob)).toEqual(['All open work', "Bob's open work", 'SEC board', 'Scrum board', 'Security triage'].sort((a, b) => a.localeCompare(b)));
    // Carol: shared with her by name, with everyone and with SCRUM; not SEC (she may not browse it), not Bob's group.
    expect(await namesFor(carol)).toEqual(['All open work', 'For Carol', 'Scrum board']);
    // Alice owns them all.
    expect(await namesFor(alice)).toEqual(expect.arrayContaining(["Alice's drafts", 'For Carol', 'SEC board', 'Security triage']));
    expect(await namesFor(alice)).not.toContain("Bob's open work");
  });

  it('narrows by a part of the name, in any case, and names each owner', async () => {
    expect(await namesFor(bob, 'BOARD')).toEqual(['SEC board', 'Scrum board'].sort((a, b) => a.localeCompare(b)));
    expect(await namesFor(carol, 'sec')).toEqual([]);
    const [openWork] = (await t.call(carol, 'builder/filters', { query: 'open work' })).filters;
    expect(openWork).toEqual({ id: '10000', name: 'All open work', ownerName: 'Alice Admin' });
  });

  it('a listed filter runs as a report for that user', async () => {
    const [filter] = (await t.call(carol, 'builder/filters', { query: 'For Carol' })).filters;
    const preview = await t.call(carol, 'reports/preview', { params: { filterType: 'jqlfilter', jqlFilterID: filter!.id } });
    expect(preview.table.body.rows.length).toBeGreaterThan(0);
  });

  it('refuses a query that is not text or too long, naming the field', async () => {
    expect(await t.invoke(bob, 'builder/filters', { query: 'x'.repeat(256) })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'query' } });
    expect(await t.invoke(bob, 'builder/filters', { query: 7 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'query' } });
  });
});

describe('builder/options', () => {
  it("offers the API's own report and output types, Jira's statuses and the saved settings to every user", async () => {
    const options = await t.call(carol, 'builder/options', {});
    expect(options.reportTypes).toEqual(expect.arrayContaining(['statusDuration', 'statusCount', 'durationBetweenStatuses']));
    // Only the types a /rest/list page answers in: the builder copies a /rest/list request (xlsx is /rest/export's).
    expect(options.outputTypes).toEqual(['json', 'jsonSimplified', 'csv']);
    expect(options.statuses.map((s) => s.name)).toEqual(expect.arrayContaining(['To Do', 'In Progress', 'Done']));
    expect(options.paramSets.map((s) => s.name)).toContain('Scrum in hours');
  });
});
