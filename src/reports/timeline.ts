// Turns an issue's creation time and changelog into visits: consecutive stays in one
// status (or with one assignee). Everything downstream (durations, counts, dates) reads
// visits, so the changelog quirks are handled here once.
import type { FieldChange, IssueHistory } from './issue-history';

/** One stay in a status or with an assignee: [start, end) in epoch ms. */
export interface Visit<V> {
  value: V;
  start: number;
  end: number;
  /** True for the stay that is still going on at `now` (the current status/assignee). */
  ongoing: boolean;
}

export type StatusVisit = Visit<string>;
/** `value` is the assignee account id, null while unassigned. */
export type AssigneeVisit = Visit<string | null>;

/** Count only time inside [start, end); either bound may be left open. */
export interface TrimWindow {
  start?: number;
  end?: number;
}

export interface TimelineOptions {
  /** The instant the report is computed at; the current status counts until then. */
  now: number;
  /** Drop the ongoing stay (current status/assignee) from the timeline. */
  excludeCurrent?: boolean;
  trim?: TrimWindow;
}

export interface IssueTimeline {
  issueId: string;
  issueKey: string;
  created: number;
  /** Stays that count for durations: trimmed, without the current one when excluded. */
  statusVisits: StatusVisit[];
  assigneeVisits: AssigneeVisit[];
  /**
   * Every status stay, untrimmed and including the current one: the facts that dates
   * (first entry, last exit) are read from, since a trim clip is not a transition.
   */
  allStatusVisits: StatusVisit[];
  /** The trim window the stays above were cut to (open bounds are infinite). */
  window: { start: number; end: number };
}

/** True for a non-empty string of ASCII digits without a leading zero (Jira's ids). */
function isCanonicalNumber(text: string): boolean {
  if (text.length === 0 || (text.length > 1 && text.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

const stripLeadingZeros = (text: string): string => text.replace(/^0+(?=\d)/, '');

/**
 * Changelog ids are numeric strings: compare them as numbers (so "99" < "100") without
 * going through Number, which loses precision past 2^53: the shorter digit string is the
 * smaller number, equal lengths compare as text. Non-numeric ids (never sent by Jira)
 * fall back to string order so the order stays total.
 */
export function compareChangeIds(a: string, b: string): number {
  let x = a;
  let y = b;
  if (!isCanonicalNumber(x) || !isCanonicalNumber(y)) {
    if (!/^\d+$/.test(x) || !/^\d+$/.test(y)) return x < y ? -1 : x > y ? 1 : 0;
    x = stripLeadingZeros(x);
    y = stripLeadingZeros(y);
  }
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareChanges(x: FieldChange, y: FieldChange): number {
  return x.at - y.at || compareChangeIds(x.changeId, y.changeId);
}

/** Sorts by instant, then by changelog id: Jira returns same-instant changes in id order. */
export function sortChanges(changes: readonly FieldChange[]): FieldChange[] {
  return [...changes].sort(compareChanges);
}

/** Most changelogs arrive sorted; checking is one pass, sorting a copy is not. */
function sortedView(changes: readonly FieldChange[]): readonly FieldChange[] {
  for (let i = 1; i < changes.length; i += 1) {
    if (compareChanges(changes[i - 1]!, changes[i]!) > 0) return sortChanges(changes);
  }
  return changes;
}

/**
 * Builds the stays for one field from its sorted changes.
 *
 * - The initial value holds from `created`: it is the `from` of the first change, or the
 *   current value when the field never changed.
 * - A change to the value already held does not split the stay (covers from == to and
 *   changelogs whose from/to chain is inconsistent).
 * - Instants are clamped to [created, now] and kept monotonic, so no stay is negative
 *   even when a change predates the creation or lies in the future.
 */
function buildVisits<V extends string | null>(
  created: number,
  current: V,
  sorted: readonly FieldChange[],
  field: FieldChange['field'],
  now: number,
): Visit<V>[] {
  // One pass over the shared sorted list per field: no per-field copies per issue.
  let value = current;
  for (const change of sorted) {
    if (change.field === field) {
      value = change.from as V;
      break;
    }
  }
  const end = Math.max(created, now);
  let start = created;
  const visits: Visit<V>[] = [];
  for (const change of sorted) {
    if (change.field !== field) continue;
    const to = change.to as V;
    if (to === value) continue;
    const at = Math.min(Math.max(change.at, start), end);
    visits.push({ value, start, end: at, ongoing: false });
    value = to;
    start = at;
  }
  visits.push({ value, start, end, ongoing: true });
  return visits;
}

/** Keeps only the time inside the window; a stay entirely outside it disappears. */
export function trimVisits<V>(visits: Visit<V>[], trim: TrimWindow | undefined): Visit<V>[] {
  // Without a window the engine's own arrays are returned as they are (no copy per issue).
  if (trim === undefined || (trim.start === undefined && trim.end === undefined)) return visits;
  const lo = trim.start ?? -Infinity;
  const hi = trim.end ?? Infinity;
  const kept: Visit<V>[] = [];
  for (const visit of visits) {
    if (visit.start === visit.end) {
      // A zero-length stay (two changes at one instant) survives if its instant is inside.
      if (visit.start >= lo && visit.start < hi) kept.push(visit);
      continue;
    }
    const start = Math.max(visit.start, lo);
    const end = Math.min(visit.end, hi);
    if (end > start) kept.push({ value: visit.value, start, end, ongoing: visit.ongoing });
  }
  return kept;
}

/** Status and assignee stays of one issue, as the report options ask for them. */
export function buildTimeline(history: IssueHistory, options: TimelineOptions): IssueTimeline {
  const sorted = sortedView(history.changes);
  const allStatusVisits = buildVisits<string>(history.created, history.status, sorted, 'status', options.now);
  // A status change always has a target; a null `from` on the first change (malformed
  // history) falls back to the first target so the initial stay still has a status.
  const firstStatus = allStatusVisits[0];
  if (firstStatus !== undefined && firstStatus.value === null) {
    firstStatus.value = sorted.find((c) => c.field === 'status')?.to ?? history.status;
  }
  let assigneeVisits = buildVisits<string | null>(
    history.created,
    history.assignee,
    sorted,
    'assignee',
    options.now,
  );
  let statusVisits = allStatusVisits;
  if (options.excludeCurrent === true) {
    statusVisits = statusVisits.filter((v) => !v.ongoing);
    assigneeVisits = assigneeVisits.filter((v) => !v.ongoing);
  }
  return {
    issueId: history.issueId,
    issueKey: history.issueKey,
    created: history.created,
    statusVisits: trimVisits(statusVisits, options.trim),
    assigneeVisits: trimVisits(assigneeVisits, options.trim),
    allStatusVisits,
    window: { start: options.trim?.start ?? -Infinity, end: options.trim?.end ?? Infinity },
  };
}
