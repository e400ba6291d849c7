// /rest/export: POST starts a job over the whole set (202 with its status), GET lists the
// caller's exports, GET /rest/export/{id} polls one, DELETE /rest/export/{id} aborts it,
// GET /rest/export/{id}/download fetches the result, in parts of at most 10,000 rows
// (?part=2...) when it is larger. The status is the TISJWT wire format's: status words
// `Queued`, `Running`, `Successful`, `Failed`, `Aborted`, `created` in epoch ms,
// `completed`/`total` as issue counts. Only the owner's tokens see an export; for anyone
// else it does not exist (404, with the exportId echoed back).
import { AppError, fieldError, RetryLaterError } from '../../kernel/errors';
import { ExportNotFoundError } from '../../reporting/export-jobs/export-not-found-error';
import type { ExportService } from '../../reporting/export-jobs/export-service';
import type { ExportJob, ExportStatus } from '../../storage/export-repository';
import { jsonResponse } from '../http';
import { refuseUnknownParams, requestPairs } from '../request-params';
import type { Route, RouteContext, RouteResult } from '../route';
import { resolvedRawParams } from './report-params-of';
import { echo } from '../../kernel/echo';

/** The status words of the wire format, by stored status. */
export const EXPORT_STATUS_WORDS = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Successful',
  failed: 'Failed',
  aborted: 'Aborted',
} as const satisfies Record<ExportStatus, string>;

export type ExportStatusWord = (typeof EXPORT_STATUS_WORDS)[ExportStatus];

/** The status document: the wire format's fields, plus the parts of a large result. */
export interface ExportStatusView {
  exportId: string;
  status: ExportStatusWord;
  /** Epoch milliseconds. */
  created: number;
  /** Issues processed so far. */
  completed: number;
  /** Issues in the export: those processed so far until it ends, then all of them. */
  total: number;
  message: string | null;
  statusLink: string;
  /** The first (often only) part, once Successful. */
  downloadLink: string | null;
  /** When it ended (Successful, Failed or Aborted), epoch milliseconds. */
  finished: number | null;
  parts: number | null;
  downloadLinks: string[];
}

/** Seconds a poller is asked to wait before trying a download again. */
const NOT_READY_RETRY_AFTER_SECONDS = 10;

function statusView(service: ExportService, job: ExportJob, exportUrl: string): ExportStatusView {
  const parts = service.partsOf(job);
  const downloadLinks = parts === null ? [] : Array.from({ length: parts }, (_, i) => `${exportUrl}/download${i === 0 ? '' : `?part=${i + 1}`}`);
  return {
    exportId: job.id,
    status: EXPORT_STATUS_WORDS[job.status],
    created: job.createdAt,
    completed: job.issueCount,
    total: job.issueCount,
    message: job.message,
    statusLink: exportUrl,
    downloadLink: downloadLinks[0] ?? null,
    finished: job.completedAt,
    parts,
    downloadLinks,
  };
}

const baseUrlOf = async (context: Pick<RouteContext, 'services'>): Promise<string> => `${await context.services.appContext.restBaseUrl()}/rest/export`;

const exportRoute: Route = {
  pattern: '/rest/export',
  methods: ['GET', 'POST'],
  async handle(context): Promise<RouteResult> {
    const base = await baseUrlOf(context);
    const exportService = context.services.exports;
    if (context.request.method.toUpperCase() === 'GET') {
      const jobs = await exportService.list(context.principal.accountId);
      return {
        response: jsonResponse(
          200,
          jobs.map((job) => statusView(exportService, job, `${base}/${job.id}`)),
        ),
      };
    }
    const { raw, problems } = await resolvedRawParams(context.request, context.services.paramSets);
    const job = await exportService.submit({ ownerAccountId: context.principal.accountId, tokenId: context.principal.tokenId, raw, problems });
    const exportUrl = `${base}/${job.id}`;
    return { response: jsonResponse(202, statusView(exportService, job, exportUrl), { location: [exportUrl] }) };
  },
};

const statusRoute: Route = {
  pattern: '/rest/export/{id}',
  methods: ['GET', 'DELETE'],
  async handle(context): Promise<RouteResult> {
    refuseUnknownParams(context.request, []);
    const id = context.pathParams.id ?? '';
    const exportService = context.services.exports;
    const exportUrl = `${await baseUrlOf(context)}/${id}`;
    if (context.request.method.toUpperCase() === 'DELETE') {
      const result = await exportService.abort(id, context.principal.accountId);
      if (result.kind === 'not-found') throw new ExportNotFoundError(id);
      if (result.kind === 'already-finished') {
        const word = EXPORT_STATUS_WORDS[result.job.status];
        throw new ExportNotFoundError(id, `The export was not aborted: it had already ended (${word}) before the abort arrived.`);
      }
      return { response: jsonResponse(200, statusView(exportService, result.job, exportUrl)) };
    }
    const job = await exportService.status(id, context.principal.accountId);
    if (!job) throw new ExportNotFoundError(id);
    return { response: jsonResponse(200, statusView(exportService, job, exportUrl)) };
  },
};

function partOf(context: RouteContext): number {
  refuseUnknownParams(context.request, ['part']);
  const given = requestPairs(context.request).filter(([name]) => name.toLowerCase() === 'part');
  const text = given[given.length - 1]?.[1];
  if (text === undefined) return 1;
  if (!/^[1-9][0-9]{0,5}$/.test(text)) throw fieldError('part', `must be a whole number from 1, not '${echo(text)}'`);
  return Number(text);
}

const downloadRoute: Route = {
  pattern: '/rest/export/{id}/download',
  methods: ['GET'],
  async handle(context): Promise<RouteResult> {
    const id = context.pathParams.id ?? '';
    const part = partOf(context);
    const result = await context.services.exports.download(id, context.principal.accountId, part);
    switch (result.kind) {
      case 'not-found':
        throw new ExportNotFoundError(id);
      case 'no-part':
        throw fieldError('part', `export ${id} has ${result.parts} part${result.parts === 1 ? '' : 's'}; there is no part ${part}.`, 'NOT_FOUND');
      case 'not-ready': {
        const word = EXPORT_STATUS_WORDS[result.job.status];
        if (result.job.status === 'failed' || result.job.status === 'aborted') {
          throw new AppError('CONFLICT', `Export ${id} is ${word}: ${result.job.message ?? 'no reason recorded'}`);
        }
        throw new RetryLaterError(
          'NOT_READY',
          `Export ${id} is ${word} (${result.job.issueCount} issues so far). Poll GET /rest/export/${id} until its status is Successful.`,
          NOT_READY_RETRY_AFTER_SECONDS,
        );
      }
      case 'ok': {
        const exportUrl = `${await baseUrlOf(context)}/${id}`;
        const suffix = result.parts > 1 ? `-part-${result.part}` : '';
        const headers: Record<string, string[]> = {
          'content-type': [result.rendered.contentType],
          'cache-control': ['no-store'],
          'content-disposition': [`attachment; filename="status-clock-export-${id}${suffix}.${result.rendered.extension}"`],
          'x-export-part': [String(result.part)],
          'x-export-parts': [String(result.parts)],
        };
        if (result.part < result.parts) headers.link = [`<${exportUrl}/download?part=${result.part + 1}>; rel="next"`];
        const response = { statusCode: 200, headers, body: result.rendered.body, ...(result.rendered.isBase64Encoded ? { isBase64Encoded: true } : {}) };
        return { response, issueCount: result.issueCount };
      }
    }
  },
};

export const exportRoutes: Route[] = [exportRoute, statusRoute, downloadRoute];
