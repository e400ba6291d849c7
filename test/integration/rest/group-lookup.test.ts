// A Jira hiccup on the group-membership lookup (a token policy with use groups in force):
// a token whose owner's membership is in the cache, even past its 5 fresh minutes, keeps
// working; a token whose owner Jira was never asked about gets a 503 with Retry-After, at
// once, not a 401 and not a wait.
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { DEFAULT_POLICY } from '../../../src/contract/policy';
import { GROUP_MEMBERSHIP_FRESH_MS } from '../../../src/jira';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../../support/host-client';

const { alice, bob, carol } = DEMO_ACCOUNTS;
// Real time moved on by a step: the Jira client's own deadlines and retry waits stay real.
let ahead = 0;
let t: TestHost;
beforeAll(async () => {
  t = await startTestHost({ clock: { now: () => Date.now() + ahead } });
});
afterAll(async () => {
  await t.close();
});
afterEach(() => t.host.emulator!.setFaults({}));

it('serves cached group membership through a Jira hiccup and answers 503 with Retry-After without one', async () => {
  // Created before the use groups apply, so the token list never asked for Carol's groups.
  const warm = (await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  const cold = (await t.call(carol, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  await t.call(alice, 'admin/policy/update', { policy: { ...DEFAULT_POLICY, useGroups: ['jira-software-users'] } }, ADMIN_PAGE);
  expect((await t.rest('/rest/whoami', { token: warm })).status).toBe(200);

  // Bob's membership is no longer fresh, and Jira throttles every group lookup.
  ahead += GROUP_MEMBERSHIP_FRESH_MS;
  t.host.emulator!.setFaults({ rateLimit: { count: 1000, retryAfterSeconds: 30 }, pathPrefix: '/rest/api/3/user/groups' });
  expect((await t.rest('/rest/whoami', { token: warm })).status).toBe(200);

  const refused = await t.rest('/rest/whoami', { token: cold });
  expect(refused.status).toBe(503);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(JSON.stringify(await refused.json())).not.toContain(cold);

  // Jira answers again: both work.
  t.host.emulator!.setFaults({});
  expect((await t.rest('/rest/whoami', { token: warm })).status).toBe(200);
  expect((await t.rest('/rest/whoami', { token: cold })).status).toBe(200);
});
