// Replays of the request sequences public clients of the TISJWT API send, against the local
// host: only the base URL changes. Each client is named by its repository and file.
import { DEMO_ACCOUNTS, generateDataset } from '../../../dev/jira-emulator';
import type { ExportStatusView } from '../../../src/rest/routes/export-routes';
import { startTestHost, type TestHost } from '../../support/host-client';
import { openApiValidator, type OpenApiValidator } from './openapi-validator';

let t: TestHost;
let token: string;
let openApi: OpenApiValidator;
let base: string;

beforeAll(async () => {
  t = await startTestHost({
    dataset: generateDataset({ seed: 21, issues: 400, projects: 3 }),
    exportSettings: { softMs: 0, pageIssues: 100, retryDelaySeconds: 0 },
    restRateLimit: { limit: 100_000, windowSeconds: 60 },
  });
  token = (await t.call(DEMO_ACCOUNTS.alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  openApi = openApiValidator(await (await t.rest('/openapi.json')).json());
  base = `${t.host.url}/webtrigger/rest-api`;
});
afterAll(async () => {
  await t.close();
});

const key = (): string => t.host.emulator!.dataset.issues.find((issue) => issue.changelog.length >= 2)!.key;

describe('client replays', () => {
  // gianni1989/timepiece-mcp, timepiece_mcp/server.py and docs/API_REFERENCE.md: an MCP server
  // for AI assistants. GET with tisjwt in the query; POST form-encoded with tisjwt in the body.
  it('MCP server: calendar search by name, issue, issue/expanded, list2 (token in the form body), smallexport', async () => {
    const search = await fetch(`${base}/rest/calendar/search?${new URLSearchParams({ name: 'normalHours', searchType: 'exact', tisjwt: token })}`);
    expect(search.status).toBe(200);
    const found = (await search.json()) as { calendars: Array<{ id: number | null; name: string }> };
    expect(found.calendars.map((c) => c.name)).toEqual(['normalHours']);

    const issueKey = key();
    const common = { calendar: 'normalHours', dayLength: 'businessDays', viewFormat: 'days', tisjwt: token };
    const issue = await fetch(`${base}/rest/issue?${new URLSearchParams({ issueKey, columnsBy: 'statusDuration', ...common })}`);
    expect(issue.status).toBe(200);
    const issueBody = (await issue.json()) as Record<string, unknown> & { table: { body: { rows: Array<{ valueColumns: Array<Record<string, string>> }> } } };
    expect(openApi.problems('JsonTable', issueBody)).toBe('');
    expect(issueBody).toMatchObject({
      dateFormat: 'dd/MMM/yy h:mm a',
      timeZone: 'UTC',
      viewFormat: 'days',
      calendar: { id: null, dailyWorkingHours: 24 },
      excludedStatuses: [],
    });
    // The MCP skips "-" cells and reads raw and count from the others.
    for (const cell of issueBody.table.body.rows[0]!.valueColumns) {
      if (cell.value === '-') expect(cell.raw).toBeUndefined();
      else expect(cell.raw).toMatch(/^\d+$/);
    }

    const expanded = await fetch(`${base}/rest/issue/expanded?${new URLSearchParams({ issueKey, columnsBy: 'statusDurationExpanded', ...common })}`);
    expect(expanded.status).toBe(200);
    type Stat = { statusId: number; value: number };
    const doc = (await expanded.json()) as {
      calendar: { dailyWorkingHours: number; timeZone: string };
      table: { body: { rows: Array<{ expanded: { stats: Record<string, Stat[]>; rows: Array<{ uniqueDate: string; statusId: number; value: number }> } }> } };
    };
    expect(openApi.problems('IssueExpanded', doc)).toBe('');
    expect(doc.calendar).toMatchObject({ dailyWorkingHours: 24, timeZone: 'UTC' });
    const { stats, rows } = doc.table.body.rows[0]!.expanded;
    const history = t.host.emulator!.dataset.issues.find((i) => i.key === issueKey)!;
    expect(rows).toHaveLength(history.changelog.filter((entry) => entry.items.some((item) => item.field === 'status')).length + 1);
    expect(rows[0]!.value).toBe(0);
    for (const row of rows) {
      expect(typeof row.statusId).toBe('number');
      expect(row.uniqueDate).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{2} \d{1,2}:\d{2} (AM|PM)$/);
    }
    // The stats agree with the rows: visits per status, and the ms spent add up.
    const visitCounts = new Map(stats.visitCounts!.map((s) => [s.statusId, s.value]));
    for (const row of rows) expect(visitCounts.get(row.statusId)).toBeGreaterThanOrEqual(1);
    expect([...visitCounts.values()].reduce((a, b) => a + b, 0)).toBe(rows.length);
    const spentBeforeLast = rows.slice(1).reduce((sum, row) => sum + row.value, 0);
    const totals = stats.totalValues!.reduce((sum, s) => sum + s.value, 0);
    expect(totals).toBeGreaterThanOrEqual(spentBeforeLast);
    for (const name of ['averageValues', 'minValues', 'maxValues']) expect(stats[name]).toHaveLength(visitCounts.size);

    const list2 = await fetch(`${base}/rest/list2`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ filterType: 'customjql', customjql: 'project = SCRUM', columnsBy: 'statusDuration', pageSize: '100', ...common }).toString(),
    });
    expect(list2.status).toBe(200);
    const page = (await list2.json()) as Record<string, unknown>;
    expect(openApi.problems('JsonTable', page)).toBe('');
    expect(page.pageSize).toBe(100);
    expect(JSON.stringify(page)).not.toContain(token);

    const file = await fetch(
      `${base}/rest/smallexport?${new URLSearchParams({ filterType: 'customjql', customjql: 'project = SCRUM', columnsBy: 'statusDuration', outputType: 'xlsx', ...common })}`,
    );
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])); // a zip: xlsx
  });

  // Ruby client (a `Dev::Jira::Issue::TimeInStatus` class with JIRA_TIS_TOKEN from ~/.env.tis):
  // Authorization: TISJWT, GET /rest/list with customjql, /rest/issue, /rest/calendar.
  it('Ruby client: list with multiVisitBehavior=first and a start date, one issue, the calendars', async () => {
    const headers = { Authorization: `TISJWT ${token}` };
    const list = await fetch(
      `${base}/rest/list?${new URLSearchParams({
        filterType: 'customjql',
        customjql: 'project = OPS',
        columnsBy: 'statusDuration',
        multiVisitBehavior: 'first',
        startDate: '2021-01-01',
        dateRangeField: 'created',
        calendar: 'normalHours',
        dayLength: '24HourDays',
      })}`,
      { headers },
    );
    expect(list.status).toBe(200);
    expect(openApi.problems('JsonTable', await list.json())).toBe('');
    const issue = await fetch(`${base}/rest/issue?${new URLSearchParams({ issueKey: key(), columnsBy: 'statusDuration', calendar: 'normalHours' })}`, {
      headers,
    });
    expect(issue.status).toBe(200);
    const calendars = await fetch(`${base}/rest/calendar`, { headers });
    expect(((await calendars.json()) as Array<{ id: number | null }>)[0]!.id).toBeNull();
  });

  // A Netlify function for a cycle-time dashboard (TIS_BASE_URL, TIS_RELATIVE_PATH=/rest/list2,
  // paramSetId): POST with the query string carrying paging and a form body with statuses,
  // looping on nextPageToken of jsonSimplified.
  it('JavaScript dashboard: jsonSimplified pages until nextPageToken is absent, each issue once', async () => {
    const records: Array<Record<string, unknown>> = [];
    let nextPageToken: string | null = null;
    let pages = 0;
    do {
      const url = new URL('rest/issues/v2', `${base}/`);
      url.searchParams.set('customjql', 'project in (SEC, SCRUM, OPS)');
      url.searchParams.set('outputType', 'jsonSimplified');
      url.searchParams.set('viewFormat', 'days');
      url.searchParams.set('pageSize', '150');
      if (nextPageToken) url.searchParams.set('nextPageToken', nextPageToken);
      const response = await fetch(url, {
        method: 'POST',
        headers: { Authorization: `TISJWT ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ statuses: '10000,3' }),
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { results: Array<Record<string, unknown>>; nextPageToken?: string };
      records.push(...page.results);
      nextPageToken = page.nextPageToken ?? null;
      pages += 1;
    } while (nextPageToken && pages < 20);
    expect(pages).toBe(3);
    expect(new Set(records.map((r) => r.Key)).size).toBe(400);
  });

  // Python script posting form-encoded bodies to /rest/list2 (fetch_status_durations,
  // fetch_transition_dates) and a Timepiece client polling an export: start, poll the status
  // until it is Successful, download.
  it('Python: list2 form posts, then an export polled until Successful and downloaded', async () => {
    const headers = { Authorization: `TISJWT ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' };
    for (const columnsBy of ['statusduration', 'firstTransitionToStatusDate']) {
      const response = await fetch(`${base}/rest/list2`, {
        method: 'POST',
        headers,
        body: new URLSearchParams({
          filterType: 'customjql',
          customjql: 'project = SEC',
          columnsBy,
          outputType: 'json',
          calendar: 'normalHours',
          multiVisitBehavior: 'total',
        }),
      });
      expect(response.status).toBe(200);
    }
    const startResponse = await fetch(`${base}/rest/export`, {
      method: 'POST',
      headers,
      body: new URLSearchParams({ filterType: 'customjql', customjql: 'project in (SEC, SCRUM, OPS)', columnsBy: 'statusDuration', outputType: 'csv' }),
    });
    expect(startResponse.status).toBe(202);
    const started = (await startResponse.json()) as ExportStatusView;
    const exportId = started.exportId;
    let status: ExportStatusView = started;
    for (let polls = 0; status.status !== 'Successful' && polls < 500; polls += 1) {
      expect(['Queued', 'Running', 'Successful']).toContain(status.status);
      await new Promise((resolve) => setTimeout(resolve, 30));
      status = (await (await fetch(`${base}/rest/export/${exportId}`, { headers })).json()) as ExportStatusView;
    }
    expect(status).toMatchObject({ status: 'Successful', completed: 400, total: 400 });
    const download = await fetch(status.downloadLink!, { headers });
    expect(download.status).toBe(200);
    expect((await download.text()).trimEnd().split('\r\n')).toHaveLength(401);
  });
});
