// Working time between two instants under a calendar, in O(log n) per interval.
//
// A compiled calendar holds, for a contiguous range of local years, every working
// interval as epoch ms [start, end) in sorted typed arrays plus a prefix sum of working
// time, and a day index: for each 24 h bucket of epoch time, the first interval not yet
// over when the bucket starts. The cumulative working time W(t) is then a bucket lookup
// plus a scan over the few intervals of one day (at most 20 windows per weekday), so
// O(1); the working time in [a, b) is W(b) - W(a). Because intervals are stored as real instants (converted from
// wall-clock windows with the zone's rules when the year is built), a 23 h or 25 h DST
// day needs no special case at lookup time. luxon runs only while a year is built.
import { DateTime, IANAZone } from 'luxon';
import { DAY_MS, parseLocalDate, type CalendarDefinition, type IsoWeekday } from './calendar-definition';

export interface WorkingTimeCalendar {
  /** 'normalHours' for 24x7, 'working' for a calendar with windows and holidays. */
  readonly kind: 'normalHours' | 'working';
  /**
   * The length of a working day, for `dayLength=businessDays`: 24 h for 24x7; for a
   * working calendar, the nominal working total (sum of its windows) shared by the most
   * weekdays, ties going to the longer total. Mon-Fri 09:00-17:00 gives 8 h; a week of
   * four 8 h days and one 6 h Friday still gives 8 h.
   */
  readonly workingDayMs: number;
  /** Working ms in [start, end); 0 when end <= start. Never negative, never above end - start. */
  workingMsBetween(start: number, end: number): number;
}

/** 24x7: working time is wall time. */
export const normalHoursCalendar: WorkingTimeCalendar = {
  kind: 'normalHours',
  workingDayMs: DAY_MS,
  workingMsBetween(start: number, end: number): number {
    return end > start ? end - start : 0;
  },
};

/**
 * Instants outside these bounds are clamped: no Jira issue lives there, and the bound
 * keeps a corrupt timestamp from making us build millions of years of intervals.
 */
export const CALENDAR_MIN_INSTANT = Date.UTC(1900, 0, 1);
export const CALENDAR_MAX_INSTANT = Date.UTC(2200, 0, 1);

interface YearBlock {
  /** Epoch ms of local midnight starting Jan 1 of the year. */
  startMs: number;
  /** Epoch ms of local midnight starting Jan 1 of the next year. */
  endMs: number;
  starts: number[];
  ends: number[];
}

/** Sorted, merged windows per ISO weekday (index 1..7), as [start, end) ms pairs. */
function windowsByWeekday(definition: CalendarDefinition): number[][] {
  const days: number[][] = [[], [], [], [], [], [], [], []];
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    const list = definition.windows
      .filter((w) => w.weekday === weekday && w.end > w.start)
      .map((w) => [Math.max(0, w.start), Math.min(DAY_MS, w.end)] as const)
      .sort((a, b) => a[0] - b[0]);
    const flat: number[] = [];
    for (const [start, end] of list) {
      const lastEnd = flat[flat.length - 1];
      if (lastEnd !== undefined && start <= lastEnd) flat[flat.length - 1] = Math.max(lastEnd, end);
      else flat.push(start, end);
    }
    days[weekday] = flat;
  }
  return days;
}

