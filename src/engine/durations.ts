// Per-issue report values, one function per `columnsBy` report type. Each reads an
// IssueTimeline (already trimmed, with or without the current status) and measures time
// with a WorkingTimeCalendar, so 24x7 and working calendars share every rule.
// A status the issue never visited is absent from the result maps (never zero).
import type { WorkingTimeCalendar } from './calendar/working-time';
import type { IssueTimeline, StatusVisit, Visit } from './timeline';

export type MultiVisitBehavior = 'total' | 'first' | 'last' | 'average';
export const MULTI_VISIT_BEHAVIORS: readonly MultiVisitBehavior[] = ['total', 'first', 'last', 'average'];

/**
 * Timelines up to this many visits (nearly all issues) are summed in the scratch arrays
 * below; longer ones use a Map directly, so the linear key search never goes quadratic.
 */
const SCRATCH_VISITS = 16;
// statusDurations runs once per issue per report. Summing into a fresh Map costs a get
// and a set (and a boxed double) per visit; instead each status's value is kept in
// reused typed arrays and the Map receives one set per distinct status at the end.
// `scratchBusy` keeps a calendar that re-enters statusDurations from working on a copy.
const scratchKeys: string[] = [];
const scratchValues = new Float64Array(SCRATCH_VISITS);
const scratchCounts = new Int32Array(SCRATCH_VISITS);
let scratchBusy = false;

/** Status id -> working ms under the multi-visit rule. */
export function statusDurations(timeline: IssueTimeline, calendar: WorkingTimeCalendar, behavior: MultiVisitBehavior = 'total'): Map<string, number> {
  const visits = timeline.statusVisits;
  if (visits.length > SCRATCH_VISITS || scratchBusy) return statusDurationsWithMap(visits, calendar, behavior);
  scratchBusy = true;
  try {
    const keys = scratchKeys;
    const values = scratchValues;
    const counts = scratchCounts;
    const adds = behavior === 'total' || behavior === 'average';
    let distinct = 0;
    for (let i = 0; i < visits.length; i += 1) {
      const visit = visits[i]!;
      const ms = calendar.workingMsBetween(visit.start, visit.end);
      const value = visit.value;
      let k = 0;
      while (k < distinct && keys[k] !== value) k += 1;
      if (k === distinct) {
        keys[k] = value;
        values[k] = ms;
        counts[k] = 1;
        distinct += 1;
      } else {
        if (adds) values[k] = values[k]! + ms;
        else if (behavior === 'last') values[k] = ms;
        counts[k] = counts[k]! + 1;
      }
    }
    // First-seen order, as the Map-based version inserts. Averages stay fractional here;
    // formatting decides how to round.
    const result = new Map<string, number>();
    const average = behavior === 'average';
    for (let k = 0; k < distinct; k += 1) {
      result.set(keys[k]!, average ? values[k]! / counts[k]! : values[k]!);
    }
    return result;
  } finally {
    scratchBusy = false;
  }
}

function statusDurationsWithMap(visits: readonly StatusVisit[], calendar: WorkingTimeCalendar, behavior: MultiVisitBehavior): Map<string, number> {
  const result = new Map<string, number>();
  const counts = behavior === 'average' ? new Map<string, number>() : undefined;
  for (const visit of visits) {
    const ms = calendar.workingMsBetween(visit.start, visit.end);
    const previous = result.get(visit.value);
    if (previous === undefined) {
      result.set(visit.value, ms);
    } else if (behavior === 'total' || behavior === 'average') {
      result.set(visit.value, previous + ms);
    } else if (behavior === 'last') {
      result.set(visit.value, ms);
    }
    if (counts !== undefined) counts.set(visit.value, (counts.get(visit.value) ?? 0) + 1);
  }
  if (counts !== undefined) {
    // Averages stay fractional here; formatting decides how to round.
    for (const [status, total] of result) result.set(status, total / counts.get(status)!);
  }
  return result;
}

