// The engine's hot-path shortcuts (sortedness check, reversed changelogs, equal-length id
// comparison, scratch-array durations, the lookup cache) must give exactly what the
// straightforward versions below give. These references are the pre-optimisation code.
import fc from 'fast-check';
import { parseCalendarDefinition } from '../../../src/engine/calendar/calendar-definition';
import { compileCalendar, normalHoursCalendar, type WorkingTimeCalendar } from '../../../src/engine/calendar/working-time';
import { statusDurations, MULTI_VISIT_BEHAVIORS, type MultiVisitBehavior } from '../../../src/engine/durations';
import type { FieldChange, IssueHistory } from '../../../src/engine/issue-history';
import {
  buildTimeline,
  compareChangeIds,
  trimVisits,
  type IssueTimeline,
  type StatusVisit,
  type TimelineOptions,
  type Visit,
} from '../../../src/engine/timeline';
import { DAY, HOUR } from './history-builder';

// --- references ------------------------------------------------------------------------

function referenceCompareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function referenceVisits<V extends string | null>(
  created: number,
  current: V,
  sorted: readonly FieldChange[],
  field: FieldChange['field'],
  now: number,
): Visit<V>[] {
  const own = sorted.filter((c) => c.field === field);
  let value = (own.length > 0 ? own[0]!.from : current) as V;
  const end = Math.max(created, now);
  let start = created;
  const visits: Visit<V>[] = [];
  for (const change of own) {
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

function referenceTimeline(history: IssueHistory, options: TimelineOptions): IssueTimeline {
  const sorted = [...history.changes].sort((x, y) => x.at - y.at || referenceCompareIds(x.changeId, y.changeId));
  const allStatusVisits = referenceVisits<string>(history.created, history.status, sorted, 'status', options.now);
  if (allStatusVisits[0]!.value === null) {
    allStatusVisits[0]!.value = sorted.find((c) => c.field === 'status')?.to ?? history.status;
  }
  let assigneeVisits = referenceVisits<string | null>(history.created, history.assignee, sorted, 'assignee', options.now);
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

function referenceDurations(visits: readonly StatusVisit[], calendar: WorkingTimeCalendar, behavior: MultiVisitBehavior): Map<string, number> {
  const result = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const visit of visits) {
    const ms = calendar.workingMsBetween(visit.start, visit.end);
    const previous = result.get(visit.value);
    if (previous === undefined) result.set(visit.value, ms);
    else if (behavior === 'total' || behavior === 'average') result.set(visit.value, previous + ms);
    else if (behavior === 'last') result.set(visit.value, ms);
    counts.set(visit.value, (counts.get(visit.value) ?? 0) + 1);
  }
  if (behavior === 'average') for (const [status, total] of result) result.set(status, total / counts.get(status)!);
  return result;
}

// --- generators ------------------------------------------------------------------------

const T = Date.UTC(2024, 0, 1);
const STATUSES = ['1', '2', '3', '10001', '10002'];

/** Changelogs with ties (same instant), null froms, ids of mixed lengths, in any order. */
const historyArb = fc
  .record({
    created: fc.integer({ min: T, max: T + 400 * DAY }),
    steps: fc.array(
      fc.record({
        gap: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -2 * DAY, max: 20 * DAY })),
        to: fc.constantFrom<string | null>(...STATUSES, null),
        from: fc.option(fc.constantFrom(...STATUSES), { freq: 3 }),
        field: fc.constantFrom<'status' | 'assignee'>('status', 'status', 'assignee'),
        id: fc.oneof(fc.integer({ min: 1, max: 120 }).map(String), fc.bigInt({ min: 1n, max: 10n ** 20n }).map(String)),
      }),
      { maxLength: 40, size: 'max' },
    ),
    order: fc.constantFrom('asis', 'reversed', 'shuffled'),
    seed: fc.nat(),
    status: fc.constantFrom(...STATUSES),
    tail: fc.integer({ min: -DAY, max: 10 * DAY }),
  })
  .map(({ created, steps, order, seed, status, tail }) => {
    let at = created - DAY;
    const changes: FieldChange[] = steps.map((step) => {
      at += step.gap;
      return { changeId: step.id, at, field: step.field, from: step.from, to: step.to };
    });
    if (order === 'reversed') changes.reverse();
    if (order === 'shuffled') {
      let s = seed;
      for (let i = changes.length - 1; i > 0; i -= 1) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [changes[i], changes[j]] = [changes[j]!, changes[i]!];
      }
    }
    const history: IssueHistory = { issueId: '1', issueKey: 'P-1', created, status, assignee: null, changes };
    return { history, now: at + tail };
  });

const optionsArb = fc.record({
  excludeCurrent: fc.boolean(),
  trim: fc.option(
    fc.record({
      start: fc.option(fc.integer({ min: T, max: T + 500 * DAY }), { nil: undefined }),
      end: fc.option(fc.integer({ min: T, max: T + 500 * DAY }), { nil: undefined }),
    }),
    { nil: undefined },
  ),
});

/** A fresh compile each call: its lookup cache starts empty. */
const compileOffice = () =>
  compileCalendar(
    parseCalendarDefinition({
      name: 'office',
      timeZone: 'Europe/Berlin',
      windows: [1, 2, 3, 4, 5].flatMap((weekday) => [
        { weekday, start: 8 * HOUR, end: 12 * HOUR },
        { weekday, start: 13 * HOUR, end: 17 * HOUR },
      ]),
      holidays: [
        { date: '2024-12-25', recurring: true },
        { date: '2024-04-01', recurring: false },
      ],
    }),
  );
const office = compileOffice();

// --- tests -----------------------------------------------------------------------------

