// Requests shaped like real clients' (Power BI, Excel, Python scripts written for the
// TISJWT API) replayed against the local host; responses checked field by field.
import { DEMO_ACCOUNTS, STATUS_IDS } from '../../../dev/jira-emulator';
import type { JsonTableDocument } from '../../../src/reporting/output/json-table';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../../support/host-client';
import { openApiValidator, type OpenApiValidator } from './openapi-validator';

/** outputType=jsonSimplified, as the OpenAPI check just before each use validates it. */
type SimplifiedDocument = { results: Array<Record<string, string | null>>; nextPageToken?: string };

const { alice, bob } = DEMO_ACCOUNTS;
let t: TestHost;
let token: string;
let openapi: OpenApiValidator;

beforeAll(async () => {
  t = await startTestHost();
  token = (await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31', notes: 'Power BI' })).token;
  openapi = openApiValidator(await (await t.rest('/openapi.json')).json());
});
afterAll(async () => {
  await t.close();
});

const scrumKeys = () =>
  t.host
    .emulator!.dataset.issues.filter((i) => i.projectKey === 'SCRUM' && i.securityLevelId === null)
    .map((i) => i.key)
    .sort();

describe('client compatibility', () => {
  it('GET /rest/list with filterType=customjql, lower-case columnsBy, multiVisitBehavior, dayLength and ?tisjwt=', async () => {
    const query = new URLSearchParams({
      filterType: 'customjql',
      customjql: 'project = SCRUM ORDER BY key ASC',
      columnsBy: 'statusduration',
      multiVisitBehavior: 'Total',
      dayLength: '24HourDays',
      viewFormat: 'days',
      tisjwt: token,
    });
    // No Authorization header: the token travels in the query string only.
    const response = await fetch(`${t.host.url}/webtrigger/rest-api/rest/list?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as JsonTableDocument;
    expect(openapi.problems('JsonTable', body)).toBe('');
    expect(Object.keys(body).sort()).toEqual(['calendar', 'dateFormat', 'excludedStatuses', 'includedStatuses', 'pageSize', 'table', 'timeZone', 'viewFormat']);
    expect(body.table.header.headerColumns).toEqual([
      { id: 'issuekey', value: 'Key' },
      { id: 'summary', value: 'Summary' },
    ]);
    expect(body.table.header.groupByColumns).toEqual([]);
    expect(body.table.header.fieldColumns).toEqual([]);
    expect(body.table.header.valueColumns).toEqual([
      { id: STATUS_IDS.toDo, value: 'To Do', isConsolidated: false },
      { id: STATUS_IDS.inProgress, value: 'In Progress', isConsolidated: false },
      { id: STATUS_IDS.inReview, value: 'In Review', isConsolidated: false },
      { id: STATUS_IDS.done, value: 'Done', isConsolidated: false },
    ]);
    expect(body.includedStatuses).toMatchObject(body.table.header.valueColumns.map((c: { id: string; value: string }) => ({ id: c.id, name: c.value })));
    const rows = body.table.body.rows;
    expect(rows.map((row) => row.headerColumns[0]!.value).sort()).toEqual(scrumKeys());
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['currentState', 'fieldColumns', 'groupByColumns', 'headerColumns', 'valueColumns']);
      expect(row.headerColumns.map((c) => c.id)).toEqual(['issuekey', 'summary']);
      for (const cell of row.valueColumns) {
        // A status the issue never visited: "-" without raw or count, as the vendor sends it.
        if (cell.value === '-') {
          expect(Object.keys(cell).sort()).toEqual(['id', 'value']);
          continue;
        }
        expect(Object.keys(cell).sort()).toEqual(['count', 'id', 'raw', 'value']);
        expect(cell.raw).toMatch(/^\d+$/);
        expect(cell.value).toBe((Number(cell.raw) / 86_400_000).toFixed(2));
        expect(cell.count).toMatch(/^[1-9]\d*$/);
      }
      expect(row.currentState).toHaveLength(1);
      expect(Object.keys(row.currentState[0]!).sort()).toEqual(['id', 'name', 'raw', 'value']);
    }
  });

  it('POST form-encoded /rest/list2 with paramSetId, statuses, outputType=jsonSimplified, then nextPageToken', async () => {
    const set = await t.call(alice, 'paramsets/create', {
      paramSet: { name: 'SCRUM weekly', params: { filterType: 'customjql', customjql: 'project = SCRUM', viewFormat: 'hours', pageSize: '7' } },
    });
    const results: Array<Record<string, string | null>> = [];
    let nextPageToken: string | undefined;
    for (let page = 0; page < 20; page += 1) {
      const form = new URLSearchParams({ paramSetId: set.id, statuses: `${STATUS_IDS.inProgress},${STATUS_IDS.inReview}`, outputType: 'jsonSimplified' });
      if (nextPageToken) form.set('nextPageToken', nextPageToken);
      const response = await t.rest('/rest/list2', {
        token,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as SimplifiedDocument;
      expect(openapi.problems('JsonSimplified', body)).toBe('');
      expect(body.results.length).toBeLessThanOrEqual(7);
      for (const result of body.results) {
        expect(Object.keys(result)).toEqual(['Key', 'Summary', 'In Progress', 'In Review']);
        for (const name of ['In Progress', 'In Review']) if (result[name] !== null) expect(result[name]).toMatch(/^\d+\.\d\d$/);
      }
      results.push(...body.results);
      nextPageToken = body.nextPageToken;
      if (nextPageToken === undefined) {
        expect('nextPageToken' in body).toBe(false);
        break;
      }
    }
    expect(results.map((r) => r.Key).sort()).toEqual(scrumKeys());
  });

  it('query string and form body together; explicit parameters override the saved set', async () => {
    const set = await t.call(alice, 'paramsets/create', { paramSet: { name: 'CSV of SCRUM', params: { projectKey: 'SCRUM', outputType: 'csv' } } });
    const response = await t.rest(`/rest/list?paramSetId=${set.id}&OUTPUTTYPE=JSONSIMPLIFIED`, {
      token,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'columnsBy=STATUSCOUNT&pagesize=2',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as SimplifiedDocument;
    expect(body.results).toHaveLength(2);
    for (const value of Object.values(body.results[0] as Record<string, string | null>).slice(2)) if (value !== null) expect(value).toMatch(/^\d+$/);
  });

  it('parameter sets: anyone lists, only admins change, and bad parameters are refused by name', async () => {
    expect((await t.call(bob, 'paramsets/list', {})).paramSets.length).toBeGreaterThan(0);
    expect(await t.invoke(bob, 'paramsets/create', { paramSet: { name: 'mine', params: { projectKey: 'SCRUM' } } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const bad = await t.invoke(alice, 'paramsets/create', { paramSet: { name: 'bad', params: { columnsBy: 'nope', wat: '1' } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    if (!bad.ok) expect(bad.error.issues?.map((i) => i.field).sort()).toEqual(['paramSet.params.columnsBy', 'paramSet.params.wat']);
    const set = await t.call(alice, 'paramsets/create', { paramSet: { name: 'temp', params: { projectKey: 'OPS' } } });
    const updated = await t.call(alice, 'paramsets/update', { id: set.id, paramSet: { name: 'temp2', params: { projectKey: 'SCRUM' } } });
    expect(updated).toMatchObject({ name: 'temp2', params: { projectKey: 'SCRUM' } });
    await t.call(alice, 'paramsets/delete', { id: set.id });
    expect((await t.call(bob, 'paramsets/list', {})).paramSets.map((s) => s.id)).not.toContain(set.id);
  });
});

describe('throttling', () => {
  it('429 with Retry-After once a token exceeds its request rate', async () => {
    const limited = await startTestHost({ restRateLimit: { limit: 3, windowSeconds: 60 } });
    try {
      const { token: own } = await limited.call(bob, 'tokens/create', { expiresAt: '2099-12-31' });
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 5; i += 1) {
        last = await limited.rest('/rest/whoami', { token: own });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await last!.json()).toMatchObject({ status: 429, message: 'Too many requests' });
    } finally {
      await limited.close();
    }
  });

  it('503 with Retry-After when Jira throttles beyond the time budget', async () => {
    const busy = await startTestHost({ restSyncBudget: { softMs: 500, hardMs: 1500 } });
    try {
      const { token: own } = await busy.call(bob, 'tokens/create', { expiresAt: '2099-12-31' });
      busy.host.emulator!.setFaults({ rateLimit: { count: 1000, retryAfterSeconds: 60 }, pathPrefix: '/rest/api/3/search' });
      const response = await busy.rest('/rest/list?projectKey=SCRUM', { token: own });
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      const body: unknown = await response.json();
      expect(body).toMatchObject({ status: 503, message: 'Service unavailable' });
      // The activity log keeps what the caller was told, for the admin and the owner.
      const { messages } = body as { messages: string[] };
      const [row] = (await busy.call(alice, 'admin/activity/list', {}, ADMIN_PAGE)).requests;
      expect(row).toMatchObject({ status: 503, message: messages.join(' ') });
      expect(row?.message).toContain('Jira is busy');
    } finally {
      await busy.close();
    }
  });
});
