// `fields` on the list endpoints: Jira field ids fill fieldColumns (header: the field's
// name; rows: display text and raw value), become csv / jsonSimplified columns, come from
// the same bulk fetch as the summary, which also names them (expand=names,schema: no
// field list call), and an id Jira does not have is a 400 naming `fields`.
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { startTestHost, type TestHost } from '../../support/host-client';
import { CUSTOM, fieldDataset } from '../../support/field-dataset';
import { openApiValidator, type OpenApiValidator } from './openapi-validator';

const { alice, bob } = DEMO_ACCOUNTS;
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
interface Row {
  headerColumns: Column[];
  groupByColumns: Column[];
  fieldColumns: Column[];
  valueColumns: Column[];
}
interface Table {
  table: { header: { fieldColumns: Column[]; groupByColumns: Column[] }; body: { rows: Row[] } };
}

async function get(path: string): Promise<{ status: number; text: string; json: () => unknown }> {
  const response = await t.rest(path, { token });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as unknown };
}

const ALL_FIELDS = [
  'summary',
  'issuetype',
  'status',
  'priority',
  'assignee',
  'reporter',
  'labels',
  'components',
  'fixVersions',
  'resolution',
  'created',
  'updated',
  'resolutiondate',
  'project',
  'parent',
  ...Object.values(CUSTOM),
];

describe('fields', () => {
  it('fills fieldColumns in the header and rows, field by field, and matches the OpenAPI document', async () => {
    const answer = await get(`/rest/list2?customjql=${encodeURIComponent(`key = ${richKey}`)}&fields=${ALL_FIELDS.join(',')}`);
    expect(answer.status).toBe(200);
    const body = answer.json() as Table;
    expect(openapi.problems('JsonTable', body)).toBe('');
    expect(body.table.header.fieldColumns).toEqual([
      { id: 'summary', value: 'Summary' },
      { id: 'issuetype', value: 'Issue Type' },
      { id: 'status', value: 'Status' },
      { id: 'priority', value: 'Priority' },
      { id: 'assignee', value: 'Assignee' },
      { id: 'reporter', value: 'Reporter' },
      { id: 'labels', value: 'Labels' },
      { id: 'components', value: 'Components' },
      { id: 'fixVersions', value: 'Fix versions' },
      { id: 'resolution', value: 'Resolution' },
      { id: 'created', value: 'Created' },
      { id: 'updated', value: 'Updated' },
      { id: 'resolutiondate', value: 'Resolved' },
      { id: 'project', value: 'Project' },
      { id: 'parent', value: 'Parent' },
      { id: CUSTOM.storyPoints, value: 'Story points' },
      { id: CUSTOM.team, value: 'Team' },
      { id: CUSTOM.due, value: 'Due' },
      { id: CUSTOM.reviewer, value: 'Reviewer' },
      { id: CUSTOM.platforms, value: 'Platforms' },
      { id: CUSTOM.signedOff, value: 'Signed off' },
      { id: CUSTOM.notes, value: 'Notes' },
    ]);
    const issue = t.host.emulator!.dataset.issues.find((i) => i.key === richKey)!;
    const users = new Map(t.host.emulator!.dataset.users.map((u) => [u.accountId, u.displayName]));
    const parent = t.host.emulator!.dataset.issues.find((i) => i.key === issue.parentKey)!;
    const row = body.table.body.rows[0]!;
    const byId = new Map(row.fieldColumns.map((c) => [c.id, c]));
    const jiraInstant = (iso: string): string => new Date(iso).toISOString().replace('Z', '+0000');
    expect(byId.get('summary')).toEqual({ id: 'summary', value: issue.summary, raw: issue.summary });
    expect(byId.get('priority')).toEqual({ id: 'priority', value: 'High', raw: '2' });
    expect(byId.get('reporter')).toEqual({ id: 'reporter', value: users.get(issue.reporter), raw: issue.reporter });
    if (issue.assignee === null) expect(byId.has('assignee')).toBe(false);
    else expect(byId.get('assignee')).toEqual({ id: 'assignee', value: users.get(issue.assignee), raw: issue.assignee });
    expect(byId.get('labels')).toEqual({ id: 'labels', value: 'backend, customer', raw: 'backend,customer' });
    expect(byId.get('components')).toEqual({ id: 'components', value: 'API, Billing', raw: '10000,10001' });
    expect(byId.get('fixVersions')).toEqual({ id: 'fixVersions', value: '2025.1', raw: '10000' });
    expect(byId.get('created')).toEqual({ id: 'created', value: jiraInstant(issue.created), raw: String(Date.parse(issue.created)) });
    expect(byId.get('project')).toEqual({ id: 'project', value: 'Scrum Team', raw: 'SCRUM' });
    expect(byId.get('parent')).toEqual({ id: 'parent', value: parent.key, raw: parent.key });
    expect(byId.get('issuetype')?.value).toMatch(/^(Task|Bug|Story)$/);
    expect(byId.get('status')?.raw).toBe(issue.statusId);
    expect(byId.get(CUSTOM.storyPoints)).toEqual({ id: CUSTOM.storyPoints, value: '5', raw: '5' });
    expect(byId.get(CUSTOM.team)).toEqual({ id: CUSTOM.team, value: 'Mobile', raw: '20002' });
    expect(byId.get(CUSTOM.due)).toEqual({ id: CUSTOM.due, value: '2025-03-31', raw: String(Date.UTC(2025, 2, 31)) });
    expect(byId.get(CUSTOM.reviewer)).toEqual({ id: CUSTOM.reviewer, value: users.get(bob), raw: bob });
    expect(byId.get(CUSTOM.platforms)).toEqual({ id: CUSTOM.platforms, value: 'iOS, Android', raw: '30001,30002' });
    expect(byId.get(CUSTOM.signedOff)).toEqual({ id: CUSTOM.signedOff, value: '2025-02-01T10:00:00.000+0000', raw: String(Date.UTC(2025, 1, 1, 10)) });
    expect(byId.get(CUSTOM.notes)).toEqual({ id: CUSTOM.notes, value: 'needs a second look', raw: 'needs a second look' });
    // Unresolved issues have no resolution: left out, as a never-visited status is.
    if (issue.resolutiondate === null) expect(byId.has('resolution') || byId.has('resolutiondate')).toBe(false);
  });

  it('become columns named by the field in jsonSimplified and csv', async () => {
    const jql = encodeURIComponent(`key = ${richKey}`);
    const simplified = await get(`/rest/list2?customjql=${jql}&fields=priority,labels,${CUSTOM.team}&outputType=jsonSimplified`);
    expect(simplified.status).toBe(200);
    const result = (simplified.json() as { results: Array<Record<string, string | null>> }).results[0]!;
    expect(Object.keys(result).slice(0, 5)).toEqual(['Key', 'Summary', 'Priority', 'Labels', 'Team']);
    expect(result).toMatchObject({ Key: richKey, Priority: 'High', Labels: 'backend, customer', Team: 'Mobile' });
    const csv = await get(`/rest/list2?customjql=${jql}&fields=priority,labels,${CUSTOM.team}&outputType=csv`);
    const [header, line] = csv.text.split('\r\n');
    expect(header?.split(',').slice(0, 5)).toEqual(['Key', 'Summary', 'Priority', 'Labels', 'Team']);
    expect(line).toContain('High,"backend, customer",Mobile');
  });

  it('an unknown field id, a malformed one, and a case slip are 400s naming fields, all at once', async () => {
    const answer = await get('/rest/list2?projectKey=SCRUM&fields=priority,customfield_99999,fixversions');
    expect(answer.status).toBe(400);
    const messages = (answer.json() as { messages: string[] }).messages;
    expect(messages).toEqual([
      "fields: Jira has no field 'customfield_99999' (GET /rest/api/3/field lists the field ids)",
      "fields: Jira has no field 'fixversions' (did you mean 'fixVersions'?)",
    ]);
    const malformed = await get(`/rest/list2?projectKey=SCRUM&fields=${encodeURIComponent('priority,a b')}&groupByFields=${encodeURIComponent('x;y')}`);
    expect(malformed.status).toBe(400);
    const problems = (malformed.json() as { messages: string[] }).messages;
    expect(problems.some((m) => m.startsWith('fields: '))).toBe(true);
    expect(problems.some((m) => m.startsWith('groupByFields: '))).toBe(true);
  });
});

