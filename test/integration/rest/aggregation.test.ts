// GET|POST /rest/aggregation: one statistic per column over the selected issues, for all
// of them or per group (groupByFields), checked against the same issues' list report,
// statistic by statistic; the form-body token as the public MCP client sends it
// (fastmcp "timepiece" server: POST form-encoded with tisjwt in the body); bad values are
// 400s naming the parameter.
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { startTestHost, type TestHost } from '../../support/host-client';
import { CUSTOM, fieldDataset } from '../../support/field-dataset';
import { openApiValidator, type OpenApiValidator } from './openapi-validator';

const { alice } = DEMO_ACCOUNTS;
let t: TestHost;
let token: string;
let openapi: OpenApiValidator;

beforeAll(async () => {
  t = await startTestHost({ dataset: fieldDataset().dataset, restRateLimit: { limit: 1000, windowSeconds: 60 } });
  token = (await t.call(alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  openapi = openApiValidator(await (await t.rest('/openapi.json')).json());
});
afterAll(async () => {
  await t.close();
});

interface Column {
  id: string;
  value: string;
  raw?: string;
  count?: string;
}
interface AggregateBody {
  table: {
    header: { headerColumns: Column[]; groupByColumns: Column[]; valueColumns: Column[] };
    body: { rows: Array<{ headerColumns: Column[]; groupByColumns: Column[]; valueColumns: Column[]; issueCount: number }> };
  };
  aggregationType: string;
  issueCount: number;
}
interface ListBody {
  table: { body: { rows: Array<{ headerColumns: Column[]; valueColumns: Column[] }> } };
}

async function get(path: string): Promise<{ status: number; text: string; json: () => unknown }> {
  const response = await t.rest(path, { token });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as unknown };
}

/** Each column's raw values over the list report's rows (only rows that have one), and how many "-" cells were left out. */
async function listValues(query: string): Promise<{ values: Map<string, number[]>; notVisited: number }> {
  const list = (await get(`/rest/list2?${query}`)).json() as ListBody;
  const values = new Map<string, number[]>();
  let notVisited = 0;
  for (const row of list.table.body.rows) {
    for (const cell of row.valueColumns) {
      // A value the issue does not have is "-" without raw (the vendor's shape): not a value.
      if (cell.raw === undefined) {
        expect(cell).toEqual({ id: cell.id, value: '-' });
        notVisited += 1;
        continue;
      }
      let bucket = values.get(cell.id);
      if (!bucket) values.set(cell.id, (bucket = []));
      bucket.push(Number(cell.raw));
    }
  }
  return { values, notVisited };
}

const stats = {
  sum: (v: number[]) => v.reduce((a, b) => a + b, 0),
  average: (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length,
  min: (v: number[]) => Math.min(...v),
  max: (v: number[]) => Math.max(...v),
  count: (v: number[]) => v.length,
  median: (v: number[]) => {
    const s = [...v].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  },
  standardDeviation: (v: number[]) => {
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    return Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  },
};

describe('/rest/aggregation', () => {
  it.each(Object.keys(stats) as Array<keyof typeof stats>)(
    'aggregationType=%s over the issues that have a value, as the list report shows them',
    async (type) => {
      // The current status keeps counting on the host's clock; leaving it out makes both answers fixed.
      const query = 'projectKey=SCRUM&viewFormat=ms&excludeCurrentStatus=true';
      const { values: expected, notVisited } = await listValues(query);
      // The data set has issues that skipped statuses: their "-" must count as nothing, not as 0.
      expect(notVisited).toBeGreaterThan(0);
      const answer = await get(`/rest/aggregation?${query}&aggregationType=${type}`);
      expect(answer.status).toBe(200);
      const body = answer.json() as AggregateBody;
      expect(openapi.problems('JsonAggregation', body)).toBe('');
      expect(body.aggregationType).toBe(type);
      expect(body.table.header.headerColumns).toEqual([]);
      expect(body.table.body.rows).toHaveLength(1);
      const row = body.table.body.rows[0]!;
      expect(row.issueCount).toBe(body.issueCount);
      expect(row.issueCount).toBeGreaterThan(3);
      expect(row.valueColumns.map((c) => c.id).sort()).toEqual([...expected.keys()].sort());
      for (const cell of row.valueColumns) {
        const values = expected.get(cell.id)!;
        // raw is whole milliseconds, as in the list report (the list's raws are rounded already).
        expect(Math.abs(Number(cell.raw) - stats[type](values))).toBeLessThanOrEqual(1);
        if (type !== 'count') expect(cell.count).toBe(String(values.length));
      }
    },
  );

  it('groupByFields: one row per group with its issue count, the groups adding up to the whole', async () => {
    const answer = await get(`/rest/aggregation?projectKey=SCRUM&excludeCurrentStatus=true&aggregationType=sum&groupByFields=${CUSTOM.team}`);
    expect(answer.status).toBe(200);
    const body = answer.json() as AggregateBody;
    expect(openapi.problems('JsonAggregation', body)).toBe('');
    expect(body.table.header.groupByColumns).toEqual([{ id: CUSTOM.team, value: 'Team' }]);
    const groups = body.table.body.rows.map((row) => row.groupByColumns[0]?.value ?? '(none)').sort();
    expect(groups).toEqual(['(none)', 'Mobile', 'Platform']);
    expect(body.table.body.rows.find((row) => row.groupByColumns[0]?.value === 'Platform')?.issueCount).toBe(4);
    expect(body.table.body.rows.reduce((sum, row) => sum + row.issueCount, 0)).toBe(body.issueCount);
    const whole = (await get('/rest/aggregation?projectKey=SCRUM&excludeCurrentStatus=true&aggregationType=sum')).json() as AggregateBody;
    for (const cell of whole.table.body.rows[0]!.valueColumns) {
      const parts = body.table.body.rows.map((row) => Number(row.valueColumns.find((c) => c.id === cell.id)?.raw ?? 0));
      expect(Math.abs(parts.reduce((a, b) => a + b, 0) - Number(cell.raw))).toBeLessThanOrEqual(parts.length);
    }
  });

  it('POST with a form body carrying the token, as the public MCP client sends it; jsonSimplified and csv', async () => {
    const form = new URLSearchParams({
      filterType: 'customjql',
      customjql: 'project = SCRUM',
      columnsBy: 'statusDuration',
      aggregationType: 'average',
      viewFormat: 'days',
      groupByFields: 'priority',
      outputType: 'jsonSimplified',
      tisjwt: token,
    });
    const response = await t.rest('/rest/aggregation', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(token);
    const results = (JSON.parse(text) as { results: Array<Record<string, string | null>> }).results;
    expect(results.length).toBeGreaterThan(1);
    expect(Object.keys(results[0]!).slice(0, 2)).toEqual(['Priority', 'Issues']);
    form.set('outputType', 'csv');
    const csv = await (await t.rest('/rest/aggregation', { method: 'POST', body: form.toString() })).text();
    expect(csv.split('\r\n')[0]?.startsWith('Priority,Issues,')).toBe(true);
  });

  it('bad values are 400s naming the parameter', async () => {
    const messages = async (path: string): Promise<string[]> => {
      const answer = await get(path);
      expect(answer.status).toBe(400);
      return (answer.json() as { messages: string[] }).messages;
    };
    expect(await messages('/rest/aggregation?projectKey=SCRUM')).toEqual([expect.stringMatching(/^aggregationType: is required/)]);
    expect(await messages('/rest/aggregation?projectKey=SCRUM&aggregationType=mode')).toEqual([
      expect.stringMatching(/^aggregationType: 'mode' is not one of/),
    ]);
    expect(await messages('/rest/aggregation?projectKey=SCRUM&aggregationType=sum&columnsBy=firstTransitionToStatusDate')).toEqual([
      expect.stringMatching(/^columnsBy: firstTransitionToStatusDate reports dates/),
    ]);
    expect(await messages('/rest/aggregation?projectKey=SCRUM&aggregationType=sum&groupByFields=customfield_424242')).toEqual([
      expect.stringMatching(/^groupByFields: Jira has no field 'customfield_424242'/),
    ]);
    expect(await messages('/rest/aggregation?aggregationType=sum')).toEqual([expect.stringMatching(/^filterType: /)]);
  });
});
