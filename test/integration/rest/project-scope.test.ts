// A token limited to chosen projects: whatever the JQL, saved filter, single issue or
// export, its answers hold only issues of those projects, and exactly the ones the same
// owner's unrestricted token gets there. The scope is applied where the owner's permissions
// are (the issue stream's filtering step), from each issue's own project, so no JQL text
// (`project in (...)`, OR, ORDER BY, keys, continuation tokens) can widen it.
import { DEMO_ACCOUNTS, generateDataset } from '../../../dev/jira-emulator';
import type { ExportStatusView } from '../../../src/rest/routes/export-routes';
import { startTestHost, type TestHost } from '../../support/host-client';

const { alice, carol } = DEMO_ACCOUNTS;
const FILTER_ID = '10000';
let t: TestHost;
let open: string;
let opsOnly: string;
let twoProjects: string;

beforeAll(async () => {
  const dataset = generateDataset({ seed: 7, issues: 900, projects: 3, securedShare: 0.15 });
  t = await startTestHost({
    dataset: {
      ...dataset,
      filters: [
        {
          id: FILTER_ID,
          name: 'Everything',
          jql: 'project in (SEC, SCRUM, OPS) ORDER BY key ASC',
          owner: alice,
          description: '',
          sharePermissions: [{ type: 'global' }],
        },
      ],
    },
    exportSettings: { softMs: 0, pageIssues: 200, retryDelaySeconds: 0 },
    restRateLimit: { limit: 100_000, windowSeconds: 60 },
  });
  open = (await t.call(alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  const scoped = await t.call(alice, 'tokens/create', { expiresAt: '2099-12-31', projectKeys: ['ops'] });
  expect(scoped.tokenInfo.projectKeys).toEqual(['OPS']);
  opsOnly = scoped.token;
  twoProjects = (await t.call(alice, 'tokens/create', { expiresAt: '2099-12-31', projectKeys: ['SEC', 'SCRUM'] })).token;
});
afterAll(async () => {
  await t.close();
});

const projectOf = (key: string): string => key.slice(0, key.indexOf('-'));

/** Every key a report returns, following nextPageToken; the status when it is refused. */
async function keys(token: string, params: Record<string, string>, pageSize = 150): Promise<string[] | number> {
  const out: string[] = [];
  let next: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const query = new URLSearchParams({ ...params, outputType: 'jsonSimplified', pageSize: String(pageSize), ...(next ? { nextPageToken: next } : {}) });
    const response = await t.rest(`/rest/list2?${query.toString()}`, { token });
    if (response.status !== 200) return response.status;
    const body = (await response.json()) as { results: Array<{ Key: string }>; nextPageToken?: string };
    out.push(...body.results.map((row) => row.Key));
    next = body.nextPageToken;
    if (next === undefined) return out;
  }
  throw new Error('too many pages');
}

const JQLS = [
  'project in (SEC, SCRUM, OPS) ORDER BY key ASC',
  'project = SCRUM',
  'project != OPS ORDER BY updated DESC',
  'project in (SEC) OR project in (OPS) ORDER BY project DESC, key ASC',
  'project = OPS OR key in (SEC-1, SCRUM-1, SCRUM-2)',
  'key in (SEC-1, SCRUM-3, OPS-2) ORDER BY key DESC',
  'statusCategory != Done AND project in (SCRUM, OPS) ORDER BY created ASC',
  'assignee = currentUser() OR project = SEC ORDER BY created DESC',
];

describe('a project-scoped token', () => {
  it.each(JQLS)('returns only issues of its projects, exactly those the owner sees there, for %s', async (jql) => {
    const all = await keys(open, { customjql: jql });
    if (typeof all === 'number') throw new Error(`the unrestricted token got ${all}`);
    const ops = await keys(opsOnly, { customjql: jql });
    const two = await keys(twoProjects, { customjql: jql });
    expect(ops).toEqual(all.filter((key) => projectOf(key) === 'OPS'));
    expect(two).toEqual(all.filter((key) => ['SEC', 'SCRUM'].includes(projectOf(key))));
  });

  it('the fuzz covers both sides: issues inside and outside the scope', async () => {
    const all = (await keys(open, { customjql: JQLS[0]! })) as string[];
    expect(new Set(all.map(projectOf))).toEqual(new Set(['SEC', 'SCRUM', 'OPS']));
    expect(((await keys(opsOnly, { customjql: JQLS[0]! })) as string[]).length).toBeGreaterThan(100);
  });

  it('gets nothing, not an error, for a query of projects outside its scope', async () => {
    expect(await keys(opsOnly, { customjql: 'project in (SEC, SCRUM)' })).toEqual([]);
  });

  it('is refused a saved filter reference in JQL, as every token is', async () => {
    expect(await keys(opsOnly, { customjql: `filter = ${FILTER_ID}` })).toBe(400);
    expect(await keys(open, { customjql: `filter = ${FILTER_ID}` })).toBe(400);
  });

  it('limits a saved filter and a projectKey selection to its projects', async () => {
    const all = (await keys(open, { jqlFilterID: FILTER_ID })) as string[];
    expect(await keys(opsOnly, { jqlFilterID: FILTER_ID })).toEqual(all.filter((key) => projectOf(key) === 'OPS'));
    expect(await keys(opsOnly, { projectKey: 'SCRUM' })).toEqual([]);
  });

  it('cannot continue an unrestricted token’s page token past its scope', async () => {
    const query = new URLSearchParams({ customjql: JQLS[0]!, outputType: 'jsonSimplified', pageSize: '5' });
    const first = (await (await t.rest(`/rest/list2?${query.toString()}`, { token: open })).json()) as { nextPageToken: string };
    query.set('nextPageToken', first.nextPageToken);
    // Page tokens are sealed to the token that received them: another token's is refused.
    const continued = await t.rest(`/rest/list2?${query.toString()}`, { token: opsOnly });
    expect(continued.status).toBe(400);
    expect(((await continued.json()) as { messages: string[] }).messages[0]).toMatch(/^nextPageToken/);
  });

  it('/rest/issue answers an issue outside its projects as it answers a missing one', async () => {
    const outside = await t.rest('/rest/issue?issueKey=SCRUM-1&outputType=jsonSimplified', { token: opsOnly });
    const missing = await t.rest('/rest/issue?issueKey=SCRUM-99999&outputType=jsonSimplified', { token: opsOnly });
    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await outside.text()).replace('SCRUM-1', 'KEY')).toBe((await missing.text()).replace('SCRUM-99999', 'KEY'));
    expect((await t.rest('/rest/issue?issueKey=SCRUM-1', { token: open })).status).toBe(200);
    expect((await t.rest('/rest/issue?issueKey=OPS-1', { token: opsOnly })).status).toBe(200);
    expect((await t.rest('/rest/issue/expanded?issueKey=SEC-1', { token: opsOnly })).status).toBe(404);
  });

  it('exports only issues of its projects', async () => {
    const params = { filterType: 'customjql', customjql: JQLS[0]!, outputType: 'jsonSimplified' };
    const submitted = await t.rest('/rest/export', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
      token: opsOnly,
    });
    expect(submitted.status).toBe(202);
    let view = (await submitted.json()) as ExportStatusView;
    for (let poll = 0; poll < 600 && view.status !== 'Successful' && view.status !== 'Failed'; poll += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      view = (await (await t.rest(`/rest/export/${view.exportId}`, { token: opsOnly })).json()) as ExportStatusView;
    }
    expect(view.status).toBe('Successful');
    const rows: string[] = [];
    for (const link of view.downloadLinks) {
      const body = (await (await fetch(link, { headers: { authorization: `TISJWT ${opsOnly}` } })).json()) as { results: Array<{ Key: string }> };
      rows.push(...body.results.map((row) => row.Key));
    }
    const all = (await keys(open, { customjql: JQLS[0]! })) as string[];
    expect(rows).toEqual(all.filter((key) => projectOf(key) === 'OPS'));
  });

  it('follows an edit of its scope at the next request', async () => {
    const issued = await t.call(alice, 'tokens/create', { expiresAt: '2099-12-31' });
    expect(await keys(issued.token, { customjql: 'key = SCRUM-1' })).toEqual(['SCRUM-1']);
    await t.call(alice, 'tokens/update', { id: issued.tokenInfo.id, projectKeys: ['OPS'] });
    expect(await keys(issued.token, { customjql: 'key = SCRUM-1' })).toEqual([]);
    await t.call(alice, 'tokens/update', { id: issued.tokenInfo.id, projectKeys: [] });
    expect(await keys(issued.token, { customjql: 'key = SCRUM-1' })).toEqual(['SCRUM-1']);
  });
});

describe('choosing a scope', () => {
  it('offers the projects the caller may browse', async () => {
    expect((await t.call(alice, 'projects/list', {})).projects.map((p) => p.key)).toEqual(['OPS', 'SCRUM', 'SEC']);
    expect((await t.call(carol, 'projects/list', {})).projects.map((p) => p.key)).toEqual(['OPS', 'SCRUM']);
  });

  it('refuses every project the owner may not browse, naming each', async () => {
    const result = await t.invoke(carol, 'tokens/create', { expiresAt: '2099-12-31', projectKeys: ['SEC', 'OPS', 'NOPE'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'projectKeys' } });
    if (!result.ok) {
      expect(result.error.issues?.map((issue) => issue.message)).toEqual([
        'SEC is not a project the token owner may browse',
        'NOPE is not a project the token owner may browse',
      ]);
    }
  });
});
