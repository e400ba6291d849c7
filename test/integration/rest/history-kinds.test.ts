// The report kinds of issue 13 item 3 on the local host, against the Jira emulator:
// anyFieldDurationExpanded over priority and a custom select's history,
// includeTransitionedByColumns (who made each transition, from the changelog author),
// transitionCount and the time-period kinds, each checked against the dataset itself and
// validated against /openapi.json; bad values are 400s naming the parameter.
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { startTestHost, type TestHost } from '../../support/host-client';
import { CUSTOM, fieldDataset } from '../../support/field-dataset';
import { openApiValidator, type OpenApiValidator } from './openapi-validator';

const { alice } = DEMO_ACCOUNTS;
let t: TestHost;
let token: string;
let openapi: OpenApiValidator;
let richKey: string;

beforeAll(async () => {
  const built = fieldDataset();
  richKey = built.richKey;
  t = await startTestHost({ dataset: built.dataset, restRateLimit: { limit: 1000, windowSeconds: 60 } });
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
}
interface Table {
  table: {
    header: { valueColumns: Column[]; groupByColumns: Column[] };
    body: { rows: Array<{ headerColumns: Column[]; groupByColumns: Column[]; valueColumns: Column[] }> };
  };
}

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const response = await t.rest(path, { token });
  const text = await response.text();
  return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}
/** A cell the row has no value for: "-" without raw or count, as the vendor sends it. */
const NOT_SET = { id: 'transitionedBy', value: '-' };
const cellsOf = (row: { valueColumns: Column[] }): Record<string, Column> => Object.fromEntries(row.valueColumns.map((c) => [c.id, c]));
const jql = (): string => encodeURIComponent(`key = ${richKey}`);
const issue = () => t.host.emulator!.dataset.issues.find((i) => i.key === richKey)!;
const userName = (id: string): string => t.host.emulator!.dataset.users.find((u) => u.accountId === id)?.displayName ?? id;

describe('anyFieldDurationExpanded', () => {
  it('one row per stay of each history field at one value, with who set it', async () => {
    const answer = await get(
      `/rest/list2?customjql=${jql()}&columnsBy=anyFieldDurationExpanded&historyFields=priority,${CUSTOM.team}&includeTransitionedByColumns=true&viewFormat=ms`,
    );
    expect(answer.status).toBe(200);
    const body = answer.body as Table;
    expect(openapi.problems('JsonTable', body)).toBe('');
    expect(body.table.header.valueColumns.map((c) => c.id)).toEqual(['field', 'value', 'start', 'end', 'duration', 'transitionedBy']);
    const rows = body.table.body.rows.map(cellsOf);
    const created = Date.parse(issue().created);
    const raised = issue().changelog.find((c) => c.items.some((i) => i.field === 'priority'))!;
    const teamChange = issue().changelog.find((c) => c.items.some((i) => i.field === CUSTOM.team))!;
    expect(rows.map((r) => [r.field?.raw, r.value?.value, r.value?.raw])).toEqual([
      ['priority', 'Medium', '3'],
      ['priority', 'High', '2'],
      [CUSTOM.team, 'Platform', '20001'],
      [CUSTOM.team, 'Mobile', '20002'],
    ]);
    expect(rows[0]!.start?.raw).toBe(String(created));
    expect(rows[0]!.end?.raw).toBe(String(Date.parse(raised.created)));
    expect(rows[0]!.duration?.raw).toBe(String(Date.parse(raised.created) - created));
    expect(rows[0]!.transitionedBy).toEqual(NOT_SET);
    expect(rows[1]!.transitionedBy).toEqual({ id: 'transitionedBy', value: userName(raised.author), raw: raised.author });
    expect(rows[3]!.transitionedBy).toEqual({ id: 'transitionedBy', value: userName(teamChange.author), raw: teamChange.author });
  });

  it('needs historyFields, and only fields Jira has (400s naming historyFields)', async () => {
    const missing = await get(`/rest/list2?customjql=${jql()}&columnsBy=anyFieldDurationExpanded`);
    expect(missing.status).toBe(400);
    expect((missing.body as { messages: string[] }).messages[0]).toMatch(/^historyFields: is required/);
    const unknown = await get(`/rest/list2?customjql=${jql()}&columnsBy=anyFieldDurationExpanded&historyFields=customfield_31337`);
    expect(unknown.status).toBe(400);
    expect((unknown.body as { messages: string[] }).messages[0]).toMatch(/^historyFields: Jira has no field 'customfield_31337'/);
  });

  it('other reports do not ask Jira for more history than status and assignee', async () => {
    const emulator = t.host.emulator!;
    const before = emulator.requestsByPath()['/rest/api/3/changelog/bulkfetch'] ?? 0;
    expect((await get('/rest/list2?projectKey=SCRUM&historyFields=priority')).status).toBe(200);
    expect((emulator.requestsByPath()['/rest/api/3/changelog/bulkfetch'] ?? 0) - before).toBe(1);
  });
});

