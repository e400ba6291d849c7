// The REST reporting API end to end on the local host: every endpoint and output type,
// parameter errors that name the parameter, the owner's permissions whatever the JQL,
// and every JSON response checked against the served OpenAPI document.
import { demoDataset, DEMO_ACCOUNTS, STATUS_IDS } from '../../../dev/jira-emulator';
import { COLUMNS_BY } from '../../../src/reporting/kinds';
import { OUTPUT_TYPES } from '../../../src/reporting/report-params';
import { startTestHost, type TestHost } from '../../support/host-client';
import { openApiValidator, type OpenApiValidator } from './openapi-validator';

const { alice, bob, carol } = DEMO_ACCOUNTS;
const FORMULA_SUMMARY = '=HYPERLINK("http://evil.example","click")';

let t: TestHost;
let aliceToken: string;
let carolToken: string;
let openapi: OpenApiValidator;

beforeAll(async () => {
  const dataset = demoDataset();
  const target = dataset.issues.find((issue) => issue.projectKey === 'SCRUM');
  if (target) target.summary = FORMULA_SUMMARY;
  t = await startTestHost({ dataset, restRateLimit: { limit: 1000, windowSeconds: 60 } });
  aliceToken = (await t.call(alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  carolToken = (await t.call(carol, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  const doc = await t.rest('/openapi.json');
  expect(doc.status).toBe(200);
  openapi = openApiValidator(await doc.json());
});
afterAll(async () => {
  await t.close();
});

const dataset = () => t.host.emulator!.dataset;

async function getJson(path: string, token = aliceToken, init: RequestInit = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await t.rest(path, { token, ...init });
  const text = await response.text();
  return {
    status: response.status,
    body: text.length > 0 && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
    headers: response.headers,
  };
}

function expectSchema(name: string, value: unknown): void {
  expect(openapi.problems(name, value)).toBe('');
}

interface TableBody {
  table: {
    header: { valueColumns: Array<{ id: string; value: string }> };
    body: {
      rows: Array<{ headerColumns: Array<{ id: string; value: string }>; valueColumns: Array<{ id: string; value: string; raw: string; count?: string }> }>;
    };
  };
  includedStatuses: Array<{ id: string; name: string }>;
  nextPageToken?: string;
}
const keysOf = (body: unknown): string[] => (body as TableBody).table.body.rows.map((row) => row.headerColumns[0]?.value ?? '');

describe('report endpoints', () => {
  it.each(COLUMNS_BY.flatMap((columnsBy) => OUTPUT_TYPES.filter((outputType) => outputType !== 'xlsx').map((outputType) => [columnsBy, outputType] as const)))(
    '/rest/list columnsBy=%s outputType=%s',
    async (columnsBy, outputType) => {
      const extra =
        columnsBy === 'durationBetweenStatuses' ? `&toStatuses=${STATUS_IDS.done}` : columnsBy === 'anyFieldDurationExpanded' ? '&historyFields=priority' : '';
      const { status, body, headers } = await getJson(`/rest/list?projectKey=SCRUM&columnsBy=${columnsBy}&outputType=${outputType}&pageSize=5${extra}`);
      expect(status).toBe(200);
      if (outputType === 'csv') {
        expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
        const lines = String(body).trimEnd().split('\r\n');
        expect(lines[0]?.startsWith('Key,Summary')).toBe(true);
        expect(lines.length).toBeGreaterThan(1);
      } else if (outputType === 'json') {
        expectSchema('JsonTable', body);
        expect((body as TableBody).table.body.rows.length).toBeGreaterThan(0);
      } else {
        expectSchema('JsonSimplified', body);
        expect((body as { results: unknown[] }).results.length).toBeGreaterThan(0);
      }
    },
  );

  it('/rest/list2 pages with nextPageToken (json body and X-Next-Page-Token header)', async () => {
    const scrum = dataset()
      .issues.filter((issue) => issue.projectKey === 'SCRUM')
      .map((issue) => issue.key)
      .sort();
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 50; page += 1) {
      const { status, body, headers } = await getJson(`/rest/list2?projectKey=SCRUM&pageSize=4${token ? `&nextPageToken=${encodeURIComponent(token)}` : ''}`);
      expect(status).toBe(200);
      expectSchema('JsonTable', body);
      seen.push(...keysOf(body));
      token = (body as TableBody).nextPageToken;
      expect(headers.get('x-next-page-token') ?? undefined).toBe(token);
      if (token === undefined) break;
    }
    expect(seen.sort()).toEqual(scrum);
  });

  it('/rest/list pages with startIssueIndex', async () => {
    const all = keysOf((await getJson('/rest/list?projectKey=SCRUM')).body);
    const second = keysOf((await getJson('/rest/list?projectKey=SCRUM&pageSize=3&startIssueIndex=3')).body);
    expect(second).toEqual(all.slice(3, 6));
  });

  it('/rest/issue and /rest/issue/expanded answer one issue; a value the issue never had is absent', async () => {
    const issue = dataset().issues.find((i) => i.projectKey === 'SCRUM' && i.statusId === STATUS_IDS.toDo && i.changelog.length === 0);
    const key = issue?.key ?? 'SCRUM-1';
    const { status, body } = await getJson(`/rest/issue?issueKey=${key}`);
    expect(status).toBe(200);
    expectSchema('JsonTable', body);
    const row = (body as TableBody).table.body.rows[0]!;
    expect(row.headerColumns).toEqual([
      { id: 'issuekey', value: key },
      { id: 'summary', value: expect.any(String) },
    ]);
    if (issue) expect(row.valueColumns.map((c) => c.id)).toEqual([STATUS_IDS.toDo]);
    // One row per visit stays available on the list endpoints and as jsonSimplified here.
    const visits = await getJson(`/rest/issue/expanded?issueKey=${key}&viewFormat=readable&outputType=jsonSimplified`);
    expect(visits.status).toBe(200);
    expectSchema('JsonSimplified', visits.body);
    expect(Object.keys((visits.body as { results: Array<Record<string, unknown>> }).results[0]!)).toEqual([
      'Key',
      'Summary',
      'Status',
      'Start',
      'End',
      'Duration',
      'Transitioned By',
    ]);
  });

  it('raw is milliseconds and value is raw in viewFormat; count is the number of visits', async () => {
    const hours = (await getJson('/rest/list?projectKey=SCRUM&pageSize=10&viewFormat=hours')).body as TableBody;
    for (const row of hours.table.body.rows) {
      for (const cell of row.valueColumns) {
        // A status never visited is "-" with neither raw nor count.
        if (cell.value === '-') {
          expect(cell).toEqual({ id: cell.id, value: '-' });
          continue;
        }
        expect(cell.raw).toMatch(/^\d+$/);
        expect(cell.value).toBe((Number(cell.raw) / 3_600_000).toFixed(2));
        expect(Number(cell.count)).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('/rest/calendar lists normalHours and admin calendars; /rest/calendar/{id} answers one; a report can use it', async () => {
    const created = await t.call(alice, 'admin/calendars/create', {
      calendar: {
        name: 'Office',
        timeZone: 'Europe/Berlin',
        windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: 9 * 3_600_000, end: 17 * 3_600_000 })),
        holidays: [],
      },
    });
    const list = await getJson('/rest/calendar');
    expect(list.status).toBe(200);
    for (const calendar of list.body as unknown[]) expectSchema('Calendar', calendar);
    expect((list.body as Array<{ calendarId: string }>).map((c) => c.calendarId)).toEqual(['normalHours', created.id]);
    const one = await getJson(`/rest/calendar/${created.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ calendarId: created.id, name: 'Office' });
    expect((await getJson('/rest/calendar/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const byCalendar = await getJson(`/rest/list?projectKey=SCRUM&pageSize=3&calendar=${created.id}&dayLength=businessDays&viewFormat=days`);
    expect(byCalendar.status).toBe(200);
    const byName = await getJson('/rest/list?projectKey=SCRUM&pageSize=3&calendar=office');
    expect(byName.status).toBe(200);
  });

  it('/rest/whoami and /openapi.json (no token needed for the latter)', async () => {
    const whoami = await getJson('/rest/whoami');
    expectSchema('Whoami', whoami.body);
    expect((await t.rest('/openapi.json')).status).toBe(200);
  });
});

describe('CSV', () => {
  it('is RFC 4180 with a header row and neutralises cells a spreadsheet would run as formulas', async () => {
    const { body, headers } = await getJson('/rest/list?projectKey=SCRUM&outputType=csv');
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = String(body);
    expect(text).toContain(`'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text.endsWith('\r\n')).toBe(true);
  });
});

describe('errors', () => {
  const messagesOf = (body: unknown): string[] => (body as { messages: string[] }).messages;

  it.each([
    ['/rest/list?projectKey=SCRUM&columnsBy=nonsense', 'columnsBy'],
    ['/rest/list?projectKey=SCRUM&startDate=2025-13-45', 'startDate'],
    ['/rest/list?projectKey=SCRUM&trimHistoryStartDate=yesterday', 'trimHistoryStartDate'],
    ['/rest/list?projectKey=SCRUM&pageSize=0', 'pageSize'],
    ['/rest/list?projectKey=SCRUM&pageSize=100000', 'pageSize'],
    ['/rest/list?projectKey=SCRUM&calendar=nowhere', 'calendar'],
    ['/rest/list?projectKey=SCRUM&frobnicate=1', 'frobnicate'],
    ['/rest/list?projectKey=SCRUM&outputType=xml', 'outputType'],
    ['/rest/list?projectKey=SCRUM&statuses=Nope', 'statuses'],
    ['/rest/list?customjql=project%20%3D%20NOPE', 'customjql'],
    ['/rest/list?filterType=customjql&customjql=status%20~%20x', 'customjql'],
    ['/rest/list?projectKey=SCRUM&nextPageToken=garbage', 'nextPageToken'],
    ['/rest/list', 'filterType'],
    ['/rest/list?projectKey=SCRUM&paramSetId=00000000-0000-4000-8000-000000000000', 'paramSetId'],
  ])('%s is a 400 naming %s', async (path, param) => {
    const { status, body } = await getJson(path);
    expect(status).toBe(400);
    expectSchema('Error', body);
    expect(body).toMatchObject({ status: 400, message: 'Bad request' });
    expect(messagesOf(body).some((m) => m.startsWith(`${param}:`))).toBe(true);
  });

  it('names every bad parameter at once', async () => {
    const { body } = await getJson('/rest/list?projectKey=SCRUM&columnsBy=x&pageSize=0&viewFormat=fortnights');
    expect(
      messagesOf(body)
        .map((m) => m.split(':')[0])
        .sort(),
    ).toEqual(['columnsBy', 'pageSize', 'viewFormat']);
  });

  it('404 for an unknown path, 405 with Allow for a wrong method, 413 for an oversized body, 401 without a token', async () => {
    const unknown = await getJson('/rest/nothing-here');
    expect(unknown.status).toBe(404);
    expectSchema('Error', unknown.body);
    const wrong = await getJson('/rest/calendar', aliceToken, { method: 'POST', body: 'a=b' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    const big = await getJson('/rest/list2', aliceToken, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `customjql=${'x'.repeat(2 * 1024 * 1024)}`,
    });
    expect(big.status).toBe(413);
    expectSchema('Error', big.body);
    const missing = await t.rest('/rest/list?projectKey=SCRUM');
    expect(missing.status).toBe(401);
  });

  it('404 for an issue that does not exist, exactly as for one the owner may not browse', async () => {
    const secret = dataset().issues.find((issue) => issue.projectKey === 'SEC')!.key;
    const hidden = await getJson(`/rest/issue?issueKey=${secret}`, carolToken);
    const absent = await getJson('/rest/issue?issueKey=SCRUM-99999', carolToken);
    expect(hidden.status).toBe(404);
    expect(absent.status).toBe(404);
    expect((hidden.body as { messages: string[] }).messages[0]).toBe(`issueKey: issue ${secret} does not exist or the token owner may not browse it`);
  });

  it('never answers with a stack trace or the token', async () => {
    for (const path of ['/rest/list?customjql=(((', `/rest/list?projectKey=SCRUM&tisjwt=${aliceToken}&bad=1`]) {
      const response = await t.rest(path, { token: aliceToken });
      const text = await response.text();
      expect(text).not.toContain(aliceToken);
      expect(text).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });
});

describe('permissions', () => {
  const secKeys = () =>
    dataset()
      .issues.filter((issue) => issue.projectKey === 'SEC')
      .map((issue) => issue.key);

  it.each([
    'project = SEC',
    'project in (SEC, SCRUM, OPS)',
    'project = SEC OR project != SEC',
    'key in (SEC-1, SEC-2, SEC-3)',
    'assignee = currentUser() OR assignee != currentUser()',
  ])('a token whose owner may not browse SEC never sees its issues: %s', async (jql) => {
    const { status, body } = await getJson(`/rest/list?customjql=${encodeURIComponent(jql)}`, carolToken);
    if (status === 400) return; // a JQL error (e.g. unknown key) shows no issue either
    expect(status).toBe(200);
    const keys = keysOf(body);
    for (const key of secKeys()) expect(keys).not.toContain(key);
  });

  it('the same JQL shows SEC issues to an owner who may browse it', async () => {
    const { body } = await getJson('/rest/list?customjql=project%20%3D%20SEC');
    expect(keysOf(body).length).toBe(secKeys().length);
  });

  it('a CSV export or jsonSimplified of the same JQL holds no SEC key for Carol', async () => {
    for (const outputType of ['csv', 'jsonSimplified']) {
      const { body } = await getJson(`/rest/list?customjql=${encodeURIComponent('project in (SEC, SCRUM)')}&outputType=${outputType}`, carolToken);
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      for (const key of secKeys()) expect(text).not.toMatch(new RegExp(`\\b${key}\\b`));
    }
  });
});

describe('activity log and rate limit', () => {
  it('records token id, endpoint, issue count, status and duration for the admin, never the token', async () => {
    const { tokenInfo, token } = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31' });
    await t.rest('/rest/list?projectKey=SCRUM&pageSize=2', { token });
    await t.rest('/rest/list?projectKey=SCRUM&pageSize=0', { token });
    const page = await t.call(alice, 'admin/activity/list', { tokenId: tokenInfo.id });
    expect(page.requests.map((r) => [r.endpoint, r.status, r.issueCount])).toEqual([
      ['/rest/list', 400, 0],
      ['/rest/list', 200, 2],
    ]);
    expect(page.requests[0]).toMatchObject({ tokenId: tokenInfo.id, ownerAccountId: bob, method: 'GET', durationMs: expect.any(Number) });
    expect(JSON.stringify(page)).not.toContain(token);
    const refused = await t.invoke(bob, 'admin/activity/list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it("keeps each failure's message: the 400 the caller got, and for a refused token which check failed", async () => {
    const { tokenInfo, token } = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31' });
    const bad = await getJson('/rest/list?projectKey=SCRUM&pageSize=0', token);
    expect(bad.status).toBe(400);
    const told = (bad.body as { messages: string[] }).messages;
    expect(told.join(' ')).toContain('pageSize');
    await t.rest('/rest/whoami', { token });
    await t.call(bob, 'tokens/update', { id: tokenInfo.id, active: false });
    expect((await t.rest('/rest/whoami', { token })).status).toBe(401);

    const page = await t.call(alice, 'admin/activity/list', { tokenId: tokenInfo.id });
    expect(page.requests.map((r) => [r.status, r.refusal, r.message])).toEqual([
      [401, 'INACTIVE', 'The token is deactivated.'],
      [200, null, null],
      [400, null, told.join(' ')],
    ]);
  });

  it("shows a token's owner, and only its owner, the token's requests with each refusal's reason", async () => {
    const { tokenInfo, token } = await t.call(carol, 'tokens/create', { expiresAt: '2099-12-31' });
    expect((await t.rest('/rest/list?projectKey=SCRUM&outputType=xml', { token })).status).toBe(400);
    await t.call(carol, 'tokens/update', { id: tokenInfo.id, active: false });
    expect((await t.rest('/rest/whoami', { token })).status).toBe(401);

    const mine = await t.call(carol, 'tokens/activity', { id: tokenInfo.id });
    expect(mine.total).toBe(2);
    expect(mine.requests.map((r) => [r.endpoint, r.status, r.refusal])).toEqual([
      ['/rest/whoami', 401, 'INACTIVE'],
      ['/rest/list', 400, null],
    ]);
    expect(mine.requests[0]?.message).toBe('The token is deactivated.');
    expect(mine.requests[1]?.message).toContain("outputType: 'xml' is not one of");
    // Someone else's token, or none: the same NOT_FOUND, naming the field; admins too.
    for (const [caller, id] of [
      [bob, tokenInfo.id],
      [alice, tokenInfo.id],
      [carol, '00000000-0000-4000-8000-000000000000'],
    ] as const) {
      expect(await t.invoke(caller, 'tokens/activity', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
    }
    expect(await t.invoke(carol, 'tokens/activity', { id: 'abc' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'id' } });
  });

  it('never stores token text that a bad parameter or path carried', async () => {
    const { tokenInfo, token } = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31' });
    const pasted = encodeURIComponent(token);
    for (const path of [
      `/rest/list?projectKey=SCRUM&pageSize=${pasted}`,
      `/rest/list?projectKey=SCRUM&${pasted}=1`,
      `/rest/list?customjql=${pasted}`,
      `/rest/export/${pasted}`,
      `/rest/calendar/${pasted}`,
    ]) {
      const answer = await t.rest(path, { token });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      await answer.arrayBuffer();
    }
    const page = await t.call(alice, 'admin/activity/list', { tokenId: tokenInfo.id });
    expect(page.requests).toHaveLength(5);
    for (const row of page.requests) expect(row.message).toEqual(expect.any(String));
    const stored = JSON.stringify(page);
    for (const part of token.split('.')) expect(stored).not.toContain(part.slice(0, 16));
  });
});
