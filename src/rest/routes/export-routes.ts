// /rest/export: POST starts a job over the whole set (202 with its status), GET
// /rest/export/{id} polls it, GET /rest/export/{id}/download fetches the result, in parts
// of at most 10,000 rows (?part=2...) when it is larger. Only the owner's tokens see an
// export; for anyone else it does not exist (404).
import { AppError, fieldError, RetryLaterError } from '../../kernel/errors';
import { isoInstant } from '../../kernel/time';
import type { ExportService } from '../../reporting/export-jobs/export-service';
import type { ExportJob } from '../../storage/export-repository';
import { jsonResponse } from '../http';
import { refuseUnknownParams, requestPairs } from '../request-params';
import type { Route, RouteContext, RouteResult } from '../route';
import { resolvedRawParams } from './report-params-of';
import { echo } from '../../kernel/echo';

/** The status document: the wire format's fields, plus the parts of a large result. */
export interface ExportStatusView {
  exportId: string;
  status: ExportJob['status'];
  created: string;
  completed: string | null;
  /** Issues exported so far; all of them once completed. */
  total: number;
  message: string | null;
  downloadLink: string | null;
  parts: number | null;
  downloadLinks: string[];
}

/** Seconds a poller is asked to wait before trying a download again. */
const NOT_READY_RETRY_AFTER_SECONDS = 10;

function statusView(exports: ExportService, job: ExportJob, exportUrl: string): ExportStatusView {
  const parts = exports.partsOf(job);
  const downloadLinks = parts === null ? [] : Array.from({ length: parts }, (_, i) => `${exportUrl}/download${i === 0 ? '' : `?part=${i + 1}`}`);
  return {
    exportId: job.id,
    status: job.status,
    created: isoInstant(job.createdAt),
    completed: job.completedAt === null ? null : isoInstant(job.completedAt),
    total: job.issueCount,
    message: job.message,
    downloadLink: downloadLinks[0] ?? null,
    parts,
    downloadLinks,
  };
}

const exportUrlOf = async (context: Pick<RouteContext, 'services'>, id: string): Promise<string> =>
  `${await context.services.appContext.restBaseUrl()}/rest/export/${id}`;
const notFound = (id: string): AppError => new AppError('NOT_FOUND', `There is no export ${echo(id)} for this token's owner (exports are kept for 7 days).`);

const submitRoute: Route = {
  pattern: '/rest/export',
  methods: ['POST'],
  async handle(context): Promise<RouteResult> {
    const { raw, problems } = await resolvedRawParams(context.request, context.services.paramSets);
    const job = await context.services.exports.submit({ ownerAccountId: context.principal.accountId, tokenId: context.principal.tokenId, raw, problems });
    const exportUrl = await exportUrlOf(context, job.id);
    return { response: jsonResponse(202, statusView(context.services.exports, job, exportUrl), { location: [exportUrl] }) };
  },
};

const statusRoute: Route = {
  pattern: '/rest/export/{id}',
  methods: ['GET'],
  async handle(context): Promise<RouteResult> {
    refuseUnknownParams(context.request, []);
    const id = context.pathParams.id ?? '';
    const job = await context.services.exports.status(id, context.principal.accountId);
    if (!job) throw notFound(id);
    return { response: jsonResponse(200, statusView(context.services.exports, job, await exportUrlOf(context, id))) };
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

const extensions = { json: 'json', jsonSimplified: 'json', csv: 'csv' } as const;

const downloadRoute: Route = {
  pattern: '/rest/export/{id}/download',
  methods: ['GET'],
  async handle(context): Promise<RouteResult> {
    const id = context.pathParams.id ?? '';
    const part = partOf(context);
    const result = await context.services.exports.download(id, context.principal.accountId, part);
    switch (result.kind) {
      case 'not-found':
        throw notFound(id);
      case 'no-part':
        throw fieldError('part', `export ${id} has ${result.parts} part${result.parts === 1 ? '' : 's'}; there is no part ${part}.`, 'NOT_FOUND');
      case 'not-ready':
        if (result.job.status === 'failed') throw new AppError('CONFLICT', `Export ${id} failed: ${result.job.message ?? 'no reason recorded'}`);
        throw new RetryLaterError(
          'NOT_READY',
          `Export ${id} is ${result.job.status} (${result.job.issueCount} issues so far). Poll GET /rest/export/${id} until its status is completed.`,
          NOT_READY_RETRY_AFTER_SECONDS,
        );
      case 'ok': {
        const exportUrl = await exportUrlOf(context, id);
        const suffix = result.parts > 1 ? `-part-${result.part}` : '';
        const headers: Record<string, string[]> = {
          'content-type': [result.rendered.contentType],
          'cache-control': ['no-store'],
          'content-disposition': [`attachment; filename="status-clock-export-${id}${suffix}.${extensions[result.outputType]}"`],
          'x-export-part': [String(result.part)],
          'x-export-parts': [String(result.parts)],
        };
        if (result.part < result.parts) headers.link = [`<${exportUrl}/download?part=${result.part + 1}>; rel="next"`];
        return { response: { statusCode: 200, headers, body: result.rendered.body }, issueCount: result.issueCount };
      }
    }
  },
};

export const exportRoutes: Route[] = [submitRoute, statusRoute, downloadRoute];
