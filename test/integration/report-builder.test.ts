// Issue 14: the report builder's resolvers on the local host. The preview runs as the
// signed-in user through the REST API's own parser and report service, so it must show
// the rows a token of that user gets from /rest/list, refuse what the API refuses (every
// problem at once), honour saved parameter sets and Jira's project permissions.
import { DEMO_ACCOUNTS } from '../../dev/jira-emulator';
import type { ReportPreview } from '../../src/contract/report-builder';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../support/host-client';

const { alice, bob, carol } = DEMO_ACCOUNTS;

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
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
