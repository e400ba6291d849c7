// Dates and times as people read them, in Jira's locale (see locale.ts) and the browser's
// time zone. Instants arrive as ISO 8601 strings in UTC.
import { pageLocale } from './locale';

const DAY_MS = 24 * 60 * 60 * 1000;

function parseInstant(iso: string): Date {
  return new Date(iso);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(pageLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(parseInstant(iso));
}

/**
 * An expiry given as a date (`2099-12-31`) is stored as the next UTC midnight: the token
 * works through that day. Showing "1 Jan 2100, 01:00" for it would surprise the person who
 * picked 31 Dec 2099, so UTC-midnight expiries are shown as the last day they cover.
 */
export function expiryAsDay(iso: string): string | undefined {
  const instant = parseInstant(iso);
  if (instant.getUTCHours() !== 0 || instant.getUTCMinutes() !== 0 || instant.getUTCSeconds() !== 0 || instant.getUTCMilliseconds() !== 0) {
    return undefined;
  }
  const lastDay = new Date(instant.getTime() - DAY_MS);
  return lastDay.toISOString().slice(0, 10);
}

export function formatExpiry(iso: string): string {
  const day = expiryAsDay(iso);
  if (day === undefined) return formatDateTime(iso);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(pageLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, date)));
}

/** Whole days from now until the instant, rounded up: 0 means "today". */
export function daysUntil(iso: string, now: number): number {
  return Math.ceil((parseInstant(iso).getTime() - now) / DAY_MS);
}

const relativeUnits: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
];

export function formatRelative(iso: string, now: number): string {
  const delta = parseInstant(iso).getTime() - now;
  const format = new Intl.RelativeTimeFormat(pageLocale(), { numeric: 'auto' });
  for (const [unit, size] of relativeUnits) {
    if (Math.abs(delta) >= size) return format.format(Math.round(delta / size), unit);
  }
  return 'just now';
}

/** A local calendar date `days` from today, as YYYY-MM-DD (what the expiry payload takes). */
export function localDatePlusDays(days: number, now: number): string {
  const date = new Date(now);
  date.setDate(date.getDate() + days);
  return toIsoDate(date);
}

export function toIsoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function pluralise(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A measured duration: "840 ms" under a second, "2.4 s" under a minute, then "3 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
