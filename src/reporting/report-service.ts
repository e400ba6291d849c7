// A report from parameters to a response body: context (statuses, groups, calendar),
// the owner's issues within the time budget, the engine, then the output format.
// The synchronous REST endpoints and the export job both run reports through here, and
// Jira's refusals leave here as the report's own errors (jira-failure.ts).
import type { StatusInfo } from '../engine';
import type { IssueDataAccess, IssueWithHistory, JiraField, UserDirectory } from '../jira';
import { AppError, fieldError } from '../kernel/errors';
import type { Clock } from '../kernel/ports';
import { aggregateTable, checkAggregation } from './aggregation';
import { openCollection, type IssueCollection } from './issue-collector';
import { renderAggregation } from './output/aggregation-output';
import { reportErrorOf } from './jira-failure';
import { reportKind } from './kinds';
import { renderReport, type RenderedReport } from './output/render';
import { buildReportContext, type ReportConfigSource, type ReportContext } from './report-context';
import type { ReportParams } from './report-params';
import { assigneesIn, buildReportTable } from './report-table';
import { selectionParamOf } from './selection-param';
import type { ReportTable } from './table';

/**
 * Issues one synchronous call answers when no pageSize is given. Measured with
 * `npm run bench rest` (10,000 issues, 150 ms per Jira call: see docs/rest-api.md);
 * beyond it the response pages with nextPageToken, and /rest/export takes the whole set.
 */
export const SYNC_ISSUE_LIMIT = 10_000;
/**
 * The synchronous limit for a request: field columns make each json row longer (about 50
 * bytes per field and issue: `npm run bench rest` measured 6.2 MB for 10,000 issues with
 * fields=assignee,priority,labels, over the 5 MiB answer cap), so json pages with fields
 * hold fewer issues, keeping the answer near the 4.7 MB of the plain 10,000-issue table.
 */
export function syncIssueLimit(params: Pick<ReportParams, 'outputType' | 'fields' | 'groupByFields'>): number {
  const extra = params.fields.length + params.groupByFields.length;
  if (params.outputType !== 'json' || extra === 0) return SYNC_ISSUE_LIMIT;
  return Math.max(1000, Math.floor((SYNC_ISSUE_LIMIT * 470) / (470 + 60 * extra) / 100) * 100);
}

/** No new Jira chunk starts after this much of the web trigger's 55 s. */
export const SYNC_SOFT_BUDGET_MS = 35_000;
/** No Jira request runs past this; the rest is for the engine and the response. */
const SYNC_HARD_BUDGET_MS = 45_000;

export interface SyncBudget {
  softMs: number;
  hardMs: number;
}

export interface ReportServiceDeps {
  access: IssueDataAccess;
  config: Omit<ReportConfigSource, 'statuses' | 'fields'>;
  users: UserDirectory;
  clock: Clock;
  /** Overrides the synchronous time budget (tests that need Jira to outlast it quickly). */
  syncBudget?: SyncBudget;
}

export interface ReportPageRequest {
  ownerAccountId: string;
  /** The verified token's project scope ([]: every project the owner may browse). */
  projectKeys: readonly string[];
  params: ReportParams;
  /** Most issues in this page. */
  limit: number;
  softDeadline: number;
  hardDeadline: number;
}

export interface ReportPage {
  table: ReportTable;
  context: ReportContext;
  issueCount: number;
  nextPageToken: string | undefined;
}

const STATUS_CACHE_MS = 60_000;

function dateRangeKeep(params: ReportParams): ((issue: IssueWithHistory) => boolean) | undefined {
  const range = params.dateRange;
  if (!range) return undefined;
  return (issue) => {
    let at: number | undefined = issue.history.created;
    if (range.field !== 'created') {
      const text = issue.fields[range.field === 'resolution' ? 'resolutiondate' : 'updated'];
      at = typeof text === 'string' ? Date.parse(text) : undefined;
    }
    if (at === undefined || Number.isNaN(at)) return false;
    return (range.start === undefined || at >= range.start) && (range.end === undefined || at < range.end);
  };
}

