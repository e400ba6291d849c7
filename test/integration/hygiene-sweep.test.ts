// Issue 12's daily sweep under a fake clock, run the way the local host runs the
// scheduledTrigger (POST /__forge/scheduled/hygiene-sweep calls the handler manifest.yml
// names): it deactivates exactly the tokens unused for staleAfterDays, deactivates the
// tokens of owners Jira reports inactive and deletes them N days later, removes audit
// events older than the retention, and writes an audit event for each change.
import { DEMO_ACCOUNTS } from '../../dev/jira-emulator';
import type { HygieneSweepResult } from '../../src/contract/audit';
import { HYGIENE_SWEEP_TRIGGER_KEY } from '../../src/kernel/manifest-keys';
import { createAuditRepository } from '../../src/storage/audit-repository';
import { createTokenRepository } from '../../src/storage/token-repository';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../support/host-client';

const { alice, bob, carol, dave } = DEMO_ACCOUNTS;
const DAY = 86_400_000;
let offset = 0;
const clock = { now: () => Date.now() + offset };
let t: TestHost;

beforeAll(async () => {
  t = await startTestHost({ clock });
});
afterAll(async () => {
  await t.close();
});

async function sweep(): Promise<HygieneSweepResult> {
  const response = await fetch(`${t.host.url}/__forge/scheduled/${HYGIENE_SWEEP_TRIGGER_KEY}`, { method: 'POST' });
  expect(response.status).toBe(200);
  return (await response.json()) as HygieneSweepResult;
}

const activeOf = async (id: string) => (await createTokenRepository(t.host.db).findById(id))?.active;

it('deactivates exactly the stale tokens, the departed owner’s tokens, then deletes those; removes old events', async () => {
  const never = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31', notes: 'never used' });
  const usedLately = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31', notes: 'used lately' });
  const usedLongAgo = await t.call(carol, 'tokens/create', { expiresAt: '2099-12-31', notes: 'used long ago' });
  const expired = await t.call(carol, 'tokens/create', { expiresAt: new Date(clock.now() + 2 * DAY).toISOString() });
  // Dave is deactivated in Jira: his token was made before that, straight through the repository.
  const tokens = createTokenRepository(t.host.db);
  const davesToken = '00000000-0000-4000-8000-00000000da7e';
  await tokens.insert({
    id: davesToken,
    ownerAccountId: dave,
    tokenHash: 'd'.repeat(64),
    keyId: 'kid-dave0001',
    active: true,
    notes: '',
    createdAt: clock.now(),
    updatedAt: clock.now(),
    expiresAt: Date.UTC(2099, 0, 1),
  });
  // An event older than the retention.
  await createAuditRepository(t.host.db).append({
    at: clock.now() - 400 * DAY,
    actorAccountId: alice,
    action: 'token.created',
    tokenId: null,
    subjectAccountId: null,
    detail: {},
  });

  // Off by default: nothing stale is touched, but the departed owner's token is deactivated.
  const first = await sweep();
  expect(first).toEqual({ eventsRemoved: 1, staleDeactivated: [], ownerInactiveDeactivated: [davesToken], ownerInactiveDeleted: [] });
  expect(await activeOf(davesToken)).toBe(false);

  await t.call(alice, 'admin/hygiene/update', { staleAfterDays: 30, deleteDeactivatedOwnersAfterDays: 25 }, ADMIN_PAGE);
  expect((await t.rest('/rest/whoami', { token: usedLongAgo.token })).status).toBe(200);

  offset = 20 * DAY;
  expect((await t.rest('/rest/whoami', { token: usedLately.token })).status).toBe(200);
  const second = await sweep();
  expect(second).toEqual({ eventsRemoved: 0, staleDeactivated: [], ownerInactiveDeactivated: [], ownerInactiveDeleted: [] });

  offset = 31 * DAY;
  const third = await sweep();
  // Unused since creation or since the last use, 30 days or more; the expired token is left alone.
  expect(third.staleDeactivated.sort()).toEqual([never.tokenInfo.id, usedLongAgo.tokenInfo.id].sort());
  expect(third.ownerInactiveDeleted).toEqual([davesToken]);
  expect(await activeOf(usedLately.tokenInfo.id)).toBe(true);
  expect(await activeOf(expired.tokenInfo.id)).toBe(true);
  expect(await activeOf(never.tokenInfo.id)).toBe(false);
  expect(await tokens.findById(davesToken)).toBeUndefined();
  expect((await t.rest('/rest/whoami', { token: never.token })).status).toBe(401);

  // A second run the same day changes nothing.
  expect(await sweep()).toEqual({ eventsRemoved: 0, staleDeactivated: [], ownerInactiveDeactivated: [], ownerInactiveDeleted: [] });

  const events = (await t.call(alice, 'admin/audit/list', { actorAccountIds: ['system'], pageSize: 50 }, ADMIN_PAGE)).events;
  expect(events.map((event) => [event.type, event.tokenId]).sort()).toEqual(
    [
      ['sweep.events-removed', null],
      ['sweep.owner-inactive-deactivated', davesToken],
      ['sweep.owner-inactive-deleted', davesToken],
      ['sweep.stale-deactivated', never.tokenInfo.id],
      ['sweep.stale-deactivated', usedLongAgo.tokenInfo.id],
    ].sort(),
  );
  const stale = events.find((event) => event.tokenId === usedLongAgo.tokenInfo.id);
  expect(stale).toMatchObject({ ownerAccountId: carol, detail: { staleAfterDays: 30, changes: { active: { before: true, after: false } } } });
  expect(typeof stale?.detail.lastUsedAt).toBe('string');
});

it('removes events older than the retention set on the hygiene settings', async () => {
  await t.call(alice, 'admin/hygiene/update', { auditRetentionDays: 5 }, ADMIN_PAGE);
  const before = (await t.call(alice, 'admin/audit/list', {}, ADMIN_PAGE)).total;
  const old = (await t.call(alice, 'admin/audit/list', { to: new Date(clock.now() - 5 * DAY).toISOString() }, ADMIN_PAGE)).total;
  expect(old).toBeGreaterThan(0);
  const result = await sweep();
  expect(result.eventsRemoved).toBe(old);
  // The removal is itself an event.
  expect((await t.call(alice, 'admin/audit/list', {}, ADMIN_PAGE)).total).toBe(before - old + 1);
  expect((await t.call(alice, 'admin/audit/list', { to: new Date(clock.now() - 5 * DAY).toISOString() }, ADMIN_PAGE)).total).toBe(0);
});
