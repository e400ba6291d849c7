// Issue 12's storage on every database the app runs on: refused uses counted in one row
// per token, hour, reason and address by a single upsert (concurrent ones too), the audit
// log's filters (the token managers' token-only one too) and retention, first sightings
// of an address, and the signing-key registry.
import { createAuditRepository, type RefusedUse } from '../../../src/storage/audit-repository';
import { createSigningKeyRepository } from '../../../src/storage/signing-key-repository';
import { createTokenAddressRepository } from '../../../src/storage/token-address-repository';
import { createTokenHygieneRepository, RETIRED_KEY_MARK } from '../../../src/storage/token-hygiene-repository';
import { createTokenRepository } from '../../../src/storage/token-repository';
import { storageTargets, type OpenedStorage } from '../../support/storage-targets';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 1, 10, 5);
const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe.each(storageTargets)('audit storage on $name', (target) => {
  let storage: OpenedStorage;
  beforeAll(async () => {
    storage = await target.open();
  });
  afterAll(async () => {
    await storage?.close();
  });
  beforeEach(async () => {
    await storage.db.deleteFrom('audit_events').execute();
    await storage.db.deleteFrom('tokens').execute();
    await storage.db.deleteFrom('token_addresses').execute();
  });

  const refusal = (overrides: Partial<RefusedUse> = {}): RefusedUse => ({
    at: NOW,
    tokenId: id(1),
    ownerAccountId: 'owner-a',
    reason: 'EXPIRED',
    ip: '203.0.113.9',
    actorAccountId: 'anonymous',
    ...overrides,
  });

  it('counts refused uses in one row per token, hour, reason and address, concurrent ones included', async () => {
    const audit = createAuditRepository(storage.db);
    await Promise.all(Array.from({ length: 40 }, (_, i) => audit.countRefusal(refusal({ at: NOW + i * 1000 }))));
    await audit.countRefusal(refusal({ reason: 'INACTIVE' }));
    await audit.countRefusal(refusal({ ip: '198.51.100.1' }));
    await audit.countRefusal(refusal({ at: NOW + HOUR }));
    await audit.countRefusal(refusal({ tokenId: null, ownerAccountId: null, reason: 'BAD_SIGNATURE', ip: null }));
    await audit.countRefusal(refusal({ tokenId: null, ownerAccountId: null, reason: 'BAD_SIGNATURE', ip: null }));
    const { rows, total } = await audit.page({ actions: ['token.refused'] }, 0, 100);
    expect(total).toBe(5);
    // The token managers' view leaves out the refusal that names no token.
    expect((await audit.page({ actions: ['token.refused'], withToken: true }, 0, 100)).rows.every((row) => row.tokenId === id(1))).toBe(true);
    expect((await audit.page({ actions: ['token.refused'], withToken: true }, 0, 100)).total).toBe(4);
    const counts = rows.map((row) => [row.detail.reason, row.ip, row.occurrences]).sort((a, b) => String(a).localeCompare(String(b)));
    expect(counts).toEqual(
      [
        ['BAD_SIGNATURE', null, 2],
        ['EXPIRED', '198.51.100.1', 1],
        ['EXPIRED', '203.0.113.9', 1],
        ['EXPIRED', '203.0.113.9', 40],
        ['INACTIVE', '203.0.113.9', 1],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
  });

  it('pages newest first with filters on actor, owner, short token id, types and dates; removes old events', async () => {
    const audit = createAuditRepository(storage.db);
    const base = { tokenId: id(1), subjectAccountId: 'owner-a', detail: {} };
    await audit.append({ ...base, at: NOW - 3 * DAY, actorAccountId: 'owner-a', action: 'token.created' });
    await audit.append({ ...base, at: NOW - 2 * DAY, actorAccountId: 'admin', action: 'token.deactivated', ip: '192.0.2.1' });
    await audit.append({ ...base, at: NOW - DAY, actorAccountId: 'owner-b', action: 'token.created', tokenId: id(2), subjectAccountId: 'owner-b' });
    const all = await audit.page({}, 0, 10);
    expect(all.rows.map((row) => row.action)).toEqual(['token.created', 'token.deactivated', 'token.created']);
    expect(all.rows[1]).toMatchObject({ ip: '192.0.2.1', occurrences: 1, actorAccountId: 'admin' });
    expect((await audit.page({ actorAccountIds: ['admin'] }, 0, 10)).total).toBe(1);
    expect((await audit.page({ subjectAccountIds: ['owner-a'] }, 0, 10)).total).toBe(2);
    expect((await audit.page({ tokenIdPrefix: id(2).slice(0, 8) }, 0, 10)).total).toBe(3);
    expect((await audit.page({ tokenIdPrefix: id(2) }, 0, 10)).total).toBe(1);
    expect((await audit.page({ tokenIds: [] }, 0, 10)).total).toBe(0);
    expect((await audit.page({ actions: ['token.deactivated', 'token.rotated'] }, 0, 10)).total).toBe(1);
    expect((await audit.page({ from: NOW - 2 * DAY, to: NOW - DAY }, 0, 10)).rows.map((row) => row.action)).toEqual(['token.deactivated']);
    expect((await audit.page({}, 1, 1)).rows.map((row) => row.action)).toEqual(['token.deactivated']);
    expect(await audit.deleteBefore(NOW - 2 * DAY + 1)).toBe(2);
    expect((await audit.page({}, 0, 10)).total).toBe(1);
  });

  it('tells the first sighting of an address apart and lists the most recent addresses', async () => {
    const addresses = createTokenAddressRepository(storage.db);
    expect(await addresses.see(id(1), '203.0.113.9', NOW)).toBe(true);
    expect(await addresses.see(id(1), '203.0.113.9', NOW + 1000)).toBe(false);
    const concurrent = await Promise.all(Array.from({ length: 8 }, () => addresses.see(id(1), '198.51.100.7', NOW + 2000)));
    expect(concurrent.filter(Boolean)).toHaveLength(1);
    expect(await addresses.recent(id(1), 5)).toEqual([
      { address: '198.51.100.7', firstSeen: NOW + 2000, lastSeen: NOW + 2000 },
      { address: '203.0.113.9', firstSeen: NOW, lastSeen: NOW + 1000 },
    ]);
    expect(await addresses.deleteSeenBefore(NOW + 1500)).toBe(1);
    await addresses.deleteForToken(id(1));
    expect(await addresses.recent(id(1), 5)).toEqual([]);
  });

  it('registers signing keys once, retires one once, and marks its tokens in one statement', async () => {
    const registry = createSigningKeyRepository(storage.db);
    await registry.register('kid-aaaaaaaa', NOW);
    await registry.register('kid-aaaaaaaa', NOW + 5);
    await registry.register('kid-bbbbbbbb', NOW + 10);
    expect(await registry.retire('kid-aaaaaaaa', NOW + 20, 'admin')).toBe(true);
    expect(await registry.retire('kid-aaaaaaaa', NOW + 30, 'admin')).toBe(false);
    expect(await registry.list()).toEqual([
      { kid: 'kid-aaaaaaaa', createdAt: NOW, retiredAt: NOW + 20, retiredBy: 'admin' },
      { kid: 'kid-bbbbbbbb', createdAt: NOW + 10, retiredAt: null, retiredBy: null },
    ]);
    const tokens = createTokenRepository(storage.db);
    const row = { ownerAccountId: 'owner-a', tokenHash: 'a'.repeat(64), active: true, notes: '', createdAt: NOW, updatedAt: NOW, expiresAt: NOW + DAY };
    await tokens.insert({ ...row, id: id(1), keyId: 'kid-aaaaaaaa' });
    await tokens.insert({ ...row, id: id(2), keyId: 'kid-aaaaaaaa' });
    await tokens.insert({ ...row, id: id(3), keyId: 'kid-bbbbbbbb' });
    const hygiene = createTokenHygieneRepository(storage.db);
    expect(await hygiene.countForKey('kid-aaaaaaaa')).toBe(2);
    expect(await hygiene.retireKey('kid-aaaaaaaa', NOW)).toBe(2);
    expect((await hygiene.countByKey()).sort((a, b) => a.keyId.localeCompare(b.keyId))).toEqual(
      [
        { keyId: 'kid-bbbbbbbb', tokens: 1, firstCreated: NOW },
        { keyId: `${RETIRED_KEY_MARK}kid-aaaaaaaa`, tokens: 2, firstCreated: NOW },
      ].sort((a, b) => a.keyId.localeCompare(b.keyId)),
    );
    expect(await hygiene.countForKey('kid-aaaaaaaa')).toBe(0);
  });

  it('finds tokens unused since a cutoff and deactivates them only while still unused', async () => {
    const tokens = createTokenRepository(storage.db);
    const hygiene = createTokenHygieneRepository(storage.db);
    const row = { ownerAccountId: 'owner-a', tokenHash: 'a'.repeat(64), keyId: 'kid-1', active: true, notes: '', updatedAt: NOW, expiresAt: NOW + DAY };
    await tokens.insert({ ...row, id: id(1), createdAt: NOW - 100 * DAY });
    await tokens.insert({ ...row, id: id(2), createdAt: NOW - 100 * DAY, lastUsedAt: NOW - DAY });
    await tokens.insert({ ...row, id: id(3), createdAt: NOW - DAY });
    await tokens.insert({ ...row, id: id(4), createdAt: NOW - 100 * DAY, lastUsedAt: NOW - 95 * DAY });
    await tokens.insert({ ...row, id: id(5), createdAt: NOW - 100 * DAY, updatedAt: NOW - DAY, active: false });
    const cutoff = NOW - 90 * DAY;
    expect(await hygiene.unusedSince(cutoff, NOW)).toEqual([id(1), id(4)]);
    await tokens.recordUse(id(4), NOW, null, 1, NOW - 60_000);
    expect(await hygiene.deactivateIfUnused(id(4), cutoff, NOW)).toBe(false);
    expect(await hygiene.deactivateIfUnused(id(1), cutoff, NOW)).toBe(true);
    expect(await hygiene.deactivateOwned('owner-a', NOW)).toEqual(expect.arrayContaining([id(2), id(3), id(4)]));
    expect(await hygiene.inactiveOwnedSince('owner-a', NOW - DAY + 1)).toEqual([id(5)]);
    expect(await hygiene.deactivateAll(NOW)).toBe(0);
  });
});
