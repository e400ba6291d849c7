// Issue 16 item 10: every resolver refuses a caller who is not an active Jira user
// (deactivated in the emulator's dataset, or unknown to Jira) with FORBIDDEN, and does not
// refuse an active one on that ground.
import { DEMO_ACCOUNTS } from '../../dev/jira-emulator';
import type { ResolverDefinitions, ResolverKey } from '../../src/contract/resolvers';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../support/host-client';

// Every key of the contract; `satisfies` makes the compiler fail when a key is added or missing.
const EVERY_KEY = {
  'app/context': true,
  'tokens/list': true,
  'tokens/create': true,
  'tokens/update': true,
  'tokens/regenerate': true,
  'tokens/delete': true,
  'admin/tokens/list': true,
  'admin/tokens/set-active': true,
  'admin/tokens/delete': true,
  'admin/calendars/list': true,
  'admin/calendars/create': true,
  'admin/calendars/update': true,
  'admin/calendars/delete': true,
  'admin/status-groups/list': true,
  'admin/status-groups/create': true,
  'admin/status-groups/update': true,
  'admin/status-groups/delete': true,
  'admin/statuses/list': true,
  'paramsets/list': true,
  'paramsets/create': true,
  'paramsets/update': true,
  'paramsets/delete': true,
  'admin/activity/list': true,
  'admin/policy/get': true,
  'admin/policy/update': true,
  'admin/policy/over-limit': true,
  'admin/policy/cap-lifetimes': true,
  'groups/search': true,
  'manager/tokens/list': true,
  'manager/tokens/create': true,
  'manager/tokens/set-active': true,
  'manager/tokens/delete': true,
  'reports/preview': true,
  'builder/projects': true,
  'builder/options': true,
  'admin/audit/list': true,
  'admin/audit/export': true,
  'manager/audit/list': true,
  'tokens/history': true,
  'tokens/activity': true,
  'builder/filters': true,
  'tokens/expiry-window': true,
  'admin/hygiene/get': true,
  'admin/hygiene/update': true,
  'admin/keys/list': true,
  'admin/keys/rotate': true,
  'admin/keys/retire': true,
  'admin/tokens/deactivate-all': true,
  'projects/list': true,
  'admin/ip-allowlist/get': true,
  'admin/ip-allowlist/update': true,
} satisfies Record<keyof ResolverDefinitions, true>;
const KEYS = Object.keys(EVERY_KEY) as ResolverKey[];

const UNKNOWN = '712020:00000000-0000-4000-8000-00000000dead';
const FORBIDDEN_MESSAGE = 'Your Jira account is not active, so Status Clock cannot act for you.';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(async () => {
  await t.close();
});

describe('resolvers refuse callers who are not active Jira users', () => {
  const cells = KEYS.flatMap((key) => [
    [key, 'deactivated', DEMO_ACCOUNTS.dave],
    [key, 'unknown', UNKNOWN],
  ]);
  it.each(cells)('%s refuses a %s account with FORBIDDEN', async (key, _, accountId) => {
    const result = await t.invoke(accountId, key as ResolverKey, {}, ADMIN_PAGE);
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE } });
  });

  it.each(KEYS)('%s does not refuse active users for being inactive', async (key) => {
    for (const accountId of [DEMO_ACCOUNTS.alice, DEMO_ACCOUNTS.carol]) {
      const result = await t.invoke(accountId, key, {}, ADMIN_PAGE);
      if (!result.ok) expect(result.error.message).not.toBe(FORBIDDEN_MESSAGE);
    }
  });

  it('reuses the answer for a burst of calls instead of asking Jira each time', async () => {
    const before = t.host.emulator?.requestsByPath()['/rest/api/3/user/bulk'] ?? 0;
    for (let i = 0; i < 5; i += 1) await t.invoke(DEMO_ACCOUNTS.dave, 'tokens/list', {});
    const after = t.host.emulator?.requestsByPath()['/rest/api/3/user/bulk'] ?? 0;
    expect(after - before).toBeLessThanOrEqual(1);
  });
});