describe('engine fast paths', () => {
  it('compareChangeIds orders digit strings numerically (any length, leading zeros) and others as text', () => {
    const idArb = fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.bigInt({ min: 0n, max: 10n ** 6n })).map(([zeros, n]) => '0'.repeat(zeros) + String(n)),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(idArb, idArb, (a, b) => {
        expect(Math.sign(compareChangeIds(a, b))).toBe(referenceCompareIds(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('buildTimeline equals the straightforward version for sorted, reversed and shuffled changelogs', () => {
    fc.assert(
      fc.property(historyArb, optionsArb, ({ history, now }, options) => {
        const input = history.changes.slice();
        const actual = buildTimeline(history, { now, ...options });
        expect(actual).toEqual(referenceTimeline(history, { now, ...options }));
        // The input array is never reordered in place.
        expect(history.changes).toEqual(input);
      }),
      { numRuns: 500 },
    );
  });

  it('a newest-first changelog (ties included) gives the same timeline as the oldest-first one', () => {
    const changes: FieldChange[] = [
      { changeId: '99', at: T + HOUR, field: 'status', from: '1', to: '2' },
      { changeId: '100', at: T + HOUR, field: 'status', from: '2', to: '3' },
      { changeId: '101', at: T + 2 * HOUR, field: 'assignee', from: null, to: 'u' },
      { changeId: '102', at: T + 3 * HOUR, field: 'status', from: '3', to: '1' },
    ];
    const base: IssueHistory = { issueId: '1', issueKey: 'P-1', created: T, status: '1', assignee: 'u', changes };
    const forward = buildTimeline(base, { now: T + 4 * HOUR });
    const backward = buildTimeline({ ...base, changes: [...changes].reverse() }, { now: T + 4 * HOUR });
    expect(backward).toEqual(forward);
    expect(forward.statusVisits.map((v) => [v.value, v.start - T, v.end - T])).toEqual([
      ['1', 0, HOUR],
      ['2', HOUR, HOUR],
      ['3', HOUR, 3 * HOUR],
      ['1', 3 * HOUR, 4 * HOUR],
    ]);
  });

  it('statusDurations equals the Map-based version for every behaviour, short and long timelines', () => {
    const visitsArb = fc.array(
      fc.record({
        value: fc.constantFrom(...STATUSES, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q'),
        span: fc.integer({ min: 0, max: 30 * DAY }),
      }),
      { maxLength: 40, size: 'max' },
    );
    fc.assert(
      fc.property(visitsArb, fc.constantFrom(...MULTI_VISIT_BEHAVIORS), fc.boolean(), (spans, behavior, working) => {
        let at = T;
        const statusVisits: StatusVisit[] = spans.map(({ value, span }) => {
          const visit = { value, start: at, end: at + span, ongoing: false };
          at += span;
          return visit;
        });
        const timeline: IssueTimeline = {
          issueId: '1',
          issueKey: 'P-1',
          created: T,
          statusVisits,
          assigneeVisits: [],
          allStatusVisits: statusVisits,
          window: { start: -Infinity, end: Infinity },
        };
        const calendar = working ? office : normalHoursCalendar;
        const actual = statusDurations(timeline, calendar, behavior);
        const expected = referenceDurations(statusVisits, calendar, behavior);
        expect([...actual]).toEqual([...expected]); // same values in the same key order
      }),
      { numRuns: 500 },
    );
  });

  it('statusDurations stays correct when a calendar re-enters it', () => {
    const inner: IssueTimeline = {
      issueId: '2',
      issueKey: 'P-2',
      created: T,
      statusVisits: [
        { value: 'x', start: T, end: T + HOUR, ongoing: false },
        { value: 'y', start: T + HOUR, end: T + 3 * HOUR, ongoing: true },
      ],
      assigneeVisits: [],
      allStatusVisits: [],
      window: { start: -Infinity, end: Infinity },
    };
    const nested: Map<string, number>[] = [];
    const reentrant: WorkingTimeCalendar = {
      kind: 'normalHours',
      workingDayMs: DAY,
      workingMsBetween(start, end) {
        nested.push(statusDurations(inner, normalHoursCalendar));
        return end - start;
      },
    };
    const outer: IssueTimeline = {
      ...inner,
      statusVisits: [
        { value: '1', start: T, end: T + 5, ongoing: false },
        { value: '2', start: T + 5, end: T + 12, ongoing: false },
        { value: '1', start: T + 12, end: T + 20, ongoing: true },
      ],
    };
    expect([...statusDurations(outer, reentrant)]).toEqual([
      ['1', 13],
      ['2', 7],
    ]);
    expect(nested.map((m) => [...m])).toEqual(
      Array.from({ length: 3 }, () => [
        ['x', HOUR],
        ['y', 2 * HOUR],
      ]),
    );
  });

  it('the compiled calendar answers the same whatever was asked before (lookup cache)', () => {
    const pointArb = fc.integer({ min: T - 30 * DAY, max: T + 500 * DAY });
    fc.assert(
      fc.property(fc.array(fc.tuple(pointArb, pointArb), { minLength: 1, maxLength: 12 }), fc.boolean(), (pairs, chain) => {
        // `chain` makes each interval start where the previous one ended, as visits do.
        let previous = pairs[0]![0];
        const intervals = pairs.map(([a, b]) => {
          const start = chain ? previous : a;
          previous = b;
          return [start, b] as const;
        });
        const shared = office;
        for (const [a, b] of intervals) {
          const fresh = compileOffice();
          expect(shared.workingMsBetween(a, b)).toBe(fresh.workingMsBetween(a, b));
        }
      }),
      { numRuns: 60 },
    );
  });
});
