// Admissions under concurrency on every database (issue 16, item 3): the per-token request
// rate, the 50-token cap and the running-export limit are each checked and recorded in one
// statement, so simultaneous callers admit exactly the limit, never more.
import { createExportRepository } from '../../../src/storage/export-repository';
import { createRateWindowRepository } from '../../../src/storage/rate-window-repository';
import { createTokenRepository, type NewTokenRecord } from '../../../src/storage/token-repository';
import { storageTargets, type OpenedStorage } from '../../support/storage-targets';

const NOW = Date.UTC(2026, 10, 1);
const id = (prefix: number, n: number): string => `00000000-0000-4000-${String(prefix).padStart(4, '0')}-${String(n).padStart(12, '0')}`;

function tokenRow(n: number, ownerAccountId = 'owner-a'): NewTokenRecord {
  return {
    id: id(1, n),
    ownerAccountId,
    tokenHash: String(n).padStart(64, '0'),
    keyId: 'kid-00000001',
    active: true,
    notes: '',
    createdAt: NOW,
    updatedAt: NOW,
    expiresAt: NOW + 86_400_000,
  };
}

const exportJob = (n: number, ownerAccountId = 'owner-a') => ({ id: id(2, n), ownerAccountId, tokenId: id(1, 1), params: '{}', layout: '{}', at: NOW });

const admittedOf = (results: boolean[]): number => results.filter(Boolean).length;

describe.each(storageTargets)('admissions on $name', (target) => {
  let storage: OpenedStorage;
  beforeAll(async () => {
    storage = await target.open();
  });
  afterAll(async () => {
    await storage?.close();
  });

  it('200 simultaneous requests on one token admit exactly the limit of 120; the next window starts afresh', async () => {
    const windows = createRateWindowRepository(storage.db);
    const token = id(3, 1);
    const results = await Promise.all(Array.from({ length: 200 }, () => windows.admit(token, NOW, 120)));
    expect(admittedOf(results)).toBe(120);
    expect(await windows.admit(token, NOW, 120)).toBe(false);
    // Another token, and the same token's next window, are counted apart.
    expect(await windows.admit(id(3, 2), NOW, 120)).toBe(true);
    expect(await windows.admit(token, NOW + 60_000, 120)).toBe(true);
    await windows.deleteBefore(NOW + 60_000);
    expect(await windows.admit(token, NOW, 120)).toBe(true);
  });

  it('60 simultaneous creates admit exactly 50 tokens, counting rows from before slots', async () => {
    const tokens = createTokenRepository(storage.db);
    // Two rows written before the cap had slots count against it too.
    await tokens.insert(tokenRow(1000));
    await tokens.insert(tokenRow(1001));
    const results = await Promise.all(Array.from({ length: 60 }, (_, n) => tokens.insertWithinCap(tokenRow(n), 50, NOW)));
    expect(admittedOf(results)).toBe(48);
    expect(await tokens.listByOwner('owner-a')).toHaveLength(50);
    expect(await tokens.insertWithinCap(tokenRow(2000, 'owner-b'), 50, NOW)).toBe(true);
    // Deleting a token frees its place.
    const [first] = await tokens.listByOwner('owner-a');
    await tokens.deleteOwned(first!.id, 'owner-a');
    expect(await tokens.insertWithinCap(tokenRow(3000), 50, NOW)).toBe(true);
    expect(await tokens.insertWithinCap(tokenRow(3001), 50, NOW)).toBe(false);
    // Once tokens have expired they no longer count (the policy caps unexpired tokens),
    // though they keep their slots: concurrent creates then fill exactly the freed places.
    const expiredAt = NOW + 400 * 24 * 3_600_000;
    const later = await Promise.all(
      Array.from({ length: 20 }, (_, n) => tokens.insertWithinCap({ ...tokenRow(4000 + n), expiresAt: expiredAt + 1e12 }, 50, expiredAt)),
    );
    expect(admittedOf(later)).toBe(20);
    const afterwards = await Promise.all(
      Array.from({ length: 40 }, (_, n) => tokens.insertWithinCap({ ...tokenRow(5000 + n), expiresAt: expiredAt + 1e12 }, 50, expiredAt)),
    );
    expect(admittedOf(afterwards)).toBe(30);
  });

  it('10 simultaneous exports of one user queue exactly 3; a finished one frees its place', async () => {
    const jobs = createExportRepository(storage.db);
    const results = await Promise.all(Array.from({ length: 10 }, (_, n) => jobs.insertWithinCap(exportJob(n), 3)));
    expect(admittedOf(results)).toBe(3);
    const queued = results.flatMap((ok, n) => (ok ? [exportJob(n).id] : []));
    expect(await jobs.insertWithinCap(exportJob(20, 'owner-b'), 3)).toBe(true);
    // Only a running job completes (an abort meanwhile must stick), so it is claimed first.
    expect(await jobs.claim(queued[0]!, NOW, NOW + 60_000)).toBe(true);
    await jobs.complete(queued[0]!, NOW + 1, '{}', null);
    await jobs.fail(queued[1]!, NOW + 1, 'stopped');
    const again = await Promise.all(Array.from({ length: 5 }, (_, n) => jobs.insertWithinCap(exportJob(30 + n), 3)));
    expect(admittedOf(again)).toBe(2);
  });
});
