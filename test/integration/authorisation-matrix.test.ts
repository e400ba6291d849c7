// Issue 11's proof: every resolver key × every kind of caller × {own object, someone else's},
// against one table of expected outcomes. A violation is a call that went through where the
// table says it must be refused, or the wrong refusal; the test lists every mismatch at once.
// Callers: the owner (Carol), another user (Bob), a token manager (Erin, in the policy's
// manager group, added to the emulator's site for this test), a Jira admin (Alice), a
// deactivated Jira user (Dave) and an account Jira does not know.
import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS, STATUS_IDS, demoDataset } from '../../dev/jira-emulator';
import { DEACTIVATE_ALL_CONFIRMATION } from '../../src/contract/audit-events';
import { DEFAULT_POLICY } from '../../src/contract/policy';
import type { ResolverDefinitions, ResolverKey } from '../../src/contract/resolvers';
import { createTokenRepository } from '../../src/storage/token-repository';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../support/host-client';

const { alice, bob, carol, dave } = DEMO_ACCOUNTS;
const erin = '5e11aa0b1c2d3e4f5a6b7c8d';
const UNKNOWN = '712020:00000000-0000-4000-8000-00000000dead';
const DAY = 86_400_000;
const HOUR = 3_600_000;

const callers = {
  owner: carol,
  'another user': bob,
  'token manager': erin,
  'Jira admin': alice,
  'deactivated Jira user': dave,
  'unknown account': UNKNOWN,
} as const;
type CallerKind = keyof typeof callers;
type Target = 'own object' | "someone else's";
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';

/** Who each key lets through; the object column matters for the owner-only token keys. */
type Rule = 'anyone' | 'owner only' | 'admin' | 'manager';
const RULES = {
  'app/context': 'anyone',
  'tokens/list': 'anyone',
  'tokens/create': 'anyone',
  'tokens/update': 'owner only',
  'tokens/regenerate': 'owner only',
  'tokens/delete': 'owner only',
  'admin/tokens/list': 'admin',
  'admin/tokens/set-active': 'admin',
  'admin/tokens/delete': 'admin',
  'admin/calendars/list': 'anyone',
  'admin/calendars/create': 'admin',
  'admin/calendars/update': 'admin',
  'admin/calendars/delete': 'admin',
  'admin/status-groups/list': 'anyone',
  'admin/status-groups/create': 'admin',
  'admin/status-groups/update': 'admin',
  'admin/status-groups/delete': 'admin',
  'admin/statuses/list': 'admin',
  'paramsets/list': 'anyone',
  'paramsets/create': 'admin',
  'paramsets/update': 'admin',
  'paramsets/delete': 'admin',
  'admin/activity/list': 'admin',
  'admin/policy/get': 'admin',
  'admin/policy/update': 'admin',
  'admin/policy/over-limit': 'admin',
  'admin/policy/cap-lifetimes': 'admin',
  'groups/search': 'admin',
  'manager/tokens/list': 'manager',
  'manager/tokens/create': 'manager',
  'manager/tokens/set-active': 'manager',
  'manager/tokens/delete': 'manager',
  'reports/preview': 'anyone',
  'builder/projects': 'anyone',
  'builder/options': 'anyone',
  'builder/filters': 'anyone',
  'admin/audit/list': 'admin',
  'admin/audit/export': 'admin',
  'manager/audit/list': 'manager',
  'tokens/history': 'owner only',
  'tokens/activity': 'owner only',
  'tokens/expiry-window': 'anyone',
  'admin/hygiene/get': 'admin',
  'admin/hygiene/update': 'admin',
  'admin/keys/list': 'admin',
  'admin/keys/rotate': 'admin',
  'admin/keys/retire': 'admin',
  'admin/tokens/deactivate-all': 'admin',
  'projects/list': 'anyone',
  'admin/ip-allowlist/get': 'admin',
  'admin/ip-allowlist/update': 'admin',
} satisfies Record<keyof ResolverDefinitions, Rule>;
const KEYS = Object.keys(RULES) as ResolverKey[];

function expected(key: ResolverKey, caller: CallerKind, target: Target): Outcome {
  if (caller === 'deactivated Jira user' || caller === 'unknown account') return 'FORBIDDEN';
  switch (RULES[key]) {
    case 'anyone':
      return 'ok';
    // Owner-only keys answer "no such token of yours" for anyone else's, admins included:
    // admins act through the admin keys, which are audited as such.
    case 'owner only':
      return target === 'own object' ? 'ok' : 'NOT_FOUND';
    case 'admin':
      return caller === 'Jira admin' ? 'ok' : 'FORBIDDEN';
    case 'manager':
      return caller === 'Jira admin' || caller === 'token manager' ? 'ok' : 'FORBIDDEN';
  }
}

const POLICY = { ...DEFAULT_POLICY, managerGroups: ['token-managers'], maxLifetimeDays: 3650, defaultLifetimeDays: 30, maxActiveTokensPerUser: 500 };
const expiresAt = (): string => new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
const officeHours = (name: string) => ({
  name,
  timeZone: 'Europe/Berlin',
  windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: 9 * HOUR, end: 17 * HOUR })),
  holidays: [],
});

let t: TestHost;
let formerKid = '';
let serial = 0;
const unique = (prefix: string): string => `${prefix} ${(serial += 1)}`;

