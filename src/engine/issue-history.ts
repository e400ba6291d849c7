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
  /** Who made the change (the changelog history's author), when Jira names one. */
  by?: ChangeAuthor;
}

export interface ChangeAuthor {
  accountId: string;
  displayName: string;
}

/** A change of another field the report asked about (`historyFields`), with Jira's display texts. */
export interface OtherFieldChange {
  changeId: string;
  at: number;
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
  by?: ChangeAuthor;
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
  /** Changes of the report's `historyFields`, in any order (absent when none were asked for). */
  otherChanges?: OtherFieldChange[];
}

/** A status as Jira's /rest/api/3/status describes it. */
export interface StatusInfo {
  id: string;
  name: string;
  /** Status category key: 'new' | 'indeterminate' | 'done' (Jira's keys). */
  categoryKey: string;
  /** A team-managed project's own status: that project's key (Jira's scope PROJECT). Absent for company-wide statuses. */
  scopeProjectKey?: string;
}
