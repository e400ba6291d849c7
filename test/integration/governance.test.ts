// Issue 11, the token policy: each rule through the local host's resolvers and REST API,
// with the emulator's groups (jira-admins: Alice; security-team: Bob) and a fake clock, so
// the 5-minute group-membership cache can be stepped past.
import { DEMO_ACCOUNTS } from '../../dev/jira-emulator';
import { DEFAULT_POLICY, type Policy } from '../../src/contract/policy';
import { GROUP_MEMBERSHIP_FRESH_MS } from '../../src/jira';
import { createAuditRepository } from '../../src/storage/audit-repository';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../support/host-client';
import { UNAUTHORIZED_BODY } from '../support/refusal-body';

const { alice, bob, carol } = DEMO_ACCOUNTS;
const DAY = 86_400_000;
const START = Date.UTC(2026, 5, 1, 12);

let t: TestHost;
let now = START;
beforeAll(async () => {
  t = await startTestHost({ clock: { now: () => now } });
});
afterAll(async () => {
  await t.close();
});

const dateIn = (days: number): string => new Date(now + days * DAY).toISOString().slice(0, 10);

async function setPolicy(changes: Partial<Policy>): Promise<void> {
  await t.call(alice, 'admin/policy/update', { policy: { ...DEFAULT_POLICY, ...changes } }, ADMIN_PAGE);
}

async function deleteAllTokens(): Promise<void> {
  for (const token of (await t.call(alice, 'admin/tokens/list', { pageSize: 100 }, ADMIN_PAGE)).tokens) {
    await t.call(alice, 'admin/tokens/delete', { id: token.id }, ADMIN_PAGE);
  }
}

function groupsOf(accountId: string): string[] {
  const user = t.host.emulator?.dataset.users.find((candidate) => candidate.accountId === accountId);
  if (!user) throw new Error(`no emulator user ${accountId}`);
  return user.groups;
}

beforeEach(async () => {
  // Past every cache (owner state, group membership) so each test starts from Jira's answer.
  now += GROUP_MEMBERSHIP_FRESH_MS + DAY;
  await setPolicy({});
  await deleteAllTokens();
});

