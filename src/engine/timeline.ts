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
  // Common case first: equal-length ids. Equal-length digit strings order numerically
  // exactly as they order as text (leading zeros included), and every other equal-length
  // pair falls back to text order anyway, so no character scan is needed.
  if (a.length === b.length) return a < b ? -1 : a > b ? 1 : 0;
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

/**
 * How a changelog is ordered: 1 when already in (at, changeId) order, -1 when exactly
 * reversed, 0 otherwise. Most changelogs arrive oldest first or newest first; one O(n)
 * pass recognises both and buildTimeline then walks the input forwards or backwards, with
 * no copy and no sort. Reading a strictly descending list backwards is what the stable
 * sort gives (no two of its changes compare equal); anything else is sorted as before.
 * An `at` of NaN never counts as descending, so such lists reach the sort as they always
 * did.
 */
function changeOrder(changes: readonly FieldChange[]): 1 | -1 | 0 {
  const n = changes.length;
  let ascending = true;
  let descending = true;
  let previous = changes[0];
  for (let i = 1; i < n; i += 1) {
    const change = changes[i]!;
    const delta = previous!.at - change.at;
    if (delta < 0) {
      descending = false;
    } else if (delta > 0) {
      ascending = false;
    } else {
      // Same instant (or NaN, where compareChanges falls back to the ids alone).
      const ids = compareChangeIds(previous!.changeId, change.changeId);
      if (ids > 0) ascending = false;
      if (!(ids > 0 && delta === 0)) descending = false;
    }
    if (!ascending && !descending) return 0;
    previous = change;
  }
  return ascending ? 1 : -1;
}

/** Up to this length an insertion sort beats Array#sort's setup and comparator calls. */
const INSERTION_SORT_MAX = 24;

/**
 * sortChanges for a changelog that is in neither order. Short lists (nearly all) take a
 * stable insertion sort: a stable sort's output is unique, so it equals sortChanges'. A
 * NaN instant makes the comparator inconsistent; such lists keep Array#sort's answer.
 */
function sortedCopy(changes: readonly FieldChange[]): FieldChange[] {
  const n = changes.length;
  if (n > INSERTION_SORT_MAX) return sortChanges(changes);
  for (let i = 0; i < n; i += 1) if (Number.isNaN(changes[i]!.at)) return sortChanges(changes);
  const sorted = changes.slice();
  for (let i = 1; i < n; i += 1) {
    const change = sorted[i]!;
    let j = i - 1;
    // Moves left only past strictly greater changes, which keeps equal ones in input order.
    while (j >= 0 && compareChanges(sorted[j]!, change) > 0) {
      sorted[j + 1] = sorted[j]!;
      j -= 1;
    }
    sorted[j + 1] = change;
  }
  return sorted;
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

/**
 * Status and assignee stays of one issue, as the report options ask for them.
 *
 * - The initial value holds from `created`: it is the `from` of the first change, or the
 *   current value when the field never changed.
 * - A change to the value already held does not split the stay (covers from == to and
 *   changelogs whose from/to chain is inconsistent).
 * - Instants are clamped to [created, now] and kept monotonic, so no stay is negative
 *   even when a change predates the creation or lies in the future.
 *
 * Hot path (runs once per issue per report): both fields are built in one pass over the
 * sorted changes, without per-field copies, closures or filter passes.
 */
export function buildTimeline(history: IssueHistory, options: TimelineOptions): IssueTimeline {
  let sorted: readonly FieldChange[] = history.changes;
  const order = changeOrder(sorted);
  if (order === 0) sorted = sortedCopy(sorted);
  const count = sorted.length;
  // Walk backwards over a newest-first changelog instead of copying it reversed.
  const first = order === -1 ? count - 1 : 0;
  const step = order === -1 ? -1 : 1;
  const created = history.created;
  const end = Math.max(created, options.now);
  const allStatusVisits: StatusVisit[] = [];
  let assigneeVisits: AssigneeVisit[] = [];
  // Until a field's first change is seen its value is unknown: that change's `from` is it.
  let statusKnown = false;
  let status: string | null = history.status;
  let statusStart = created;
  let firstStatusTarget: string | null | undefined;
  let assigneeKnown = false;
  let assignee: string | null = history.assignee;
  let assigneeStart = created;
  for (let k = 0, i = first; k < count; k += 1, i += step) {
    const change = sorted[i]!;
    if (change.field === 'status') {
      if (!statusKnown) {
        statusKnown = true;
        status = change.from;
        firstStatusTarget = change.to;
      }
      const to = change.to;
      if (to === status) continue;
      const at = Math.min(Math.max(change.at, statusStart), end);
      allStatusVisits.push({ value: status as string, start: statusStart, end: at, ongoing: false });
      status = to;
      statusStart = at;
    } else if (change.field === 'assignee') {
      if (!assigneeKnown) {
        assigneeKnown = true;
        assignee = change.from;
      }
      const to = change.to;
      if (to === assignee) continue;
      const at = Math.min(Math.max(change.at, assigneeStart), end);
      assigneeVisits.push({ value: assignee, start: assigneeStart, end: at, ongoing: false });
      assignee = to;
      assigneeStart = at;
    }
  }
  allStatusVisits.push({ value: status as string, start: statusStart, end, ongoing: true });
  assigneeVisits.push({ value: assignee, start: assigneeStart, end, ongoing: true });
  // A status change always has a target; a null `from` on the first change (malformed
  // history) falls back to the first target so the initial stay still has a status.
  const firstStatus = allStatusVisits[0]!;
  if (firstStatus.value === null) firstStatus.value = firstStatusTarget ?? history.status;
  let statusVisits = allStatusVisits;
  if (options.excludeCurrent === true) {
    // The ongoing stay is always the last one.
    statusVisits = allStatusVisits.slice(0, -1);
    assigneeVisits = assigneeVisits.slice(0, -1);
  }
  const trim = options.trim;
  return {
    issueId: history.issueId,
    issueKey: history.issueKey,
    created,
    statusVisits: trimVisits(statusVisits, trim),
    assigneeVisits: trimVisits(assigneeVisits, trim),
    allStatusVisits,
    window: { start: trim?.start ?? -Infinity, end: trim?.end ?? Infinity },
  };
}
