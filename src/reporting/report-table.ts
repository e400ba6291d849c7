// Turns issue histories into the report table every output format is written from:
// value columns (statuses, groups, assignees...), one row per issue (or per issue and
// group-by value, or per visit for the expanded report). Values stay numbers here;
// output/ decides how they are shown.
import type { IssueWithHistory } from '../jira/issue-history-fetch';
import {
  assigneeDurations,
  assigneeDurationsByStatus,
  buildTimeline,
  durationBetweenStatuses,
  expandedVisits,
  firstTransitionToStatus,
  groupDurations,
  lastTransitionFromStatus,
  statusCounts,
  statusDurations,
  statusDurationsByAssignee,
  type IssueTimeline,
} from '../engine';
import { deletedStatusName, type ReportContext } from './report-context';
import type { ColumnsBy, ReportParams } from './report-params';

export type Cell =
  | { kind: 'duration'; ms: number; count?: number }
  | { kind: 'count'; n: number }
  | { kind: 'instant'; ms: number }
  | { kind: 'label'; id: string; name: string };

export interface ValueColumn {
  id: string;
  name: string;
  /** A status group column (TIS: consolidated). */
  consolidated: boolean;
}

export interface TableRow {
  issueKey: string;
  summary: string;
  /** The group-by value of reports with one row per issue and assignee / status. */
  groupBy?: { id: string; name: string };
  cells: Map<string, Cell>;
  /** The current status and the working time in it so far. */
  currentState?: { statusId: string; ms: number };
}

export interface ReportTable {
  columnsBy: ColumnsBy;
  groupByColumn?: { id: string; name: string };
  valueColumns: ValueColumn[];
  rows: TableRow[];
  includedStatuses: Array<{ id: string; name: string }>;
  /** Columns found in these issues rather than fixed by the context. */
  discovered: DiscoveredColumns;
}

export interface DiscoveredColumns {
  assignees: ValueColumn[];
  deletedStatusIds: string[];
}

export const UNASSIGNED_ID = 'unassigned';
const assigneeKey = (accountId: string | null): string => accountId ?? UNASSIGNED_ID;

export interface TableInputs {
  issues: readonly IssueWithHistory[];
  params: ReportParams;
  context: ReportContext;
  now: number;
  /** Display names of assignees, by account id. */
  assigneeName(accountId: string): string;
}

function summaryOf(issue: IssueWithHistory): string {
  const summary = issue.fields.summary;
  return typeof summary === 'string' ? summary : '';
}

function currentStateOf(timeline: IssueTimeline, context: ReportContext): TableRow['currentState'] {
  const last = timeline.allStatusVisits[timeline.allStatusVisits.length - 1];
  if (!last) return undefined;
  return { statusId: last.value, ms: context.calendar.workingMsBetween(last.start, last.end) };
}

/** Assignee account ids (and unassigned) that appear in any issue's timeline. */
export function assigneesIn(issues: readonly IssueWithHistory[]): Set<string> {
  const ids = new Set<string>();
  for (const { history } of issues) {
    if (history.assignee) ids.add(history.assignee);
    for (const change of history.changes) {
      if (change.field !== 'assignee') continue;
      if (change.from) ids.add(change.from);
      if (change.to) ids.add(change.to);
    }
  }
  return ids;
}

