// The report table every output format is written from: value columns (statuses,
// groups, assignees...) and rows (one per issue, or per issue and group-by value, or per
// visit). Values stay numbers here; output/ decides how they are shown.

export type Cell =
  | { kind: 'duration'; ms: number; count?: number }
  | { kind: 'count'; n: number }
  | { kind: 'instant'; ms: number }
  | { kind: 'label'; id: string; name: string };

export interface ValueColumn {
  id: string;
  name: string;
  /** A status group column (consolidated, in the wire format's words). */
  consolidated: boolean;
}

/** One issue field's value in a row (`fields`, `groupByFields`): text for people, raw for machines. */
export interface FieldCell {
  text: string;
  raw: string;
}

export interface TableRow {
  issueKey: string;
  summary: string;
  /** Values of the requested fields and group-by fields, by field id; a field the issue leaves empty is absent. */
  fields?: Map<string, FieldCell>;
  /** The group-by value of reports with one row per issue and assignee / status. */
  groupBy?: { id: string; name: string };
  cells: Map<string, Cell>;
  /** The current status and the working time in it so far. */
  currentState?: { statusId: string; ms: number };
}

/** Columns found in the issues rather than fixed by the request. */
export interface DiscoveredColumns {
  assignees: ValueColumn[];
  deletedStatusIds: string[];
  /** Columns a kind found in the issues (transitions, time periods), in any order. */
  found?: ValueColumn[];
}

export interface TableColumns {
  /** `fields`: one column per requested Jira field. */
  fieldColumns?: Array<{ id: string; name: string }>;
  /** `groupByFields`: the fields rows are grouped by, before the kind's own group-by column. */
  groupByFields?: Array<{ id: string; name: string }>;
  valueColumns: ValueColumn[];
  groupByColumn?: { id: string; name: string };
  includedStatuses: Array<{ id: string; name: string }>;
}

export interface ReportTable extends TableColumns {
  columnsBy: string;
  rows: TableRow[];
  discovered: DiscoveredColumns;
}

/** The column id of "no assignee". */
export const UNASSIGNED_ID = 'unassigned';
