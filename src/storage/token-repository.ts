// Every SQL statement about tokens. Each write is a single statement, because Forge SQL
// holds no transaction across requests: ownership checks live in the WHERE clause.
import { sql } from 'kysely';
import { z } from 'zod';
import { insertInFreeSlot, type SlotOccupancy } from './admission-slots';
import type { Db } from './schema';

/** A stored token: everything but its text, which is never stored (only its SHA-256). */
export interface TokenRecord {
  id: string;
  ownerAccountId: string;
  /** Hex SHA-256 of the whole token text. */
  tokenHash: string;
  keyId: string;
  active: boolean;
  notes: string;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  lastUsedIp: string | null;
  useCount: number;
  /** The manager or admin who created the token for its owner; null when the owner did. */
  createdBy: string | null;
  /** Who last deactivated it; an admin's or manager's deactivation only they can undo. */
  deactivatedBy: DeactivatedBy | null;
  /** Canonical IP addresses and CIDR ranges the token may be used from; [] allows any. */
  allowedIps: string[];
  /** Jira project keys the token's reports are limited to; [] allows every browsable project. */
  projectKeys: string[];
}

export const deactivators = ['owner', 'manager', 'admin'] as const;
export type DeactivatedBy = (typeof deactivators)[number];

export type NewTokenRecord = Omit<TokenRecord, 'useCount' | 'lastUsedAt' | 'lastUsedIp' | 'createdBy' | 'deactivatedBy' | 'allowedIps' | 'projectKeys'> &
  Partial<Pick<TokenRecord, 'lastUsedAt' | 'lastUsedIp' | 'createdBy' | 'allowedIps' | 'projectKeys'>>;

// Built once: a zod schema made inside the transform would be rebuilt for every row read.
const stringList = z.array(z.string());
const textList = z.string().transform((text, ctx): string[] => {
  const parsed = stringList.safeParse(JSON.parse(text));
  if (parsed.success) return parsed.data;
  ctx.addIssue({ code: 'custom', message: 'is not a JSON list of strings' });
  return z.NEVER;
});

// Rows are parsed, not cast: MySQL drivers may return BIGINT as strings.
const tokenRowSchema = z
  .object({
    id: z.string(),
    owner_account_id: z.string(),
    token_hash: z.string(),
    key_id: z.string(),
    active: z.coerce.number(),
    notes: z.string(),
    created_at: z.coerce.number(),
    updated_at: z.coerce.number(),
    expires_at: z.coerce.number(),
    last_used_at: z.coerce.number().nullable(),
    last_used_ip: z.string().nullable(),
    use_count: z.coerce.number(),
    created_by: z.string().nullable().optional(),
    deactivated_by: z.enum(deactivators).nullable().optional(),
    allowed_ips: textList,
    project_keys: textList,
  })
  .transform((row): TokenRecord => ({
    id: row.id,
    ownerAccountId: row.owner_account_id,
    tokenHash: row.token_hash,
    keyId: row.key_id,
    active: row.active === 1,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    lastUsedIp: row.last_used_ip,
    useCount: row.use_count,
    createdBy: row.created_by ?? null,
    deactivatedBy: row.deactivated_by ?? null,
    allowedIps: row.allowed_ips,
    projectKeys: row.project_keys,
  }));

function parseRow(row: unknown): TokenRecord {
  return tokenRowSchema.parse(row);
}

export interface TokenChanges {
  active?: boolean;
  expiresAt?: number;
  notes?: string;
  allowedIps?: readonly string[];
  projectKeys?: readonly string[];
}

export interface TokenFilter {
  accountIds?: readonly string[];
  notesContains?: string;
  createdFrom?: number;
  createdTo?: number;
  lastUsedFrom?: number;
  lastUsedTo?: number;
  expiresFrom?: number;
  expiresTo?: number;
  states?: ReadonlyArray<'active' | 'inactive' | 'expired'>;
}

/** The admin table's order; the id breaks ties so pages never overlap. */
export interface TokenSort {
  by: 'created' | 'expires' | 'lastUsed' | 'uses' | 'notes';
  direction: 'asc' | 'desc';
}