export function buildReportTable(inputs: TableInputs): ReportTable {
  const { issues, params, context, now } = inputs;
  const filter = context.statusFilter;
  const keepStatus = (id: string): boolean => (filter ? filter.has(id) : true);
  const statusCols: ValueColumn[] = context.statusColumns.map((s) => ({ id: s.id, name: s.name, consolidated: false }));
  const known = new Set(context.allStatuses.map((s) => s.id));
  const deletedSeen = new Set<string>();
  const rows: TableRow[] = [];
  const assigneeCols = new Map<string, ValueColumn>();
  const addAssigneeCol = (key: string): void => {
    if (!assigneeCols.has(key)) assigneeCols.set(key, { id: key, name: key === UNASSIGNED_ID ? 'Unassigned' : inputs.assigneeName(key), consolidated: false });
  };

  for (const issue of issues) {
    const timeline = buildTimeline(issue.history, { now, excludeCurrent: params.excludeCurrentStatus, ...(params.trim ? { trim: params.trim } : {}) });
    const base = { issueKey: issue.history.issueKey, summary: summaryOf(issue) };
    const currentState = currentStateOf(timeline, context);
    if (params.includeDeletedStatuses && !filter) {
      for (const visit of timeline.statusVisits) if (!known.has(visit.value)) deletedSeen.add(visit.value);
    }
    const cells = new Map<string, Cell>();
    switch (params.columnsBy) {
      case 'statusDuration':
      case 'groupDuration': {
        const durations = statusDurations(timeline, context.calendar, params.multiVisitBehavior);
        const counts = statusCounts(timeline);
        if (params.columnsBy === 'statusDuration') {
          for (const [id, ms] of durations) if (keepStatus(id)) cells.set(id, { kind: 'duration', ms, count: counts.get(id) ?? 0 });
        }
        for (const [id, ms] of groupDurations(durations, context.groups)) {
          const group = context.groups.find((g) => g.id === id);
          const count = group ? [...new Set(group.statusIds)].reduce((sum, s) => sum + (counts.get(s) ?? 0), 0) : 0;
          cells.set(id, { kind: 'duration', ms, count });
        }
        break;
      }
      case 'statusCount':
        for (const [id, n] of statusCounts(timeline)) if (keepStatus(id)) cells.set(id, { kind: 'count', n });
        break;
      case 'assigneeDuration':
        for (const [assignee, ms] of assigneeDurations(timeline, context.calendar)) {
          const key = assigneeKey(assignee);
          addAssigneeCol(key);
          cells.set(key, { kind: 'duration', ms });
        }
        break;
      case 'firstTransitionToStatusDate':
      case 'lastTransitionFromStatusDate':
        for (const column of statusCols) {
          const at = params.columnsBy === 'firstTransitionToStatusDate' ? firstTransitionToStatus(timeline, column.id) : lastTransitionFromStatus(timeline, column.id);
          if (at !== undefined) cells.set(column.id, { kind: 'instant', ms: at });
        }
        break;
      case 'durationBetweenStatuses': {
        const b = context.between;
        if (b) {
          const ms = durationBetweenStatuses(
            timeline,
            { start: b.from.at === 'created' ? { at: 'created' } : { at: b.from.at, statusIds: b.from.statusIds }, stop: b.to, pausedStatusIds: b.paused },
            context.calendar,
          );
          if (ms !== undefined) cells.set('duration', { kind: 'duration', ms });
        }
        break;
      }
      case 'statusDurationByAssignee': {
        const issueRows = new Map<string, TableRow>();
        for (const [statusId, byAssignee] of statusDurationsByAssignee(timeline, context.calendar)) {
          if (!keepStatus(statusId)) continue;
          for (const [assignee, ms] of byAssignee) {
            const key = assigneeKey(assignee);
            let row = issueRows.get(key);
            if (!row) {
              row = { ...base, groupBy: { id: key, name: key === UNASSIGNED_ID ? 'Unassigned' : inputs.assigneeName(key) }, cells: new Map(), ...(currentState ? { currentState } : {}) };
              issueRows.set(key, row);
              rows.push(row);
            }
            row.cells.set(statusId, { kind: 'duration', ms });
          }
        }
        continue;
      }
      case 'assigneeDurationByStatus': {
        const issueRows = new Map<string, TableRow>();
        for (const [assignee, byStatus] of assigneeDurationsByStatus(timeline, context.calendar)) {
          const key = assigneeKey(assignee);
          addAssigneeCol(key);
          for (const [statusId, ms] of byStatus) {
            if (!keepStatus(statusId)) continue;
            let row = issueRows.get(statusId);
            if (!row) {
              row = { ...base, groupBy: { id: statusId, name: context.statusName(statusId) }, cells: new Map(), ...(currentState ? { currentState } : {}) };
              issueRows.set(statusId, row);
              rows.push(row);
            }
            row.cells.set(key, { kind: 'duration', ms });
          }
        }
        continue;
      }
      case 'statusDurationExpanded':
        for (const visit of expandedVisits(timeline, context.calendar)) {
          if (!keepStatus(visit.statusId)) continue;
          const visitCells = new Map<string, Cell>([
            ['status', { kind: 'label', id: visit.statusId, name: context.statusName(visit.statusId) }],
            ['start', { kind: 'instant', ms: visit.start }],
            ['end', { kind: 'instant', ms: visit.end }],
            ['duration', { kind: 'duration', ms: visit.durationMs }],
          ]);
          rows.push({ ...base, cells: visitCells, ...(currentState ? { currentState } : {}) });
        }
        continue;
    }
    rows.push({ ...base, cells, ...(currentState ? { currentState } : {}) });
  }

  const discovered: DiscoveredColumns = { assignees: [...assigneeCols.values()], deletedStatusIds: [...deletedSeen] };
  return { ...tableColumns(params.columnsBy, context, discovered), columnsBy: params.columnsBy, rows, discovered };
}

