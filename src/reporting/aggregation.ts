// /rest/aggregation: one statistic (aggregationType) per value column over the rows of a
// report, for all issues or per group. Groups are the values of groupByFields, and, for
// reports with a row per issue and assignee (or status), that group-by value too. As in
// the reports people already use, each statistic is over the rows that HAVE a value
// (engine/aggregate.ts): an issue that never visited a status does not pull its average down.
import { aggregate, type Aggregate } from '../engine';
import { fieldError } from '../kernel/errors';
import { reportKind } from './kinds';
import type { AggregationType, ReportParams } from './report-params';
import { groupKeyOf } from './report-table';
import type { Cell, FieldCell, ReportTable, TableRow, ValueColumn } from './table';

export interface AggregateRow {
  /** The group's values of groupByFields, by field id (absent: the group of issues without a value). */
  fields: Map<string, FieldCell>;
  /** The report's own group-by value (assignee, status), when it has one. */
  groupBy?: { id: string; name: string };
  /** Distinct issues in the group. */
  issueCount: number;
  cells: Map<string, Cell>;
}

export interface AggregateTable {
  aggregationType: AggregationType;
  groupByFields: Array<{ id: string; name: string }>;
  groupByColumn?: { id: string; name: string };
  /** The report's columns that hold numbers (durations, counts). */
  valueColumns: ValueColumn[];
  includedStatuses: Array<{ id: string; name: string }>;
  issueCount: number;
  rows: AggregateRow[];
}

/** Refuses what cannot be aggregated, naming the parameter. */
export function checkAggregation(params: ReportParams): AggregationType {
  if (params.aggregationType === undefined) throw fieldError('aggregationType', `is required: one of average, sum, median, standardDeviation, min, max, count`);
  if (reportKind(params.columnsBy).datesOnly)
    throw fieldError('columnsBy', `${params.columnsBy} reports dates: there is nothing to aggregate (use a duration or count report)`);
  if (params.nextPageToken !== undefined) throw fieldError('nextPageToken', 'is not used by /rest/aggregation: it aggregates the whole selection at once');
  return params.aggregationType;
}

function numberOf(cell: Cell | undefined): number | undefined {
  if (cell?.kind === 'duration') return cell.ms;
  if (cell?.kind === 'count') return cell.n;
  return undefined;
}

function statistic(stats: Aggregate, type: AggregationType): number | undefined {
  return type === 'count' ? stats.count : stats[type];
}

export function aggregateTable(table: ReportTable, type: AggregationType): AggregateTable {
  const groupByFields = table.groupByFields ?? [];
  const numeric = numericColumns(table);
  const groups = new Map<string, TableRow[]>();
  for (const row of table.rows) {
    const key = `${groupKeyOf(row, groupByFields)}|${row.groupBy?.id ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }
  const rows: AggregateRow[] = [];
  for (const members of groups.values()) {
    const first = members[0]!;
    const cells = new Map<string, Cell>();
    for (const column of numeric) {
      const values = members.map((row) => numberOf(row.cells.get(column.id)));
      const stats = aggregate(values);
      const value = statistic(stats, type);
      if (value === undefined || stats.count === 0) continue;
      const kind = members.find((row) => row.cells.has(column.id))?.cells.get(column.id)?.kind;
      // A count of issues, and statistics of counts, are counts; statistics of durations are durations.
      cells.set(column.id, type === 'count' || kind === 'count' ? { kind: 'count', n: value } : { kind: 'duration', ms: value, count: stats.count });
    }
    const fields = new Map<string, FieldCell>();
    for (const field of groupByFields) {
      const cell = first.fields?.get(field.id);
      if (cell) fields.set(field.id, cell);
    }
    rows.push({ fields, ...(first.groupBy ? { groupBy: first.groupBy } : {}), issueCount: new Set(members.map((row) => row.issueKey)).size, cells });
  }
  return {
    aggregationType: type,
    groupByFields,
    ...(table.groupByColumn ? { groupByColumn: table.groupByColumn } : {}),
    valueColumns: numeric,
    includedStatuses: table.includedStatuses,
    issueCount: new Set(table.rows.map((row) => row.issueKey)).size,
    rows,
  };
}

/** The columns holding numbers: all of them, but for the one-row-per-stay reports only their duration. */
function numericColumns(table: ReportTable): ValueColumn[] {
  const perStay = table.columnsBy === 'statusDurationExpanded' || table.columnsBy === 'anyFieldDurationExpanded';
  return perStay ? table.valueColumns.filter((column) => column.id === 'duration') : table.valueColumns;
}
