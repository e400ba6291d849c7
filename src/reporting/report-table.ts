// Builds the report table from issue histories: the parts every kind shares (timeline,
// current state, statuses found in history that Jira no longer has, the header's fixed
// column sets) here, the rows and columns of each `columnsBy` in kinds/.
import { buildTimeline, type IssueTimeline } from '../engine';
import type { IssueWithHistory } from '../jira';
import { reportKind, type ColumnsBy } from './kinds';
import type { ColumnChoices, IssueInput } from './kinds/kind';
import { deletedStatusName, type ReportContext } from './report-context';
import type { ReportParams } from './report-params';
import { UNASSIGNED_ID, type DiscoveredColumns, type ReportTable, type TableColumns, type TableRow, type ValueColumn } from './table';

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
  const kind = reportKind(params.columnsBy);
  const filter = context.statusFilter;
  const keepStatus = (id: string): boolean => (filter ? filter.has(id) : true);
  const known = new Set(context.allStatuses.map((s) => s.id));
  const deletedSeen = new Set<string>();
  const assigneeColumns = new Map<string, ValueColumn>();
  const assigneeColumn = (accountId: string | null): ValueColumn => {
    const key = accountId ?? UNASSIGNED_ID;
    let column = assigneeColumns.get(key);
    if (!column) {
      column = { id: key, name: key === UNASSIGNED_ID ? 'Unassigned' : inputs.assigneeName(key), consolidated: false };
      assigneeColumns.set(key, column);
    }
    return column;
  };

  const rows: TableRow[] = [];
  for (const issue of issues) {
    const timeline = buildTimeline(issue.history, { now, excludeCurrent: params.excludeCurrentStatus, ...(params.trim ? { trim: params.trim } : {}) });
    if (params.includeDeletedStatuses && !filter) {
      for (const visit of timeline.statusVisits) if (!known.has(visit.value)) deletedSeen.add(visit.value);
    }
    const currentState = currentStateOf(timeline, context);
    const input: IssueInput = {
      timeline,
      base: { issueKey: issue.history.issueKey, summary: summaryOf(issue), ...(currentState ? { currentState } : {}) },
      context,
      multiVisitBehavior: params.multiVisitBehavior,
      keepStatus,
      assigneeColumn,
    };
    for (const row of kind.rows(input)) rows.push(row);
  }

  const discovered: DiscoveredColumns = { assignees: [...assigneeColumns.values()], deletedStatusIds: [...deletedSeen] };
  return { ...tableColumns(params.columnsBy, context, discovered), columnsBy: params.columnsBy, rows, discovered };
}

const byName = (a: ValueColumn, b: ValueColumn): number => (a.id === UNASSIGNED_ID ? 1 : b.id === UNASSIGNED_ID ? -1 : a.name.localeCompare(b.name));

/**
 * The table's columns: the ones the context fixes (statuses, groups) and the ones found
 * in the issues (assignees, deleted statuses). An export unions what every page found
 * and calls this once more, so all its pages share one header.
 */
export function tableColumns(columnsBy: ColumnsBy, context: ReportContext, discovered: DiscoveredColumns): TableColumns {
  const choices: ColumnChoices = {
    statuses: context.statusColumns.map((s) => ({ id: s.id, name: s.name, consolidated: false })),
    deletedStatuses: [...new Set(discovered.deletedStatusIds)].sort().map((id) => ({ id, name: deletedStatusName(id), consolidated: false })),
    groups: context.groups.map((g) => ({ id: g.id, name: g.name ?? g.id, consolidated: true })),
    assignees: [...new Map(discovered.assignees.map((a) => [a.id, a])).values()].sort(byName),
  };
  const columns = reportKind(columnsBy).columns(choices);
  return {
    ...(columns.groupByColumn ? { groupByColumn: columns.groupByColumn } : {}),
    valueColumns: columns.valueColumns,
    includedStatuses: columns.includedStatuses,
  };
}
