// Property tests (fast-check) for the engine's invariants.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parseCalendarDefinition, type CalendarDefinition } from '../../../src/engine/calendar/calendar-definition';
import { compileCalendar, normalHoursCalendar, type WorkingTimeCalendar } from '../../../src/engine/calendar/working-time';
import { statusCounts, statusDurations, expandedVisits, assigneeDurations } from '../../../src/engine/durations';
import type { FieldChange, IssueHistory } from '../../../src/engine/issue-history';
import { buildTimeline } from '../../../src/engine/timeline';
import { DAY, MINUTE } from './history-builder';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'America/Santiago', 'Asia/Kolkata', 'UTC'];
const FROM = Date.UTC(2023, 0, 1);
const TO = Date.UTC(2026, 0, 1);
const QUARTER = 15 * MINUTE;

/** 0-3 non-overlapping windows per weekday on a 15-minute grid (ends may reach 24:00). */
const windowsArb = fc
  .array(fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 }), { minLength: 7, maxLength: 7 })
  .map((days) =>
    days.flatMap((points, index) => {
      const sorted = [...points].sort((a, b) => a - b);
      const windows = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) {
        windows.push({ weekday: index + 1, start: sorted[i]! * QUARTER, end: sorted[i + 1]! * QUARTER });
      }
      return windows;
    }),
  )
  .filter((windows) => windows.length > 0);

const holidaysArb = fc.array(
  fc.record({
    date: fc.integer({ min: 0, max: 3 * 365 }).map((d) => new Date(FROM + d * DAY).toISOString().slice(0, 10)),
    recurring: fc.boolean(),
  }),
  { maxLength: 8 },
);

const definitionArb: fc.Arbitrary<CalendarDefinition> = fc
  .record({ timeZone: fc.constantFrom(...ZONES), windows: windowsArb, holidays: holidaysArb })
  .map(({ timeZone, windows, holidays }) => {
    // Duplicate holidays are a validation error; keep the first of each.
    const seen = new Set<string>();
    const unique = holidays.filter((h) => {
      const key = h.recurring ? `r${h.date.slice(5)}` : h.date;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return parseCalendarDefinition({ name: 'prop', timeZone, windows, holidays: unique });
  });

const instantArb = fc.integer({ min: FROM, max: TO });

/** Straightforward reference: walk local days, convert each window with luxon, intersect. */
function referenceWorkingMs(definition: CalendarDefinition, a: number, b: number): number {
  if (!(b > a)) return 0;
  const zone = definition.timeZone;
  const fixed = new Set(definition.holidays.filter((h) => !h.recurring).map((h) => h.date));
  const recurring = new Set(definition.holidays.filter((h) => h.recurring).map((h) => h.date.slice(5)));
  let day = DateTime.fromMillis(a, { zone }).startOf('day').minus({ days: 1 });
  // Working time is a set of instants: windows that land on the same instants (a DST gap
  // maps 00:00-00:15 and 01:00-01:15 both to 01:00-01:15 in America/Santiago) count once.
  const intervals: Array<[number, number]> = [];
  while (day.toMillis() < b) {
    const date = day.toISODate()!;
    if (!fixed.has(date) && !recurring.has(date.slice(5))) {
      for (const w of definition.windows.filter((x) => x.weekday === day.weekday)) {
        const at = (ms: number) =>
          ms === DAY
            ? day.plus({ days: 1 }).startOf('day').toMillis()
            : DateTime.fromObject(
                { year: day.year, month: day.month, day: day.day, hour: Math.floor(ms / 3_600_000), minute: (ms % 3_600_000) / 60_000 },
                { zone },
              ).toMillis();
        const start = Math.max(a, at(w.start));
        const end = Math.min(b, at(w.end));
        if (end > start) intervals.push([start, end]);
      }
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  intervals.sort((x, y) => x[0] - y[0]);
  let total = 0;
  let coveredUntil = -Infinity;
  for (const [start, end] of intervals) {
    const from = Math.max(start, coveredUntil);
    if (end > from) total += end - from;
    coveredUntil = Math.max(coveredUntil, end);
  }
  return total;
}

const compiled = new WeakMap<CalendarDefinition, WorkingTimeCalendar>();
const compile = (d: CalendarDefinition) => {
  let c = compiled.get(d);
  if (c === undefined) compiled.set(d, (c = compileCalendar(d)));
  return c;
};

describe('calendar properties', () => {
  it('adjacent intervals add up to the whole', () => {
    fc.assert(
      fc.property(definitionArb, instantArb, instantArb, instantArb, (definition, x, y, z) => {
        const [a, m, b] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const cal = compile(definition);
        expect(cal.workingMsBetween(a, m) + cal.workingMsBetween(m, b)).toBe(cal.workingMsBetween(a, b));
      }),
      { numRuns: 150 },
    );
  });

  it('never exceeds wall time and is never negative', () => {
    fc.assert(
      fc.property(definitionArb, instantArb, instantArb, (definition, a, b) => {
        const ms = compile(definition).workingMsBetween(a, b);
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThanOrEqual(Math.max(0, b - a));
      }),
      { numRuns: 150 },
    );
  });

  it('24x7 is plain subtraction, and so is an all-day-every-day calendar in any zone (DST included)', () => {
    const everyDay = new Map(
      ZONES.map((timeZone) => [
        timeZone,
        compileCalendar(
          parseCalendarDefinition({
            name: 'always',
            timeZone,
            windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: 0, end: DAY })),
          }),
        ),
      ]),
    );
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instantArb, instantArb, (zone, a, b) => {
        expect(normalHoursCalendar.workingMsBetween(a, b)).toBe(Math.max(0, b - a));
        expect(everyDay.get(zone)!.workingMsBetween(a, b)).toBe(Math.max(0, b - a));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with a per-day stepping reference', () => {
    fc.assert(
      fc.property(definitionArb, instantArb, fc.integer({ min: 0, max: 40 * DAY }), (definition, a, span) => {
        expect(compile(definition).workingMsBetween(a, a + span)).toBe(referenceWorkingMs(definition, a, a + span));
      }),
      { numRuns: 120 },
    );
  });
});

// --- timelines -------------------------------------------------------------------------

const STATUSES = ['1', '2', '3', '4'];

const historyArb: fc.Arbitrary<{ history: IssueHistory; now: number }> = fc
  .record({
    created: instantArb,
    steps: fc.array(
      fc.record({
        gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 * DAY })),
        to: fc.constantFrom(...STATUSES),
        field: fc.constantFrom<'status' | 'assignee'>('status', 'status', 'assignee'),
      }),
      { maxLength: 12 },
    ),
    initial: fc.constantFrom(...STATUSES),
    tail: fc.integer({ min: 0, max: 10 * DAY }),
  })
  .map(({ created, steps, initial, tail }) => {
    const changes: FieldChange[] = [];
    let at = created;
    let status = initial;
    let assignee: string | null = null;
    steps.forEach((step, index) => {
      at += step.gap;
      if (step.field === 'status') {
        changes.push({ changeId: String(1000 + index), at, field: 'status', from: status, to: step.to });
        status = step.to;
      } else {
        const to = `user-${step.to}`;
        changes.push({ changeId: String(1000 + index), at, field: 'assignee', from: assignee, to });
        assignee = to;
      }
    });
    return {
      history: { issueId: '1', issueKey: 'P-1', created, status, assignee, changes },
      now: at + tail,
    };
  });