export function createReportService(deps: ReportServiceDeps) {
  const { clock } = deps;
  const syncBudget = deps.syncBudget ?? { softMs: SYNC_SOFT_BUDGET_MS, hardMs: SYNC_HARD_BUDGET_MS };
  let statusCache: { at: number; statuses: Promise<StatusInfo[]> } | undefined;
  // Jira's status list changes rarely; one call a minute per container is plenty.
  const statuses = (): Promise<StatusInfo[]> => {
    if (!statusCache || clock.now() - statusCache.at > STATUS_CACHE_MS) {
      const pending = deps.access.getStatuses();
      pending.catch(() => (statusCache = undefined));
      statusCache = { at: clock.now(), statuses: pending };
    }
    return statusCache.statuses;
  };

  let fieldCache: { at: number; fields: Promise<JiraField[]> } | undefined;
  // Read once per report at most (and shared for a minute): field names never cost a call per issue.
  const fields = (): Promise<JiraField[]> => {
    if (!fieldCache || clock.now() - fieldCache.at > STATUS_CACHE_MS) {
      const pending = deps.access.getFields();
      pending.catch(() => (fieldCache = undefined));
      fieldCache = { at: clock.now(), fields: pending };
    }
    return fieldCache.fields;
  };

  async function assigneeNames(issues: readonly IssueWithHistory[], params: ReportParams): Promise<(id: string) => string> {
    if (!reportKind(params.columnsBy).showsAssignees) return (id) => id;
    const users = await deps.users.getUsers([...assigneesIn(issues)]);
    return (id) => users.get(id)?.displayName ?? id;
  }

  /**
   * The requested fields as the report's own issues name them (expand=names,schema on the bulk
   * fetch it sends anyway). Only an id no issue named (unknown to Jira, or no issue read) costs
   * the field list, which then decides: a known field gets its name, an unknown one a 400.
   */
  async function fieldsNamedOn(issues: Promise<readonly IssueWithHistory[]>, params: ReportParams): Promise<JiraField[]> {
    const named = new Map<string, JiraField>();
    const seen = new Set<ReadonlyMap<string, JiraField>>();
    for (const issue of await issues) {
      const described = issue.fieldDescriptions;
      if (!described || seen.has(described)) continue;
      seen.add(described);
      for (const [id, field] of described) if (!named.has(id)) named.set(id, field);
    }
    const wanted = [...params.fields, ...params.groupByFields, ...params.historyFields];
    return wanted.every((id) => named.has(id)) ? [...named.values()] : fields();
  }

  /** With `issues`, field names come from them (see fieldsNamedOn) instead of Jira's field list. */
  async function context(params: ReportParams, issues?: Promise<readonly IssueWithHistory[]>): Promise<ReportContext> {
    try {
      const fieldSource = issues ? () => fieldsNamedOn(issues, params) : fields;
      return await buildReportContext(params, { ...deps.config, statuses, fields: fieldSource });
    } catch (error) {
      throw reportErrorOf(error, selectionParamOf(params));
    }
  }

  const namesFields = (params: ReportParams): boolean => params.fields.length + params.groupByFields.length + params.historyFields.length > 0;

  function collectionFor(request: Omit<ReportPageRequest, 'limit'> & { horizon: number; describeFields?: boolean }): IssueCollection {
    const { params } = request;
    const selection = params.selection;
    if (!selection) throw new AppError('INTERNAL', 'a report page needs a selection');
    // The report's own fields ride on the same bulk fetch as the summary: no extra Jira call.
    const fields = [...new Set(['summary', ...params.fields, ...params.groupByFields, ...params.historyFields])];
    if (params.dateRange?.field === 'resolution') fields.push('resolutiondate');
    if (params.dateRange?.field === 'updated') fields.push('updated');
    const keep = dateRangeKeep(params);
    return openCollection(deps.access, {
      selection,
      ownerAccountId: request.ownerAccountId,
      projectKeys: request.projectKeys,
      fields,
      // Only the report of field histories reads them: other reports' changelog calls stay as they are.
      ...(params.columnsBy === 'anyFieldDurationExpanded' ? { historyFields: params.historyFields } : {}),
      ...(request.describeFields && namesFields(params) ? { describeFields: true } : {}),
      skip: params.nextPageToken === undefined ? params.startIssueIndex : 0,
      pageToken: params.nextPageToken,
      softDeadline: request.softDeadline,
      hardDeadline: request.hardDeadline,
      horizon: request.horizon,
      ...(keep ? { keep } : {}),
    });
  }

  /**
   * Successive pages of one report from one issue stream (an export's invocation reads
   * several). The context may still be loading: Jira's search starts meanwhile.
   */
  function openPages(
    request: Omit<ReportPageRequest, 'limit'> & { horizon: number },
    ctx: ReportContext | Promise<ReportContext> | ((issues: Promise<readonly IssueWithHistory[]>) => Promise<ReportContext>),
  ) {
    const { params } = request;
    let collection: IssueCollection;
    try {
      collection = collectionFor({ ...request, describeFields: typeof ctx === 'function' });
    } catch (error) {
      throw reportErrorOf(error, selectionParamOf(params));
    }
    return {
      async next(limit: number): Promise<ReportPage> {
        const collecting = collection.page(limit);
        collecting.catch(() => undefined);
        const issues = collecting.then((page) => page.issues);
        // Read only when the report names fields; a failed read surfaces through `collecting`.
        issues.catch(() => undefined);
        const pageContext = typeof ctx === 'function' ? ctx(issues) : ctx;
        if (pageContext instanceof Promise) pageContext.catch(() => undefined);
        try {
          const resolved = await pageContext;
          const collected = await collecting;
          const table = buildReportTable({
            issues: collected.issues,
            params,
            context: resolved,
            now: clock.now(),
            assigneeName: await assigneeNames(collected.issues, params),
          });
          return { table, context: resolved, issueCount: collected.issues.length, nextPageToken: collected.nextPageToken };
        } catch (error) {
          throw reportErrorOf(error, selectionParamOf(params));
        }
      },
      close: () => collection.close(),
    };
  }

  /** One page of the report; the caller has already checked that params.selection exists. */
  async function runPage(request: ReportPageRequest, known?: ReportContext): Promise<ReportPage> {
    // A page read once names its fields from its own issues: no field list call.
    const ctx = known ?? ((issues: Promise<readonly IssueWithHistory[]>) => context(request.params, issues));
    const pages = openPages({ ...request, horizon: request.limit }, ctx);
    try {
      return await pages.next(request.limit);
    } finally {
      pages.close();
    }
  }

  return {
    statuses,
    context,
    runPage,
    openPages,

    /** A page within the web trigger's time: the budget starts now, on the injected clock. */
    runSynchronous(request: { ownerAccountId: string; projectKeys: readonly string[]; params: ReportParams; limit: number }): Promise<ReportPage> {
      const started = clock.now();
      return runPage({ ...request, softDeadline: started + syncBudget.softMs, hardDeadline: started + syncBudget.hardMs });
    },

    /**
     * /rest/aggregation: the whole selection within one synchronous call (a statistic of
     * part of a set would be a wrong answer, so a set that does not fit is a 400 naming the
     * selection, pointing to /rest/export), then one statistic per column and group.
     */
    async aggregateSynchronous(request: {
      ownerAccountId: string;
      projectKeys: readonly string[];
      params: ReportParams;
    }): Promise<{ rendered: RenderedReport; issueCount: number }> {
      const type = checkAggregation(request.params);
      // Refused before any issue is read: a workbook is /rest/smallexport's and /rest/export's.
      const outputType = request.params.outputType;
      if (outputType === 'xlsx') throw fieldError('outputType', 'xlsx is a file: /rest/aggregation answers json, jsonSimplified or csv');
      // A statistic covers the whole selection: there is no page to continue (and a page
      // token from a list must not stand in for the selection).
      if (request.params.nextPageToken !== undefined) throw fieldError('nextPageToken', 'an aggregation covers the whole selection; leave nextPageToken out');
      const params: ReportParams = { ...request.params, pageSize: undefined, startIssueIndex: 0 };
      const started = clock.now();
      const page = await runPage({
        ownerAccountId: request.ownerAccountId,
        projectKeys: request.projectKeys,
        params,
        limit: SYNC_ISSUE_LIMIT,
        softDeadline: started + syncBudget.softMs,
        hardDeadline: started + syncBudget.hardMs,
      });
      if (page.nextPageToken !== undefined) {
        throw fieldError(
          selectionParamOf(params),
          `selects more issues than one aggregation reads in time (${page.issueCount} read): narrow the selection, or export the list with /rest/export`,
        );
      }
      const table = aggregateTable(page.table, type);
      return {
        rendered: renderAggregation(table, outputType, { viewFormat: params.viewFormat, dayMs: page.context.dayMs }),
        issueCount: page.issueCount,
      };
    },

    render(page: ReportPage, params: ReportParams): RenderedReport {
      return renderReport(page.table, params, page.context, page.nextPageToken);
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
