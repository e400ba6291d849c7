// What a report kind (one `columnsBy` value) is: how one issue becomes rows, and which
// columns the table has. The table builder (../report-table.ts) does everything the kinds
// share: the timeline, the current state, deleted statuses, the header's fixed columns.
import type { IssueTimeline, MultiVisitBehavior, StatusGroup, TimePeriod, WorkingTimeCalendar } from '../../engine';
import type { IssueHistory } from '../../engine';
import type { JiraField } from '../../jira';
import type { Cell, TableColumns, TableRow, ValueColumn } from '../table';

/** What the request resolved to, as far as kinds need it. */
export interface KindContext {
  calendar: WorkingTimeCalendar;
  groups: StatusGroup[];
  /** The status columns of the request (`statuses`, or every status Jira knows). */
  statusColumns: ReadonlyArray<{ id: string; name: string }>;
  statusName(id: string): string;
  /** The period statusDurationByTimePeriod and timePeriodDurationByStatus split time by. */
  timePeriod: TimePeriod;
  /** anyFieldDurationExpanded: the fields whose history is reported. */
  historyFields: ReadonlyArray<JiraField>;
  /** includeTransitionedByColumns. */
  includeTransitionedBy: boolean;
  /** durationBetweenStatuses: where the measured span starts and stops. */
  between:
    | {
        from: { at: 'created' } | { at: 'firstEntry' | 'lastEntry'; statusIds: string[] };
        to: { at: 'firstEntry' | 'lastEntry'; statusIds: string[] };
        paused: string[];
      }
    | undefined;
}

export interface IssueInput {
  timeline: IssueTimeline;
  /** The history the timeline came from (change authors, other fields' changes). */
  history: IssueHistory;
  /** The issue's fields as Jira sent them (current values). */
  fields: Readonly<Record<string, unknown>>;
  /** Key, summary and current state: the part every row of this issue starts from. */
  base: Omit<TableRow, 'cells' | 'groupBy'>;
  context: KindContext;
  multiVisitBehavior: MultiVisitBehavior;
  /** excludeCurrentStatus: the ongoing stay is left out (the timeline's are already). */
  excludeCurrent: boolean;
  /** False for a status the request's `statuses` leaves out. */
  keepStatus(statusId: string): boolean;
  /** The column of an assignee (null: unassigned), registered as found in the issues. */
  assigneeColumn(accountId: string | null): ValueColumn;
  /** Registers a column found in this issue (a transition, a time period); the kind orders them. */
  foundColumn(column: ValueColumn): void;
}

/** The column sets a kind chooses its header from. */
export interface ColumnChoices {
  statuses: ValueColumn[];
  /** Statuses Jira no longer has that the issues visited (includeDeletedStatuses). */
  deletedStatuses: ValueColumn[];
  groups: ValueColumn[];
  /** Assignees found in the issues, by name, Unassigned last. */
  assignees: ValueColumn[];
  /** Columns found through foundColumn, once each, by id. */
  found: ValueColumn[];
  /** includeTransitionedByColumns was asked for. */
  transitionedBy: boolean;
}

export interface ReportKind<Id extends string = string> {
  /** The `columnsBy` value, in its canonical spelling. */
  readonly id: Id;
  /** Needs the status groups resolved even when the request names none. */
  readonly usesAllGroups?: boolean;
  /** Its columns or rows show assignees, so their display names are looked up. */
  readonly showsAssignees?: boolean;
  /** Its values are dates: nothing for /rest/aggregation to sum or average. */
  readonly datesOnly?: boolean;
  rows(input: IssueInput): TableRow[];
  columns(choices: ColumnChoices): TableColumns;
}

/** Declares a kind, keeping its id as a literal type (the list of ids is derived from the kinds). */
export const defineKind = <const Id extends string>(kind: ReportKind<Id>): ReportKind<Id> => kind;

/** The one row of kinds with one row per issue. */
export const issueRow = (input: IssueInput, cells: Map<string, Cell>): TableRow[] => [{ ...input.base, cells }];

/** includedStatuses when every reported status (deleted ones too) is listed. */
export const reportedStatuses = (choices: ColumnChoices): TableColumns['includedStatuses'] =>
  [...choices.statuses, ...choices.deletedStatuses].map((s) => ({ id: s.id, name: s.name }));
