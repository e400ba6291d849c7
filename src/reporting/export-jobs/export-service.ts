// /rest/export: a whole report as a background job. Submitting checks the parameters and
// queues the job; each invocation of the queue consumer claims the job, runs pages of the
// report until its time is nearly spent, stores their rows in chunks, saves where Jira's
// paging stands, and queues itself again. A job thus survives any number of invocations
// (Forge stops a consumer at 900 s) and an invocation that dies mid-way: its lease expires,
// the next one deletes chunks it had not recorded, and a status poll re-queues a job that
// nobody is working on. At the download the rows are rendered with one header for all pages.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, FieldError, fieldError, RetryLaterError, type FieldProblem } from '../../kernel/errors';
import type { Clock, ExportQueue } from '../../kernel/ports';
import { renderFile, type RenderedFile } from '../output/render-file';
import { deletedStatusName } from '../report-context';
import { canonicalParams, parseReportParams, type RawParams, type ReportParams } from '../report-params';
import type { ReportService } from '../report-service';
import { requireSelection } from '../selection-param';
import type { ExportJob, ExportRepository } from '../../storage/export-repository';
import {
  emptyLayout,
  finalResult,
  groupIntoParts,
  mergeDiscovered,
  parseLayout,
  partTable,
  PART_MAX_ROWS,
  type ExportLayout,
  type ExportResult,
} from './export-layout';
import { chunkRows, parseChunk } from './stored-rows';

export interface ExportSettings {
  /** No new page starts after this much of an invocation (a Forge consumer gets 900 s). */
  softMs: number;
  /** No Jira request runs past this much of an invocation. */
  hardMs: number;
  /** How long a claimed job stays an invocation's own; longer than any invocation lives. */
  leaseMs: number;
  /** Issues per page: one page's rows are stored and its progress saved together. */
  pageIssues: number;
  /** An export ends here, with a message saying so. */
  maxIssues: number;
  /** Exports (and their results) are deleted this long after they were created. */
  retentionMs: number;
  /** Queued or running exports one user may have at once. */
  maxUnfinishedPerOwner: number;
  /** Wait before retrying after Jira throttled or failed. */
  retryDelaySeconds: number;
  /** Consecutive throttled or failed invocations before the export fails. */
  maxFailures: number;
  /** A job nobody holds and nothing touched for this long is queued again on a status poll. */
  stallMs: number;
  partMaxRows: number;
}

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  softMs: 780_000,
  hardMs: 840_000,
  leaseMs: 960_000,
  pageIssues: 1_000,
  maxIssues: 100_000,
  retentionMs: 7 * 24 * 3_600_000,
  maxUnfinishedPerOwner: 3,
  retryDelaySeconds: 60,
  maxFailures: 5,
  stallMs: 120_000,
  partMaxRows: PART_MAX_ROWS,
};

/** Seconds a client is asked to wait when its unfinished exports are at the limit. */
const EXPORT_LIMIT_RETRY_AFTER_SECONDS = 60;

export type DownloadResult =
  | { kind: 'not-found' }
  | { kind: 'not-ready'; job: ExportJob }
  | { kind: 'no-part'; parts: number }
  | { kind: 'ok'; rendered: RenderedFile; part: number; parts: number; issueCount: number };

export type InvocationOutcome = 'absent' | 'finished' | 'busy' | 'continued' | 'completed' | 'retrying' | 'failed';

export type AbortResult = { kind: 'not-found' } | { kind: 'already-finished'; job: ExportJob } | { kind: 'aborted'; job: ExportJob };

/** Exports one GET /rest/export lists at most (they are kept for 7 days and few run at once). */
const LIST_LIMIT = 100;

const isFinal = (job: ExportJob): boolean => job.status === 'completed' || job.status === 'failed' || job.status === 'aborted';

export interface ExportServiceDeps {
  jobs: ExportRepository;
  reports: ReportService;
  queue: ExportQueue;
  clock: Clock;
  /** Whether the token that started an export still works (active, unexpired, not deleted). */
  tokenUsable(tokenId: string, ownerAccountId: string): Promise<boolean>;
  settings?: Partial<ExportSettings>;
}

