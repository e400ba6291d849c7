// Which signing keys this installation made and which were retired. The secrets stay in
// secret storage; this table only lists them, so the admin can count and retire.
import { MysqlAdapter } from 'kysely';
import { z } from 'zod';
import type { Db } from './schema';

export interface SigningKeyRecord {
  kid: string;
  createdAt: number;
  retiredAt: number | null;
  retiredBy: string | null;
}

const rowSchema = z.object({
  kid: z.string(),
  created_at: z.coerce.number(),
  retired_at: z.coerce.number().nullable(),
  retired_by: z.string().nullable(),
});

export interface SigningKeyRepository {
  /** Adds the key unless it is listed already. */
  register(kid: string, createdAt: number): Promise<void>;
  list(): Promise<SigningKeyRecord[]>;
  /** Marks the key retired unless it already is; true when this call retired it. */
  retire(kid: string, at: number, by: string): Promise<boolean>;
}

export function createSigningKeyRepository(db: Db): SigningKeyRepository {
  const isMysql = db.getExecutor().adapter instanceof MysqlAdapter;
  return {
    async register(kid, createdAt) {
      const insert = db.insertInto('signing_keys').values({ kid, created_at: createdAt, retired_at: null, retired_by: null });
      await (isMysql ? insert.ignore() : insert.onConflict((oc) => oc.doNothing())).execute();
    },
    async list() {
      const rows = await db.selectFrom('signing_keys').selectAll().orderBy('created_at').orderBy('kid').execute();
      return rows.map((raw) => {
        const row = rowSchema.parse(raw);
        return { kid: row.kid, createdAt: row.created_at, retiredAt: row.retired_at, retiredBy: row.retired_by };
      });
    },
    async retire(kid, at, by) {
      const result = await db
        .updateTable('signing_keys')
        .set({ retired_at: at, retired_by: by })
        .where('kid', '=', kid)
        .where('retired_at', 'is', null)
        .executeTakeFirst();
      return (result.numUpdatedRows ?? 0n) > 0n;
    },
  };
}