/** See WorkingTimeCalendar.workingDayMs for the rule. */
export function nominalWorkingDayMs(definition: CalendarDefinition): number {
  const days = windowsByWeekday(definition);
  const frequency = new Map<number, number>();
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    const flat = days[weekday] ?? [];
    let total = 0;
    for (let i = 0; i < flat.length; i += 2) total += flat[i + 1]! - flat[i]!;
    if (total > 0) frequency.set(total, (frequency.get(total) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [total, count] of frequency) {
    if (count > bestCount || (count === bestCount && total > best)) {
      best = total;
      bestCount = count;
    }
  }
  return best;
}

/**
 * DAY_MS as a module-local literal for the lookup hot path: an imported binding compiles
 * (CommonJS via tsx/esbuild) to a getter call on every read, which profiled at ~8% of the
 * engine's time.
 */
const BUCKET_MS = 86_400_000;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export class CompiledWorkingCalendar implements WorkingTimeCalendar {
  readonly kind = 'working' as const;
  readonly workingDayMs: number;
  readonly timeZone: string;

  private readonly zone: IANAZone;
  private readonly weekdays: number[][];
  private readonly fixedHolidays = new Set<string>();
  private readonly recurringHolidays = new Set<string>();
  private readonly years = new Map<number, YearBlock>();
  private firstYear = 0;
  private endYear = 0; // exclusive
  private rangeStart = Infinity;
  private rangeEnd = -Infinity;
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  /** cumulative[i]: working ms in the built range before starts[i]; cumulative[count] is the total. */
  private cumulative = new Float64Array(1);
  private count = 0;
  /** firstOfDay[k]: first interval with end > rangeStart + k * DAY_MS. */
  private firstOfDay = new Int32Array(0);
  // Consecutive visits share boundaries (one visit's end is the next one's start), so
  // remembering the last lookup halves the binary searches on real timelines.
  private lastInstant = NaN;
  private lastCumulative = 0;

  constructor(definition: CalendarDefinition) {
    this.timeZone = definition.timeZone;
    this.zone = IANAZone.create(definition.timeZone);
    if (!this.zone.isValid) throw new RangeError(`unknown time zone ${definition.timeZone}`);
    this.weekdays = windowsByWeekday(definition);
    this.workingDayMs = nominalWorkingDayMs(definition);
    for (const holiday of definition.holidays) {
      if (parseLocalDate(holiday.date) === undefined) continue;
      if (holiday.recurring) this.recurringHolidays.add(holiday.date.slice(5));
      else this.fixedHolidays.add(holiday.date);
    }
  }

  workingMsBetween(start: number, end: number): number {
    if (!(end > start)) return 0;
    const a = start < CALENDAR_MIN_INSTANT ? CALENDAR_MIN_INSTANT : start > CALENDAR_MAX_INSTANT ? CALENDAR_MAX_INSTANT : start;
    const b = end < CALENDAR_MIN_INSTANT ? CALENDAR_MIN_INSTANT : end > CALENDAR_MAX_INSTANT ? CALENDAR_MAX_INSTANT : end;
    if (a < this.rangeStart || b >= this.rangeEnd) this.cover(a, b);
    // `a` first: on a timeline it is the previous visit's end, which the last call left in
    // the one-entry cache, so only `b` needs a lookup (asking for `b` first missed every time).
    const before = this.cumulativeAt(a);
    return this.cumulativeAt(b) - before;
  }

  /** W(t) relative to the start of the built range; t must lie inside it. */
  private cumulativeAt(t: number): number {
    if (t === this.lastInstant) return this.lastCumulative;
    const ends = this.ends;
    const count = this.count;
    let i = this.firstOfDay[Math.floor((t - this.rangeStart) / BUCKET_MS)]!;
    while (i < count && ends[i]! <= t) i += 1;
    const start = this.starts[i]!;
    // Inside interval i: the intervals before it plus the part of i up to t; otherwise
    // (between intervals, or past the last) only the intervals before i.
    const value = i < count && start <= t ? this.cumulative[i]! + t - start : this.cumulative[i]!;
    this.lastInstant = t;
    this.lastCumulative = value;
    return value;
  }

  /** Extends the built range of local years until it contains [a, b]. */
  private cover(a: number, b: number): void {
    // The local year of an instant is within one of its UTC year (offsets are < 24 h).
    const yearA = new Date(a).getUTCFullYear() - 1;
    const yearB = new Date(b).getUTCFullYear() + 1;
    if (this.years.size === 0) {
      this.firstYear = yearA;
      this.endYear = yearA;
    }
    while (this.firstYear > yearA) {
      this.firstYear -= 1;
      this.years.set(this.firstYear, this.buildYear(this.firstYear));
    }
    while (this.endYear <= yearB) {
      this.years.set(this.endYear, this.buildYear(this.endYear));
      this.endYear += 1;
    }
    this.flatten();
  }

  private flatten(): void {
    let total = 0;
    for (let year = this.firstYear; year < this.endYear; year += 1) total += this.years.get(year)!.starts.length;
    const starts = new Float64Array(total);
    const ends = new Float64Array(total);
    const cumulative = new Float64Array(total + 1);
    let index = 0;
    let sum = 0;
    let previousEnd = -Infinity;
    for (let year = this.firstYear; year < this.endYear; year += 1) {
      const block = this.years.get(year)!;
      for (let i = 0; i < block.starts.length; i += 1) {
        const start = block.starts[i]!;
        const end = block.ends[i]!;
        if (index > 0 && start <= previousEnd) {
          // Joins Mon 22:00-24:00 with Tue 00:00-06:00 (and any DST-collapsed overlap).
          if (end > previousEnd) {
            sum += end - previousEnd;
            ends[index - 1] = end;
            previousEnd = end;
          }
          continue;
        }
        starts[index] = start;
        ends[index] = end;
        cumulative[index] = sum;
        sum += end - start;
        previousEnd = end;
        index += 1;
      }
    }
    cumulative[index] = sum;
    this.starts = starts;
    this.ends = ends;
    this.cumulative = cumulative;
    this.count = index;
    this.rangeStart = this.years.get(this.firstYear)!.startMs;
    this.rangeEnd = this.years.get(this.endYear - 1)!.endMs;
    const days = Math.floor((this.rangeEnd - this.rangeStart) / DAY_MS) + 1;
    const firstOfDay = new Int32Array(days);
    let pointer = 0;
    for (let k = 0; k < days; k += 1) {
      const bucketStart = this.rangeStart + k * DAY_MS;
      while (pointer < index && ends[pointer]! <= bucketStart) pointer += 1;
      firstOfDay[k] = pointer;
    }
    this.firstOfDay = firstOfDay;
    this.lastInstant = NaN;
  }

  /** UTC offset (minutes) of the previous midnight: the guess for the next one. */
  private offsetGuess = NaN;

  private localMidnight(year: number, month: number, day: number): number {
    // Fast path: with the previous midnight's offset, midnight is a subtraction; one
    // offset lookup confirms it (an offset lookup costs a third of a luxon DateTime).
    if (!Number.isNaN(this.offsetGuess)) {
      const candidate = Date.UTC(year, month - 1, day) - this.offsetGuess * 60_000;
      if (this.zone.offset(candidate) === this.offsetGuess) return candidate;
    }
    // For zones whose DST starts at 00:00 (e.g. America/Santiago) midnight does not exist;
    // luxon moves it forward to 01:00, which is when that day really begins.
    const midnight = DateTime.fromObject({ year, month, day }, { zone: this.zone }).toMillis();
    this.offsetGuess = this.zone.offset(midnight);
    return midnight;
  }

  private wallClock(year: number, month: number, day: number, ms: number): number {
    const hour = Math.floor(ms / 3_600_000);
    const minute = Math.floor((ms % 3_600_000) / 60_000);
    const second = Math.floor((ms % 60_000) / 1000);
    const millisecond = ms % 1000;
    // Wall times inside a spring-forward gap are moved forward by luxon; ambiguous times
    // in a fall-back overlap take the earlier offset. Both keep the mapping monotonic.
    return DateTime.fromObject({ year, month, day, hour, minute, second, millisecond }, { zone: this.zone }).toMillis();
  }

  private buildYear(year: number): YearBlock {
    const starts: number[] = [];
    const ends: number[] = [];
    // Civil-date arithmetic in UTC: only the calendar date matters here, not the zone.
    const cursor = new Date(Date.UTC(year, 0, 1));
    let midnight = this.localMidnight(year, 1, 1);
    const startMs = midnight;
    while (cursor.getUTCFullYear() === year) {
      const month = cursor.getUTCMonth() + 1;
      const day = cursor.getUTCDate();
      const isoWeekday = (((cursor.getUTCDay() + 6) % 7) + 1) as IsoWeekday;
      cursor.setUTCDate(day + 1);
      const nextMidnight = this.localMidnight(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, cursor.getUTCDate());
      const windows = this.weekdays[isoWeekday] ?? [];
      const monthDay = `${pad2(month)}-${pad2(day)}`;
      const holiday = windows.length > 0 && (this.recurringHolidays.has(monthDay) || this.fixedHolidays.has(`${year}-${monthDay}`));
      if (!holiday) {
        // A plain 24 h day has no offset change inside, so wall time maps by addition;
        // only DST-change days pay for a zone conversion per window boundary.
        const plainDay = nextMidnight - midnight === DAY_MS;
        for (let i = 0; i < windows.length; i += 2) {
          const from = windows[i]!;
          const to = windows[i + 1]!;
          const start = plainDay ? midnight + from : this.wallClock(year, month, day, from);
          const end = to === DAY_MS ? nextMidnight : plainDay ? midnight + to : this.wallClock(year, month, day, to);
          if (end > start) {
            starts.push(start);
            ends.push(end);
          }
        }
      }
      midnight = nextMidnight;
    }
    return { startMs, endMs: midnight, starts, ends };
  }
}

/** Compiles a validated definition; reuse the result across a report (it caches years). */
export function compileCalendar(definition: CalendarDefinition): WorkingTimeCalendar {
  return new CompiledWorkingCalendar(definition);
}
