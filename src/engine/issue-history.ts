// What the engine needs to know about one issue: when it was created, where it is now,
// and every status / assignee change from the Jira changelog. Produced by src/jira/
// (bulk changelog fetch) and by tests; consumed by the pure engine in src/engine/.

/** One changelog item for a field the engine tracks. Instants are epoch milliseconds. */
export interface FieldChange {
  /** The changelog history id: orders changes that share an instant (numeric string). */
  changeId: string;
  at: number;
  field: 'status' | 'assignee';
  /** Status id or assignee account id; null for "unassigned". */
  from: string | null;
  to: string | null;
}

export interface IssueHistory {
  issueId: string;
  issueKey: string;
  created: number;
  /** Current status id. */
  status: string;
  /** Current assignee account id, null when unassigned. */
  assignee: string | null;
  /** In any order: the engine sorts by (at, changeId). */
  changes: FieldChange[];
}

/** A status as Jira's /rest/api/3/status describes it. */
export interface StatusInfo {
  id: string;
  name: string;
  /** Status category key: 'new' | 'indeterminate' | 'done' (Jira's keys). */
  categoryKey: string;
}