describe('includeTransitionedByColumns', () => {
  it('statusDurationExpanded: who moved the issue into each status (none for the first)', async () => {
    const answer = await get(`/rest/issue/expanded?issueKey=${richKey}&includeTransitionedByColumns=true`);
    expect(answer.status).toBe(200);
    const body = answer.body as Table;
    expect(openapi.problems('JsonTable', body)).toBe('');
    const statusChanges = issue().changelog.filter((c) => c.items.some((i) => i.field === 'status'));
    const rows = body.table.body.rows.map(cellsOf);
    expect(rows).toHaveLength(statusChanges.length + 1);
    expect(rows[0]!.transitionedBy).toEqual(NOT_SET);
    statusChanges.forEach((change, i) => expect(rows[i + 1]!.transitionedBy?.raw).toBe(change.author));
  });

  it('firstTransitionToStatusDate: a Transitioned By column after each date column', async () => {
    const answer = await get(`/rest/list2?customjql=${jql()}&columnsBy=firstTransitionToStatusDate&includeTransitionedByColumns=true`);
    const body = answer.body as Table;
    expect(openapi.problems('JsonTable', body)).toBe('');
    const header = body.table.header.valueColumns;
    expect(header[1]).toEqual({ id: `${header[0]!.id}:transitionedBy`, value: `${header[0]!.value} Transitioned By`, isConsolidated: false });
    const first = issue().changelog.find((c) => c.items.some((i) => i.field === 'status'))!;
    const to = first.items.find((i) => i.field === 'status')!.to!;
    expect(cellsOf(body.table.body.rows[0]!)[`${to}:transitionedBy`]).toEqual({ id: `${to}:transitionedBy`, value: userName(first.author), raw: first.author });
  });
});

describe('transitionCount and time periods', () => {
  it('transitionCount: each move of the issue counted under from:to', async () => {
    const body = (await get(`/rest/list2?customjql=${jql()}&columnsBy=transitionCount`)).body as Table;
    expect(openapi.problems('JsonTable', body)).toBe('');
    const expected = new Map<string, number>();
    for (const change of issue().changelog) {
      for (const item of change.items) if (item.field === 'status') expected.set(`${item.from}:${item.to}`, (expected.get(`${item.from}:${item.to}`) ?? 0) + 1);
    }
    const row = cellsOf(body.table.body.rows[0]!);
    expect(Object.fromEntries(Object.entries(row).map(([id, c]) => [id, Number(c.raw)]))).toEqual(Object.fromEntries(expected));
  });

  it('statusDurationByTimePeriod: the periods of a status add up to its statusDuration', async () => {
    const base = `customjql=${jql()}&viewFormat=ms&excludeCurrentStatus=true`;
    const total = cellsOf(((await get(`/rest/list2?${base}`)).body as Table).table.body.rows[0]!);
    for (const period of ['day', 'week', 'month']) {
      const body = (await get(`/rest/list2?${base}&columnsBy=statusDurationByTimePeriod&timePeriod=${period}`)).body as Table;
      expect(openapi.problems('JsonTable', body)).toBe('');
      const sums = new Map<string, number>();
      for (const row of body.table.body.rows) {
        expect(row.groupByColumns[0]?.id).toBe('timePeriod');
        // A period the status has no time in is "-" (no raw): it adds nothing.
        for (const cell of row.valueColumns) if (cell.raw !== undefined) sums.set(cell.id, (sums.get(cell.id) ?? 0) + Number(cell.raw));
      }
      for (const [id, cell] of Object.entries(total)) {
        if (cell.raw === undefined) expect(sums.has(id)).toBe(false);
        else expect(Math.abs((sums.get(id) ?? 0) - Number(cell.raw))).toBeLessThanOrEqual(body.table.body.rows.length);
      }
    }
    const byStatus = (await get(`/rest/list2?${base}&columnsBy=timePeriodDurationByStatus&timePeriod=month`)).body as Table;
    expect(openapi.problems('JsonTable', byStatus)).toBe('');
    expect(byStatus.table.header.valueColumns.every((c) => /^\d{4}-\d{2}$/.test(c.id))).toBe(true);
    expect(byStatus.table.body.rows.map((r) => r.groupByColumns[0]?.raw).sort()).toEqual(
      Object.entries(total)
        .filter(([, cell]) => cell.raw !== undefined)
        .map(([id]) => id)
        .sort(),
    );
  });

  it('a timePeriod that is not one is a 400 naming timePeriod', async () => {
    const answer = await get('/rest/list2?projectKey=SCRUM&columnsBy=statusDurationByTimePeriod&timePeriod=fortnight');
    expect(answer.status).toBe(400);
    expect((answer.body as { messages: string[] }).messages[0]).toMatch(/^timePeriod: 'fortnight' is not one of day, week, month, quarter, year/);
  });
});