describe('the policy itself', () => {
  it('starts as the defaults, is read and changed by Jira admins only, and records every change', async () => {
    const view = await t.call(alice, 'admin/policy/get', {}, ADMIN_PAGE);
    expect(view.policy).toEqual(DEFAULT_POLICY);
    expect(await t.invoke(bob, 'admin/policy/get', {}, ADMIN_PAGE)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.invoke(bob, 'admin/policy/update', { policy: DEFAULT_POLICY }, ADMIN_PAGE)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const changed = await t.call(
      alice,
      'admin/policy/update',
      { policy: { ...DEFAULT_POLICY, maxLifetimeDays: 120, managerGroups: ['security-team'] } },
      ADMIN_PAGE,
    );
    expect(changed.policy).toMatchObject({ maxLifetimeDays: 120, managerGroups: ['security-team'] });
    expect(changed.updatedBy).toEqual({ accountId: alice, displayName: 'Alice Admin' });
    expect(changed.updatedAt).toBe(new Date(now).toISOString());
    const events = await t.host.db.selectFrom('audit_events').selectAll().where('action', '=', 'policy.changed').orderBy('at', 'desc').execute();
    expect(events[0]).toMatchObject({ actor_account_id: alice, token_id: null });
    expect(JSON.parse(events[0]?.detail ?? '{}')).toMatchObject({ before: DEFAULT_POLICY, after: { maxLifetimeDays: 120, managerGroups: ['security-team'] } });
  });

  it('refuses a bad policy with every problem at once and keeps the stored one', async () => {
    await setPolicy({ maxLifetimeDays: 60, defaultLifetimeDays: 30 });
    const result = await t.invoke(
      alice,
      'admin/policy/update',
      { policy: { ...DEFAULT_POLICY, createGroups: [], maxLifetimeDays: 30, defaultLifetimeDays: 90, maxActiveTokensPerUser: 0, notesRequired: 'yes' } },
      ADMIN_PAGE,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_REQUEST');
    expect(result.error.issues?.map((issue) => issue.field).sort()).toEqual(
      ['policy.createGroups', 'policy.defaultLifetimeDays', 'policy.maxActiveTokensPerUser', 'policy.notesRequired'].sort(),
    );
    expect(result.error.message).toContain('maximum lifetime (30 days)');
    expect((await t.call(alice, 'admin/policy/get', {}, ADMIN_PAGE)).policy.maxLifetimeDays).toBe(60);
  });

  it('refuses group names Jira does not know, naming each, so a typo cannot lock people out', async () => {
    const result = await t.invoke(
      alice,
      'admin/policy/update',
      { policy: { ...DEFAULT_POLICY, useGroups: ['security-team', 'securty-team'], managerGroups: ['Security-Team'] } },
      ADMIN_PAGE,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    if (result.ok) return;
    expect(result.error.issues).toEqual([
      { field: 'policy.useGroups', message: 'names groups Jira does not know: "securty-team"' },
      { field: 'policy.managerGroups', message: 'names groups Jira does not know: "Security-Team"' },
    ]);
    expect((await t.call(alice, 'admin/policy/get', {}, ADMIN_PAGE)).policy.useGroups).toBeNull();
  });

  it('searches Jira groups for the pickers (admins only)', async () => {
    expect(await t.call(alice, 'groups/search', { query: 'SEC' }, ADMIN_PAGE)).toEqual({
      groups: [{ name: 'security-team', groupId: '9c2e3f4a-5b6c-4d7e-8f9a-c1d2e3f4a5b6' }],
    });
    expect((await t.call(alice, 'groups/search', { query: '' }, ADMIN_PAGE)).groups.map((group) => group.name)).toEqual([
      'jira-admins',
      'jira-software-users',
      'security-team',
    ]);
    expect(await t.invoke(carol, 'groups/search', { query: 'sec' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('who may create tokens', () => {
  it('refuses a non-member with FORBIDDEN naming the groups, and the app context says why', async () => {
    await setPolicy({ createGroups: ['security-team'] });
    const refused = await t.invoke(carol, 'tokens/create', { expiresAt: dateIn(10) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!refused.ok) expect(refused.error.message).toContain('"security-team"');
    expect((await t.call(carol, 'tokens/list', {})).tokens).toEqual([]);
    const context = await t.call(carol, 'app/context', {});
    expect(context.governance).toMatchObject({ mayCreate: false, isTokenManager: false });
    expect(context.governance.createRefusal).toContain('"security-team"');
    expect((await t.call(bob, 'app/context', {})).governance).toMatchObject({ mayCreate: true, createRefusal: null });
    await t.call(bob, 'tokens/create', { expiresAt: dateIn(10) });
  });
});

describe('who may use tokens', () => {
  it('refuses the token of an owner outside the groups with the ordinary 401, and the tables say so', async () => {
    const carols = await t.call(carol, 'tokens/create', { expiresAt: dateIn(10) });
    const bobs = await t.call(bob, 'tokens/create', { expiresAt: dateIn(10) });
    expect((await t.rest('/rest/whoami', { token: carols.token })).status).toBe(200);
    await setPolicy({ useGroups: ['security-team'] });
    const refused = await t.rest('/rest/whoami', { token: carols.token });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual(UNAUTHORIZED_BODY);
    expect((await t.rest('/rest/whoami', { token: bobs.token })).status).toBe(200);
    expect((await t.call(carol, 'tokens/list', {})).tokens[0]?.allowedByPolicy).toBe(false);
    const adminView = (await t.call(alice, 'admin/tokens/list', {}, ADMIN_PAGE)).tokens;
    expect(Object.fromEntries(adminView.map((token) => [token.ownerAccountId, token.allowedByPolicy]))).toEqual({ [carol]: false, [bob]: true });
  });

  it('asks Jira about groups once per owner while the cache is warm', async () => {
    await setPolicy({ useGroups: ['security-team'] });
    const bobs = await t.call(bob, 'tokens/create', { expiresAt: dateIn(10) });
    await t.rest('/rest/whoami', { token: bobs.token });
    const before = t.host.emulator?.requestsByPath()['/rest/api/3/user/groups'] ?? 0;
    for (let i = 0; i < 10; i += 1) expect((await t.rest('/rest/whoami', { token: bobs.token })).status).toBe(200);
    expect((t.host.emulator?.requestsByPath()['/rest/api/3/user/groups'] ?? 0) - before).toBe(0);
  });

  it('refuses an owner removed from the group once the cache time has passed', async () => {
    await setPolicy({ useGroups: ['security-team'] });
    const bobs = await t.call(bob, 'tokens/create', { expiresAt: dateIn(30) });
    expect((await t.rest('/rest/whoami', { token: bobs.token })).status).toBe(200);
    const groups = groupsOf(bob);
    groups.splice(groups.indexOf('security-team'), 1);
    try {
      now += GROUP_MEMBERSHIP_FRESH_MS - 1_000;
      expect((await t.rest('/rest/whoami', { token: bobs.token })).status).toBe(200);
      now += 1_000;
      expect((await t.rest('/rest/whoami', { token: bobs.token })).status).toBe(401);
    } finally {
      groups.push('security-team');
    }
    now += GROUP_MEMBERSHIP_FRESH_MS;
    expect((await t.rest('/rest/whoami', { token: bobs.token })).status).toBe(200);
  });
});

describe('lifetimes, notes and tokens per user', () => {
  it('refuses an expiry past the maximum lifetime at create, edit, regenerate and rotation, naming the limit', async () => {
    const long = await t.call(bob, 'tokens/create', { expiresAt: dateIn(300), notes: 'before the limit' });
    await setPolicy({ maxLifetimeDays: 30, defaultLifetimeDays: 30 });
    const expectLimit = (result: { ok: boolean; error?: { code: string; field?: string; message: string } }) => {
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'expiresAt' } });
      expect(result.error?.message).toContain('30 days');
    };
    expectLimit(await t.invoke(bob, 'tokens/create', { expiresAt: dateIn(31) }));
    expectLimit(await t.invoke(bob, 'tokens/create', { expiresAt: '2099-12-31' }));
    const within = await t.call(bob, 'tokens/create', { expiresAt: dateIn(30) });
    expectLimit(await t.invoke(bob, 'tokens/update', { id: within.tokenInfo.id, expiresAt: dateIn(45) }));
    expectLimit(await t.invoke(bob, 'tokens/regenerate', { id: long.tokenInfo.id }));
    await t.call(bob, 'tokens/regenerate', { id: within.tokenInfo.id });
    // Rotation: an asked-for expiry past the limit is refused; the default is capped to it.
    const forWithin = (await t.call(bob, 'tokens/regenerate', { id: within.tokenInfo.id })).token;
    const asked = await t.rest('/rest/token/rotate', {
      token: forWithin,
      method: 'POST',
      body: `expiresAt=${dateIn(60)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(asked.status).toBe(400);
    expect(JSON.stringify(await asked.json())).toContain('30 days');
    const rotated = await t.rest('/rest/token/rotate', { token: long.token, method: 'POST' });
    expect(rotated.status).toBe(200);
    const body = (await rotated.json()) as { expiresAt: string };
    expect(Date.parse(body.expiresAt)).toBeLessThanOrEqual(Date.parse(`${dateIn(31)}T00:00:00Z`));
  });

  it('lists tokens beyond a lowered limit and caps them in one action', async () => {
    const long = await t.call(carol, 'tokens/create', { expiresAt: dateIn(200) });
    const short = await t.call(carol, 'tokens/create', { expiresAt: dateIn(5) });
    expect((await t.call(alice, 'admin/policy/over-limit', {}, ADMIN_PAGE)).total).toBe(0);
    await setPolicy({ maxLifetimeDays: 30, defaultLifetimeDays: 30 });
    const over = await t.call(alice, 'admin/policy/over-limit', {}, ADMIN_PAGE);
    expect(over.tokens.map((token) => token.id)).toEqual([long.tokenInfo.id]);
    expect(await t.invoke(bob, 'admin/policy/cap-lifetimes', {}, ADMIN_PAGE)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const capped = await t.call(alice, 'admin/policy/cap-lifetimes', {}, ADMIN_PAGE);
    expect(capped).toEqual({ capped: 1, expiresAt: `${dateIn(31)}T00:00:00.000Z` });
    const mine = new Map((await t.call(carol, 'tokens/list', {})).tokens.map((token) => [token.id, token.expiresAt]));
    expect(mine.get(long.tokenInfo.id)).toBe(capped.expiresAt);
    expect(mine.get(short.tokenInfo.id)).toBe(short.tokenInfo.expiresAt);
    expect((await t.call(alice, 'admin/policy/over-limit', {}, ADMIN_PAGE)).total).toBe(0);
  });

  it('applies the default lifetime, requires notes and limits tokens per user', async () => {
    await setPolicy({ defaultLifetimeDays: 7, notesRequired: true, maxActiveTokensPerUser: 2 });
    const noNotes = await t.invoke(carol, 'tokens/create', {});
    expect(noNotes).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'notes' } });
    const first = await t.call(carol, 'tokens/create', { notes: 'Power BI' });
    expect(Date.parse(first.tokenInfo.expiresAt)).toBe(now + 7 * DAY);
    expect(await t.invoke(carol, 'tokens/update', { id: first.tokenInfo.id, notes: ' ' })).toMatchObject({ ok: false, error: { field: 'notes' } });
    await t.call(carol, 'tokens/create', { notes: 'second', expiresAt: dateIn(3) });
    const third = await t.invoke(carol, 'tokens/create', { notes: 'third', expiresAt: dateIn(3) });
    expect(third).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!third.ok) expect(third.error.message).toContain('2 tokens');
    expect((await t.call(carol, 'tokens/list', {})).tokens).toHaveLength(2);
  });
});

describe('token managers', () => {
  it('lets a manager list, create for another user, deactivate (sticky) and delete; others are refused', async () => {
    await setPolicy({ managerGroups: ['security-team'] });
    expect((await t.call(bob, 'app/context', {})).governance.isTokenManager).toBe(true);
    expect((await t.call(carol, 'app/context', {})).governance.isTokenManager).toBe(false);
    const someId = '00000000-0000-4000-8000-000000000001';
    const attempts = [
      await t.invoke(carol, 'manager/tokens/list', {}),
      await t.invoke(carol, 'manager/tokens/create', { ownerAccountId: bob, expiresAt: dateIn(5) }),
      await t.invoke(carol, 'manager/tokens/set-active', { id: someId, active: false }),
      await t.invoke(carol, 'manager/tokens/delete', { id: someId }),
    ];
    for (const refused of attempts) expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const forCarol = await t.call(bob, 'manager/tokens/create', { ownerAccountId: carol, expiresAt: dateIn(20), notes: 'for the BI job' });
    expect(forCarol.tokenInfo).toMatchObject({ ownerAccountId: carol, createdBy: { accountId: bob, displayName: 'Bob Builder' } });
    const whoami = await t.rest('/rest/whoami', { token: forCarol.token });
    expect(whoami.status).toBe(200);
    expect(JSON.stringify(await whoami.json())).toContain(carol);
    const carolsView = (await t.call(carol, 'tokens/list', {})).tokens[0];
    expect(carolsView).toMatchObject({ id: forCarol.tokenInfo.id, createdBy: { displayName: 'Bob Builder' }, deactivatedBy: null });
    expect((await t.call(bob, 'manager/tokens/list', { accountIds: [carol] })).tokens.map((token) => token.id)).toEqual([forCarol.tokenInfo.id]);

    await t.call(bob, 'manager/tokens/set-active', { id: forCarol.tokenInfo.id, active: false });
    const reactivate = await t.invoke(carol, 'tokens/update', { id: forCarol.tokenInfo.id, active: true });
    expect(reactivate).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!reactivate.ok) expect(reactivate.error.message).toContain('only they can reactivate');
    expect((await t.call(carol, 'tokens/list', {})).tokens[0]).toMatchObject({ active: false, deactivatedBy: 'administrator' });
    expect((await t.rest('/rest/whoami', { token: forCarol.token })).status).toBe(401);
    await t.call(bob, 'manager/tokens/set-active', { id: forCarol.tokenInfo.id, active: true });
    expect((await t.rest('/rest/whoami', { token: forCarol.token })).status).toBe(200);

    const events = await createAuditRepository(t.host.db).listForToken(forCarol.tokenInfo.id);
    // Events at the same instant have no order between them: find the one by its action.
    expect(events.find((event) => event.action === 'token.created')).toMatchObject({ actorAccountId: bob, subjectAccountId: carol });
    expect(JSON.stringify(events)).not.toContain(forCarol.token);

    await t.call(bob, 'manager/tokens/delete', { id: forCarol.tokenInfo.id });
    expect((await t.call(carol, 'tokens/list', {})).tokens).toEqual([]);
  });

  it('makes an admin deactivation stick too, and refuses a token for someone who could not use it', async () => {
    const carols = await t.call(carol, 'tokens/create', { expiresAt: dateIn(20) });
    await t.call(alice, 'admin/tokens/set-active', { id: carols.tokenInfo.id, active: false }, ADMIN_PAGE);
    expect(await t.invoke(carol, 'tokens/update', { id: carols.tokenInfo.id, active: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Switching it off again and on does not get round it.
    await t.call(carol, 'tokens/update', { id: carols.tokenInfo.id, active: false });
    expect(await t.invoke(carol, 'tokens/update', { id: carols.tokenInfo.id, active: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // An owner's own deactivation is theirs to undo.
    const other = await t.call(carol, 'tokens/create', { expiresAt: dateIn(20) });
    await t.call(carol, 'tokens/update', { id: other.tokenInfo.id, active: false });
    expect((await t.call(carol, 'tokens/update', { id: other.tokenInfo.id, active: true })).active).toBe(true);

    await setPolicy({ useGroups: ['security-team'] });
    const refused = await t.invoke(alice, 'manager/tokens/create', { ownerAccountId: carol, expiresAt: dateIn(5) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'ownerAccountId' } });
    const inactive = await t.invoke(alice, 'manager/tokens/create', { ownerAccountId: DEMO_ACCOUNTS.dave, expiresAt: dateIn(5) });
    expect(inactive).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'ownerAccountId' } });
  });
});
