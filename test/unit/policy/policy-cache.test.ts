// The stored policy is kept per container for POLICY_FRESH_MS: a warm verification reads no
// settings row, a save applies at once in the container that made it, and another container
// (a second service on the same database) sees it once its copy is older than the fresh time.
import { openSqliteDatabase } from '../../../dev/host/sqlite-database';
import { DEFAULT_POLICY } from '../../../src/contract/policy';
import type { GroupDirectory, UserDirectory } from '../../../src/jira';
import { createPolicyService, POLICY_FRESH_MS } from '../../../src/policy/policy-service';
import { createPolicyStore } from '../../../src/policy/policy-store';
import { createAuditRepository } from '../../../src/storage/audit-repository';
import type { Db } from '../../../src/storage/schema';
import { createSettingsRepository, type SettingsRepository } from '../../../src/storage/settings-repository';

const admin = { accountId: 'admin', installationId: 'ari:cloud:jira::site/test' };
const users: UserDirectory = { getUsers: async () => new Map(), isJiraAdmin: async (id) => id === 'admin' };
const groups: GroupDirectory = {
  groupsOf: async (id) => new Set(id === 'bob' ? ['security-team'] : []),
  search: async (query) => [{ name: query, groupId: null }],
};

let db: Db;
let now: number;
const clock = { now: () => now };
beforeEach(async () => {
  db = await openSqliteDatabase(':memory:');
  now = 1_000_000;
});
afterEach(async () => {
  await db.destroy();
});

/** One container's policy service, with a count of the settings rows it reads. */
function container() {
  const settings = createSettingsRepository(db);
  const counted = { reads: 0 };
  const counting: SettingsRepository = {
    ...settings,
    getEntry: (key, schema) => {
      counted.reads += 1;
      return settings.getEntry(key, schema);
    },
  };
  const policy = createPolicyService({ store: createPolicyStore(counting), audit: createAuditRepository(db), users, groups, clock });
  return { policy, counted };
}

it('is fresh for at most a minute', () => {
  expect(POLICY_FRESH_MS).toBeGreaterThan(0);
  expect(POLICY_FRESH_MS).toBeLessThanOrEqual(60_000);
});

it('reads no settings row for verification while warm', async () => {
  const a = container();
  expect(await a.policy.mayUse('carol')).toBe(true);
  const reads = a.counted.reads;
  now += POLICY_FRESH_MS - 1;
  for (let i = 0; i < 10; i += 1) await a.policy.mayUse('carol');
  expect(a.counted.reads).toBe(reads);
});

it('applies a save at once in its own container and within the fresh time in another', async () => {
  const a = container();
  const b = container();
  expect(await a.policy.mayUse('carol')).toBe(true);
  expect(await b.policy.mayUse('carol')).toBe(true);

  await a.policy.update(admin, { ...DEFAULT_POLICY, useGroups: ['security-team'] });
  expect(await a.policy.mayUse('carol')).toBe(false);
  expect(await a.policy.mayUse('bob')).toBe(true);

  // The other container still holds the policy it read, until its copy ages out.
  now += POLICY_FRESH_MS - 1;
  expect(await b.policy.mayUse('carol')).toBe(true);
  now += 1;
  expect(await b.policy.mayUse('carol')).toBe(false);
  expect((await b.policy.current()).useGroups).toEqual(['security-team']);
});

it('shows the admin the stored row, not the cached copy', async () => {
  const a = container();
  const b = container();
  await b.policy.current();
  await a.policy.update(admin, { ...DEFAULT_POLICY, notesRequired: true });
  expect((await b.policy.get(admin)).policy.notesRequired).toBe(true);
});
