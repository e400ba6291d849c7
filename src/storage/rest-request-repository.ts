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
}

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
});

export interface RestRequestRepository {
  append(record: RestRequestRecord): Promise<void>;
  /** Newest first. */
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
        })
        .execute();
    },
    async list(filter) {
      let query = db.selectFrom('rest_requests');
      if (filter.tokenId !== undefined) query = query.where('token_id', '=', filter.tokenId);
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
