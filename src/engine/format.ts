// How a duration in ms is shown (`viewFormat`) and how long a "day" is (`dayLength`).
import { DAY_MS } from './calendar/calendar-definition';
import type { WorkingTimeCalendar } from './calendar/working-time';

export type ViewFormat = 'ms' | 'seconds' | 'minutes' | 'hours' | 'days' | 'readable';
export type DayLength = '24HourDays' | 'businessDays';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * ms in one displayed day: 24 h, or under `businessDays` the calendar's working-day
 * length (8 h for Mon-Fri 09:00-17:00; 24 h for normalHours). A calendar with no working
 * time falls back to 24 h rather than dividing by zero.
 */
export function dayLengthMs(dayLength: DayLength, calendar: WorkingTimeCalendar): number {
  if (dayLength === '24HourDays') return DAY_MS;
  return calendar.workingDayMs > 0 ? calendar.workingDayMs : DAY_MS;
}

export interface FormatOptions {
  viewFormat: ViewFormat;
  /** ms per day for `days` and the `d` part of `readable`; default 24 h. */
  dayLengthMs?: number;
  /** Decimals for seconds/minutes/hours/days; default 2 (as in `10314.38`). */
  decimals?: number;
}

/**
 * Formats a non-negative duration. Decimal formats use a fixed number of decimals;
 * `readable` rounds to the nearest minute and then splits into days (of dayLengthMs),
 * hours and minutes, leaving out zero parts: `1d 6h 32m`, `2h`, `0m`. Hours and minutes
 * are always 60-minute hours; only the day changes length under businessDays.
 */
export function formatDuration(ms: number, options: FormatOptions): string {
  const dayMs = options.dayLengthMs ?? DAY_MS;
  const decimals = options.decimals ?? 2;
  const value = Math.max(0, ms);
  switch (options.viewFormat) {
    case 'ms':
      return String(Math.round(value));
    case 'seconds':
      return (value / 1000).toFixed(decimals);
    case 'minutes':
      return (value / MINUTE_MS).toFixed(decimals);
    case 'hours':
      return (value / HOUR_MS).toFixed(decimals);
    case 'days':
      return (value / dayMs).toFixed(decimals);
    case 'readable':
      return formatReadable(value, dayMs);
  }
}

function formatReadable(ms: number, dayMs: number): string {
  const totalMinutes = Math.round(ms / MINUTE_MS);
  const minutesPerDay = Math.max(1, Math.round(dayMs / MINUTE_MS));
  const days = Math.floor(totalMinutes / minutesPerDay);
  const rest = totalMinutes - days * minutesPerDay;
  const hours = Math.floor(rest / 60);
  const minutes = rest % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days}d`);
  if (hours > 0) parts.push(`${hours}h`);
  if (minutes > 0 || parts.length === 0) parts.push(`${minutes}m`);
  return parts.join(' ');
}

const VIEW_FORMAT_ALIASES: Record<string, ViewFormat> = {
  ms: 'ms',
  milliseconds: 'ms',
  seconds: 'seconds',
  minutes: 'minutes',
  hours: 'hours',
  days: 'days',
};

/**
 * Reads a `viewFormat` parameter case-insensitively. Known decimal units map to
 * themselves; `readable` or an example of it (`1d 6h 32m`, `1d6h`) means
 * readable; otherwise undefined so the caller can reject it.
 */
export function parseViewFormat(text: string): ViewFormat | undefined {
  const key = text.trim().toLowerCase();
  const known = VIEW_FORMAT_ALIASES[key];
  if (known !== undefined) return known;
  if (key === 'readable' || /^(\d+\s*[dhm]\s*)+$/.test(key)) return 'readable';
  return undefined;
}
