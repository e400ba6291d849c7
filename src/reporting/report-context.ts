// What a report needs besides the issues: which statuses are columns, the status groups,
// the working calendar. Names given by the client are resolved here, and anything unknown
// is a FieldError naming the parameter.
import type { CalendarView, StatusGroupView } from '../contract/report-config';
import { compileCalendar, normalHoursCalendar, type TimePeriod, type WorkingTimeCalendar, type StatusInfo, type StatusGroup, dayLengthMs } from '../engine';
import { FieldError, type FieldProblem } from '../kernel/errors';
import type { JiraField } from '../jira';
import { reportKind } from './kinds';
import type { ReportParams } from './report-params';
import { echo } from '../kernel/echo';

export interface ReportConfigSource {
  statuses(): Promise<StatusInfo[]>;
  listStatusGroups(): Promise<StatusGroupView[]>;
  /** With `number`, the calendar's integer id of the wire format, when it has one. */
  listCalendars(): Promise<Array<CalendarView & { number?: number }>>;
  /** Jira's field list (GET /rest/api/3/field); read only when the request names fields. */
  fields?(): Promise<JiraField[]>;
}

/** A field the request named, as Jira knows it. */
export type ReportField = JiraField;

export interface CalendarSummary {
  /** The calendar number; null for normalHours. */
  id: number | null;
  name: string;
  timeZone: string;
  dailyWorkingHours: number;
  is7x24Calendar: boolean;
}

const NORMAL_HOURS_SUMMARY: CalendarSummary = { id: null, name: 'normalHours', timeZone: 'UTC', dailyWorkingHours: 24, is7x24Calendar: true };

export interface ReportContext {
  /** Every status Jira knows, in Jira's order. */
  allStatuses: StatusInfo[];
  statusName(id: string): string;
  /** Status columns: the `statuses` parameter, or every status Jira knows. */
  statusColumns: StatusInfo[];
  /** `statuses` was given: time in other statuses is left out. */
  statusFilter: Set<string> | undefined;
  groups: StatusGroup[];
  calendar: WorkingTimeCalendar;
  /** The calendar used, as the wire format's top-level `calendar` shows it. */
  calendarSummary?: CalendarSummary;
  dayMs: number;
  timePeriod: TimePeriod;
  /** anyFieldDurationExpanded: the fields whose history is reported. */
  historyFields: ReportField[];
  includeTransitionedBy: boolean;
  /** `fields`: the fieldColumns, in the order asked. */
  fieldColumns: ReportField[];
  /** `groupByFields`: the fields whose values group the rows. */
  groupByFields: ReportField[];
  between:
    | {
        from: { at: 'created' } | { at: 'firstEntry' | 'lastEntry'; statusIds: string[] };
        to: { at: 'firstEntry' | 'lastEntry'; statusIds: string[] };
        paused: string[];
      }
    | undefined;
}

// Compiling a calendar builds year tables: keep a few, keyed by id and version.
const compiled = new Map<string, WorkingTimeCalendar>();
function compiledCalendar(view: CalendarView): WorkingTimeCalendar {
  const key = `${view.id}@${view.updatedAt}`;
  let calendar = compiled.get(key);
  if (calendar === undefined) {
    calendar = compileCalendar({ name: view.name, timeZone: view.timeZone, windows: view.windows, holidays: view.holidays });
    if (compiled.size >= 20) compiled.delete(compiled.keys().next().value ?? '');
    compiled.set(key, calendar);
  }
  return calendar;
}

/** Resolves status ids or names (case-insensitive) against Jira's list. */
function resolveStatuses(tokens: readonly string[], all: readonly StatusInfo[], param: string, problems: FieldProblem[], allowUnknownIds: boolean): string[] {
  const ids: string[] = [];
  for (const token of tokens) {
    const byId = all.find((s) => s.id === token);
    const byName = byId ?? all.find((s) => s.name.toLowerCase() === token.toLowerCase());
    if (byName) ids.push(byName.id);
    else if (allowUnknownIds && /^\d+$/.test(token)) ids.push(token);
    else problems.push({ field: param, message: `Jira has no status '${echo(token)}'` });
  }
  return [...new Set(ids)];
}

/** Resolves field ids against Jira's field list; ids are exact, as Jira's are (fixVersions, not fixversions). */
function resolveFields(ids: readonly string[], all: readonly JiraField[], param: string, problems: FieldProblem[]): ReportField[] {
  const found: ReportField[] = [];
  for (const id of ids) {
    const field = all.find((f) => f.id === id);
    const near = field ? undefined : all.find((f) => f.id.toLowerCase() === id.toLowerCase());
    if (field) found.push(field);
    else
      problems.push({
        field: param,
        message: `Jira has no field '${echo(id)}'${near ? ` (did you mean '${near.id}'?)` : ' (GET /rest/api/3/field lists the field ids)'}`,
      });
  }
  return [...new Map(found.map((f) => [f.id, f])).values()];
}

