// Export jobs and their result chunks. Forge SQL holds no transaction across statements,
// so every state change is one conditional UPDATE (a lease claimed only if free, progress
// saved only on top of the chunk count it was computed from), and chunks written by an
// invocation that died before saving its progress are deleted by the next one.
import { z } from 'zod';
import { insertInFreeSlot } from './admission-slots';
import type { Db } from './schema';

export const EXPORT_STATUSES = ['queued', 'running', 'completed', 'failed', 'aborted'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export interface ExportJob {
  id: string;
  ownerAccountId: string;
  tokenId: string;
  /** JSON text; the export service owns its schema. */
  params: string;
  status: ExportStatus;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
  issueCount: number;
  rowCount: number;
  chunkCount: number;
  cursor: string | null;
  /** JSON text; the export service owns its schema. */
  layout: string;
  message: string | null;
  leaseUntil: number | null;
  invocations: number;
  failures: number;
}

export interface ExportChunk {
  seq: number;
  rowCount: number;
  issueCount: number;
  body: string;
}

export interface ExportProgress {
  cursor: string | null;
  issueCount: number;
  rowCount: number;
  chunkCount: number;
  layout: string;
  updatedAt: number;
}

const num = z.coerce.number();
const jobRow = z.object({
  id: z.string(),
  owner_account_id: z.string(),
  token_id: z.string(),
  params: z.string(),
  status: z.enum(EXPORT_STATUSES),
  created_at: num,
  updated_at: num,
  completed_at: num.nullable(),
  issue_count: num,
  row_count: num,
  chunk_count: num,
  cursor: z.string().nullable(),
  layout: z.string(),
  message: z.string().nullable(),
  lease_until: num.nullable(),
  invocations: num,
  failures: num,
});

const chunkInfoRow = z.object({ seq: num, row_count: num, issue_count: num });

function toJob(raw: unknown): ExportJob {
  const row = jobRow.parse(raw);
  return {
    id: row.id,
    ownerAccountId: row.owner_account_id,
    tokenId: row.token_id,
    params: row.params,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    issueCount: row.issue_count,
    rowCount: row.row_count,
    chunkCount: row.chunk_count,
    cursor: row.cursor,
    layout: row.layout,
    message: row.message,
    leaseUntil: row.lease_until,
    invocations: row.invocations,
    failures: row.failures,
  };
}

const changed = (result: { numUpdatedRows: bigint }): boolean => result.numUpdatedRows > 0n;
const MESSAGE_MAX = 2000;
const UNFINISHED: ExportStatus[] = ['queued', 'running'];
/** Ids per DELETE ... IN (...) when expired exports are removed. */
const DELETE_BATCH = 100;

type NewExportJob = { id: string; ownerAccountId: string; tokenId: string; params: string; layout: string; at: number };

export function createExportRepository(db: Db) {
  async function insertJob(job: NewExportJob, slot: number | null): Promise<void> {
    await db
      .insertInto('export_jobs')
      .values({
        id: job.id,
        owner_account_id: job.ownerAccountId,
        token_id: job.tokenId,
        params: job.params,
        status: 'queued',
        created_at: job.at,
        updated_at: job.at,
        completed_at: null,
        issue_count: 0,
        row_count: 0,
        chunk_count: 0,
        cursor: null,
        layout: job.layout,
        message: null,
        lease_until: null,
        invocations: 0,
        failures: 0,
        slot,
      })
      .execute();
  }

  return {
    /**
     * Queues a job unless its owner already has `cap` queued or running: each unfinished
     * job holds an owner slot (admission-slots.ts), so concurrent submissions cannot overshoot.
     */
    async insertWithinCap(job: NewExportJob, cap: number): Promise<boolean> {
      return insertInFreeSlot(
        cap,
        async () => {
          const rows = await db.selectFrom('export_jobs').select(['slot', 'status']).where('owner_account_id', '=', job.ownerAccountId).execute();
          return {
            taken: rows.flatMap((row) => (row.slot === null ? [] : [Number(row.slot)])),
            // Jobs queued before slots existed count against the cap until they finish.
            unslotted: rows.filter((row) => row.slot === null && UNFINISHED.includes(z.enum(EXPORT_STATUSES).parse(row.status))).length,
          };
        },
        (slot) => insertJob(job, slot),
      );
    },

    async get(id: string): Promise<ExportJob | undefined> {
      const row = await db.selectFrom('export_jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toJob(row) : undefined;
    },

    /** The owner's exports created at or after `since`, newest first. */
    async listForOwner(ownerAccountId: string, since: number, limit: number): Promise<ExportJob[]> {
      const rows = await db
        .selectFrom('export_jobs')
        .selectAll()
        .where('owner_account_id', '=', ownerAccountId)
        .where('created_at', '>=', since)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toJob);
    },

    /** Stops the owner's unfinished job; true if this call did (one conditional UPDATE). */
    async abort(id: string, ownerAccountId: string, at: number, message: string): Promise<boolean> {
      const result = await db
        .updateTable('export_jobs')
        .set({ status: 'aborted', completed_at: at, updated_at: at, message: message.slice(0, MESSAGE_MAX), lease_until: null, cursor: null, slot: null })
        .where('id', '=', id)
        .where('owner_account_id', '=', ownerAccountId)
        .where('status', 'in', UNFINISHED)
        .executeTakeFirst();
      return changed(result);
    },

    /** Takes the job for one invocation if it is unfinished and no live invocation holds it. */
    async claim(id: string, now: number, leaseUntil: number): Promise<boolean> {
      const result = await db
        .updateTable('export_jobs')
        .set((eb) => ({ status: 'running', lease_until: leaseUntil, updated_at: now, invocations: eb('invocations', '+', 1) }))
        .where('id', '=', id)
        .where('status', 'in', UNFINISHED)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .executeTakeFirst();
      return changed(result);
    },

    /** Marks a stalled job (no lease, quiet since `quietSince`) as nudged; true if this call did. */
    async nudgeStalled(id: string, now: number, quietSince: number): Promise<boolean> {
      const result = await db
        .updateTable('export_jobs')
        .set({ updated_at: now })
        .where('id', '=', id)
        .where('status', 'in', UNFINISHED)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .where('updated_at', '<', quietSince)
        .executeTakeFirst();
      return changed(result);
    },

    async appendChunk(id: string, chunk: ExportChunk): Promise<void> {
      await db
        .insertInto('export_chunks')
        .values({ export_id: id, seq: chunk.seq, row_count: chunk.rowCount, issue_count: chunk.issueCount, body: chunk.body })
        .execute();
    },

    /** Chunks an invocation wrote but did not record in the job row (it died in between). */
    async deleteChunksFrom(id: string, seq: number): Promise<void> {
      await db.deleteFrom('export_chunks').where('export_id', '=', id).where('seq', '>=', seq).execute();
    },

    /** Saves a page's progress, only on top of the chunk count it started from. */
    async saveProgress(id: string, fromChunkCount: number, progress: ExportProgress): Promise<boolean> {
      const result = await db
        .updateTable('export_jobs')
        .set({
          cursor: progress.cursor,
          issue_count: progress.issueCount,
          row_count: progress.rowCount,
          chunk_count: progress.chunkCount,
          layout: progress.layout,
          updated_at: progress.updatedAt,
          failures: 0,
        })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('chunk_count', '=', fromChunkCount)
        .executeTakeFirst();
      return changed(result);
    },

    /** Ends an invocation that leaves work for the next one. */
    async release(id: string, at: number, failures?: number): Promise<void> {
      await db
        .updateTable('export_jobs')
        .set({ lease_until: null, updated_at: at, ...(failures === undefined ? {} : { failures }) })
        .where('id', '=', id)
        .execute();
    },

    async complete(id: string, at: number, layout: string, message: string | null): Promise<void> {
      await db
        .updateTable('export_jobs')
        .set({
          status: 'completed',
          completed_at: at,
          updated_at: at,
          layout,
          message: message?.slice(0, MESSAGE_MAX) ?? null,
          lease_until: null,
          cursor: null,
          slot: null,
        })
        .where('id', '=', id)
        // An export aborted while its last page ran stays aborted.
        .where('status', '=', 'running')
        .execute();
    },

    async fail(id: string, at: number, message: string): Promise<void> {
      await db
        .updateTable('export_jobs')
        .set({ status: 'failed', completed_at: at, updated_at: at, message: message.slice(0, MESSAGE_MAX), lease_until: null, cursor: null, slot: null })
        .where('id', '=', id)
        .where('status', 'in', UNFINISHED)
        .execute();
    },

    async chunkInfo(id: string): Promise<Array<Omit<ExportChunk, 'body'>>> {
      const rows = await db.selectFrom('export_chunks').select(['seq', 'row_count', 'issue_count']).where('export_id', '=', id).orderBy('seq').execute();
      return rows.map((raw) => {
        const row = chunkInfoRow.parse(raw);
        return { seq: row.seq, rowCount: row.row_count, issueCount: row.issue_count };
      });
    },

    /** One chunk per SELECT: a whole part at once could pass Forge SQL's 4 MiB answer. */
    async chunkBody(id: string, seq: number): Promise<string | undefined> {
      const row = await db.selectFrom('export_chunks').select('body').where('export_id', '=', id).where('seq', '=', seq).executeTakeFirst();
      return row ? z.string().parse(row.body) : undefined;
    },

    /** Removes exports created before `instant`, chunks first (no foreign keys cascade). */
    async deleteCreatedBefore(instant: number): Promise<number> {
      let deleted = 0;
      for (;;) {
        const ids = (await db.selectFrom('export_jobs').select('id').where('created_at', '<', instant).limit(DELETE_BATCH).execute()).map((row) => row.id);
        if (ids.length === 0) return deleted;
        await db.deleteFrom('export_chunks').where('export_id', 'in', ids).execute();
        await db.deleteFrom('export_jobs').where('id', 'in', ids).execute();
        deleted += ids.length;
      }
    },
  };
}

export type ExportRepository = ReturnType<typeof createExportRepository>;