/** Status id -> number of visits (stays) inside the trim window. */
export function statusCounts(timeline: IssueTimeline): Map<string, number> {
  const result = new Map<string, number>();
  for (const visit of timeline.statusVisits) result.set(visit.value, (result.get(visit.value) ?? 0) + 1);
  return result;
}

/** Assignee account id (null = unassigned) -> working ms. */
export function assigneeDurations(timeline: IssueTimeline, calendar: WorkingTimeCalendar): Map<string | null, number> {
  const result = new Map<string | null, number>();
  for (const visit of timeline.assigneeVisits) {
    const ms = calendar.workingMsBetween(visit.start, visit.end);
    result.set(visit.value, (result.get(visit.value) ?? 0) + ms);
  }
  return result;
}

/** A piece of time with one status and one assignee. */
export interface StatusAssigneeSegment {
  statusId: string;
  assignee: string | null;
  start: number;
  end: number;
}

/**
 * Intersects the status and assignee stays (both sorted and non-overlapping) with a
 * two-pointer sweep: O(visits + assignee changes).
 */
export function statusAssigneeSegments(timeline: IssueTimeline): StatusAssigneeSegment[] {
  const statuses = timeline.statusVisits;
  const assignees = timeline.assigneeVisits;
  const segments: StatusAssigneeSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < statuses.length && j < assignees.length) {
    const s = statuses[i]!;
    const a = assignees[j]!;
    const start = Math.max(s.start, a.start);
    const end = Math.min(s.end, a.end);
    if (end > start) segments.push({ statusId: s.value, assignee: a.value, start, end });
    if (s.end < a.end) i += 1;
    else if (a.end < s.end) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return segments;
}

/** Status id -> assignee -> working ms (`columnsBy=statusDurationByAssignee`). */
export function statusDurationsByAssignee(timeline: IssueTimeline, calendar: WorkingTimeCalendar): Map<string, Map<string | null, number>> {
  const result = new Map<string, Map<string | null, number>>();
  for (const segment of statusAssigneeSegments(timeline)) {
    let inner = result.get(segment.statusId);
    if (inner === undefined) result.set(segment.statusId, (inner = new Map<string | null, number>()));
    const ms = calendar.workingMsBetween(segment.start, segment.end);
    inner.set(segment.assignee, (inner.get(segment.assignee) ?? 0) + ms);
  }
  return result;
}

/** Assignee -> status id -> working ms (`columnsBy=assigneeDurationByStatus`). */
export function assigneeDurationsByStatus(timeline: IssueTimeline, calendar: WorkingTimeCalendar): Map<string | null, Map<string, number>> {
  const result = new Map<string | null, Map<string, number>>();
  for (const segment of statusAssigneeSegments(timeline)) {
    let inner = result.get(segment.assignee);
    if (inner === undefined) result.set(segment.assignee, (inner = new Map<string, number>()));
    const ms = calendar.workingMsBetween(segment.start, segment.end);
    inner.set(segment.statusId, (inner.get(segment.statusId) ?? 0) + ms);
  }
  return result;
}

/** An admin-defined set of statuses reported as one column (e.g. cycle time). */
export interface StatusGroup {
  id: string;
  name?: string;
  statusIds: readonly string[];
}

/**
 * Group id -> sum of its statuses' values. Pass the map from statusDurations: under
 * `total` this is exactly the time spent in any status of the group; under first / last
 * / average it sums the per-status values. A group is absent only when none of its
 * statuses has a value (a visited status with 0 ms still makes the group 0, not empty).
 */
export function groupDurations(durations: ReadonlyMap<string, number>, groups: readonly StatusGroup[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const group of groups) {
    let sum = 0;
    let any = false;
    // A status listed twice in a group must not count twice.
    for (const statusId of new Set(group.statusIds)) {
      const value = durations.get(statusId);
      if (value !== undefined) {
        sum += value;
        any = true;
      }
    }
    if (any) result.set(group.id, sum);
  }
  return result;
}

