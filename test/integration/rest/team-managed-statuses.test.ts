// A team-managed project's own status: Jira's status list scopes it to the project (by id),
// and the report's includedStatuses names that project's key in scopeProjectKey, as the
// vendor's wire format does; company-wide statuses keep null.
import { DEMO_ACCOUNTS, generateDataset } from '../../../dev/jira-emulator';
import { startTestHost, type TestHost } from '../../support/host-client';
import { openApiValidator, type OpenApiValidator } from './openapi-validator';

let t: TestHost;
let token: string;
let openApi: OpenApiValidator;
const TEAM_STATUS = { id: '20001', name: 'Team Review', categoryKey: 'indeterminate' as const };

beforeAll(async () => {
  const dataset = generateDataset({ seed: 8, issues: 40, projects: 3 });
  const ops = dataset.projects.find((p) => p.key === 'OPS')!;
  dataset.statuses.push({ ...TEAM_STATUS, scopeProjectId: ops.id });
  t = await startTestHost({ dataset });
  token = (await t.call(DEMO_ACCOUNTS.alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  openApi = openApiValidator(await (await t.rest('/openapi.json')).json());
});
afterAll(async () => {
  await t.close();
});

type WireStatus = { id: string; name: string; statusCategory: { key: string; name: string }; scopeProjectKey: string | null };

describe('includedStatuses of a team-managed status', () => {
  it('carries the project key in scopeProjectKey, null for company-wide statuses, in one project lookup', async () => {
    const before = t.host.emulator!.requestsByPath()['/rest/api/3/project/search'] ?? 0;
    const answer = await t.rest('/rest/list?projectKey=OPS&columnsBy=statusDuration', { token });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { includedStatuses: WireStatus[] };
    expect(openApi.problems('JsonTable', body)).toBe('');
    const team = body.includedStatuses.find((s) => s.id === TEAM_STATUS.id);
    expect(team).toEqual({ id: TEAM_STATUS.id, name: TEAM_STATUS.name, statusCategory: { key: 'indeterminate', name: 'In Progress' }, scopeProjectKey: 'OPS' });
    const others = body.includedStatuses.filter((s) => s.id !== TEAM_STATUS.id);
    expect(others.length).toBeGreaterThan(0);
    for (const status of others) expect(status.scopeProjectKey).toBeNull();
    expect((t.host.emulator!.requestsByPath()['/rest/api/3/project/search'] ?? 0) - before).toBe(1);
  });

  it('names it in excludedStatuses too when the statuses parameter leaves it out', async () => {
    const first = t.host.emulator!.dataset.statuses[0]!;
    const answer = await t.rest(`/rest/list?projectKey=OPS&statuses=${first.id}`, { token });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { includedStatuses: WireStatus[]; excludedStatuses: WireStatus[] };
    expect(body.includedStatuses.map((s) => s.id)).toEqual([first.id]);
    expect(body.excludedStatuses.find((s) => s.id === TEAM_STATUS.id)?.scopeProjectKey).toBe('OPS');
  });
});