describe('groupByFields on the list endpoints', () => {
  it('puts the group values first in groupByColumns and the rows of a group together', async () => {
    const answer = await get(`/rest/list2?projectKey=SCRUM&groupByFields=${CUSTOM.team},priority&columnsBy=statusDurationByAssignee`);
    expect(answer.status).toBe(200);
    const body = answer.json() as Table;
    expect(openapi.problems('JsonTable', body)).toBe('');
    expect(body.table.header.groupByColumns).toEqual([
      { id: CUSTOM.team, value: 'Team' },
      { id: 'priority', value: 'Priority' },
      { id: 'assignee', value: 'Assignee' },
    ]);
    const keyOf = (row: Row): string => [CUSTOM.team, 'priority'].map((id) => row.groupByColumns.find((c) => c.id === id)?.raw ?? '-').join('|');
    const order = body.table.body.rows.map(keyOf);
    // Contiguous: once a group ends, it never comes back.
    const seen = new Set<string>();
    order.forEach((key, i) => {
      if (i > 0 && order[i - 1] !== key) expect(seen.has(key)).toBe(false);
      seen.add(key);
    });
    expect(seen.size).toBeGreaterThan(2);
    const rich = body.table.body.rows.find((row) => row.headerColumns[0]?.value === richKey)!;
    expect(rich.groupByColumns.slice(0, 2)).toEqual([
      { id: CUSTOM.team, value: 'Mobile', raw: '20002' },
      { id: 'priority', value: 'High', raw: '2' },
    ]);
    expect(rich.groupByColumns[2]?.id).toBe('assignee');
  });
});
