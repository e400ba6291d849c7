// Engine throughput: intervals (status visits) measured per second on 100,000 generated
// issues, under 24x7 and under a working calendar with holidays, against a straightforward
// per-day stepping implementation kept here as the baseline. Prints figures; asserts nothing
// about wall time (the machine is shared).
import { DateTime } from 'luxon';
import { seededRandom } from '../../dev/jira-emulator/generator';
import {
  buildTimeline,
  compileCalendar,
  normalHoursCalendar,
  parseCalendarDefinition,
  statusDurations,
  type CalendarDefinition,
  type FieldChange,
  type IssueHistory,
  type WorkingTimeCalendar,
} from '../../src/engine';

const ISSUES = 100_000;
const BASELINE_ISSUES = Number(process.env.BASELINE_ISSUES ?? 200);
const HOUR = 3_600_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1, 12);

const STATUSES = ['1', '3', '10001', '10002', '6', '5'];

function generateIssues(count: number, seed: number): IssueHistory[] {
  const random = seededRandom(seed);
  const issues: IssueHistory[] = [];
  let changeId = 10_000;
  for (let n = 0; n < count; n += 1) {
    const created = Date.UTC(2022, 0, 1) + Math.floor(random() * 3 * 365 * DAY);
    const changes: FieldChange[] = [];
    let at = created;
    let status = '1';
    let assignee: string | null = null;
    const steps = 1 + Math.floor(random() * 12);
    for (let i = 0; i < steps; i += 1) {
      // Mostly hours to days apart, sometimes weeks; a few changes share an instant.
      const gap = random() < 0.05 ? 0 : Math.floor(-Math.log(1 - random()) * (random() < 0.8 ? 1 : 10) * DAY);
      at += gap;
      if (at >= NOW) break;
      if (random() < 0.25) {
        const to = `user-${Math.floor(random() * 50)}`;
        changes.push({ changeId: String((changeId += 1)), at, field: 'assignee', from: assignee, to });
        assignee = to;
      } else {
        const to = STATUSES[Math.floor(random() * STATUSES.length)]!;
        changes.push({ changeId: String((changeId += 1)), at, field: 'status', from: status, to });
        status = to;
      }
    }
    // The bulk changelog API does not promise order; shuffle a little like real input.
    if (changes.length > 2 && random() < 0.3) changes.reverse();
    issues.push({ issueId: String(n), issueKey: `BENCH-${n}`, created, status, assignee, changes });
  }
  return issues;
}

const officeDefinition: CalendarDefinition = parseCalendarDefinition({
  name: 'Berlin office with holidays',
  timeZone: 'Europe/Berlin',
  windows: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: 8 * HOUR, end: 12 * HOUR },
    { weekday, start: 13 * HOUR, end: 17 * HOUR },
  ]),
  holidays: [
    { date: '2020-01-01', recurring: true },
    { date: '2020-05-01', recurring: true },
    { date: '2020-10-03', recurring: true },
    { date: '2020-12-24', recurring: true },
    { date: '2020-12-25', recurring: true },
    { date: '2020-12-26', recurring: true },
    { date: '2022-04-15', recurring: false },
    { date: '2022-04-18', recurring: false },
    { date: '2023-04-07', recurring: false },
    { date: '2023-04-10', recurring: false },
    { date: '2024-03-29', recurring: false },
    { date: '2024-04-01', recurring: false },
    { date: '2025-04-18', recurring: false },
    { date: '2025-04-21', recurring: false },
  ],
});

/**
 * The baseline: what one writes first. For each interval, walk the local days it touches
 * with luxon, and add the overlap of each working window of that day.
 */
