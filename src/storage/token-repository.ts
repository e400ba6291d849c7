// Every SQL statement about tokens. Each write is a single statement, because Forge SQL
// holds no transaction across requests: ownership checks live in the WHERE clause.
import { sql } from 'kysely';
import { z } from 'zod';
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
  /** Canonical IP addresses and CIDR ranges the token may be used from; [] allows any. */
  allowedIps: string[];
  /** Jira project keys the token's reports are limited to; [] allows every browsable project. */
  projectKeys: string[];
}

export type NewTokenRecord = Omit<TokenRecord, 'useCount' | 'lastUsedAt' | 'lastUsedIp' | 'allowedIps' | 'projectKeys'> &
  Partial<Pick<TokenRecord, 'lastUsedAt' | 'lastUsedIp' | 'allowedIps' | 'projectKeys'>>;

const textList = z.string().transform((text, ctx): string[] => {
  const parsed = z.array(z.string()).safeParse(JSON.parse(text));
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

export interface TokenRepository {
  insert(token: NewTokenRecord): Promise<void>;
  findById(id: string): Promise<TokenRecord | undefined>;
  listByOwner(ownerAccountId: string): Promise<TokenRecord[]>;
  /** Applies changes when the token belongs to the owner; false when no such token. */
  updateOwned(id: string, ownerAccountId: string, changes: TokenChanges, now: number): Promise<boolean>;
  setActive(id: string, active: boolean, now: number): Promise<boolean>;
  /** Only while the stored hash is still `previousHash`: of concurrent regenerations one wins. */
  /** New text for the row while `previousHash` is still stored; `expiresAt` when rotation moves the expiry. */
  replaceHash(id: string, ownerAccountId: string, previousHash: string, tokenHash: string, keyId: string, now: number, expiresAt?: number): Promise<boolean>;
  deleteOwned(id: string, ownerAccountId: string): Promise<boolean>;
  deleteAny(id: string): Promise<boolean>;
  page(filter: TokenFilter, now: number, offset: number, limit: number): Promise<{ rows: TokenRecord[]; total: number }>;
  /**
   * Records `uses` uses at `at` unless a use was already recorded after `notBefore`:
   * one conditional UPDATE, so concurrent requests cannot double count. True if written.
   */
  recordUse(id: string, at: number, ip: string | null, uses: number, notBefore: number): Promise<boolean>;
}

function affected(result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }): boolean {
  return (result.numUpdatedRows ?? result.numDeletedRows ?? 0n) > 0n;
}

export function createTokenRepository(db: Db): TokenRepository {
  // '!' as the LIKE escape: backslash would need different quoting in MySQL and SQLite.
  const escapeLike = (text: string): string => text.replace(/[!%_]/g, (c) => `!${c}`);

  return {
    async insert(token) {
      await db
        .insertInto('tokens')
        .values({
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
        })
        .execute();
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
      const result = await db
        .updateTable('tokens')
        .set({
          updated_at: now,
          ...(changes.active === undefined ? {} : { active: changes.active ? 1 : 0 }),
          ...(changes.expiresAt === undefined ? {} : { expires_at: changes.expiresAt }),
          ...(changes.notes === undefined ? {} : { notes: changes.notes }),
          ...(changes.allowedIps === undefined ? {} : { allowed_ips: JSON.stringify(changes.allowedIps) }),
          ...(changes.projectKeys === undefined ? {} : { project_keys: JSON.stringify(changes.projectKeys) }),
        })
        .where('id', '=', id)
        .where('owner_account_id', '=', ownerAccountId)
        .executeTakeFirst();
      return affected(result);
    },

    async setActive(id, active, now) {
      const result = await db
        .updateTable('tokens')
        .set({ active: active ? 1 : 0, updated_at: now })
        .where('id', '=', id)
        .executeTakeFirst();
      return affected(result);
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

    async page(filter, now, offset, limit) {
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
        query.selectAll().orderBy('created_at', 'desc').orderBy('id').offset(offset).limit(limit).execute(),
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
