// The storage suite: the same repositories and queries on every database the app runs
// on. What passes here behaves the same in Forge SQL, on MariaDB and in the local host.
import { sql as kyselySql } from 'kysely';
import { z } from 'zod';
import { createAuditRepository } from '../../../src/storage/audit-repository';
import { createDocumentRepository, DuplicateNameError } from '../../../src/storage/document-repository';
import { schemaMigrations } from '../../../src/storage/migrations';
import { type NewTokenRecord, createTokenRepository } from '../../../src/storage/token-repository';
import { createSettingsRepository } from '../../../src/storage/settings-repository';
import { storageTargets, type OpenedStorage } from '../../support/storage-targets';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 1);

function tokenRow(overrides: Partial<NewTokenRecord> & { id: string }): NewTokenRecord {
  return {
    ownerAccountId: 'owner-a',
    tokenHash: 'a'.repeat(64),
    keyId: 'kid-00000001',
    active: true,
    notes: '',
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
    expiresAt: NOW + 30 * DAY,
    lastUsedAt: null,
    lastUsedIp: null,
    ...overrides,
  };
}

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe.each(storageTargets)('storage on $name', (target) => {
  let storage: OpenedStorage;

  beforeAll(async () => {
    storage = await target.open();
  });
  afterAll(async () => {
    await storage?.close();
  });
  beforeEach(async () => {
    await storage.db.deleteFrom('tokens').execute();
    await storage.db.deleteFrom('audit_events').execute();
    await storage.db.deleteFrom('settings').execute();
  });

  it('creates every table the migrations name', async () => {
    const tables = (await storage.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(expect.arrayContaining(['tokens', 'audit_events', 'settings', 'documents']));
    expect(schemaMigrations.length).toBeGreaterThanOrEqual(6);
  });

  it('inserts, reads back and lists tokens newest first, per owner', async () => {
    const tokens = createTokenRepository(storage.db);
    await tokens.insert(tokenRow({ id: id(1), createdAt: NOW - 3 * DAY, notes: 'Power BI' }));
    await tokens.insert(tokenRow({ id: id(2), createdAt: NOW - 1 * DAY }));
    await tokens.insert(tokenRow({ id: id(3), ownerAccountId: 'owner-b' }));
    const mine = await tokens.listByOwner('owner-a');
    expect(mine.map((row) => row.id)).toEqual([id(2), id(1)]);
    expect(await tokens.findById(id(1))).toEqual({
      ...tokenRow({ id: id(1), createdAt: NOW - 3 * DAY, notes: 'Power BI' }),
      useCount: 0,
      createdBy: null,
      deactivatedBy: null,
    });
    expect(await tokens.findById(id(9))).toBeUndefined();
  });

  it('lets exactly one of 10 concurrent regenerations replace the hash it read (issue 16 item 4)', async () => {
    const tokens = createTokenRepository(storage.db);
    await tokens.insert(tokenRow({ id: id(5) }));
    const previous = (await tokens.findById(id(5)))?.tokenHash ?? '';
    const hashes = Array.from({ length: 10 }, (_, i) => String(i).repeat(64));
    const results = await Promise.all(hashes.map((hash) => tokens.replaceHash(id(5), 'owner-a', previous, hash, 'kid-2', NOW)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await tokens.findById(id(5)))?.tokenHash).toBe(hashes[results.indexOf(true)]);
  });

  it('keeps an admin or manager deactivation: the owner cannot reactivate, nor overwrite it by switching off', async () => {
    const tokens = createTokenRepository(storage.db);
    await tokens.insert(tokenRow({ id: id(1) }));
    expect(await tokens.setActive(id(1), false, NOW, 'manager')).toBe(true);
    expect(await tokens.findById(id(1))).toMatchObject({ active: false, deactivatedBy: 'manager', createdBy: null });
    expect(await tokens.updateOwned(id(1), 'owner-a', { active: true }, NOW)).toBe(false);
    expect(await tokens.updateOwned(id(1), 'owner-a', { active: false }, NOW)).toBe(true);
    expect(await tokens.findById(id(1))).toMatchObject({ active: false, deactivatedBy: 'manager' });
    expect(await tokens.updateOwned(id(1), 'owner-a', { notes: 'still editable' }, NOW)).toBe(true);
    expect(await tokens.setActive(id(1), true, NOW, 'admin')).toBe(true);
    expect(await tokens.findById(id(1))).toMatchObject({ active: true, deactivatedBy: null });
    expect(await tokens.updateOwned(id(1), 'owner-a', { active: false }, NOW)).toBe(true);
    expect(await tokens.findById(id(1))).toMatchObject({ deactivatedBy: 'owner' });
    expect(await tokens.updateOwned(id(1), 'owner-a', { active: true }, NOW)).toBe(true);
  });

  it('stores who created a token for its owner, counts unexpired tokens and caps expiries past a limit in one statement', async () => {
    const tokens = createTokenRepository(storage.db);
    await tokens.insert({ ...tokenRow({ id: id(1), expiresAt: NOW + 10 }), createdBy: 'manager-m' });
    await tokens.insert(tokenRow({ id: id(2), expiresAt: NOW + 1_000 }));
    await tokens.insert(tokenRow({ id: id(3), expiresAt: NOW - 1 }));
    expect((await tokens.findById(id(1)))?.createdBy).toBe('manager-m');
    expect(await tokens.countUnexpired('owner-a', NOW)).toBe(2);
    expect((await tokens.listExpiringAfter(NOW + 100, NOW, 10)).rows.map((row) => row.id)).toEqual([id(2)]);
    expect(await tokens.capExpiry(NOW + 100, NOW + 5)).toBe(1);
    expect((await tokens.findById(id(2)))?.expiresAt).toBe(NOW + 100);
    expect((await tokens.findById(id(3)))?.expiresAt).toBe(NOW - 1);
    expect((await tokens.listExpiringAfter(NOW + 100, NOW, 10)).total).toBe(0);
  });

  it('updates and deletes only through the owner, or any token for admin calls', async () => {
    const tokens = createTokenRepository(storage.db);
    await tokens.insert(tokenRow({ id: id(1) }));
    expect(await tokens.updateOwned(id(1), 'owner-b', { active: false }, NOW)).toBe(false);
    expect(await tokens.updateOwned(id(1), 'owner-a', { active: false, notes: 'n', expiresAt: NOW - 1 }, NOW)).toBe(true);
    expect(await tokens.findById(id(1))).toMatchObject({ active: false, notes: 'n', expiresAt: NOW - 1, updatedAt: NOW });
    expect(await tokens.setActive(id(1), true, NOW + 1, 'admin')).toBe(true);
    const previous = (await tokens.findById(id(1)))?.tokenHash ?? '';
    expect(await tokens.replaceHash(id(1), 'owner-b', previous, 'b'.repeat(64), 'kid-2', NOW)).toBe(false);
    expect(await tokens.replaceHash(id(1), 'owner-a', 'c'.repeat(64), 'b'.repeat(64), 'kid-2', NOW)).toBe(false);
    expect(await tokens.replaceHash(id(1), 'owner-a', previous, 'b'.repeat(64), 'kid-2', NOW)).toBe(true);
    expect((await tokens.findById(id(1)))?.tokenHash).toBe('b'.repeat(64));
    expect(await tokens.deleteOwned(id(1), 'owner-b')).toBe(false);
    expect(await tokens.deleteOwned(id(1), 'owner-a')).toBe(true);
    expect(await tokens.findById(id(1))).toBeUndefined();
    await tokens.insert(tokenRow({ id: id(2) }));
    expect(await tokens.deleteAny(id(2))).toBe(true);
    expect(await tokens.deleteAny(id(2))).toBe(false);
  });

  it('records a use at most once per interval and adds the uses counted meanwhile', async () => {
    const tokens = createTokenRepository(storage.db);
    await tokens.insert(tokenRow({ id: id(1) }));
    expect(await tokens.recordUse(id(1), NOW, '203.0.113.9', 1, NOW - 60_000)).toBe(true);
    expect(await tokens.recordUse(id(1), NOW + 10_000, '203.0.113.9', 1, NOW + 10_000 - 60_000)).toBe(false);
    expect(await tokens.recordUse(id(1), NOW + 70_000, '198.51.100.4', 3, NOW + 10_000)).toBe(true);
    expect(await tokens.findById(id(1))).toMatchObject({ lastUsedAt: NOW + 70_000, lastUsedIp: '198.51.100.4', useCount: 4 });
  });

  it('pages with filters on owner, notes (any case, LIKE characters literal), dates and state', async () => {
    const tokens = createTokenRepository(storage.db);
    await tokens.insert(tokenRow({ id: id(1), notes: 'Power BI refresh', createdAt: NOW - 40 * DAY }));
    await tokens.insert(tokenRow({ id: id(2), notes: '100% excel', ownerAccountId: 'owner-b', createdAt: NOW - 5 * DAY }));
    await tokens.insert(tokenRow({ id: id(3), active: false, createdAt: NOW - 2 * DAY, lastUsedAt: NOW - DAY }));
    await tokens.insert(tokenRow({ id: id(4), expiresAt: NOW - DAY, createdAt: NOW - 3 * DAY }));
    const all = await tokens.page({}, NOW, 0, 10);
    expect(all.total).toBe(4);
    expect(all.rows.map((row) => row.id)).toEqual([id(3), id(4), id(2), id(1)]);
    expect((await tokens.page({}, NOW, 1, 2)).rows.map((row) => row.id)).toEqual([id(4), id(2)]);
    expect((await tokens.page({ accountIds: ['owner-b'] }, NOW, 0, 10)).rows.map((r) => r.id)).toEqual([id(2)]);
    expect((await tokens.page({ notesContains: 'power bi' }, NOW, 0, 10)).rows.map((r) => r.id)).toEqual([id(1)]);
    expect((await tokens.page({ notesContains: '0%' }, NOW, 0, 10)).rows.map((r) => r.id)).toEqual([id(2)]);
    expect((await tokens.page({ notesContains: '_' }, NOW, 0, 10)).total).toBe(0);
    expect((await tokens.page({ createdFrom: NOW - 7 * DAY }, NOW, 0, 10)).total).toBe(3);
    expect((await tokens.page({ lastUsedFrom: NOW - 7 * DAY }, NOW, 0, 10)).rows.map((r) => r.id)).toEqual([id(3)]);
    expect((await tokens.page({ states: ['expired'] }, NOW, 0, 10)).rows.map((r) => r.id)).toEqual([id(4)]);
    expect((await tokens.page({ states: ['inactive'] }, NOW, 0, 10)).rows.map((r) => r.id)).toEqual([id(3)]);
    const active = await tokens.page({ states: ['active'] }, NOW, 0, 10);
    expect(active.rows.map((r) => r.id).sort()).toEqual([id(1), id(2)]);
    const activeOrExpired = await tokens.page({ states: ['active', 'expired'] }, NOW, 0, 10);
    expect(activeOrExpired.total).toBe(3);
  });

  it('appends audit events and reads them back parsed', async () => {
    const audit = createAuditRepository(storage.db);
    await audit.append({ at: NOW, actorAccountId: 'a', action: 'token.created', tokenId: id(1), subjectAccountId: 'a', detail: { expiresAt: 5 } });
    await audit.append({ at: NOW + 1, actorAccountId: 'admin', action: 'token.admin-deleted', tokenId: id(1), subjectAccountId: 'a', detail: {} });
    const events = await audit.listForToken(id(1));
    expect(events.map((event) => event.action)).toEqual(['token.created', 'token.admin-deleted']);
    expect(events[0]?.detail).toEqual({ expiresAt: 5 });
  });

  it('upserts settings and checks them against their schema on read', async () => {
    const settings = createSettingsRepository(storage.db);
    const schema = z.object({ limit: z.number() });
    expect(await settings.get('rate', schema)).toBeUndefined();
    await settings.put('rate', { limit: 5 }, NOW, 'admin');
    await settings.put('rate', { limit: 7 }, NOW + 1, 'admin');
    expect(await settings.get('rate', schema)).toEqual({ limit: 7 });
    await settings.put('bad', { limit: 'x' }, NOW, 'admin');
    await expect(settings.get('bad', schema)).rejects.toThrow();
  });

  it('rejects a row with a duplicate id and leaves the first intact', async () => {
    const tokens = createTokenRepository(storage.db);
    await tokens.insert(tokenRow({ id: id(1), notes: 'first' }));
    // Matched by message, not toThrow(): better-sqlite3's native addon builds its errors
    // from the first jest realm that loaded it, so instanceof Error fails in later files.
    await expect(tokens.insert(tokenRow({ id: id(1), notes: 'second' }))).rejects.toMatchObject({
      message: expect.stringMatching(/unique|duplicate/i),
    });
    expect((await tokens.findById(id(1)))?.notes).toBe('first');
  });

  if (target.name.startsWith('forge-sql')) {
    it('sends one statement per request through the SDK, DDL on the DDL endpoint', async () => {
      const before = storage.forgeStatements.length;
      await storage.db
        .selectFrom('tokens')
        .select(kyselySql<number>`1`.as('one'))
        .execute();
      expect(storage.forgeStatements.slice(before)).toEqual([{ path: '/api/v1/execute', query: 'select 1 as `one` from `tokens`' }]);
      expect(storage.forgeStatements.some((s) => s.path === '/api/v1/execute/ddl' && s.query.startsWith('create table `tokens`'))).toBe(true);
    });

    it('refuses transactions instead of pretending to hold one', async () => {
      await expect(storage.db.transaction().execute(async () => undefined)).rejects.toThrow(/cannot hold a transaction/);
    });
  }
});

describe.each(storageTargets)('documents on $name', (target) => {
  let storage: OpenedStorage;
  beforeAll(async () => {
    storage = await target.open();
  });
  afterAll(async () => {
    await storage?.close();
  });

  it('keeps names unique per kind and validates bodies on read', async () => {
    const schema = z.object({ size: z.number() });
    const calendars = createDocumentRepository(storage.db, 'calendar', schema);
    const groups = createDocumentRepository(storage.db, 'status-group', schema);
    await calendars.insert({ id: id(1), name: 'Office', body: { size: 1 } }, NOW, 'admin');
    await groups.insert({ id: id(2), name: 'Office', body: { size: 2 } }, NOW, 'admin');
    await expect(calendars.insert({ id: id(3), name: 'Office', body: { size: 3 } }, NOW, 'admin')).rejects.toBeInstanceOf(DuplicateNameError);
    await calendars.insert({ id: id(4), name: 'Night', body: { size: 4 } }, NOW, 'admin');
    await expect(calendars.update(id(4), { name: 'Office', body: { size: 4 } }, NOW, 'admin')).rejects.toBeInstanceOf(DuplicateNameError);
    expect(await calendars.update(id(4), { name: 'Nights', body: { size: 5 } }, NOW + 1, 'admin2')).toBe(true);
    expect(await calendars.update(id(2), { name: 'Other', body: { size: 5 } }, NOW, 'admin')).toBe(false);
    expect((await calendars.list()).map((doc) => [doc.name, doc.body.size])).toEqual([
      ['Nights', 5],
      ['Office', 1],
    ]);
    expect(await calendars.get(id(2))).toBeUndefined();
    expect(await groups.remove(id(1))).toBe(false);
    expect(await groups.remove(id(2))).toBe(true);
    const strict = createDocumentRepository(storage.db, 'calendar', z.object({ size: z.string() }));
    await expect(strict.list()).rejects.toThrow();
  });
});
