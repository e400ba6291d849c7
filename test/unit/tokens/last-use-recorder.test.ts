import { openSqliteDatabase } from '../../../dev/host/sqlite-database';
import type { Db } from '../../../src/storage/schema';
import { createTokenRepository } from '../../../src/storage/token-repository';
import { createLastUseRecorder } from '../../../src/tokens/last-use-recorder';

const ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const T0 = Date.UTC(2026, 0, 1);

describe('last use recorder', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openSqliteDatabase(':memory:');
    await createTokenRepository(db).insert({
      id: ID,
      ownerAccountId: 'a',
      tokenHash: 'h'.repeat(64),
      keyId: 'kid-0000',
      active: true,
      notes: '',
      createdAt: T0,
      updatedAt: T0,
      expiresAt: T0 + 1e10,
      lastUsedAt: null,
      lastUsedIp: null,
    });
  });
  afterEach(() => db.destroy());

  it('writes at most once a minute and carries the uses counted in between', async () => {
    const tokens = createTokenRepository(db);
    const writes: number[] = [];
    // The real repository, with each write noted.
    const counting = {
      ...tokens,
      recordUse: async (...args: Parameters<typeof tokens.recordUse>) => {
        writes.push(args[1]);
        return tokens.recordUse(...args);
      },
    };
    const spied = createLastUseRecorder(counting);
    const use = async (at: number): Promise<void> => spied.record((await tokens.findById(ID))!, at, '10.0.0.1');
    await use(T0);
    await use(T0 + 1_000);
    await use(T0 + 30_000);
    expect(writes).toEqual([T0]);
    expect(await tokens.findById(ID)).toMatchObject({ useCount: 1, lastUsedAt: T0 });
    await use(T0 + 61_000);
    expect(writes).toEqual([T0, T0 + 61_000]);
    expect(await tokens.findById(ID)).toMatchObject({ useCount: 4, lastUsedAt: T0 + 61_000, lastUsedIp: '10.0.0.1' });
  });
});
