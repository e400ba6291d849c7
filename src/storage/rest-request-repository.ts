// The REST request log: one row per authenticated request, for the admin's activity view.
// (The per-token rate limit counts in rate-window-repository.ts, at admission.)
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './schema';

export interface RestRequestRecord {
  at: number;
  tokenId: string;
  accountId: string;
  endpoint: string;
  method: string;
  issueCount: number;
  status: number;
  durationMs: number;
  /** The caller's address as the edge saw it. */
  clientIp?: string | null;
  /** Why a known token was refused (e.g. IP); absent for requests that ran. */
  refusal?: string | null;
  /** What a failed request was told (for a refusal: which check failed); absent for successes. */
  message?: string | null;
}

/** The column's width. */
const MESSAGE_MAX = 500;

export interface LoggedRestRequest extends RestRequestRecord {
  id: string;
}

const rowSchema = z.object({
  id: z.string(),
  at: z.coerce.number(),
  token_id: z.string(),
  account_id: z.string(),
  endpoint: z.string(),
  method: z.string(),
  issue_count: z.coerce.number(),
  status: z.coerce.number(),
  duration_ms: z.coerce.number(),
  client_ip: z.string().nullable(),
  refusal: z.string().nullable(),
  message: z.string().nullable(),
});

export interface RestRequestRepository {
  append(record: RestRequestRecord): Promise<void>;
  /** Newest first. */
  /** `tokenId`: a whole id, or the 8-character first block of one. */
  list(filter: { tokenId?: string; offset: number; limit: number }): Promise<{ rows: LoggedRestRequest[]; total: number }>;
  deleteBefore(instant: number): Promise<number>;
}

export function createRestRequestRepository(db: Db): RestRequestRepository {
  return {
    async append(record) {
      await db
        .insertInto('rest_requests')
        .values({
          id: randomUUID(),
          at: record.at,
          token_id: record.tokenId,
          account_id: record.accountId,
          endpoint: record.endpoint.slice(0, 100),
          method: record.method.slice(0, 8),
          issue_count: record.issueCount,
          status: record.status,
          duration_ms: Math.min(record.durationMs, 2_147_483_647),
          client_ip: record.clientIp ?? null,
          refusal: record.refusal?.slice(0, 32) ?? null,
          message: record.message?.slice(0, MESSAGE_MAX) ?? null,
        })
        .execute();
    },
    async list(filter) {
      let query = db.selectFrom('rest_requests');
      if (filter.tokenId !== undefined) {
        // An 8-character id is the first block of the UUID (hex only: nothing LIKE treats specially).
        query =
          filter.tokenId.length === 8 ? query.where('token_id', 'like', `${filter.tokenId.toLowerCase()}-%`) : query.where('token_id', '=', filter.tokenId);
      }
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
        query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst(),
      ]);
      return {
        rows: rows.map((raw) => {
          const row = rowSchema.parse(raw);
          return {
            id: row.id,
            at: row.at,
            tokenId: row.token_id,
            accountId: row.account_id,
            endpoint: row.endpoint,
            method: row.method,
            issueCount: row.issue_count,
            status: row.status,
            durationMs: row.duration_ms,
            clientIp: row.client_ip,
            refusal: row.refusal,
            message: row.message,
          };
        }),
        total: z.object({ total: z.coerce.number() }).parse(count ?? { total: 0 }).total,
      };
    },
    async deleteBefore(instant) {
      const result = await db.deleteFrom('rest_requests').where('at', '<', instant).executeTakeFirst();
      return Number(result.numDeletedRows ?? 0n);
    },
  };
}