const byName = (a: ValueColumn, b: ValueColumn): number => (a.id === UNASSIGNED_ID ? 1 : b.id === UNASSIGNED_ID ? -1 : a.name.localeCompare(b.name));

/**
 * The table's columns: the ones the context fixes (statuses, groups) and the ones found
 * in the issues (assignees, deleted statuses). An export unions what every page found
 * and calls this once more, so all its pages share one header.
 */
export function tableColumns(columnsBy: ColumnsBy, context: ReportContext, discovered: DiscoveredColumns): Pick<ReportTable, 'valueColumns' | 'groupByColumn' | 'includedStatuses'> {
  const statusCols: ValueColumn[] = context.statusColumns.map((s) => ({ id: s.id, name: s.name, consolidated: false }));
  const deletedCols = [...new Set(discovered.deletedStatusIds)].sort().map((id) => ({ id, name: deletedStatusName(id), consolidated: false }));
  const groupCols = context.groups.map((g) => ({ id: g.id, name: g.name ?? g.id, consolidated: true }));
  const assigneeCols = [...new Map(discovered.assignees.map((a) => [a.id, a])).values()].sort(byName);
  let valueColumns: ValueColumn[];
  let groupByColumn: ReportTable['groupByColumn'];
  switch (columnsBy) {
    case 'statusDuration':
      valueColumns = [...statusCols, ...deletedCols, ...groupCols];
      break;
    case 'groupDuration':
      valueColumns = groupCols;
      break;
    case 'statusCount':
    case 'firstTransitionToStatusDate':
    case 'lastTransitionFromStatusDate':
      valueColumns = [...statusCols, ...deletedCols];
      break;
    case 'statusDurationByAssignee':
      valueColumns = [...statusCols, ...deletedCols];
      groupByColumn = { id: 'assignee', name: 'Assignee' };
      break;
    case 'assigneeDuration':
      valueColumns = assigneeCols;
      break;
    case 'assigneeDurationByStatus':
      valueColumns = assigneeCols;
      groupByColumn = { id: 'status', name: 'Status' };
      break;
    case 'durationBetweenStatuses':
      valueColumns = [{ id: 'duration', name: 'Duration', consolidated: false }];
      break;
    case 'statusDurationExpanded':
      valueColumns = [
        { id: 'status', name: 'Status', consolidated: false },
        { id: 'start', name: 'Start', consolidated: false },
        { id: 'end', name: 'End', consolidated: false },
        { id: 'duration', name: 'Duration', consolidated: false },
      ];
      break;
  }
  const included = columnsBy === 'assigneeDuration' || columnsBy === 'assigneeDurationByStatus' || columnsBy === 'groupDuration' ? (context.statusFilter ? statusCols : context.statusColumns) : [...statusCols, ...deletedCols];
  return { ...(groupByColumn ? { groupByColumn } : {}), valueColumns, includedStatuses: included.map((s) => ({ id: s.id, name: s.name })) };
}
