// /rest/smallexport refuses a selection one synchronous page cannot hold (413, pointing to
// /rest/export) rather than sending a file cut short. Its own host: no synchronous time.
import { DEMO_ACCOUNTS, generateDataset } from '../../../dev/jira-emulator';
import { startTestHost, type TestHost } from '../../support/host-client';

let t: TestHost;
let token: string;

beforeAll(async () => {
  t = await startTestHost({ dataset: generateDataset({ seed: 5, issues: 2000, projects: 1 }), restSyncBudget: { softMs: 0, hardMs: 30_000 } });
  token = (await t.call(DEMO_ACCOUNTS.alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
});
afterAll(async () => {
  await t.close();
});

it('a selection bigger than one synchronous page is 413 pointing to /rest/export', async () => {
  const project = t.host.emulator!.dataset.issues[0]!.key.split('-')[0]!;
  t.host.emulator!.setFaults({ latencyMs: 20 });
  const response = await t.rest(`/rest/smallexport?projectKey=${project}&outputType=xlsx`, { token });
  expect(response.status).toBe(413);
  const body = (await response.json()) as { messages: string[] };
  expect(body.messages[0]).toContain('use POST /rest/export');
});