function perDaySteppingWorkingMs(definition: CalendarDefinition, start: number, end: number): number {
  if (!(end > start)) return 0;
  const zone = definition.timeZone;
  const fixed = new Set(definition.holidays.filter((h) => !h.recurring).map((h) => h.date));
  const recurring = new Set(definition.holidays.filter((h) => h.recurring).map((h) => h.date.slice(5)));
  let day = DateTime.fromMillis(start, { zone }).startOf('day');
  let total = 0;
  while (day.toMillis() < end) {
    const date = day.toISODate()!;
    const next = day.plus({ days: 1 }).startOf('day');
    if (!fixed.has(date) && !recurring.has(date.slice(5))) {
      for (const window of definition.windows) {
        if (window.weekday !== day.weekday) continue;
        const from = day.set({ hour: Math.floor(window.start / HOUR), minute: Math.floor((window.start % HOUR) / 60_000) });
        const to = window.end === DAY ? next : day.set({ hour: Math.floor(window.end / HOUR), minute: Math.floor((window.end % HOUR) / 60_000) });
        const overlap = Math.min(end, to.toMillis()) - Math.max(start, from.toMillis());
        if (overlap > 0) total += overlap;
      }
    }
    day = next;
  }
  return total;
}

interface Interval {
  start: number;
  end: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** Runs `work` `repeats` times after one warm-up and returns the median seconds. */
function timeIt(repeats: number, work: () => number): { seconds: number; checksum: number } {
  let checksum = work();
  const runs: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const t0 = performance.now();
    checksum = work();
    runs.push((performance.now() - t0) / 1000);
  }
  return { seconds: median(runs), checksum };
}

const rate = (count: number, seconds: number): string => {
  const perSecond = count / seconds;
  return perSecond >= 1e5 ? `${(perSecond / 1e6).toFixed(2)} M intervals/s` : `${perSecond.toFixed(0)} intervals/s`;
};