export interface TokenRepository {
  insert(token: NewTokenRecord): Promise<void>;
  /** Inserts unless the owner already holds `cap` tokens unexpired at `now`: atomic under concurrency (admission-slots.ts). */
  insertWithinCap(token: NewTokenRecord, cap: number, now: number): Promise<boolean>;
  findById(id: string): Promise<TokenRecord | undefined>;
  listByOwner(ownerAccountId: string): Promise<TokenRecord[]>;
  /**
   * Applies changes when the token belongs to the owner; false when no such token. A
   * reactivation applies only while no admin or manager deactivation stands (the same
   * statement checks), so a concurrent admin deactivation cannot be undone by the owner.
   */
  updateOwned(id: string, ownerAccountId: string, changes: TokenChanges, now: number): Promise<boolean>;
  /** Deactivating records `by`; reactivating clears it. */
  setActive(id: string, active: boolean, now: number, by: DeactivatedBy): Promise<boolean>;
  /** Tokens expiring after `limit` and not yet expired at `now`, newest first. */
  listExpiringAfter(limit: number, now: number, max: number): Promise<{ rows: TokenRecord[]; total: number }>;
  /** Moves every expiry later than `limit` (and not yet passed) to `limit`; the count moved. */
  capExpiry(limit: number, now: number): Promise<number>;
  /** Tokens of the owner that have not expired at `now`. */
  countUnexpired(ownerAccountId: string, now: number): Promise<number>;
  /** Only while the stored hash is still `previousHash`: of concurrent regenerations one wins. */
  /** New text for the row while `previousHash` is still stored; `expiresAt` when rotation moves the expiry. */
  replaceHash(id: string, ownerAccountId: string, previousHash: string, tokenHash: string, keyId: string, now: number, expiresAt?: number): Promise<boolean>;
  deleteOwned(id: string, ownerAccountId: string): Promise<boolean>;
  deleteAny(id: string): Promise<boolean>;
  page(filter: TokenFilter, now: number, offset: number, limit: number, sort?: TokenSort): Promise<{ rows: TokenRecord[]; total: number }>;
  /**
   * Records `uses` uses at `at` unless a use was already recorded after `notBefore`:
   * one conditional UPDATE, so concurrent requests cannot double count. True if written.
   */
  recordUse(id: string, at: number, ip: string | null, uses: number, notBefore: number): Promise<boolean>;
}

function affected(result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }): boolean {
  return (result.numUpdatedRows ?? result.numDeletedRows ?? 0n) > 0n;
}

function sortColumn(by: TokenSort['by']) {
  switch (by) {
    case 'created':
      return sql.ref<number>('created_at');
    case 'expires':
      return sql.ref<number>('expires_at');
    case 'lastUsed':
      // Never-used tokens (NULL) sort as the oldest on SQLite and MariaDB alike.
      return sql.ref<number>('last_used_at');
    case 'uses':
      return sql.ref<number>('use_count');
    case 'notes':
      // LOWER(): SQLite compares bytes, MariaDB's collation ignores case; this agrees on both.
      return sql<string>`lower(${sql.ref('notes')})`;
  }
}

