// Editing state of a calendar and its translation to and from the stored definition.
// Times are edited as HH:MM (24:00 allowed as an end); the server validates the rest and
// reports every problem with its path, which fieldIssues() sorts to the fields.
import type { CalendarView } from '../../../src/contract/report-config';
import type { ResolverCallError } from '../shared/resolver-client';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export interface WindowDraft {
  key: number;
  weekday: number;
  start: string;
  end: string;
}

export interface HolidayDraft {
  key: number;
  date: string;
  recurring: boolean;
  name: string;
}

export interface CalendarDraft {
  name: string;
  timeZone: string;
  windows: WindowDraft[];
  holidays: HolidayDraft[];
}

let nextKey = 1;
export const newKey = (): number => nextKey++;

export function formatClock(ms: number): string {
  const hours = Math.floor(ms / HOUR_MS);
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** HH:MM (or H:MM) to ms since midnight; 24:00 is allowed. Undefined when not a time. */
export function parseClock(text: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * HOUR_MS + minutes * MINUTE_MS;
}

export function defaultTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function emptyDraft(): CalendarDraft {
  return {
    name: '',
    timeZone: defaultTimeZone(),
    windows: [1, 2, 3, 4, 5].map((weekday) => ({ key: newKey(), weekday, start: '09:00', end: '17:00' })),
    holidays: [],
  };
}

export function draftOf(calendar: CalendarView): CalendarDraft {
  return {
    name: calendar.name,
    timeZone: calendar.timeZone,
    windows: calendar.windows.map((window) => ({ key: newKey(), weekday: window.weekday, start: formatClock(window.start), end: formatClock(window.end) })),
    holidays: calendar.holidays.map((holiday) => ({ key: newKey(), date: holiday.date, recurring: holiday.recurring, name: holiday.name ?? '' })),
  };
}

/** Field path (as the server names it, e.g. `calendar.windows[0].end`) to messages. */
export type FieldErrors = Record<string, string[]>;

export function addError(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}

/**
 * The definition to send, or every problem at once. Unreadable times can only be caught
 * here, and a form that stopped at them would report the rest in a second round; so when
 * the form has its own problems it also checks, in the server's words, what the server
 * would refuse next (a missing name, an end before its start, overlapping rows).
 */
export function toDefinition(draft: CalendarDraft): { calendar: unknown } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const windows = draft.windows.map((window, index) => {
    const start = parseClock(window.start);
    const end = parseClock(window.end);
    if (start === undefined) addError(errors, `calendar.windows[${index}].start`, 'Enter the start as HH:MM, such as 09:00.');
    if (end === undefined) addError(errors, `calendar.windows[${index}].end`, 'Enter the end as HH:MM, such as 17:00 or 24:00.');
    return { weekday: window.weekday, start: start ?? 0, end: end ?? 0, readable: start !== undefined && end !== undefined };
  });
  draft.holidays.forEach((holiday, index) => {
    if (!holiday.date) addError(errors, `calendar.holidays[${index}].date`, 'Pick the date of the holiday.');
  });
  if (Object.keys(errors).length > 0) {
    if (!draft.name.trim()) addError(errors, 'calendar.name', 'Give the calendar a name.');
    if (windows.length === 0) addError(errors, 'calendar.windows', 'Add at least one row of working hours.');
    windows.forEach((window, index) => {
      if (!window.readable) return;
      if (window.end <= window.start) {
        addError(errors, `calendar.windows[${index}].end`, `The end (${formatClock(window.end)}) must be after the start (${formatClock(window.start)}).`);
        return;
      }
      const earlier = windows.findIndex(
        (other, otherIndex) =>
          otherIndex < index &&
          other.readable &&
          other.weekday === window.weekday &&
          other.end > other.start &&
          other.start < window.end &&
          window.start < other.end,
      );
      const other = windows[earlier];
      if (other) {
        const day = WEEKDAYS[window.weekday - 1] ?? String(window.weekday);
        addError(
          errors,
          `calendar.windows[${index}]`,
          `${day} ${formatClock(window.start)}-${formatClock(window.end)} overlaps row ${earlier + 1} (${day} ${formatClock(other.start)}-${formatClock(other.end)}).`,
        );
      }
    });
    return { errors };
  }
  const holidays = draft.holidays.map((holiday) => ({
    date: holiday.date,
    recurring: holiday.recurring,
    ...(holiday.name.trim() ? { name: holiday.name.trim() } : {}),
  }));
  return {
    calendar: { name: draft.name.trim(), timeZone: draft.timeZone, windows: windows.map(({ weekday, start, end }) => ({ weekday, start, end })), holidays },
  };
}

/** The server's problems by field; a CONFLICT (duplicate name) belongs to the name. */
export function serverErrors(error: ResolverCallError): FieldErrors {
  const errors: FieldErrors = {};
  if (error.code === 'CONFLICT') {
    addError(errors, 'calendar.name', error.message);
    return errors;
  }
  if (error.issues.length > 0) {
    for (const issue of error.issues) addError(errors, issue.field, issue.message);
  } else if (error.field) {
    addError(errors, error.field, error.message);
  }
  return errors;
}

/** Fields the form shows messages for; anything else goes to the summary at the top. */
export function isShownField(field: string, draft: CalendarDraft): boolean {
  if (['calendar.name', 'calendar.timeZone', 'calendar.windows', 'calendar.holidays'].includes(field)) return true;
  const window = /^calendar\.windows\[(\d+)\](?:\.(start|end|weekday))?$/.exec(field);
  if (window) return Number(window[1]) < draft.windows.length;
  const holiday = /^calendar\.holidays\[(\d+)\](?:\.(date|recurring|name))?$/.exec(field);
  if (holiday) return Number(holiday[1]) < draft.holidays.length;
  return false;
}

export function summarizeWindows(calendar: CalendarView): string {
  const byDay = new Map<number, string[]>();
  for (const window of [...calendar.windows].sort((a, b) => a.weekday - b.weekday || a.start - b.start)) {
    const list = byDay.get(window.weekday) ?? [];
    list.push(`${formatClock(window.start)}–${formatClock(window.end)}`);
    byDay.set(window.weekday, list);
  }
  return [...byDay].map(([weekday, ranges]) => `${WEEKDAYS[weekday - 1]?.slice(0, 3) ?? weekday} ${ranges.join(', ')}`).join('; ');
}