export async function run(): Promise<void> {
  const t0 = performance.now();
  const issues = generateIssues(ISSUES, 42);
  const intervals: Interval[] = [];
  for (const issue of issues) {
    for (const visit of buildTimeline(issue, { now: NOW }).statusVisits) intervals.push({ start: visit.start, end: visit.end });
  }
  const meanDays = intervals.reduce((s, i) => s + (i.end - i.start), 0) / intervals.length / DAY;
  console.log(
    `generated ${ISSUES.toLocaleString('en')} issues, ${intervals.length.toLocaleString('en')} status intervals ` +
      `(mean ${meanDays.toFixed(1)} days) in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
  );

  // The engine reads a changelog that is already oldest first, or exactly newest first,
  // without sorting it (one O(n) check); only other orders pay for a sort. Print the mix so
  // the figures below can be read against it, and measure the all-shuffled worst case too.
  const orderOf = (changes: readonly FieldChange[]): 'sorted' | 'reversed' | 'other' => {
    const key = (c: FieldChange) => [c.at, c.changeId.length, c.changeId] as const;
    const cmp = (x: FieldChange, y: FieldChange) => {
      const [a, b] = [key(x), key(y)];
      return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
    };
    if (changes.every((c, i) => i === 0 || cmp(changes[i - 1]!, c) <= 0)) return 'sorted';
    if (changes.every((c, i) => i === 0 || cmp(changes[i - 1]!, c) > 0)) return 'reversed';
    return 'other';
  };
  const orders = { sorted: 0, reversed: 0, other: 0 };
  for (const issue of issues) orders[orderOf(issue.changes)] += 1;
  console.log(
    `changelog order: ${orders.sorted.toLocaleString('en')} oldest first, ${orders.reversed.toLocaleString('en')} newest first, ` +
      `${orders.other.toLocaleString('en')} other (sorted by the engine)`,
  );
  const shuffleRandom = seededRandom(7);
  const shuffledIssues = issues.map((issue) => {
    const changes = [...issue.changes];
    for (let i = changes.length - 1; i > 0; i -= 1) {
      const j = Math.floor(shuffleRandom() * (i + 1));
      [changes[i], changes[j]] = [changes[j]!, changes[i]!];
    }
    return { ...issue, changes };
  });

  const office = compileCalendar(officeDefinition);
  const compileStart = performance.now();
  compileCalendar(officeDefinition).workingMsBetween(Date.UTC(2021, 0, 1), NOW);
  console.log(`compiling the working calendar for 2020-2026: ${(performance.now() - compileStart).toFixed(1)} ms (once per report)`);

  const sumIntervals = (calendar: WorkingTimeCalendar) => (): number => {
    let sum = 0;
    for (const interval of intervals) sum += calendar.workingMsBetween(interval.start, interval.end);
    return sum;
  };
  const engine =
    (calendar: WorkingTimeCalendar, input: readonly IssueHistory[] = issues) =>
    (): number => {
      let sum = 0;
      for (const issue of input) {
        for (const ms of statusDurations(buildTimeline(issue, { now: NOW }), calendar, 'total').values()) sum += ms;
      }
      return sum;
    };

  const timelinesOnly = timeIt(3, () => {
    let visits = 0;
    for (const issue of issues) visits += buildTimeline(issue, { now: NOW }).statusVisits.length;
    return visits;
  });
  const raw24 = timeIt(5, sumIntervals(normalHoursCalendar));
  const rawOffice = timeIt(5, sumIntervals(office));
  const full24 = timeIt(3, engine(normalHoursCalendar));
  const fullOffice = timeIt(3, engine(office));
  const shuffledOffice = timeIt(3, engine(office, shuffledIssues));

  // Baseline on a slice: stepping day by day through luxon is far too slow for all issues.
  const baselineIntervals: Interval[] = [];
  for (const issue of issues.slice(0, BASELINE_ISSUES)) {
    for (const visit of buildTimeline(issue, { now: NOW }).statusVisits) baselineIntervals.push({ start: visit.start, end: visit.end });
  }
  const baseline = timeIt(1, () => {
    let sum = 0;
    for (const interval of baselineIntervals) sum += perDaySteppingWorkingMs(officeDefinition, interval.start, interval.end);
    return sum;
  });
  let compiledSum = 0;
  for (const interval of baselineIntervals) compiledSum += office.workingMsBetween(interval.start, interval.end);

  console.log('working-time lookups only (workingMsBetween over every interval):');
  console.log(`  24x7                         ${rate(intervals.length, raw24.seconds)}`);
  console.log(`  working calendar + holidays  ${rate(intervals.length, rawOffice.seconds)}`);
  console.log(`building timelines only (no durations): ${rate(intervals.length, timelinesOnly.seconds)}`);
  console.log('whole engine per issue (sort changelog, build visits, statusDuration total):');
  console.log(`  24x7                         ${rate(intervals.length, full24.seconds)}  (${(ISSUES / full24.seconds / 1e6).toFixed(2)} M issues/s)`);
  console.log(`  working calendar + holidays  ${rate(intervals.length, fullOffice.seconds)}  (${(ISSUES / fullOffice.seconds / 1e6).toFixed(2)} M issues/s)`);
  console.log(`  same, every changelog shuffled ${rate(intervals.length, shuffledOffice.seconds)}  (worst case: every issue pays for a sort)`);
  console.log(`baseline: per-day stepping with luxon, ${baselineIntervals.length.toLocaleString('en')} intervals of the first ${BASELINE_ISSUES} issues:`);
  console.log(`  working calendar + holidays  ${rate(baselineIntervals.length, baseline.seconds)}`);
  console.log(
    `  ratio compiled / baseline: ${(intervals.length / rawOffice.seconds / (baselineIntervals.length / baseline.seconds)).toFixed(0)}x (lookups), ` +
      `${(intervals.length / fullOffice.seconds / (baselineIntervals.length / baseline.seconds)).toFixed(0)}x (whole engine)`,
  );
  console.log(`  results agree with the baseline: ${compiledSum === baseline.checksum ? 'yes' : `NO (${compiledSum} vs ${baseline.checksum})`}`);
  console.log(
    `checksums: 24x7 ${raw24.checksum === full24.checksum ? 'lookups = engine' : 'MISMATCH'}, ` +
      `calendar ${rawOffice.checksum === fullOffice.checksum ? 'lookups = engine' : 'MISMATCH'}, ` +
      `shuffled input ${shuffledOffice.checksum === fullOffice.checksum ? '= ordered input' : 'MISMATCH'}`,
  );
}
