// What the report builder's form holds, and the REST parameters it stands for. Pure, so
// the same translation runs in the page and in tests: the form's state becomes the
// name/value pairs of the request (empty choices left out), and a saved parameter set
// becomes a state, with the parameters the form has no field for kept as they are.
import type { RequestParams } from '../rest-examples';

/** How the issues are chosen; 'set' when a loaded parameter set chose them another way (user, sprint, issue). */
export type IssueSource = 'project' | 'jql' | 'filter' | 'set';

export interface BuilderState {
  source: IssueSource;
  projectKey: string;
  jql: string;
  filterId: string;
  columnsBy: string;
  /** Status ids (or names, as a saved set may hold them). */
  statuses: string[];
  /** Status group ids or names. */
  groups: string[];
  /** durationBetweenStatuses: where the measured span starts (empty: at creation) and stops. */
  fromStatuses: string[];
  toStatuses: string[];
  /** 'normalHours' or a calendar id or name. */
  calendar: string;
  viewFormat: string;
  outputType: string;
  /** Parameters the form has no field for (from a saved set), in their order. */
  extra: Array<[string, string]>;
}

export const DEFAULT_CALENDAR = 'normalHours';
/** The report type that measures from some statuses to others. */
export const BETWEEN = 'durationBetweenStatuses';

export const INITIAL_STATE: BuilderState = {
  source: 'project',
  projectKey: '',
  jql: 'updated >= -30d',
  filterId: '',
  columnsBy: 'statusDuration',
  statuses: [],
  groups: [],
  fromStatuses: [],
  toStatuses: [],
  calendar: DEFAULT_CALENDAR,
  viewFormat: 'days',
  outputType: 'json',
  extra: [],
};

const FILTER_TYPE_OF: Record<Exclude<IssueSource, 'set'>, string> = { project: 'project', jql: 'customjql', filter: 'jqlfilter' };

/** The request's parameters, in a stable order; choices left at nothing are left out. */
export function paramsOf(state: BuilderState): RequestParams {
  const params: Array<[string, string]> = [];
  const add = (name: string, value: string) => {
    if (value.trim() !== '') params.push([name, value.trim()]);
  };
  if (state.source !== 'set') {
    params.push(['filterType', FILTER_TYPE_OF[state.source]]);
    if (state.source === 'project') add('projectKey', state.projectKey);
    if (state.source === 'jql') add('customjql', state.jql);
    if (state.source === 'filter') add('jqlFilterID', state.filterId);
  }
  add('columnsBy', state.columnsBy);
  add('statuses', state.statuses.join(','));
  add('groups', state.groups.join(','));
  if (state.columnsBy === BETWEEN) {
    add('fromStatuses', state.fromStatuses.join(','));
    add('toStatuses', state.toStatuses.join(','));
  }
  if (state.calendar !== DEFAULT_CALENDAR) add('calendar', state.calendar);
  add('viewFormat', state.viewFormat);
  add('outputType', state.outputType);
  return [...params, ...state.extra];
}

/** The same parameters as an object, for the preview resolver. */
export function paramRecord(params: RequestParams): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of params) record[name] = value;
  return record;
}

const SELECTION_PARAMS = ['filtertype', 'customjql', 'jqlfilterid', 'projectkey', 'user', 'sprintid', 'issuekey'];
const listOf = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** A saved set's parameters as the form's state; names match case-insensitively, as the API matches them. */
export function stateFromParams(saved: Record<string, string>): BuilderState {
  const byName = new Map(Object.entries(saved).map(([name, value]) => [name.toLowerCase(), value]));
  const get = (name: string) => byName.get(name.toLowerCase());
  const filterType = get('filterType')?.toLowerCase();
  let source: IssueSource = 'set';
  if (filterType === 'project' || (filterType === undefined && get('projectKey') !== undefined)) source = 'project';
  else if (filterType === 'customjql' || (filterType === undefined && get('customjql') !== undefined)) source = 'jql';
  else if (filterType === 'jqlfilter' || (filterType === undefined && get('jqlFilterID') !== undefined)) source = 'filter';
  else if (filterType === undefined) source = INITIAL_STATE.source;
  const known = new Set([
    'columnsby',
    'statuses',
    'groups',
    'fromstatuses',
    'tostatuses',
    'calendar',
    'viewformat',
    'outputtype',
    ...(source === 'set' ? [] : SELECTION_PARAMS),
  ]);
  return {
    source,
    projectKey: get('projectKey') ?? '',
    jql: get('customjql') ?? '',
    filterId: get('jqlFilterID') ?? '',
    columnsBy: get('columnsBy') ?? INITIAL_STATE.columnsBy,
    statuses: listOf(get('statuses')),
    groups: listOf(get('groups')),
    fromStatuses: listOf(get('fromStatuses')),
    toStatuses: listOf(get('toStatuses')),
    calendar: get('calendar') ?? DEFAULT_CALENDAR,
    viewFormat: get('viewFormat') ?? INITIAL_STATE.viewFormat,
    outputType: get('outputType') ?? INITIAL_STATE.outputType,
    extra: Object.entries(saved).filter(([name]) => !known.has(name.toLowerCase())),
  };
}

/** A saved set loaded over the form: a set that chooses no issues keeps the form's choice of them. */
export function loadSet(current: BuilderState, saved: Record<string, string>): BuilderState {
  const loaded = stateFromParams(saved);
  const choosesIssues = Object.keys(saved).some((name) => SELECTION_PARAMS.includes(name.toLowerCase()));
  if (choosesIssues) return loaded;
  return { ...loaded, source: current.source, projectKey: current.projectKey, jql: current.jql, filterId: current.filterId };
}

/** The state of the show-once dialog's first report, where the builder it opens starts. */
export function stateFromRequest(params: RequestParams): BuilderState {
  return stateFromParams(paramRecord(params));
}
