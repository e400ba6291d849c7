// Replays of the request sequences public clients of the TISJWT API send, against the local
// host: only the base URL changes. Each replay names the client's repository and file,
// sends what that code sends (path, method, parameters, token placement, body encoding)
// and reads the answer the way that code reads it. docs/tis-compatibility.md lists what
// each client relies on.
import { DEMO_ACCOUNTS, generateDataset } from '../../../dev/jira-emulator';
import type { ExportStatusView } from '../../../src/rest/routes/export-routes';
import { startTestHost, type TestHost } from '../../support/host-client';
import { openApiValidator, type OpenApiValidator } from './openapi-validator';

const { alice } = DEMO_ACCOUNTS;
const FILTER_ID = '10000';
let t: TestHost;
let token: string;
let openApi: OpenApiValidator;
let base: string;

beforeAll(async () => {
  const dataset = generateDataset({ seed: 21, issues: 400, projects: 3 });
  t = await startTestHost({
    dataset: {
      ...dataset,
      filters: [{ id: FILTER_ID, name: 'SEC board', jql: 'project = SEC ORDER BY key ASC', owner: alice, description: '', sharePermissions: [] }],
    },
    exportSettings: { softMs: 0, pageIssues: 100, retryDelaySeconds: 0 },
    restRateLimit: { limit: 100_000, windowSeconds: 60 },
  });
  token = (await t.call(alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  openApi = openApiValidator(await (await t.rest('/openapi.json')).json());
  base = `${t.host.url}/webtrigger/rest-api`;
});
afterAll(async () => {
  await t.close();
});

const key = (): string => t.host.emulator!.dataset.issues.find((issue) => issue.changelog.length >= 2)!.key;

interface Cell {
  id: string;
  value: string;
  raw?: string;
  count?: string;
}
interface Row {
  headerColumns: Cell[];
  valueColumns: Cell[];
  currentState: Cell[];
}
interface JsonDocument {
  includedStatuses: Array<{ id: string; name: string }>;
  table: { header: { headerColumns: Cell[]; valueColumns: Array<{ id: string; value: string; isConsolidated: boolean }> }; body: { rows: Row[] } };
}

describe('client replays', () => {
  // gianni1989/timepiece-mcp, timepiece_mcp/server.py (_build_params, _get, _post,
  // _get_binary, _resolve_calendar) and docs/API_REFERENCE.md: an MCP server for AI
  // assistants. GET with tisjwt in the query string; POST form-encoded with tisjwt in the
  // form body (its notes: "tisjwt must go in the form-encoded body"); smallexport read as bytes.
  it('MCP server: calendar search by name, issue, issue/expanded, list2 (token in the form body), smallexport', async () => {
    // _resolve_calendar: a name is searched (exact); a result without an id keeps the name.
    const search = await fetch(`${base}/rest/calendar/search?${new URLSearchParams({ tisjwt: token, name: 'normalHours', searchType: 'exact' })}`);
    expect(search.status).toBe(200);
    const found = (await search.json()) as { calendars: Array<{ id: number | null; name: string }> };
    expect(found.calendars.map((c) => c.name)).toEqual(['normalHours']);
    expect(found.calendars[0]!.id).toBeNull();

    const issueKey = key();
    // timepiece_get_issue: _build_params(issueKey, columnsBy, dayLength, viewFormat, calendar).
    const common = { dayLength: 'businessDays', viewFormat: 'days', calendar: 'normalHours' };
    const issue = await fetch(`${base}/rest/issue?${new URLSearchParams({ tisjwt: token, issueKey, columnsBy: 'statusDuration', ...common })}`);
    expect(issue.status).toBe(200);
    const issueBody = (await issue.json()) as JsonDocument & Record<string, unknown>;
    expect(openApi.problems('JsonTable', issueBody)).toBe('');
    expect(issueBody).toMatchObject({
      dateFormat: 'dd/MMM/yy h:mm a',
      timeZone: 'UTC',
      viewFormat: 'days',
      calendar: { id: null, dailyWorkingHours: 24 },
      excludedStatuses: [],
    });
    // _format_issue_markdown: status names from the header's valueColumns; a row's cells by
    // id, skipping "-", reading raw (ms) and count.
    const names = new Map(issueBody.table.header.valueColumns.map((c) => [c.id, c.value]));
    for (const cell of issueBody.table.body.rows[0]!.valueColumns) {
      expect(names.has(cell.id)).toBe(true);
      if (cell.value === '-') expect(cell.raw).toBeUndefined();
      else {
        expect(cell.raw).toMatch(/^\d+$/);
        expect(cell.count).toMatch(/^\d+$/);
      }
    }

    // timepiece_get_issue_expanded: columnsBy=statusDurationExpanded on issue/expanded.
    const expanded = await fetch(
      `${base}/rest/issue/expanded?${new URLSearchParams({ tisjwt: token, issueKey, columnsBy: 'statusDurationExpanded', ...common })}`,
    );
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

    // timepiece_list_issues: _post("list2", form) with tisjwt first in the form body, every value a string.
    const list2 = await fetch(`${base}/rest/list2`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        tisjwt: token,
        filterType: 'customjql',
        customjql: 'project = SCRUM',
        columnsBy: 'statusDuration',
        ...common,
        pageSize: '100',
      }).toString(),
    });
    expect(list2.status).toBe(200);
    const page = (await list2.json()) as JsonDocument & { pageSize: number };
    expect(openApi.problems('JsonTable', page)).toBe('');
    expect(page.pageSize).toBe(100);
    expect(JSON.stringify(page)).not.toContain(token);
    // _format_list_issues_markdown: key and summary from headerColumns, float(value) per status column.
    const scrum = t.host.emulator!.dataset.issues.filter((i) => i.projectKey === 'SCRUM');
    expect(page.table.body.rows).toHaveLength(Math.min(100, scrum.length));
    for (const row of page.table.body.rows) {
      expect(row.headerColumns.map((c) => c.id)).toEqual(['issuekey', 'summary']);
      for (const cell of row.valueColumns) if (cell.value !== '-') expect(Number.isFinite(parseFloat(cell.value))).toBe(true);
    }

    // timepiece_export_sync: _get_binary("smallexport", ...), written to a file as it came.
    const file = await fetch(
      `${base}/rest/smallexport?${new URLSearchParams({ tisjwt: token, filterType: 'customjql', customjql: 'project = SCRUM', columnsBy: 'statusDuration', ...common, outputType: 'csv' })}`,
    );
    expect(file.status).toBe(200);
    expect((await file.text()).trimEnd().split('\r\n')).toHaveLength(scrum.length + 1);
  });

  // firespring/dev_commands, lib/firespring_dev_commands/jira/issue/time_in_status.rb
  // (Dev::Jira::Issue::TimeInStatus): Net::HTTP GETs with `Authorization: TISJWT <token>`,
  // parameters by URI.encode_www_form, JSON.parse of the body; its comment shows the table
  // it reads (header valueColumns {id, value, isConsolidated}; rows' headerColumns issuekey
  // and summary, valueColumns {id, value (minutes), raw (ms), count}, currentState).
  it('Ruby class: list with multiVisitBehavior=first and a start date, one issue, the calendars', async () => {
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
    const body = (await list.json()) as JsonDocument;
    expect(openApi.problems('JsonTable', body)).toBe('');
    expect(body.table.header.headerColumns).toEqual([
      { id: 'issuekey', value: 'Key' },
      { id: 'summary', value: 'Summary' },
    ]);
    for (const column of body.table.header.valueColumns) expect(column).toEqual({ id: expect.any(String), value: expect.any(String), isConsolidated: false });
    const ops = t.host.emulator!.dataset.issues.filter((i) => i.projectKey === 'OPS' && i.created >= '2021-01-01');
    expect(body.table.body.rows).toHaveLength(ops.length);
    for (const row of body.table.body.rows) {
      for (const cell of row.valueColumns) {
        if (cell.value === '-') continue;
        // value is raw in minutes, the default viewFormat (the class's comment: "# minutes").
        // Rounded to 2 decimals: at most half a hundredth off (a tie such as .675 rounds up).
        expect(Math.abs(Number(cell.value) - Number(cell.raw) / 60_000)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(cell.count).toMatch(/^[1-9]\d*$/);
      }
      expect(row.currentState).toHaveLength(1);
    }
    const issue = await fetch(`${base}/rest/issue?${new URLSearchParams({ issueKey: key(), columnsBy: 'statusDuration', calendar: 'normalHours' })}`, {
      headers,
    });
    expect(issue.status).toBe(200);
    expect(openApi.problems('JsonTable', await issue.json())).toBe('');
    const calendars = await fetch(`${base}/rest/calendar`, { headers });
    expect(calendars.status).toBe(200);
    expect(((await calendars.json()) as Array<{ id: number | null; name: string }>)[0]).toMatchObject({ id: null, name: 'normalHours' });
  });

  // codewithnabarun/metrics, netlify/functions/cycle-time.mjs (the version that loops in the
  // function; later ones moved the request into server/timepieceProxy.js) and
  // src/utils/transform.ts: a cycle-time dashboard. POST to TIS_RELATIVE_PATH (/rest/list2)
  // with paramSetId, outputType=jsonSimplified, viewFormat=days, pageSize (TIS_PAGE_SIZE) and
  // nextPageToken in the query string, `Authorization: TISJWT`, a form body with statuses
  // (TIS_STATUSES); it loops while nextPageToken comes back and reads each record's Key,
  // status columns by name (days, "-" as 0) and Resolved as a date.
  it('JavaScript dashboard: a saved parameter set, jsonSimplified pages until nextPageToken is absent', async () => {
    const set = await t.call(alice, 'paramsets/create', {
      paramSet: { name: 'Cycle time', params: { filterType: 'customjql', customjql: 'project in (SEC, SCRUM, OPS) ORDER BY key', fields: 'resolutiondate' } },
    });
    const statuses = t.host.emulator!.dataset.statuses.slice(0, 2);
    const records: Array<Record<string, unknown>> = [];
    let nextPageToken: string | null = null;
    let pages = 0;
    do {
      // new URL(relativePath, baseUrl) keeps only the base's origin: TIS_RELATIVE_PATH carries the web trigger's path.
      const url = new URL(`${new URL(base).pathname}/rest/list2`, t.host.url);
      url.searchParams.set('paramSetId', set.id);
      url.searchParams.set('outputType', 'jsonSimplified');
      url.searchParams.set('viewFormat', 'days');
      url.searchParams.set('pageSize', '150');
      if (nextPageToken) url.searchParams.set('nextPageToken', nextPageToken);
      const response = await fetch(url, {
        method: 'POST',
        headers: { Authorization: `TISJWT ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ statuses: statuses.map((s) => s.id).join(',') }),
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { results: Array<Record<string, unknown>>; nextPageToken?: string };
      expect(Array.isArray(page.results)).toBe(true);
      records.push(...page.results);
      nextPageToken = page.nextPageToken || null;
      pages += 1;
    } while (nextPageToken && pages < 250);
    expect(pages).toBe(3);
    expect(new Set(records.map((r) => r.Key)).size).toBe(400);
    // transformIssues: Object.entries(record).slice(2) are the columns after Key and Summary.
    for (const record of records) {
      const keys = Object.keys(record);
      expect(keys.slice(0, 2)).toEqual(['Key', 'Summary']);
      for (const status of statuses) {
        const value = record[status.name];
        expect(value === '-' || Number.isFinite(Number(value))).toBe(true);
      }
      // toDateOrNull: new Date(String(value)) unless empty or "-".
      const resolved = record.Resolved;
      if (typeof resolved === 'string' && resolved !== '-') expect(Number.isNaN(new Date(resolved).getTime())).toBe(false);
      else expect(resolved === '-' || resolved === undefined || resolved === null).toBe(true);
    }
    expect(records.some((r) => r.Resolved !== undefined && r.Resolved !== '-')).toBe(true);

    // server/timepieceProxy.js sends TIS_STATUSES unset as an empty form value: every status.
    const unset = new URL(`${new URL(base).pathname}/rest/list2`, t.host.url);
    unset.search = new URLSearchParams({ paramSetId: set.id, outputType: 'jsonSimplified', viewFormat: 'days', pageSize: '150' }).toString();
    const all = await fetch(unset, {
      method: 'POST',
      headers: { Authorization: `TISJWT ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ statuses: '' }),
    });
    expect(all.status).toBe(200);
    const first = ((await all.json()) as { results: Array<Record<string, unknown>> }).results[0]!;
    for (const status of t.host.emulator!.dataset.statuses) expect(first).toHaveProperty([status.name]);
  });

  // General1098/CycleTimeAnalysis, timepiece_integration.py (fetch_status_durations,
  // fetch_transition_dates, build_status_lookup, build_dataframe): Python requests.post to
  // /rest/list2 with `Authorization: TISJWT`, the parameters form-encoded (data=params) for a
  // saved filter (filterType=jqlfilter, jqlFilterID); it names statuses from includedStatuses
  // and the header, finds the key in headerColumns (id issuekey), adds raw / 86400000 as days
  // for durations and reads value of the transition-date report, "-" meaning none.
  it('Python script: two form posts for a saved filter, durations from raw and first transition dates', async () => {
    const headers = { Authorization: `TISJWT ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' };
    const post = async (params: Record<string, string>): Promise<JsonDocument> => {
      const response = await fetch(`${base}/rest/list2`, { method: 'POST', headers, body: new URLSearchParams(params) });
      expect(response.status).toBe(200);
      const body = (await response.json()) as JsonDocument;
      expect(openApi.problems('JsonTable', body)).toBe('');
      return body;
    };
    const durations = await post({
      filterType: 'jqlfilter',
      jqlFilterID: FILTER_ID,
      columnsBy: 'statusduration',
      outputType: 'json',
      calendar: 'normalHours',
      multiVisitBehavior: 'total',
      pageSize: '1000',
    });
    const transitions = await post({
      filterType: 'jqlfilter',
      jqlFilterID: FILTER_ID,
      columnsBy: 'firstTransitionToStatusDate',
      outputType: 'json',
      calendar: 'normalHours',
      pageSize: '1000',
    });
    const sec = t.host.emulator!.dataset.issues.filter((i) => i.projectKey === 'SEC');
    // build_status_lookup: status id -> name from includedStatuses and the header.
    const lookup = new Map<string, string>();
    for (const data of [durations, transitions]) {
      for (const status of data.includedStatuses) lookup.set(status.id, status.name);
      for (const column of data.table.header.valueColumns) expect(lookup.get(column.id)).toBe(column.value);
    }
    for (const status of t.host.emulator!.dataset.statuses) expect(lookup.get(status.id)).toBe(status.name);
    // build_dataframe: one record per key, days = sum of raw / 86400000 over the statuses.
    const keyOf = (row: Row): string | undefined => row.headerColumns.find((c) => c.id === 'issuekey')?.value;
    expect(durations.table.body.rows.map(keyOf).sort()).toEqual(sec.map((i) => i.key).sort());
    for (const row of durations.table.body.rows) {
      const days = row.valueColumns.filter((c) => c.raw !== undefined && c.raw !== '-').reduce((sum, c) => sum + Number(c.raw) / 86_400_000, 0);
      expect(days).toBeGreaterThan(0);
    }
    for (const row of transitions.table.body.rows) {
      expect(keyOf(row)).toBeDefined();
      for (const cell of row.valueColumns) if (cell.value !== '-') expect(cell.value).not.toBe('');
    }
    expect(transitions.table.body.rows).toHaveLength(sec.length);
  });

  // No public client polling /rest/export until `Successful` was found (see
  // docs/tis-compatibility.md); this follows the vendor's "Asynchronous File Export" pages:
  // POST /rest/export, poll GET /rest/export/<exportId> until status is Successful, then GET
  // its downloadLink with the same token.
  it('Export as the vendor documents it: start, poll until Successful, download', async () => {
    const headers = { Authorization: `TISJWT ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' };
    const startResponse = await fetch(`${base}/rest/export`, {
      method: 'POST',
      headers,
      body: new URLSearchParams({ filterType: 'customjql', customjql: 'project in (SEC, SCRUM, OPS)', columnsBy: 'statusDuration', outputType: 'csv' }),
    });
    expect(startResponse.status).toBe(202);
    const started = (await startResponse.json()) as ExportStatusView & { statusLink: string };
    expect(started.statusLink).toContain(`/rest/export/${started.exportId}`);
    let status: ExportStatusView = started;
    for (let polls = 0; status.status !== 'Successful' && polls < 500; polls += 1) {
      expect(['Queued', 'Running', 'Successful']).toContain(status.status);
      await new Promise((resolve) => setTimeout(resolve, 30));
      status = (await (await fetch(`${base}/rest/export/${started.exportId}`, { headers })).json()) as ExportStatusView;
    }
    expect(status).toMatchObject({ status: 'Successful', completed: 400, total: 400 });
    const download = await fetch(status.downloadLink!, { headers });
    expect(download.status).toBe(200);
    expect((await download.text()).trimEnd().split('\r\n')).toHaveLength(401);
  });
});
