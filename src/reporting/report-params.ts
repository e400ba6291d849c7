// The reporting parameters of the TISJWT wire format (docs/tis-compatibility.md): names matched case-insensitively,
// values parsed with one zod schema each, and every problem reported with the parameter
// it is about (a client fixing one mistake should not discover the next one later).
import { z } from 'zod';
import { echo } from '../kernel/echo';
import { FieldError, type FieldProblem } from '../kernel/errors';
import { COLUMNS_BY, type ColumnsBy } from './kinds';
import { type IssueSelection, jqlString, MAX_HISTORY_FIELDS } from '../jira';
import {
  TIME_PERIODS,
  type TimePeriod,
  MULTI_VISIT_BEHAVIORS,
  type MultiVisitBehavior,
  parseViewFormat,
  type DayLength,
  type ViewFormat,
  type TrimWindow,
} from '../engine';
import { FILTER_TYPE_VALUES, filterTypeOf } from '../contract/filter-types';

export const OUTPUT_TYPES = ['json', 'jsonSimplified', 'csv', 'xlsx'] as const;
/** The output types written as a file only (/rest/smallexport, /rest/export), never as a page. */
export const FILE_ONLY_OUTPUT_TYPES: readonly OutputType[] = ['xlsx'];
export type OutputType = (typeof OUTPUT_TYPES)[number];

export const DATE_RANGE_FIELDS = ['created', 'resolution', 'updated'] as const;
export type DateRangeField = (typeof DATE_RANGE_FIELDS)[number];
export const DAY_LENGTHS = ['24HourDays', 'businessDays'] as const;
export const ENTRY_CHOICES = ['firstEntry', 'lastEntry'] as const;

/** The most issues one page may ask for (`pageSize`). */
export const MAX_PAGE_SIZE = 1000;
const MAX_TEXT = 20_000;
/** Values a list parameter (statuses, groups, ...) may hold, repeats and comma lists together. */
export const MAX_LIST_ITEMS = 1000;

/** Case-insensitive enum: the canonical spelling comes back. */
function caseInsensitiveEnum<T extends string>(values: readonly T[]) {
  const byLower = new Map(values.map((v) => [v.toLowerCase(), v]));
  return z.string().transform((text, ctx): T => {
    const found = byLower.get(text.trim().toLowerCase());
    if (found === undefined) {
      ctx.addIssue({ code: 'custom', message: `'${echo(text)}' is not one of ${values.join(', ')}` });
      return z.NEVER;
    }
    return found;
  });
}

/** filterType: the canonical value or one of its aliases (src/contract/filter-types.ts). */
const filterTypeText = z.string().transform((text, ctx) => {
  const found = filterTypeOf(text);
  if (found === undefined) {
    ctx.addIssue({ code: 'custom', message: `'${echo(text)}' is not one of ${FILTER_TYPE_VALUES.join(', ')}` });
    return z.NEVER;
  }
  return found;
});

const booleanText = z.string().transform((text, ctx) => {
  const key = text.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(key)) return true;
  if (['false', '0', 'no', ''].includes(key)) return false;
  ctx.addIssue({ code: 'custom', message: `'${echo(text)}' is not true or false` });
  return z.NEVER;
});

