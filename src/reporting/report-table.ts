// Builds the report table from issue histories: the parts every kind shares (timeline,
// current state, statuses found in history that Jira no longer has, the header's fixed
// column sets) here, the rows and columns of each `columnsBy` in kinds/.
import { buildTimeline, type IssueTimeline } from '../engine';
import type { IssueWithHistory } from '../jira';
import { reportKind, type ColumnsBy } from './kinds';
import type { ColumnChoices, IssueInput } from './kinds/kind';
import { deletedStatusName, type ReportContext } from './report-context';
import type { ReportParams } from './report-params';
import { fieldValueOf } from './field-values';
import { UNASSIGNED_ID, type FieldCell, type DiscoveredColumns, type ReportTable, type TableColumns, type TableRow, type ValueColumn } from './table';

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

/** The requested fields' values of one issue (from the bulk fetch the history came with). */
function fieldCellsOf(issue: IssueWithHistory, context: ReportContext): Map<string, FieldCell> | undefined {
  if (context.fieldColumns.length === 0 && context.groupByFields.length === 0) return undefined;
  const cells = new Map<string, FieldCell>();
  for (const field of [...context.groupByFields, ...context.fieldColumns]) {
    const value = fieldValueOf(issue.fields[field.id], field);
    if (value) cells.set(field.id, value);
  }
  return cells;
}

/** The group of a row: its group-by field values joined (an empty field is its own group). */
export function groupKeyOf(row: TableRow, groupByFields: ReadonlyArray<{ id: string }>): string {
  return JSON.stringify(groupByFields.map((f) => row.fields?.get(f.id)?.raw ?? null));
}

/** Rows of one group together, groups in order of their first row, rows in order within a group. */
function groupRows(rows: TableRow[], groupByFields: ReadonlyArray<{ id: string }>): TableRow[] {
  if (groupByFields.length === 0) return rows;
  const groups = new Map<string, TableRow[]>();
  for (const row of rows) {
    const key = groupKeyOf(row, groupByFields);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }
  return [...groups.values()].flat();
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

  const found = new Map<string, ValueColumn>();
  const foundColumn = (column: ValueColumn): void => {
    if (!found.has(column.id)) found.set(column.id, column);
  };

  const rows: TableRow[] = [];
  for (const issue of issues) {
    const timeline = buildTimeline(issue.history, { now, excludeCurrent: params.excludeCurrentStatus, ...(params.trim ? { trim: params.trim } : {}) });
    if (params.includeDeletedStatuses && !filter) {
      for (const visit of timeline.statusVisits) if (!known.has(visit.value)) deletedSeen.add(visit.value);
    }
    const currentState = currentStateOf(timeline, context);
    const fields = fieldCellsOf(issue, context);
    const input: IssueInput = {
      timeline,
      history: issue.history,
      fields: issue.fields,
      base: { issueKey: issue.history.issueKey, summary: summaryOf(issue), ...(fields ? { fields } : {}), ...(currentState ? { currentState } : {}) },
      context,
      multiVisitBehavior: params.multiVisitBehavior,
      excludeCurrent: params.excludeCurrentStatus,
      keepStatus,
      assigneeColumn,
      foundColumn,
    };
    for (const row of kind.rows(input)) rows.push(row);
  }

  const discovered: DiscoveredColumns = {
    assignees: [...assigneeColumns.values()],
    deletedStatusIds: [...deletedSeen],
    ...(found.size > 0 ? { found: [...found.values()] } : {}),
  };
  return { ...tableColumns(params.columnsBy, context, discovered), columnsBy: params.columnsBy, rows: groupRows(rows, context.groupByFields), discovered };
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
    transitionedBy: context.includeTransitionedBy,
    found: [...new Map((discovered.found ?? []).map((c) => [c.id, c])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
  const columns = reportKind(columnsBy).columns(choices);
  return {
    ...(context.fieldColumns.length > 0 ? { fieldColumns: context.fieldColumns.map((f) => ({ id: f.id, name: f.name })) } : {}),
    ...(context.groupByFields.length > 0 ? { groupByFields: context.groupByFields.map((f) => ({ id: f.id, name: f.name })) } : {}),
    ...(columns.groupByColumn ? { groupByColumn: columns.groupByColumn } : {}),
    valueColumns: columns.valueColumns,
    includedStatuses: columns.includedStatuses,
  };
}