/** The name of a status Jira no longer has (changelogs still mention it). */
export const deletedStatusName = (id: string): string => `Deleted status ${id}`;

export async function buildReportContext(params: ReportParams, source: ReportConfigSource): Promise<ReportContext> {
  const problems: FieldProblem[] = [];
  const needsGroups = reportKind(params.columnsBy).usesAllGroups === true || params.groups !== undefined;
  const needsFields = params.fields.length > 0 || params.groupByFields.length > 0 || params.historyFields.length > 0;
  const [allStatuses, groupViews, calendars, jiraFields] = await Promise.all([
    source.statuses(),
    needsGroups ? source.listStatusGroups() : Promise.resolve([]),
    params.calendar.toLowerCase() === 'normalhours' ? Promise.resolve([]) : source.listCalendars(),
    needsFields && source.fields ? source.fields() : Promise.resolve([]),
  ]);
  const fieldColumns = resolveFields(params.fields, jiraFields, 'fields', problems);
  const groupByFields = resolveFields(params.groupByFields, jiraFields, 'groupByFields', problems);
  const historyFields = resolveFields(params.historyFields, jiraFields, 'historyFields', problems);
  const names = new Map(allStatuses.map((s) => [s.id, s.name]));
  // Deleted statuses (in old history only) may be named by id when asked for.
  const statusIds = params.statuses ? resolveStatuses(params.statuses, allStatuses, 'statuses', problems, params.includeDeletedStatuses) : undefined;
  const statusColumns = statusIds ? statusIds.map((id) => ({ id, name: names.get(id) ?? `Deleted status ${id}`, categoryKey: 'undefined' })) : allStatuses;

  let groups: StatusGroup[] = [];
  if (needsGroups) {
    const all = groupViews.map((g) => ({ id: g.id, name: g.name, statusIds: g.statusIds }));
    if (params.groups) {
      groups = [];
      for (const token of params.groups) {
        const group = all.find((g) => g.id === token || g.name.toLowerCase() === token.toLowerCase());
        if (group) groups.push(group);
        else problems.push({ field: 'groups', message: `there is no status group '${echo(token)}'` });
      }
    } else {
      groups = all;
    }
  }

  let calendar = normalHoursCalendar;
  let calendarSummary = NORMAL_HOURS_SUMMARY;
  if (params.calendar.toLowerCase() !== 'normalhours') {
    const wanted = params.calendar.toLowerCase();
    const view =
      calendars.find((c) => c.id === params.calendar) ??
      calendars.find((c) => c.number !== undefined && String(c.number) === params.calendar) ??
      calendars.find((c) => c.name.toLowerCase() === wanted);
    if (view) {
      calendar = compiledCalendar(view);
      calendarSummary = {
        id: view.number ?? null,
        name: view.name,
        timeZone: view.timeZone,
        dailyWorkingHours: Math.round((calendar.workingDayMs / 3_600_000) * 1000) / 1000,
        is7x24Calendar: false,
      };
    } else problems.push({ field: 'calendar', message: `there is no calendar '${echo(params.calendar)}' (GET /rest/calendar lists them)` });
  }

  let between: ReportContext['between'];
  if (params.between) {
    const b = params.between;
    between = {
      from:
        b.from.at === 'created'
          ? { at: 'created' }
          : { at: b.from.at, statusIds: resolveStatuses(b.from.statuses, allStatuses, 'fromStatuses', problems, true) },
      to: { at: b.to.at, statusIds: resolveStatuses(b.to.statuses, allStatuses, 'toStatuses', problems, true) },
      paused: resolveStatuses(b.paused, allStatuses, 'pausedStatuses', problems, true),
    };
  }

  if (problems.length > 0) throw new FieldError(problems);
  return {
    allStatuses,
    statusName: (id) => names.get(id) ?? deletedStatusName(id),
    statusColumns,
    statusFilter: statusIds ? new Set(statusIds) : undefined,
    groups,
    calendar,
    calendarSummary,
    dayMs: dayLengthMs(params.dayLength, calendar),
    timePeriod: params.timePeriod,
    historyFields,
    includeTransitionedBy: params.includeTransitionedByColumns,
    fieldColumns,
    groupByFields,
    between,
  };
}