beforeAll(async () => {
  const dataset = demoDataset();
  dataset.groups.push({ groupId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', name: 'token-managers' });
  dataset.users.push({
    accountId: erin,
    displayName: 'Erin Manager',
    emailAddress: 'erin@example.com',
    active: true,
    groups: ['token-managers'],
    timeZone: 'UTC',
  });
  t = await startTestHost({ dataset });
  await t.call(alice, 'admin/policy/update', { policy: POLICY }, ADMIN_PAGE);
  formerKid = (await t.call(alice, 'admin/keys/list', {}, ADMIN_PAGE)).keys.find((key) => key.current)?.kid ?? '';
  await t.call(alice, 'admin/keys/rotate', {}, ADMIN_PAGE);
});
afterAll(async () => {
  await t.close();
});

/** A token of `owner`, written directly when the owner cannot create one (inactive, unknown). */
async function tokenOf(owner: string): Promise<string> {
  if (owner === dave || owner === UNKNOWN) {
    const id = randomUUID();
    const now = Date.now();
    await createTokenRepository(t.host.db).insert({
      id,
      ownerAccountId: owner,
      tokenHash: 'd'.repeat(64),
      keyId: 'kid-matrix',
      active: true,
      notes: '',
      createdAt: now,
      updatedAt: now,
      expiresAt: now + DAY,
    });
    return id;
  }
  return (await t.call(owner, 'tokens/create', { expiresAt: expiresAt() })).tokenInfo.id;
}

/** The payload for a key, acting on `tokenId` (and freshly made documents where the key needs one). */
async function payloadFor(key: ResolverKey, tokenId: string): Promise<Record<string, unknown>> {
  switch (key) {
    case 'tokens/create':
      return { expiresAt: expiresAt() };
    case 'tokens/update':
      return { id: tokenId, notes: 'changed' };
    case 'tokens/regenerate':
    case 'tokens/history':
    case 'tokens/activity':
    case 'tokens/delete':
    case 'admin/tokens/delete':
    case 'manager/tokens/delete':
      return { id: tokenId };
    case 'admin/tokens/set-active':
    case 'manager/tokens/set-active':
      return { id: tokenId, active: false };
    case 'manager/tokens/create':
      return { ownerAccountId: carol, expiresAt: expiresAt() };
    case 'admin/calendars/create':
      return { calendar: officeHours(unique('Calendar')) };
    case 'admin/calendars/update':
    case 'admin/calendars/delete': {
      const created = await t.call(alice, 'admin/calendars/create', { calendar: officeHours(unique('Calendar')) }, ADMIN_PAGE);
      return key === 'admin/calendars/delete' ? { id: created.id } : { id: created.id, calendar: officeHours(unique('Calendar')) };
    }
    case 'admin/status-groups/create':
      return { group: { name: unique('Group'), statusIds: [STATUS_IDS.inProgress] } };
    case 'admin/status-groups/update':
    case 'admin/status-groups/delete': {
      const created = await t.call(alice, 'admin/status-groups/create', { group: { name: unique('Group'), statusIds: [STATUS_IDS.done] } }, ADMIN_PAGE);
      return key === 'admin/status-groups/delete' ? { id: created.id } : { id: created.id, group: { name: unique('Group'), statusIds: [STATUS_IDS.toDo] } };
    }
    case 'paramsets/create':
      return { paramSet: { name: unique('Set'), params: { projectKey: 'SCRUM' } } };
    case 'paramsets/update':
    case 'paramsets/delete': {
      const created = await t.call(alice, 'paramsets/create', { paramSet: { name: unique('Set'), params: { projectKey: 'SCRUM' } } }, ADMIN_PAGE);
      return key === 'paramsets/delete' ? { id: created.id } : { id: created.id, paramSet: { name: unique('Set'), params: { projectKey: 'KAN' } } };
    }
    case 'admin/policy/update':
      return { policy: POLICY };
    case 'groups/search':
      return { query: 'team' };
    case 'reports/preview':
      return { params: { filterType: 'customjql', customjql: 'project = SCRUM' } };
    case 'admin/audit/export':
      return { format: 'json' };
    case 'admin/hygiene/update':
      return {};
    case 'admin/ip-allowlist/update':
      return { allowedIps: [] };
    // Without confirmCount a retirement only counts the tokens it would stop; the key is a
    // former one (the current key cannot be retired).
    case 'admin/keys/retire':
      return { kid: formerKid };
    case 'admin/tokens/deactivate-all':
      return { confirmation: DEACTIVATE_ALL_CONFIRMATION };
    default:
      return {};
  }
}

it('every resolver key × caller × object answers as the table says: 0 violations, 0 wrong refusals', async () => {
  const mismatches: string[] = [];
  let cells = 0;
  for (const key of KEYS) {
    for (const [kind, accountId] of Object.entries(callers) as Array<[CallerKind, string]>) {
      for (const target of ['own object', "someone else's"] as const) {
        const tokenId = await tokenOf(target === 'own object' ? accountId : accountId === carol ? bob : carol);
        const result = await t.invoke(accountId, key, await payloadFor(key, tokenId), ADMIN_PAGE);
        const outcome = result.ok ? 'ok' : result.error.code;
        const want = expected(key, kind, target);
        cells += 1;
        if (outcome !== want)
          mismatches.push(`${key} by ${kind} on ${target}: expected ${want}, got ${outcome}${result.ok ? '' : ` (${result.error.message})`}`);
      }
    }
  }
  expect(cells).toBe(KEYS.length * 6 * 2);
  expect(mismatches).toEqual([]);
}, 120_000);
