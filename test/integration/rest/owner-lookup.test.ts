// Issue 16 item 1: a Jira failure during token verification is a 503 with Retry-After,
// at once, and a token whose owner state is cached keeps working through the hiccup.
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { startTestHost, type TestHost } from '../../support/host-client';

const { bob, carol } = DEMO_ACCOUNTS;
let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(async () => {
  await t.close();
});
afterEach(() => t.host.emulator!.setFaults({}));

it('answers 503 with Retry-After when Jira throttles the owner lookup, and serves cached owners meanwhile', async () => {
  const warm = (await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  const cold = (await t.call(carol, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  expect((await t.rest('/rest/whoami', { token: warm })).status).toBe(200);

  t.host.emulator!.setFaults({ rateLimit: { count: 1000, retryAfterSeconds: 30 }, pathPrefix: '/rest/api/3/user' });
  const refused = await t.rest('/rest/whoami', { token: cold });
  expect(refused.status).toBe(503);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  const body = (await refused.json()) as { status: number; messages: string[] };
  expect(body.status).toBe(503);
  expect(JSON.stringify(body)).not.toContain(cold);

  expect((await t.rest('/rest/whoami', { token: warm })).status).toBe(200);
});