const integerText = (min: number, max: number) =>
  z.string().transform((text, ctx) => {
    const value = Number(text.trim());
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      ctx.addIssue({ code: 'custom', message: `'${echo(text)}' is not a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return value;
  });

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A `yyyy-MM-dd` or `yyyy-MM-dd HH:mm` date in UTC; a bare date is a whole day. */
export interface DateParam {
  start: number;
  /** The instant just after the date: the next midnight for a date, the same instant for a time. */
  endExclusive: number;
}

const dateText = z.string().transform((text, ctx): DateParam => {
  const match = DATE_TIME.exec(text.trim());
  const [, y, mo, d, h, mi, s] = match ?? [];
  const parts = [y, mo, d].map(Number) as [number, number, number];
  const start = Date.UTC(parts[0], parts[1] - 1, parts[2], Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  const check = new Date(start);
  const valid =
    match !== null &&
    check.getUTCFullYear() === parts[0] &&
    check.getUTCMonth() === parts[1] - 1 &&
    check.getUTCDate() === parts[2] &&
    Number(h ?? 0) < 24 &&
    Number(mi ?? 0) < 60 &&
    Number(s ?? 0) < 60;
  if (!valid) {
    ctx.addIssue({ code: 'custom', message: `'${echo(text)}' is not a date in the form yyyy-MM-dd or yyyy-MM-dd HH:mm` });
    return z.NEVER;
  }
  return { start, endExclusive: h === undefined ? start + 86_400_000 : start };
});

/** Comma-separated (or repeated) values, blanks dropped. */
const listText = z.string().transform((text) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0),
);

/** /rest/aggregation's statistics; standardDeviation is the population deviation (engine/aggregate.ts). */
export const AGGREGATION_TYPES = ['average', 'sum', 'median', 'standardDeviation', 'min', 'max', 'count'] as const;
export type AggregationType = (typeof AGGREGATION_TYPES)[number];

/** Jira field ids (`fields`, `groupByFields`): system ids such as priority, or customfield_NNNNN. */
export const MAX_FIELD_IDS = 50;
const MAX_BAD_IDS_SHOWN = 5;
const fieldIdList = listText.superRefine((ids, ctx) => {
  const bad = ids.filter((id) => !/^[A-Za-z][A-Za-z0-9_]{0,99}$/.test(id));
  // Each bad id is echoed, and only the first few: the message stays short however many were sent.
  const shown = bad.slice(0, MAX_BAD_IDS_SHOWN).map(echo);
  const more = bad.length > MAX_BAD_IDS_SHOWN ? ` (and ${bad.length - MAX_BAD_IDS_SHOWN} more)` : '';
  if (bad.length > 0)
    ctx.addIssue({ code: 'custom', message: `'${shown.join("', '")}'${more} is not a Jira field id (such as priority or customfield_10010)` });
  if (ids.length > MAX_FIELD_IDS) ctx.addIssue({ code: 'custom', message: `names more than ${MAX_FIELD_IDS} fields` });
});

const plainText = z.string().max(MAX_TEXT, { message: `must be at most ${MAX_TEXT} characters` });

const viewFormatText = z.string().transform((text, ctx): ViewFormat => {
  const format = parseViewFormat(text);
  if (format === undefined) {
    ctx.addIssue({ code: 'custom', message: `'${echo(text)}' is not one of days, hours, minutes, seconds, ms or a readable example such as 1d 6h 32m` });
    return z.NEVER;
  }
  return format;
});

/**
 * Every parameter the API knows, by canonical name. `list` parameters accept repeats and
 * comma lists (all values are joined); any other parameter given twice with different
 * values is an error rather than a silent choice.
 */
export const PARAMETERS = {
  filterType: { schema: filterTypeText, list: false },
  customjql: { schema: plainText, list: false },
  jqlFilterID: { schema: z.string().regex(/^\d{1,18}$/, { message: 'must be a saved filter id (digits)' }), list: false },
  projectKey: { schema: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, { message: 'must be a Jira project key' }), list: false },
  user: { schema: z.string().min(1).max(128), list: false },
  sprintID: { schema: z.string().regex(/^\d{1,18}$/, { message: 'must be a sprint id (digits)' }), list: false },
  issueKey: { schema: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$|^\d+$/, { message: 'must be an issue key such as ABC-123 or an issue id' }), list: false },
  columnsBy: { schema: caseInsensitiveEnum(COLUMNS_BY), list: false },
  statuses: { schema: listText, list: true },
  groups: { schema: listText, list: true },
  includeDeletedStatuses: { schema: booleanText, list: false },
  excludeCurrentStatus: { schema: booleanText, list: false },
  startDate: { schema: dateText, list: false },
  endDate: { schema: dateText, list: false },
  dateRangeField: { schema: caseInsensitiveEnum(DATE_RANGE_FIELDS), list: false },
  trimHistoryStartDate: { schema: dateText, list: false },
  trimHistoryEndDate: { schema: dateText, list: false },
  calendar: { schema: z.string().trim().min(1).max(200), list: false },
  dayLength: { schema: caseInsensitiveEnum(DAY_LENGTHS), list: false },
  viewFormat: { schema: viewFormatText, list: false },
  outputType: { schema: caseInsensitiveEnum(OUTPUT_TYPES), list: false },
  multiVisitBehavior: { schema: caseInsensitiveEnum(MULTI_VISIT_BEHAVIORS), list: false },
  pageSize: { schema: integerText(1, MAX_PAGE_SIZE), list: false },
  startIssueIndex: { schema: integerText(0, 10_000_000), list: false },
  // Sealed (page-tokens.ts) around a position that holds the JQL: room for the longest customjql.
  nextPageToken: {
    schema: z
      .string()
      .min(1)
      .max(4 * MAX_TEXT),
    list: false,
  },
  paramSetId: { schema: z.string().uuid({ message: 'must be a saved parameter set id (a UUID)' }), list: false },
  fromStatuses: { schema: listText, list: true },
  fromEntry: { schema: caseInsensitiveEnum(['firstEntry', 'lastEntry', 'created'] as const), list: false },
  toStatuses: { schema: listText, list: true },
  toEntry: { schema: caseInsensitiveEnum(ENTRY_CHOICES), list: false },
  pausedStatuses: { schema: listText, list: true },
  fields: { schema: fieldIdList, list: true },
  groupByFields: { schema: fieldIdList, list: true },
  aggregationType: { schema: caseInsensitiveEnum(AGGREGATION_TYPES), list: false },
  timePeriod: { schema: caseInsensitiveEnum(TIME_PERIODS), list: false },
  historyFields: { schema: fieldIdList, list: true },
  includeTransitionedByColumns: { schema: booleanText, list: false },
  /** The token itself (discouraged); read by authentication, ignored here. */
  tisjwt: { schema: z.string(), list: false },
} as const;

export type ParamName = keyof typeof PARAMETERS;
export const PARAM_NAMES = Object.keys(PARAMETERS) as ParamName[];
const CANONICAL = new Map(PARAM_NAMES.map((name) => [name.toLowerCase(), name]));

/** Raw parameter values by canonical name (strings exactly as sent). */
export type RawParams = Partial<Record<ParamName, string[]>>;

/**
 * Folds raw name/value pairs (query string and form body) into canonical names. Unknown
 * names are problems; so is a single-valued parameter given twice with different values.
 */
export function canonicalParams(pairs: ReadonlyArray<readonly [string, string]>): { params: RawParams; problems: FieldProblem[] } {
  const params: RawParams = {};
  const problems: FieldProblem[] = [];
  const unknown = new Set<string>();
  for (const [name, value] of pairs) {
    const canonical = CANONICAL.get(name.trim().toLowerCase());
    if (canonical === undefined) {
      // The name is echoed like any value: a token pasted as a name is not repeated.
      const shown = echo(name);
      if (!unknown.has(shown)) problems.push({ field: shown, message: 'is not a parameter of this API' });
      unknown.add(shown);
      continue;
    }
    (params[canonical] ??= []).push(value);
  }
  for (const name of PARAM_NAMES) {
    const values = params[name];
    if (values && !PARAMETERS[name].list && new Set(values).size > 1) {
      problems.push({ field: name, message: 'was given more than once with different values' });
    }
  }
  return { params, problems };
}

/** Saved parameters first, then the request's own: an explicit parameter replaces the saved one. */
export function overlayParams(saved: RawParams, explicit: RawParams): RawParams {
  const merged: RawParams = { ...saved };
  for (const name of PARAM_NAMES) {
    const values = explicit[name];
    if (values !== undefined) merged[name] = values;
  }
  return merged;
}

export interface BetweenParams {
  from: { at: 'created' } | { at: 'firstEntry' | 'lastEntry'; statuses: string[] };
  to: { at: 'firstEntry' | 'lastEntry'; statuses: string[] };
  paused: string[];
}

export interface ReportParams {
  selection: IssueSelection | undefined;
  columnsBy: ColumnsBy;
  /** Status ids or names as given (resolved against Jira's statuses later). */
  statuses: string[] | undefined;
  groups: string[] | undefined;
  includeDeletedStatuses: boolean;
  excludeCurrentStatus: boolean;
  dateRange: { field: DateRangeField; start: number | undefined; end: number | undefined } | undefined;
  trim: TrimWindow | undefined;
  /** 'normalHours' or a calendar id or name. */
  calendar: string;
  dayLength: DayLength;
  viewFormat: ViewFormat;
  outputType: OutputType;
  multiVisitBehavior: MultiVisitBehavior;
  pageSize: number | undefined;
  startIssueIndex: number;
  nextPageToken: string | undefined;
  between: BetweenParams | undefined;
  /** Jira field ids shown as fieldColumns (`fields`), in the order given, without repeats. */
  fields: string[];
  /** Jira field ids whose values group the rows (`groupByFields`). */
  groupByFields: string[];
  /** /rest/aggregation's statistic (other endpoints do not read it, so a saved set may hold it). */
  aggregationType: AggregationType | undefined;
  /** statusDurationByTimePeriod, timePeriodDurationByStatus: the period time is split by (default month, as the vendor's). */
  timePeriod: TimePeriod;
  /** anyFieldDurationExpanded: the fields whose history is reported (at most MAX_HISTORY_FIELDS). */
  historyFields: string[];
  /** Adds who made each transition where the report shows transitions. */
  includeTransitionedByColumns: boolean;
}

type Parsed = { [K in ParamName]?: z.output<(typeof PARAMETERS)[K]['schema']> };

function parseEach(raw: RawParams, problems: FieldProblem[]): Parsed {
  const parsed: Record<string, unknown> = {};
  for (const name of PARAM_NAMES) {
    const values = raw[name];
    if (values === undefined || values.length === 0) continue;
    const definition = PARAMETERS[name];
    if (definition.list) {
      const items: string[] = [];
      for (const value of values) {
        const result = definition.schema.safeParse(value);
        // One by one: spreading 200,000 items into push() overflows the call stack.
        if (result.success && Array.isArray(result.data)) for (const item of result.data) items.push(item);
        else if (!result.success && !problems.some((p) => p.field === name))
          problems.push({ field: name, message: result.error.issues[0]?.message ?? 'is not valid' });
      }
      if (items.length > MAX_LIST_ITEMS) problems.push({ field: name, message: `has ${items.length} values; at most ${MAX_LIST_ITEMS} are accepted` });
      else parsed[name] = items;
      continue;
    }
    const result = definition.schema.safeParse(values[values.length - 1]);
    if (result.success) parsed[name] = result.data;
    else problems.push({ field: name, message: result.error.issues[0]?.message ?? 'is not valid' });
  }
  // Each value was checked against its own parameter's schema just above.
  return parsed;
}

function selectionOf(p: Parsed, problems: FieldProblem[]): IssueSelection | undefined {
  const given = (['customjql', 'jqlFilterID', 'projectKey', 'user', 'sprintID', 'issueKey'] as const).filter((name) => p[name] !== undefined);
  const inferred = { customjql: 'customjql', jqlFilterID: 'jqlfilter', projectKey: 'project', user: 'user', sprintID: 'sprint', issueKey: 'issue' } as const;
  const type = p.filterType ?? (given.length === 1 && given[0] !== undefined ? inferred[given[0]] : undefined);
  if (type === undefined) {
    if (given.length > 1) problems.push({ field: 'filterType', message: `is required when several of ${given.join(', ')} are given` });
    return undefined;
  }
  const need = (param: ParamName): void => {
    problems.push({ field: param, message: `is required when filterType is ${type}` });
  };
  switch (type) {
    case 'customjql':
      if (!p.customjql?.trim()) return (need('customjql'), undefined);
      return { kind: 'jql', jql: p.customjql };
    case 'jqlfilter':
      if (!p.jqlFilterID) return (need('jqlFilterID'), undefined);
      return { kind: 'filter', filterId: p.jqlFilterID };
    case 'project':
      if (!p.projectKey) return (need('projectKey'), undefined);
      return { kind: 'project', projectKey: p.projectKey };
    case 'user':
      if (!p.user) return (need('user'), undefined);
      // The assignee's issues; currentUser() is rewritten to the token owner downstream.
      return { kind: 'jql', jql: `assignee = ${p.user.toLowerCase() === 'currentuser()' ? 'currentUser()' : jqlString(p.user)}` };
    case 'sprint':
      if (!p.sprintID) return (need('sprintID'), undefined);
      return { kind: 'jql', jql: `sprint = ${p.sprintID}` };
    case 'issue':
      if (!p.issueKey) return (need('issueKey'), undefined);
      return { kind: 'issue', issueKey: p.issueKey };
  }
}

function betweenOf(p: Parsed, columnsBy: ColumnsBy, problems: FieldProblem[]): BetweenParams | undefined {
  if (columnsBy !== 'durationBetweenStatuses') return undefined;
  const fromAt = p.fromEntry ?? (p.fromStatuses?.length ? 'firstEntry' : 'created');
  if (fromAt !== 'created' && !p.fromStatuses?.length) problems.push({ field: 'fromStatuses', message: `is required when fromEntry is ${fromAt}` });
  if (!p.toStatuses?.length) problems.push({ field: 'toStatuses', message: 'is required when columnsBy is durationBetweenStatuses' });
  return {
    from: fromAt === 'created' ? { at: 'created' } : { at: fromAt, statuses: p.fromStatuses ?? [] },
    to: { at: p.toEntry ?? 'firstEntry', statuses: p.toStatuses ?? [] },
    paused: p.pausedStatuses ?? [],
  };
}

/** Parses raw parameters into a report request, or throws a FieldError naming every bad one. */
export function parseReportParams(raw: RawParams, initialProblems: FieldProblem[] = []): ReportParams {
  const problems = [...initialProblems];
  const p = parseEach(raw, problems);
  const columnsBy = p.columnsBy ?? 'statusDuration';
  const selection = selectionOf(p, problems);
  const between = betweenOf(p, columnsBy, problems);
  let dateRange: ReportParams['dateRange'];
  if (p.startDate || p.endDate) {
    dateRange = { field: p.dateRangeField ?? 'created', start: p.startDate?.start, end: p.endDate?.endExclusive };
    if (dateRange.start !== undefined && dateRange.end !== undefined && dateRange.end <= dateRange.start) {
      problems.push({ field: 'endDate', message: 'must not be before startDate' });
    }
  }
  let trim: TrimWindow | undefined;
  if (p.trimHistoryStartDate || p.trimHistoryEndDate) {
    trim = {};
    if (p.trimHistoryStartDate) trim.start = p.trimHistoryStartDate.start;
    if (p.trimHistoryEndDate) trim.end = p.trimHistoryEndDate.endExclusive;
    if (trim.start !== undefined && trim.end !== undefined && trim.end <= trim.start) {
      problems.push({ field: 'trimHistoryEndDate', message: 'must be after trimHistoryStartDate' });
    }
  }
  const historyFields = [...new Set(p.historyFields ?? [])];
  if (columnsBy === 'anyFieldDurationExpanded' && historyFields.length === 0) {
    problems.push({
      field: 'historyFields',
      message: 'is required when columnsBy is anyFieldDurationExpanded: the field ids whose history to report, such as priority',
    });
  }
  if (historyFields.length > MAX_HISTORY_FIELDS)
    problems.push({
      field: 'historyFields',
      message: `names more than ${MAX_HISTORY_FIELDS} fields (Jira's changelog takes that many besides status and assignee)`,
    });
  if (problems.length > 0) throw new FieldError(problems);
  return {
    selection,
    columnsBy,
    statuses: p.statuses?.length ? p.statuses : undefined,
    groups: p.groups?.length ? p.groups : undefined,
    includeDeletedStatuses: p.includeDeletedStatuses ?? false,
    excludeCurrentStatus: p.excludeCurrentStatus ?? false,
    dateRange,
    trim,
    calendar: p.calendar ?? 'normalHours',
    dayLength: p.dayLength ?? '24HourDays',
    // The product's documented example (value 10314.38 for raw 618862970) is minutes.
    viewFormat: p.viewFormat ?? 'minutes',
    outputType: p.outputType ?? 'json',
    multiVisitBehavior: p.multiVisitBehavior ?? 'total',
    pageSize: p.pageSize,
    startIssueIndex: p.startIssueIndex ?? 0,
    nextPageToken: p.nextPageToken,
    between,
    fields: [...new Set(p.fields ?? [])],
    groupByFields: [...new Set(p.groupByFields ?? [])],
    aggregationType: p.aggregationType,
    timePeriod: p.timePeriod ?? 'month',
    historyFields: [...new Set(p.historyFields ?? [])],
    includeTransitionedByColumns: p.includeTransitionedByColumns ?? false,
  };
}
