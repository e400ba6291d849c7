// Issue 12: inside the expiry warning window (14 days) every authenticated answer says
// when the token stops working; outside it, no warning headers.
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../../support/host-client';

const { bob } = DEMO_ACCOUNTS;
const DAY = 86_400_000;
let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(async () => {
  await t.close();
});

const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

it('warns inside the window with X-Token-Expires-At and Warning: 299, on whoami and on reports', async () => {
  const soon = inDays(10);
  const { token } = await t.call(bob, 'tokens/create', { expiresAt: soon });
  const whoami = await t.rest('/rest/whoami', { token });
  expect(whoami.status).toBe(200);
  const expiresAt = whoami.headers.get('x-token-expires-at');
  expect(expiresAt).toBe(new Date(Date.parse(soon)).toISOString());
  expect(whoami.headers.get('warning')).toBe(`299 - "This Status Clock token expires at ${expiresAt}; extend or rotate it before then"`);
  expect(((await whoami.json()) as { expiresAt: string }).expiresAt).toBe(expiresAt);

  const report = await t.rest('/rest/list?filterType=customjql&customjql=' + encodeURIComponent('project = SCRUM'), { token });
  expect(report.headers.get('x-token-expires-at')).toBe(expiresAt);
});

it('does not warn outside the window', async () => {
  const { token } = await t.call(bob, 'tokens/create', { expiresAt: inDays(15) });
  const whoami = await t.rest('/rest/whoami', { token });
  expect(whoami.status).toBe(200);
  expect(whoami.headers.get('x-token-expires-at')).toBeNull();
  expect(whoami.headers.get('warning')).toBeNull();
});

it('follows the expiry warning window of the hygiene settings', async () => {
  const { token } = await t.call(bob, 'tokens/create', { expiresAt: inDays(20) });
  expect((await t.rest('/rest/whoami', { token })).headers.get('x-token-expires-at')).toBeNull();
  await t.call(DEMO_ACCOUNTS.alice, 'admin/hygiene/update', { expiryWarningDays: 30 }, ADMIN_PAGE);
  expect((await t.rest('/rest/whoami', { token })).headers.get('x-token-expires-at')).not.toBeNull();
  await t.call(DEMO_ACCOUNTS.alice, 'admin/hygiene/update', { expiryWarningDays: 14 }, ADMIN_PAGE);
  expect((await t.rest('/rest/whoami', { token })).headers.get('x-token-expires-at')).toBeNull();
});