export function createTokenRepository(db: Db): TokenRepository {
  // '!' as the LIKE escape: backslash would need different quoting in MySQL and SQLite.
  const escapeLike = (text: string): string => text.replace(/[!%_]/g, (c) => `!${c}`);

  const values = (token: NewTokenRecord, slot: number | null) => ({
    created_by: token.createdBy ?? null,
    id: token.id,
    owner_account_id: token.ownerAccountId,
    token_hash: token.tokenHash,
    key_id: token.keyId,
    active: token.active ? 1 : 0,
    notes: token.notes,
    created_at: token.createdAt,
    updated_at: token.updatedAt,
    expires_at: token.expiresAt,
    last_used_at: token.lastUsedAt ?? null,
    last_used_ip: token.lastUsedIp ?? null,
    allowed_ips: JSON.stringify(token.allowedIps ?? []),
    project_keys: JSON.stringify(token.projectKeys ?? []),
    slot,
  });

  // Expired tokens do not count against the cap (the policy limits tokens that have not
  // expired) but keep their slot in the unique index, so they widen the range instead.
  async function occupancy(ownerAccountId: string, now: number): Promise<SlotOccupancy> {
    const rows = await db.selectFrom('tokens').select(['slot', 'expires_at']).where('owner_account_id', '=', ownerAccountId).execute();
    const live = (row: { expires_at: number | string }) => Number(row.expires_at) > now;
    const slotted = rows.filter((row) => row.slot !== null);
    return {
      taken: slotted.map((row) => Number(row.slot)),
      unslotted: rows.filter((row) => row.slot === null && live(row)).length,
      retired: slotted.filter((row) => !live(row)).length,
    };
  }

  return {
    async insert(token) {
      await db.insertInto('tokens').values(values(token, null)).execute();
    },

    async insertWithinCap(token, cap, now) {
      return insertInFreeSlot(
        cap,
        () => occupancy(token.ownerAccountId, now),
        async (slot) => void (await db.insertInto('tokens').values(values(token, slot)).execute()),
      );
    },

    async findById(id) {
      const row = await db.selectFrom('tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : parseRow(row);
    },

    async listByOwner(ownerAccountId) {
      const rows = await db
        .selectFrom('tokens')
        .selectAll()
        .where('owner_account_id', '=', ownerAccountId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(parseRow);
    },

    async updateOwned(id, ownerAccountId, changes, now) {
      let query = db
        .updateTable('tokens')
        .set({
          updated_at: now,
          // The owner switching off a token an admin or manager switched off keeps their mark.
          ...(changes.active === undefined
            ? {}
            : {
                active: changes.active ? 1 : 0,
                deactivated_by: changes.active
                  ? null
                  : sql<string>`case when ${sql.ref('deactivated_by')} in ('admin', 'manager') then ${sql.ref('deactivated_by')} else 'owner' end`,
              }),
          ...(changes.expiresAt === undefined ? {} : { expires_at: changes.expiresAt }),
          ...(changes.notes === undefined ? {} : { notes: changes.notes }),
          ...(changes.allowedIps === undefined ? {} : { allowed_ips: JSON.stringify(changes.allowedIps) }),
          ...(changes.projectKeys === undefined ? {} : { project_keys: JSON.stringify(changes.projectKeys) }),
        })
        .where('id', '=', id)
        .where('owner_account_id', '=', ownerAccountId);
      if (changes.active === true) query = query.where((eb) => eb.or([eb('deactivated_by', 'is', null), eb('deactivated_by', '=', 'owner')]));
      return affected(await query.executeTakeFirst());
    },

    async setActive(id, active, now, by) {
      const result = await db
        .updateTable('tokens')
        .set({ active: active ? 1 : 0, deactivated_by: active ? null : by, updated_at: now })
        .where('id', '=', id)
        .executeTakeFirst();
      return affected(result);
    },

    async listExpiringAfter(limit, now, max) {
      const query = db.selectFrom('tokens').where('expires_at', '>', Math.max(limit, now));
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('expires_at', 'desc').orderBy('id').limit(max).execute(),
        query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { rows: rows.map(parseRow), total: z.coerce.number().parse(count.total) };
    },

    async capExpiry(limit, now) {
      const result = await db
        .updateTable('tokens')
        .set({ expires_at: limit, updated_at: now })
        .where('expires_at', '>', Math.max(limit, now))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async countUnexpired(ownerAccountId, now) {
      const row = await db
        .selectFrom('tokens')
        .select((eb) => eb.fn.countAll().as('total'))
        .where('owner_account_id', '=', ownerAccountId)
        .where('expires_at', '>', now)
        .executeTakeFirstOrThrow();
      return z.coerce.number().parse(row.total);
    },

    async replaceHash(id, ownerAccountId, previousHash, tokenHash, keyId, now, expiresAt) {
      const result = await db
        .updateTable('tokens')
        .set({ token_hash: tokenHash, key_id: keyId, updated_at: now, ...(expiresAt === undefined ? {} : { expires_at: expiresAt }) })
        .where('id', '=', id)
        .where('owner_account_id', '=', ownerAccountId)
        .where('token_hash', '=', previousHash)
        .executeTakeFirst();
      return affected(result);
    },

    async deleteOwned(id, ownerAccountId) {
      const result = await db.deleteFrom('tokens').where('id', '=', id).where('owner_account_id', '=', ownerAccountId).executeTakeFirst();
      return affected(result);
    },

    async deleteAny(id) {
      return affected(await db.deleteFrom('tokens').where('id', '=', id).executeTakeFirst());
    },

    async page(filter, now, offset, limit, sort = { by: 'created', direction: 'desc' }) {
      let query = db.selectFrom('tokens');
      if (filter.accountIds && filter.accountIds.length > 0) {
        query = query.where('owner_account_id', 'in', [...filter.accountIds]);
      }
      if (filter.notesContains) {
        // LOWER() on both sides: SQLite's LIKE and MySQL collations differ on case.
        const pattern = `%${escapeLike(filter.notesContains.toLowerCase())}%`;
        query = query.where(sql<boolean>`lower(${sql.ref('notes')}) like ${pattern} escape '!'`);
      }
      if (filter.createdFrom !== undefined) query = query.where('created_at', '>=', filter.createdFrom);
      if (filter.createdTo !== undefined) query = query.where('created_at', '<', filter.createdTo);
      if (filter.lastUsedFrom !== undefined) query = query.where('last_used_at', '>=', filter.lastUsedFrom);
      if (filter.lastUsedTo !== undefined) query = query.where('last_used_at', '<', filter.lastUsedTo);
      if (filter.expiresFrom !== undefined) query = query.where('expires_at', '>=', filter.expiresFrom);
      if (filter.expiresTo !== undefined) query = query.where('expires_at', '<', filter.expiresTo);
      const states = filter.states;
      if (states && states.length > 0) {
        query = query.where((eb) =>
          eb.or(
            states.map((state) => {
              if (state === 'expired') return eb('expires_at', '<=', now);
              const activeFlag = eb('active', '=', state === 'active' ? 1 : 0);
              return eb.and([activeFlag, eb('expires_at', '>', now)]);
            }),
          ),
        );
      }
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy(sortColumn(sort.by), sort.direction).orderBy('id').offset(offset).limit(limit).execute(),
        query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { rows: rows.map(parseRow), total: z.coerce.number().parse(count.total) };
    },

    async recordUse(id, at, ip, uses, notBefore) {
      const result = await db
        .updateTable('tokens')
        .set((eb) => ({ last_used_at: at, last_used_ip: ip, use_count: eb('use_count', '+', uses) }))
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', notBefore)]))
        .executeTakeFirst();
      return affected(result);
    },
  };
}
