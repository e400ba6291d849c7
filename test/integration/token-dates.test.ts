// Dates in the token resolvers (issue 16, items 11, 12 and 14): impossible date-times and
// years out of range are refused, never rolled over; the admin list's date filters parse
// strictly and a date covers its whole day; a lone surrogate in notes is refused; the admin
// and manager lists' "expires within the warning window" filter (issue 12).
import { DEMO_ACCOUNTS } from '../../dev/jira-emulator';
import { DEFAULT_POLICY } from '../../src/contract/policy';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../support/host-client';

const { alice, bob } = DEMO_ACCOUNTS;
// The suite's "today", in the middle of a UTC day.
const NOW = Date.UTC(2026, 11, 3, 10, 15);

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost({ clock: { now: () => NOW } });
});
afterAll(async () => {
  await t.close();
});

it.each(['2099-02-30T00:00:00Z', '2099-04-31T12:00Z', '0050-06-01', '2099-02-30', '10000-01-01'])(
  'tokens/create refuses expiresAt %s and stores nothing',
  async (expiresAt) => {
    const before = (await t.call(bob, 'tokens/list', {})).tokens.length;
    const result = await t.invoke(bob, 'tokens/create', { expiresAt });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'expiresAt' } });
    if (!result.ok) expect(result.error.message).toContain('1970 to 9999');
    expect((await t.call(bob, 'tokens/list', {})).tokens).toHaveLength(before);
  },
);

it('tokens/update refuses an impossible expiresAt', async () => {
  const { tokenInfo } = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31' });
  const result = await t.invoke(bob, 'tokens/update', { id: tokenInfo.id, expiresAt: '2099-04-31T12:00Z' });
  expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'expiresAt' } });
  expect((await t.call(bob, 'tokens/list', {})).tokens.find((tok) => tok.id === tokenInfo.id)?.expiresAt).toBe('2100-01-01T00:00:00.000Z');
});

it('admin/tokens/list: createdFrom=<today> includes today’s tokens, createdTo=<today> includes that day', async () => {
  const { tokenInfo } = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31', notes: 'dated-today' });
  const list = (filter: Record<string, string>) => t.call(alice, 'admin/tokens/list', { notesContains: 'dated-today', ...filter }, ADMIN_PAGE);
  expect((await list({ createdFrom: '2026-12-03' })).tokens.map((tok) => tok.id)).toEqual([tokenInfo.id]);
  expect((await list({ createdTo: '2026-12-03' })).tokens.map((tok) => tok.id)).toEqual([tokenInfo.id]);
  expect((await list({ createdFrom: '2026-12-03', createdTo: '2026-12-03' })).total).toBe(1);
  expect((await list({ createdFrom: '2026-12-04' })).total).toBe(0);
  expect((await list({ createdTo: '2026-12-02' })).total).toBe(0);
  expect((await list({ createdFrom: '2026-12-03T10:15:00Z' })).total).toBe(1);
  expect((await list({ createdFrom: '2026-12-03T10:15:00.001Z' })).total).toBe(0);
});

it.each(['1', 'Tue 5', '2025-02-30', '10000-01-01'])('admin/tokens/list refuses createdFrom=%s, naming it', async (createdFrom) => {
  const result = await t.invoke(alice, 'admin/tokens/list', { createdFrom }, ADMIN_PAGE);
  expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'createdFrom' } });
});

it('a lone surrogate in notes is refused, not stored as U+FFFD', async () => {
  const result = await t.invoke(bob, 'tokens/create', { expiresAt: '2099-12-31', notes: 'half \ud83d pair' });
  expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'notes' } });
  expect((await t.call(bob, 'tokens/list', {})).tokens.some((tok) => tok.notes.includes('\ufffd'))).toBe(false);
  const ok = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31', notes: 'whole 😀 pair' });
  expect(ok.tokenInfo.notes).toBe('whole 😀 pair');
});

it('admin/tokens/list and manager/tokens/list: expiresWithinWindow keeps the unexpired tokens expiring within the warning window', async () => {
  const DAY = 86_400_000;
  const at = (instant: number) => new Date(instant).toISOString();
  const make = async (notes: string, expiresAt: number) => (await t.call(bob, 'tokens/create', { expiresAt: at(expiresAt), notes })).tokenInfo.id;
  const soon = await make('window-soon', NOW + 3 * DAY);
  const edge = await make('window-edge', NOW + 14 * DAY);
  const later = await make('window-later', NOW + 14 * DAY + 1);
  const expired = await make('window-expired', NOW + DAY);
  await t.call(bob, 'tokens/update', { id: expired, expiresAt: at(NOW - DAY) });
  const ids = async (caller: string, key: 'admin/tokens/list' | 'manager/tokens/list', filter: Record<string, unknown>) =>
    (await t.call(caller, key, { notesContains: 'window-', sortBy: 'expires', sortOrder: 'ASC', ...filter }, ADMIN_PAGE)).tokens.map((tok) => tok.id);

  expect(await ids(alice, 'admin/tokens/list', {})).toEqual([expired, soon, edge, later]);
  expect(await ids(alice, 'admin/tokens/list', { expiresWithinWindow: true })).toEqual([soon, edge]);
  expect(await ids(alice, 'admin/tokens/list', { expiresWithinWindow: false })).toEqual([expired, soon, edge, later]);
  // Intersected with an expiry range the caller gave.
  expect(await ids(alice, 'admin/tokens/list', { expiresWithinWindow: true, expiresFrom: at(NOW + 5 * DAY) })).toEqual([edge]);
  // The window is the hygiene setting.
  await t.call(alice, 'admin/hygiene/update', { expiryWarningDays: 15 }, ADMIN_PAGE);
  expect(await ids(alice, 'admin/tokens/list', { expiresWithinWindow: true })).toEqual([soon, edge, later]);
  await t.call(alice, 'admin/hygiene/update', { expiryWarningDays: 14 }, ADMIN_PAGE);

  await t.call(alice, 'admin/policy/update', { policy: { ...DEFAULT_POLICY, managerGroups: ['security-team'] } }, ADMIN_PAGE);
  expect(await ids(bob, 'manager/tokens/list', { expiresWithinWindow: true })).toEqual([soon, edge]);
  await t.call(alice, 'admin/policy/update', { policy: DEFAULT_POLICY }, ADMIN_PAGE);
  expect(await t.invoke(alice, 'admin/tokens/list', { expiresWithinWindow: 'yes' }, ADMIN_PAGE)).toMatchObject({
    ok: false,
    error: { code: 'BAD_REQUEST', field: 'expiresWithinWindow' },
  });
});