function insideWindow(instant: number, timeline: IssueTimeline): boolean {
  return instant >= timeline.window.start && instant < timeline.window.end;
}

/**
 * When the issue first entered the status (epoch ms), or undefined. The initial status
 * is entered at `created`. Under a trim window only entries inside the window count:
 * the clip at the window's start is not a transition.
 */
export function firstTransitionToStatus(timeline: IssueTimeline, statusId: string): number | undefined {
  for (const visit of timeline.allStatusVisits) {
    if (visit.value === statusId && insideWindow(visit.start, timeline)) return visit.start;
  }
  return undefined;
}

/** When the issue last left the status (epoch ms), or undefined if it never left it. */
export function lastTransitionFromStatus(timeline: IssueTimeline, statusId: string): number | undefined {
  const visits = timeline.allStatusVisits;
  for (let i = visits.length - 1; i >= 0; i -= 1) {
    const visit = visits[i]!;
    if (visit.value === statusId && !visit.ongoing && insideWindow(visit.end, timeline)) return visit.end;
  }
  return undefined;
}

export type EntryChoice = 'firstEntry' | 'lastEntry';

/** Where a duration-between-statuses measurement starts. */
export type BetweenStart = { at: 'created' } | { at: EntryChoice; statusIds: readonly string[] };

export interface BetweenStatusesSpec {
  start: BetweenStart;
  /** Stops at the first / last entry into any of these statuses at or after the start. */
  stop: { at: EntryChoice; statusIds: readonly string[] };
  /** Time spent in these statuses between start and stop is not counted. */
  pausedStatusIds?: readonly string[];
}

function entryInto(visits: readonly StatusVisit[], statusIds: ReadonlySet<string>, choice: EntryChoice, notBefore: number): number | undefined {
  let found: number | undefined;
  for (const visit of visits) {
    if (!statusIds.has(visit.value) || visit.start < notBefore) continue;
    if (choice === 'firstEntry') return visit.start;
    found = visit.start;
  }
  return found;
}

/**
 * Working ms from the start event to the stop event, minus time in paused statuses;
 * undefined when either event never happened (or the stop precedes the start). Entry
 * instants are facts of the whole history; the time counted between them honours the
 * trim window and the current-status exclusion like every other value.
 */
export function durationBetweenStatuses(timeline: IssueTimeline, spec: BetweenStatusesSpec, calendar: WorkingTimeCalendar): number | undefined {
  const visits = timeline.allStatusVisits;
  const from = spec.start.at === 'created' ? timeline.created : entryInto(visits, new Set(spec.start.statusIds), spec.start.at, -Infinity);
  if (from === undefined) return undefined;
  const to = entryInto(visits, new Set(spec.stop.statusIds), spec.stop.at, from);
  if (to === undefined) return undefined;
  const paused = new Set(spec.pausedStatusIds ?? []);
  let total = 0;
  for (const visit of timeline.statusVisits) {
    if (paused.has(visit.value)) continue;
    const start = Math.max(visit.start, from);
    const end = Math.min(visit.end, to);
    if (end > start) total += calendar.workingMsBetween(start, end);
  }
  return total;
}

/** One row of `statusDurationExpanded`. */
export interface ExpandedVisit {
  statusId: string;
  start: number;
  end: number;
  durationMs: number;
  /** The current status, still counting at `now`. */
  ongoing: boolean;
}

export function expandedVisits(timeline: IssueTimeline, calendar: WorkingTimeCalendar): ExpandedVisit[] {
  return timeline.statusVisits.map((visit: Visit<string>) => ({
    statusId: visit.value,
    start: visit.start,
    end: visit.end,
    durationMs: calendar.workingMsBetween(visit.start, visit.end),
    ongoing: visit.ongoing,
  }));
}
