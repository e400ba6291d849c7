// The user page's report builder: the first rows of a report run as the signed-in user,
// through the very parser, saved-set overlay, report service and Jira permissions the REST
// API uses, so what the preview shows is what the copied request will answer.
import type { ActiveCallerCheck } from '../access/active-caller';
import type { Caller } from '../access/guards';
import {
  PREVIEW_MAX_ROWS,
  type BuilderOptions,
  type FilterSearchPayload,
  type FilterView,
  type ProjectView,
  type ReportPreview,
  type ReportPreviewPayload,
} from '../contract/report-builder';
import type { FilterDirectory, ProjectDirectory } from '../jira';
import type { JsonTableDocument } from './output/json-table';
import { paramsWithSet, type SavedParamsLookup } from './params-with-set';
import { COLUMNS_BY } from './kinds';
import { FILE_ONLY_OUTPUT_TYPES, OUTPUT_TYPES, parseReportParams } from './report-params';
import type { ReportService } from './report-service';
import { requireSelection } from './selection-param';

/** Parameters the preview never takes from the page: the token and paging state. */
const NOT_PREVIEWED = new Set(['tisjwt', 'nextpagetoken']);

export interface ReportPreviewDeps {
  activeCaller: ActiveCallerCheck;
  reports: ReportService;
  savedParams: SavedParamsLookup;
  projects: ProjectDirectory;
  filters: FilterDirectory;
  /** The report settings every signed-in user may read (reports name them). */
  settings: {
    calendars(): Promise<Array<{ id: string; name: string }>>;
    statusGroups(): Promise<Array<{ id: string; name: string }>>;
    paramSets(): Promise<BuilderOptions['paramSets']>;
  };
}

export function createReportPreview(deps: ReportPreviewDeps) {
  return {
    async preview(caller: Caller, payload: ReportPreviewPayload): Promise<ReportPreview> {
      // A token's report needs an active owner; the signed-in user's preview needs the same.
      await deps.activeCaller.requireActive(caller.accountId);
      const pairs = Object.entries(payload.params).filter(([name]) => !NOT_PREVIEWED.has(name.trim().toLowerCase()));
      const { raw, problems } = await paramsWithSet(pairs, deps.savedParams);
      const parsed = parseReportParams(raw, problems);
      requireSelection(parsed);
      const limit = Math.min(parsed.pageSize ?? PREVIEW_MAX_ROWS, PREVIEW_MAX_ROWS);
      // The table is always shown as the JSON table; the output type only changes the copied request.
      const params = { ...parsed, outputType: 'json' as const, pageSize: limit };
      const page = await deps.reports.runSynchronous({ ownerAccountId: caller.accountId, projectKeys: [], params, limit });
      // The body the REST API would send, read back: the preview cannot drift from it.
      const document = JSON.parse(deps.reports.render(page, params).body) as JsonTableDocument;
      return {
        table: document.table,
        includedStatuses: document.includedStatuses,
        issueCount: page.issueCount,
        more: page.nextPageToken !== undefined,
      };
    },

    async options(caller: Caller): Promise<BuilderOptions> {
      await deps.activeCaller.requireActive(caller.accountId);
      const [statuses, calendars, statusGroups, paramSets] = await Promise.all([
        deps.reports.statuses(),
        deps.settings.calendars(),
        deps.settings.statusGroups(),
        deps.settings.paramSets(),
      ]);
      const byName = <T extends { name: string }>(items: T[]): T[] => [...items].sort((a, b) => a.name.localeCompare(b.name));
      return {
        reportTypes: [...COLUMNS_BY],
        // The builder writes page URLs: a file-only type (xlsx) belongs to /rest/smallexport and /rest/export.
        outputTypes: OUTPUT_TYPES.filter((type) => !FILE_ONLY_OUTPUT_TYPES.includes(type)),
        statuses: byName(statuses.map(({ id, name, categoryKey }) => ({ id, name, categoryKey }))),
        calendars: byName(calendars.map(({ id, name }) => ({ id, name }))),
        statusGroups: byName(statusGroups.map(({ id, name }) => ({ id, name }))),
        paramSets: byName(paramSets.map(({ id, name, description, params }) => ({ id, name, params, ...(description === undefined ? {} : { description }) }))),
      };
    },

    async projects(caller: Caller): Promise<{ projects: ProjectView[] }> {
      await deps.activeCaller.requireActive(caller.accountId);
      return { projects: await deps.projects.browsableBy(caller.accountId) };
    },

    /** Saved filters the caller may see, by Jira's sharing rules (the same rule jqlfilter reports apply). */
    async filters(caller: Caller, payload: FilterSearchPayload): Promise<{ filters: FilterView[] }> {
      await deps.activeCaller.requireActive(caller.accountId);
      return { filters: await deps.filters.visibleTo(caller.accountId, payload.query ?? '') };
    },
  };
}

export type ReportPreviewService = ReturnType<typeof createReportPreview>;
