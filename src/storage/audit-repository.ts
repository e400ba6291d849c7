// Append-only record of who did what to which token. Never holds token text. Refused uses
// are aggregated: one row per token, hour, reason and address, counted by an upsert.
import { createHash, randomUUID } from 'node:crypto';
import { MysqlAdapter, sql } from 'kysely';
import { z } from 'zod';
import type { Db } from './schema';

export interface AuditEvent {
  id: string;
  at: number;
  actorAccountId: string;
  action: string;
  tokenId: string | null;
  subjectAccountId: string | null;
  ip: string | null;
  /** Above 1 only for aggregated refused uses. */
  occurrences: number;
  detail: Record<string, unknown>;
}

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'ip' | 'occurrences'> & { ip?: string | null };

export interface AuditFilter {
  actorAccountIds?: readonly string[];
  subjectAccountIds?: readonly string[];
  /** A full token id, or a prefix of one (the 8 characters the tables show). */
  tokenIdPrefix?: string;
  /** Only events of these tokens (a manager's scope). */
  tokenIds?: readonly string[];
  /** Only events that name a token (a refusal before the signature was checked names none). */
  withToken?: boolean;
  actions?: readonly string[];
  from?: number;
  to?: number;
}

export interface RefusedUse {
  at: number;
  tokenId: string | null;
  ownerAccountId: string | null;
  reason: string;
  ip: string | null;
  actorAccountId: string;
}

const auditRowSchema = z.object({
  id: z.string(),
  at: z.coerce.number(),
  actor_account_id: z.string(),
  action: z.string(),
  token_id: z.string().nullable(),
  subject_account_id: z.string().nullable(),
  ip: z.string().nullable(),
  occurrences: z.coerce.number(),
  detail: z.string(),
});

function parseRow(raw: unknown): AuditEvent {
  const row = auditRowSchema.parse(raw);
  return {
    id: row.id,
    at: row.at,
    actorAccountId: row.actor_account_id,
    action: row.action,
    tokenId: row.token_id,
    subjectAccountId: row.subject_account_id,
    ip: row.ip,
    occurrences: row.occurrences,
    detail: z.record(z.string(), z.unknown()).parse(JSON.parse(row.detail)),
  };
}

const HOUR_MS = 3_600_000;

/** The id of the one row a refused use counts in: a UUID-shaped digest of its bucket. */
function refusalBucketId(hourStart: number, use: RefusedUse): string {
  const hex = createHash('sha256')
    .update(JSON.stringify([hourStart, use.tokenId, use.reason, use.ip]))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface AuditRepository {
  append(event: NewAuditEvent): Promise<void>;
  listForToken(tokenId: string): Promise<AuditEvent[]>;
  /** Newest first. */
  page(filter: AuditFilter, offset: number, limit: number): Promise<{ rows: AuditEvent[]; total: number }>;
  /** Counts a refused use in its hour's row, inserting the row on the first: one statement. */
  countRefusal(use: RefusedUse): Promise<void>;
  /** Removes events before `cutoff`; answers how many. */
  deleteBefore(cutoff: number): Promise<number>;
}

export function createAuditRepository(db: Db): AuditRepository {
  const isMysql = db.getExecutor().adapter instanceof MysqlAdapter;
  const escapeLike = (text: string): string => text.replace(/[!%_]/g, (c) => `!${c}`);

  function filtered(filter: AuditFilter) {
    let query = db.selectFrom('audit_events');
    if (filter.actorAccountIds?.length) query = query.where('actor_account_id', 'in', [...filter.actorAccountIds]);
    if (filter.subjectAccountIds?.length) query = query.where('subject_account_id', 'in', [...filter.subjectAccountIds]);
    if (filter.tokenIds) {
      if (filter.tokenIds.length === 0) return query.where(sql<boolean>`1 = 0`);
      query = query.where('token_id', 'in', [...filter.tokenIds]);
    }
    if (filter.withToken) query = query.where('token_id', 'is not', null);
    if (filter.tokenIdPrefix) {
      const pattern = `${escapeLike(filter.tokenIdPrefix.toLowerCase())}%`;
      query = query.where(sql<boolean>`lower(${sql.ref('token_id')}) like ${pattern} escape '!'`);
    }
    if (filter.actions?.length) query = query.where('action', 'in', [...filter.actions]);
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('at', '<', filter.to);
    return query;
  }

  return {
    async append(event) {
      await db
        .insertInto('audit_events')
        .values({
          id: randomUUID(),
          at: event.at,
          actor_account_id: event.actorAccountId,
          action: event.action,
          token_id: event.tokenId,
          subject_account_id: event.subjectAccountId,
          ip: event.ip ?? null,
          detail: JSON.stringify(event.detail),
        })
        .execute();
    },

    async listForToken(tokenId) {
      const rows = await db.selectFrom('audit_events').selectAll().where('token_id', '=', tokenId).orderBy('at').orderBy('id').execute();
      return rows.map(parseRow);
    },

    async page(filter, offset, limit) {
      const query = filtered(filter);
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
        query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { rows: rows.map(parseRow), total: z.coerce.number().parse(count.total) };
    },

    async countRefusal(use) {
      const hourStart = Math.floor(use.at / HOUR_MS) * HOUR_MS;
      const insert = db.insertInto('audit_events').values({
        id: refusalBucketId(hourStart, use),
        at: use.at,
        actor_account_id: use.actorAccountId,
        action: 'token.refused',
        token_id: use.tokenId,
        subject_account_id: use.ownerAccountId,
        ip: use.ip,
        occurrences: 1,
        detail: JSON.stringify({ reason: use.reason, hour: new Date(hourStart).toISOString() }),
      });
      // One statement either way, so concurrent refusals never lose a count or race an insert.
      await (
        isMysql
          ? insert.onDuplicateKeyUpdate((eb) => ({ occurrences: eb('occurrences', '+', 1) }))
          : insert.onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ occurrences: eb('audit_events.occurrences', '+', 1) })))
      ).execute();
    },

    async deleteBefore(cutoff) {
      const result = await db.deleteFrom('audit_events').where('at', '<', cutoff).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
