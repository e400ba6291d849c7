// /rest/export: POST starts a job over the whole set (202 with its status), GET
// /rest/export/{id} polls it, GET /rest/export/{id}/download fetches the result, in parts
// of at most 10,000 rows (?part=2...) when it is larger. Only the owner's tokens see an
// export; for anyone else it does not exist (404).
import type { AppServices } from '../../entry/composition/app-services';
import { ExportLimitError } from '../../reporting/export-jobs/export-service';
import type { ExportJob } from '../../storage/export-repository';
import { errorResponse, jsonResponse, type RestResponse } from '../http';
import { requestPairs } from '../request-params';
import { RestError, toRestResponse } from '../error-status';
import type { Route, RouteContext, RouteResult } from '../route';
import { resolvedRawParams } from './report-params-of';

/** The status document: TIS-REST-NOTES.md's fields, plus the parts of a large result. */
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

const EXPORT_LIMIT_RETRY_AFTER_SECONDS = 60;
const iso = (ms: number): string => new Date(ms).toISOString();

async function statusView(services: AppServices, job: ExportJob): Promise<ExportStatusView> {
  const exportUrl = `${await services.ports.restBaseUrl()}/rest/export/${job.id}`;
  const parts = services.exports.partsOf(job);
  const downloadLinks = parts === null ? [] : Array.from({ length: parts }, (_, i) => `${exportUrl}/download${i === 0 ? '' : `?part=${i + 1}`}`);
  return {
    exportId: job.id,
    status: job.status,
    created: iso(job.createdAt),
    completed: job.completedAt === null ? null : iso(job.completedAt),
    total: job.issueCount,
    message: job.message,
    downloadLink: downloadLinks[0] ?? null,
    parts,
    downloadLinks,
  };
}

const notFound = (id: string): RestResponse => errorResponse(404, [`There is no export ${id} for this token's owner (exports are kept for 7 days).`]);

const submitRoute: Route = {
  pattern: '/rest/export',
  methods: ['POST'],
  async handle(context: RouteContext): Promise<RouteResult> {
    try {
      const { raw, problems } = await resolvedRawParams(context.request, context.services);
      const job = await context.services.exports.submit({ ownerAccountId: context.principal.accountId, tokenId: context.principal.tokenId, raw, problems });
      const view = await statusView(context.services, job);
      return { response: jsonResponse(202, view, { location: [`${await context.services.ports.restBaseUrl()}/rest/export/${job.id}`] }) };
    } catch (error) {
      if (error instanceof ExportLimitError) {
        return { response: errorResponse(429, [error.message], { 'retry-after': [String(EXPORT_LIMIT_RETRY_AFTER_SECONDS)] }) };
      }
      return { response: toRestResponse(error) };
    }
  },
};

const statusRoute: Route = {
  pattern: '/rest/export/{id}',
  methods: ['GET'],
  async handle(context): Promise<RouteResult> {
    const id = context.pathParams.id ?? '';
    const job = await context.services.exports.status(id, context.principal.accountId);
    if (!job) return { response: notFound(id) };
    return { response: jsonResponse(200, await statusView(context.services, job)) };
  },
};

function partOf(context: RouteContext): number {
  const given = requestPairs(context.request).filter(([name]) => name.toLowerCase() === 'part');
  const text = given[given.length - 1]?.[1];
  if (text === undefined) return 1;
  if (!/^[1-9][0-9]{0,5}$/.test(text)) throw new RestError(400, [`part: must be a whole number from 1, not '${text.slice(0, 20)}'`]);
  return Number(text);
}

const extensions = { json: 'json', jsonSimplified: 'json', csv: 'csv' } as const;

const downloadRoute: Route = {
  pattern: '/rest/export/{id}/download',
  methods: ['GET'],
  async handle(context): Promise<RouteResult> {
    const id = context.pathParams.id ?? '';
    try {
      const part = partOf(context);
      const result = await context.services.exports.download(id, context.principal.accountId, part);
      switch (result.kind) {
        case 'not-found':
          return { response: notFound(id) };
        case 'no-part':
          return { response: errorResponse(404, [`part: export ${id} has ${result.parts} part${result.parts === 1 ? '' : 's'}; there is no part ${part}.`]) };
        case 'not-ready':
          return {
            response:
              result.job.status === 'failed'
                ? errorResponse(409, [`Export ${id} failed: ${result.job.message ?? 'no reason recorded'}`])
                : errorResponse(409, [`Export ${id} is ${result.job.status} (${result.job.issueCount} issues so far). Poll GET /rest/export/${id} until its status is completed.`], { 'retry-after': ['10'] }),
          };
        case 'ok': {
          const exportUrl = `${await context.services.ports.restBaseUrl()}/rest/export/${id}`;
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
    } catch (error) {
      return { response: toRestResponse(error) };
    }
  },
};

export const exportRoutes: Route[] = [submitRoute, statusRoute, downloadRoute];