const storedParamsSchema = z.record(z.string(), z.array(z.string()));
const uuid = z.string().uuid();

/** Parameters as stored: the token never, the saved set already laid underneath. */
function storableParams(raw: RawParams): RawParams {
  const { tisjwt: _token, paramSetId: _set, ...rest } = raw;
  return rest;
}

/** An empty result is still one part: the header alone. */
const partCount = (result: ExportResult): number => Math.max(1, result.parts.length);

function readStoredParams(text: string): ReportParams {
  const stored = storedParamsSchema.parse(JSON.parse(text));
  const { params, problems } = canonicalParams(Object.entries(stored).flatMap(([name, values]) => values.map((value) => [name, value] as const)));
  return parseReportParams(params, problems);
}

export function createExportService(deps: ExportServiceDeps) {
  const settings: ExportSettings = { ...DEFAULT_EXPORT_SETTINGS, ...deps.settings };
  const { jobs, reports, queue, clock } = deps;

  /** The job if it exists, belongs to this user and has not expired. */
  async function visible(id: string, ownerAccountId: string): Promise<ExportJob | undefined> {
    if (!uuid.safeParse(id).success) return undefined;
    const job = await jobs.get(id);
    if (!job || job.ownerAccountId !== ownerAccountId || job.createdAt < clock.now() - settings.retentionMs) return undefined;
    return job;
  }

  /** Why a job cannot go on, when it cannot: the request's own faults and Jira refusing the app. */
  function permanentFailure(error: unknown): string | undefined {
    if (error instanceof FieldError) return error.messages.join('; ');
    if (error instanceof AppError && error.code === 'JIRA_UNUSABLE') return error.message;
    return undefined;
  }

  async function handleFailure(job: ExportJob, failuresBefore: number, error: unknown): Promise<InvocationOutcome> {
    const failures = failuresBefore + 1;
    // The request's own faults fail at once; Jira being busy, or anything unknown, may pass.
    const permanent = permanentFailure(error);
    if (permanent !== undefined) {
      await jobs.fail(job.id, clock.now(), permanent);
      return 'failed';
    }
    if (failures < settings.maxFailures) {
      await jobs.release(job.id, clock.now(), failures);
      await queue.push(job.id, settings.retryDelaySeconds);
      return 'retrying';
    }
    console.error('export job failed', error instanceof Error ? error.name : typeof error);
    const message =
      error instanceof AppError && error.code === 'JIRA_BUSY'
        ? `Jira kept throttling or failing requests; the export gave up after ${failures} attempts. Start it again later.`
        : `The export could not be completed after ${failures} attempts. Start it again later.`;
    await jobs.fail(job.id, clock.now(), message);
    return 'failed';
  }

  return {
    settings,

    /** Checks the parameters, then queues the job. Throws a FieldError, or LIMIT_REACHED. */
    async submit(request: { ownerAccountId: string; tokenId: string; raw: RawParams; problems: FieldProblem[] }): Promise<ExportJob> {
      const params = parseReportParams(request.raw, request.problems);
      requireSelection(params);
      // An export covers the whole set; pageSize is ignored, a starting point is refused.
      if (params.nextPageToken !== undefined) {
        throw fieldError('nextPageToken', 'an export covers the whole set; leave nextPageToken out');
      }
      if (params.startIssueIndex > 0) {
        throw fieldError('startIssueIndex', 'an export covers the whole set; leave startIssueIndex out (or page through /rest/list2)');
      }
      // Unknown statuses, groups or calendars are refused now, not minutes later.
      await reports.context(params);
      const now = clock.now();
      await jobs.deleteCreatedBefore(now - settings.retentionMs);
      const id = randomUUID();
      const newJob = {
        id,
        ownerAccountId: request.ownerAccountId,
        tokenId: request.tokenId,
        params: JSON.stringify(storableParams(request.raw)),
        layout: JSON.stringify(emptyLayout()),
        at: now,
      };
      // Check and record in one statement: simultaneous submissions cannot overshoot the limit.
      if (!(await jobs.insertWithinCap(newJob, settings.maxUnfinishedPerOwner))) {
        const limit = settings.maxUnfinishedPerOwner;
        throw new RetryLaterError(
          'LIMIT_REACHED',
          `You already have ${limit} exports queued or running. Wait for one to finish, then try again.`,
          EXPORT_LIMIT_RETRY_AFTER_SECONDS,
        );
      }
      try {
        await queue.push(id);
      } catch (error) {
        await jobs.fail(id, clock.now(), 'The export could not be queued. Try again later.');
        throw error;
      }
      const job = await jobs.get(id);
      if (!job) throw new AppError('INTERNAL', 'export job vanished after insert');
      return job;
    },

    /** The job as its owner sees it; a job nobody is working on is queued again. */
    async status(id: string, ownerAccountId: string): Promise<ExportJob | undefined> {
      const job = await visible(id, ownerAccountId);
      if (!job || isFinal(job)) return job;
      const now = clock.now();
      if (await jobs.nudgeStalled(id, now, now - settings.stallMs)) await queue.push(id);
      return job;
    },

    /** The owner's exports still kept, newest first. */
    async list(ownerAccountId: string): Promise<ExportJob[]> {
      return jobs.listForOwner(ownerAccountId, clock.now() - settings.retentionMs, LIST_LIMIT);
    },

    /**
     * Stops an unfinished export of this owner. A running invocation notices at its next
     * save (the conditional UPDATE no longer matches) and ends without completing it.
     */
    async abort(id: string, ownerAccountId: string): Promise<AbortResult> {
      const job = await visible(id, ownerAccountId);
      if (!job) return { kind: 'not-found' };
      if (job.status === 'completed' || job.status === 'failed') return { kind: 'already-finished', job };
      if (job.status !== 'aborted') await jobs.abort(id, ownerAccountId, clock.now(), 'Aborted by its owner.');
      const after = await jobs.get(id);
      if (!after) return { kind: 'not-found' };
      // The last page may have completed it between the read and the abort.
      return after.status === 'aborted' ? { kind: 'aborted', job: after } : { kind: 'already-finished', job: after };
    },

    /** Parts a completed export downloads in; null before it completes. */
    partsOf(job: ExportJob): number | null {
      const result = job.status === 'completed' ? parseLayout(job.layout).result : undefined;
      return result ? partCount(result) : null;
    },

    /** One part of a completed export, rendered in the export's output type. */
    async download(id: string, ownerAccountId: string, part: number): Promise<DownloadResult> {
      const job = await visible(id, ownerAccountId);
      if (!job) return { kind: 'not-found' };
      if (job.status !== 'completed') return { kind: 'not-ready', job };
      const result = parseLayout(job.layout).result;
      if (!result) throw new AppError('INTERNAL', 'a completed export has no result layout');
      const parts = partCount(result);
      if (part > parts) return { kind: 'no-part', parts };
      const range = result.parts[part - 1];
      const rows = [];
      if (range) {
        for (let seq = range.firstSeq; seq <= range.lastSeq; seq += 1) {
          const body = await jobs.chunkBody(id, seq);
          if (body === undefined) throw new AppError('INTERNAL', 'an export chunk is missing');
          rows.push(...parseChunk(body));
        }
      }
      const params = readStoredParams(job.params);
      const categories = result.statusCategories ?? {};
      const rendered = await renderFile(partTable(params.columnsBy, result, rows), params, {
        dayMs: result.dayMs,
        statusName: (statusId) => result.statusNames[statusId] ?? deletedStatusName(statusId),
        allStatuses: Object.entries(result.statusNames).map(([id, name]) => ({ id, name, categoryKey: categories[id] ?? '' })),
        ...(result.calendarSummary ? { calendarSummary: result.calendarSummary } : {}),
      });
      return { kind: 'ok', rendered, part, parts, issueCount: range?.issueCount ?? 0 };
    },

    /** One invocation of the queue consumer for this job. */
    async runInvocation(id: string): Promise<InvocationOutcome> {
      const started = clock.now();
      const softDeadline = started + settings.softMs;
      const hardDeadline = started + settings.hardMs;
      const claimed = await jobs.claim(id, clock.now(), clock.now() + settings.leaseMs);
      const job = await jobs.get(id);
      if (!job) return 'absent';
      // The claim takes only an unfinished job that no live invocation holds.
      if (!claimed) return isFinal(job) ? 'finished' : 'busy';
      // Deactivating or deleting a token stops what it started, not only its next request.
      if (!(await deps.tokenUsable(job.tokenId, job.ownerAccountId))) {
        await jobs.fail(id, clock.now(), 'The token that started this export was deactivated, expired or deleted, so the export stopped.');
        return 'failed';
      }
      await jobs.deleteChunksFrom(id, job.chunkCount);

      let failures = job.failures;
      try {
        const params = readStoredParams(job.params);
        const context = await reports.context(params);
        let layout: ExportLayout = parseLayout(job.layout);
        let progress = { cursor: job.cursor, issueCount: job.issueCount, rowCount: job.rowCount, chunkCount: job.chunkCount };
        // One issue stream for the whole invocation, read a unit (pageIssues) at a time: Jira
        // is searched in pages of up to 5000 ids, while each unit's rows and progress are
        // saved together, so a crash loses at most the unit in hand. No unit's changelogs
        // are fetched before the previous unit is saved.
        const pages = reports.openPages(
          {
            ownerAccountId: job.ownerAccountId,
            params: progress.cursor === null ? params : { ...params, nextPageToken: progress.cursor },
            softDeadline,
            hardDeadline,
            horizon: settings.maxIssues - progress.issueCount,
          },
          context,
        );
        try {
          for (;;) {
            const page = await pages.next(Math.min(settings.pageIssues, settings.maxIssues - progress.issueCount));
            const chunks = chunkRows(page.table.rows, layout.lastIssueKey);
            for (const [index, chunk] of chunks.entries()) await jobs.appendChunk(id, { seq: progress.chunkCount + index, ...chunk });
            const lastRow = page.table.rows[page.table.rows.length - 1];
            layout = {
              ...layout,
              discovered: mergeDiscovered(layout.discovered, page.table.discovered),
              ...(lastRow ? { lastIssueKey: lastRow.issueKey } : {}),
            };
            const from = progress.chunkCount;
            const before = progress.cursor;
            progress = {
              cursor: page.nextPageToken ?? null,
              issueCount: progress.issueCount + page.issueCount,
              rowCount: progress.rowCount + page.table.rows.length,
              chunkCount: from + chunks.length,
            };
            // A save that no longer matches means the job was aborted (or taken over): stop here.
            if (!(await jobs.saveProgress(id, from, { ...progress, layout: JSON.stringify(layout), updatedAt: clock.now() }))) return 'finished';
            failures = 0;

            const capped = progress.cursor !== null && progress.issueCount >= settings.maxIssues;
            if (progress.cursor === null || capped) {
              const parts = groupIntoParts(await jobs.chunkInfo(id), settings.partMaxRows);
              const result = finalResult(params.columnsBy, context, layout.discovered, parts);
              const message = capped
                ? `The export stopped at its limit of ${settings.maxIssues} issues; narrow the selection (by dates, for example) to get the rest.`
                : null;
              await jobs.complete(id, clock.now(), JSON.stringify({ ...layout, result }), message);
              return 'completed';
            }
            // The stream stopped for time (nothing moved), or this invocation's time is up.
            if (clock.now() >= softDeadline || (page.issueCount === 0 && progress.cursor === before)) break;
          }
        } finally {
          pages.close();
        }
        await jobs.release(id, clock.now());
        await queue.push(id);
        return 'continued';
      } catch (error) {
        return handleFailure(job, failures, error);
      }
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