describe('timeline properties', () => {
  it('24x7: visits cover created..now exactly, so durations sum to the wall time', () => {
    fc.assert(
      fc.property(historyArb, ({ history, now }) => {
        const timeline = buildTimeline(history, { now });
        let sum = 0;
        for (const ms of statusDurations(timeline, normalHoursCalendar).values()) sum += ms;
        expect(sum).toBe(now - history.created);
        let assigned = 0;
        for (const ms of assigneeDurations(timeline, normalHoursCalendar).values()) assigned += ms;
        expect(assigned).toBe(now - history.created);
      }),
      { numRuns: 300 },
    );
  });

  it('results do not depend on the order of the changelog input', () => {
    fc.assert(
      fc.property(historyArb, fc.infiniteStream(fc.nat()), definitionArb, ({ history, now }, randoms, definition) => {
        const shuffled = [...history.changes];
        for (let i = shuffled.length - 1; i > 0; i -= 1) {
          const j = randoms.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const cal = compile(definition);
        const a = buildTimeline(history, { now });
        const b = buildTimeline({ ...history, changes: shuffled }, { now });
        expect(statusDurations(b, cal)).toEqual(statusDurations(a, cal));
        expect(statusCounts(b)).toEqual(statusCounts(a));
        expect(expandedVisits(b, cal)).toEqual(expandedVisits(a, cal));
      }),
      { numRuns: 150 },
    );
  });

  it('a working calendar never gives a status more than its wall time', () => {
    fc.assert(
      fc.property(historyArb, definitionArb, ({ history, now }, definition) => {
        const timeline = buildTimeline(history, { now });
        const wall = statusDurations(timeline, normalHoursCalendar);
        for (const [status, ms] of statusDurations(timeline, compile(definition))) {
          expect(ms).toBeLessThanOrEqual(wall.get(status)!);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('trimming into adjacent windows splits durations exactly', () => {
    fc.assert(
      fc.property(historyArb, instantArb, definitionArb, ({ history, now }, cut, definition) => {
        const cal = compile(definition);
        const whole = statusDurations(buildTimeline(history, { now }), cal);
        const left = statusDurations(buildTimeline(history, { now, trim: { end: cut } }), cal);
        const right = statusDurations(buildTimeline(history, { now, trim: { start: cut } }), cal);
        for (const [status, ms] of whole) {
          expect((left.get(status) ?? 0) + (right.get(status) ?? 0)).toBe(ms);
        }
      }),
      { numRuns: 150 },
    );
  });
});
