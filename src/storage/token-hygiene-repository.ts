// The token queries of the hygiene sweep, the emergency switch and signing-key retirement:
// set-wide reads and single conditional writes (Forge SQL holds no transaction), kept apart
// from token-repository.ts, which serves one token at a time.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from './schema';

/** A retired key's tokens keep their row with this mark in key_id: no presented kid matches it. */
export const RETIRED_KEY_MARK = '~';

const countRow = z.object({ key_id: z.string(), total: z.coerce.number(), first_created: z.coerce.number() });
const idOwnerRow = z.object({ id: z.string(), owner_account_id: z.string() });

export interface TokenHygieneRepository {
  /** Active, unexpired tokens whose last successful use (or creation, if never used) is before `cutoff`. */
  unusedSince(cutoff: number, now: number): Promise<string[]>;
  /** Deactivates the token while it is still active and unused since `cutoff`: true if it did. */
  deactivateIfUnused(id: string, cutoff: number, now: number): Promise<boolean>;
  /** Owners of any stored token. */
  owners(): Promise<string[]>;
  /** Deactivates every token of the owner still active; answers the ids it deactivated. */
  deactivateOwned(ownerAccountId: string, now: number): Promise<string[]>;
  /** Inactive tokens of the owner unchanged since `cutoff`. */
  inactiveOwnedSince(ownerAccountId: string, cutoff: number): Promise<string[]>;
  /** Deactivates every active token in one statement; answers how many. */
  deactivateAll(now: number): Promise<number>;
  /** Tokens per signing key id (retired keys under their mark), with the first creation. */
  countByKey(): Promise<Array<{ keyId: string; tokens: number; firstCreated: number }>>;
  countForKey(keyId: string): Promise<number>;
  /** Marks the key's tokens retired in one statement; answers how many. */
  retireKey(keyId: string, now: number): Promise<number>;
}

const changed = (result: { numUpdatedRows?: bigint }): number => Number(result.numUpdatedRows ?? 0n);

export function createTokenHygieneRepository(db: Db): TokenHygieneRepository {
  const lastUse = sql<number>`coalesce(${sql.ref('last_used_at')}, ${sql.ref('created_at')})`;
  return {
    async unusedSince(cutoff, now) {
      const rows = await db
        .selectFrom('tokens')
        .select('id')
        .where('active', '=', 1)
        .where('expires_at', '>', now)
        .where(sql<boolean>`${lastUse} < ${cutoff}`)
        .orderBy('id')
        .execute();
      return rows.map((row) => row.id);
    },
    async deactivateIfUnused(id, cutoff, now) {
      const result = await db
        .updateTable('tokens')
        .set({ active: 0, updated_at: now })
        .where('id', '=', id)
        .where('active', '=', 1)
        .where(sql<boolean>`${lastUse} < ${cutoff}`)
        .executeTakeFirst();
      return changed(result) > 0;
    },
    async owners() {
      const rows = await db.selectFrom('tokens').select('owner_account_id').distinct().orderBy('owner_account_id').execute();
      return rows.map((row) => row.owner_account_id);
    },
    async deactivateOwned(ownerAccountId, now) {
      const rows = await db
        .selectFrom('tokens')
        .select(['id', 'owner_account_id'])
        .where('owner_account_id', '=', ownerAccountId)
        .where('active', '=', 1)
        .execute();
      const done: string[] = [];
      for (const row of rows.map((raw) => idOwnerRow.parse(raw))) {
        const result = await db.updateTable('tokens').set({ active: 0, updated_at: now }).where('id', '=', row.id).where('active', '=', 1).executeTakeFirst();
        if (changed(result) > 0) done.push(row.id);
      }
      return done;
    },
    async inactiveOwnedSince(ownerAccountId, cutoff) {
      const rows = await db
        .selectFrom('tokens')
        .select('id')
        .where('owner_account_id', '=', ownerAccountId)
        .where('active', '=', 0)
        .where('updated_at', '<', cutoff)
        .orderBy('id')
        .execute();
      return rows.map((row) => row.id);
    },
    async deactivateAll(now) {
      return changed(await db.updateTable('tokens').set({ active: 0, updated_at: now }).where('active', '=', 1).executeTakeFirst());
    },
    async countByKey() {
      const rows = await db
        .selectFrom('tokens')
        .select((eb) => ['key_id', eb.fn.countAll().as('total'), eb.fn.min('created_at').as('first_created')])
        .groupBy('key_id')
        .execute();
      return rows.map((raw) => {
        const row = countRow.parse(raw);
        return { keyId: row.key_id, tokens: row.total, firstCreated: row.first_created };
      });
    },
    async countForKey(keyId) {
      const row = await db
        .selectFrom('tokens')
        .select((eb) => eb.fn.countAll().as('total'))
        .where('key_id', '=', keyId)
        .executeTakeFirstOrThrow();
      return z.coerce.number().parse(row.total);
    },
    async retireKey(keyId, now) {
      return changed(
        await db
          .updateTable('tokens')
          .set({ key_id: `${RETIRED_KEY_MARK}${keyId}`, updated_at: now })
          .where('key_id', '=', keyId)
          .executeTakeFirst(),
      );
    },
  };
}
