// A working calendar as admins define it and as it is stored: a time zone, working
// windows per ISO weekday (ms since local midnight, wall-clock time) and holidays.
// The schema checks shapes; the refinement checks what shapes cannot say (real zone,
// real dates, overlaps) and reports every problem with its field path.
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { FieldError, type FieldProblem } from '../../kernel/errors';
import { echo } from '../../kernel/echo';

export const DAY_MS = 86_400_000;
export const MAX_WINDOWS_PER_WEEKDAY = 20;
export const MAX_HOLIDAYS = 1000;
export const MAX_CALENDAR_NAME_LENGTH = 200;
/** Holidays outside these years are almost certainly typos (e.g. 0202-12-25). */
export const MIN_HOLIDAY_YEAR = 1970;
export const MAX_HOLIDAY_YEAR = 2200;

/** ISO weekday: 1 = Monday ... 7 = Sunday (luxon's and ISO 8601's numbering). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * Working time on one weekday: [start, end) in ms since local midnight, read as wall-clock
 * time in the calendar's zone. `end` may be 86,400,000 (24:00) so a night shift is written
 * as Mon 22:00-24:00 plus Tue 00:00-06:00; the two pieces join seamlessly. A window never
 * crosses midnight, which keeps each local day self-contained (a holiday on Tuesday then
 * removes exactly Tuesday's part of the shift).
 */
export interface WorkingWindow {
  weekday: IsoWeekday;
  start: number;
  end: number;
}

/** A local date off work; `recurring` repeats its month and day every year. */
export interface Holiday {
  /** YYYY-MM-DD. For a recurring Feb 29, only leap years have the holiday. */
  date: string;
  recurring: boolean;
  name?: string;
}

export interface CalendarDefinition {
  name: string;
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  windows: WorkingWindow[];
  holidays: Holiday[];
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD into numbers when it names a real calendar date. */
export function parseLocalDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return { year, month, day };
}

function formatClock(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  const rest = ms % 60_000;
  return rest === 0 ? `${hh}:${mm}` : `${hh}:${mm} (+${rest} ms)`;
}

const windowSchema = z
  .object({
    weekday: z
      .number({ error: 'weekday must be a number from 1 (Monday) to 7 (Sunday)' })
      .int('weekday must be a whole number from 1 (Monday) to 7 (Sunday)')
      .min(1, 'weekday must be from 1 (Monday) to 7 (Sunday)')
      .max(7, 'weekday must be from 1 (Monday) to 7 (Sunday)'),
    start: z
      .number({ error: 'start must be a number of ms since local midnight' })
      .int('start must be a whole number of ms')
      .min(0, 'start cannot be before midnight (0)')
      .max(DAY_MS - 1, 'start must be before 24:00 (86400000 ms)'),
    end: z
      .number({ error: 'end must be a number of ms since local midnight' })
      .int('end must be a whole number of ms')
      .min(1, 'end must be after midnight')
      .max(DAY_MS, 'end cannot be after 24:00 (86400000 ms); split a night shift at midnight'),
  })
  .transform((w) => ({ ...w, weekday: w.weekday as IsoWeekday }));

const holidaySchema = z.object({
  date: z.string({ error: 'date must be a string YYYY-MM-DD' }).superRefine((text, ctx) => {
    const date = parseLocalDate(text);
    if (date === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${echo(text)}" is not a real date in the form YYYY-MM-DD` });
    } else if (date.year < MIN_HOLIDAY_YEAR || date.year > MAX_HOLIDAY_YEAR) {
      ctx.addIssue({ code: 'custom', message: `year ${date.year} is outside ${MIN_HOLIDAY_YEAR}-${MAX_HOLIDAY_YEAR}` });
    }
  }),
  recurring: z.boolean({ error: 'recurring must be true or false' }).default(false),
  name: z.string().max(MAX_CALENDAR_NAME_LENGTH, `name is longer than ${MAX_CALENDAR_NAME_LENGTH} characters`).optional(),
});

export const calendarDefinitionSchema = z
  .object({
    name: z
      .string({ error: 'name is required' })
      .trim()
      .min(1, 'name is required')
      .max(MAX_CALENDAR_NAME_LENGTH, `name is longer than ${MAX_CALENDAR_NAME_LENGTH} characters`),
    timeZone: z
      .string({ error: 'timeZone must be an IANA time zone name such as Europe/Berlin' })
      // Checked per field so a bad zone is reported together with other field errors.
      .refine((zone) => IANAZone.isValidZone(zone), {
        error: (issue) => `unknown time zone "${echo(String(issue.input))}"; use an IANA name such as Europe/Berlin`,
      }),
    windows: z.array(windowSchema, { error: 'windows must be a list of working windows' }),
    holidays: z.array(holidaySchema, { error: 'holidays must be a list' }).max(MAX_HOLIDAYS, `a calendar holds at most ${MAX_HOLIDAYS} holidays`).default([]),
  })
  .superRefine((calendar, ctx) => {
    if (calendar.windows.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['windows'], message: 'a calendar needs at least one working window' });
    }
    const byWeekday = new Map<number, { index: number; window: WorkingWindow }[]>();
    calendar.windows.forEach((window, index) => {
      if (window.end <= window.start) {
        ctx.addIssue({
          code: 'custom',
          path: ['windows', index, 'end'],
          message: `end (${formatClock(window.end)}) must be after start (${formatClock(window.start)})`,
        });
        return;
      }
      const list = byWeekday.get(window.weekday) ?? [];
      list.push({ index, window });
      byWeekday.set(window.weekday, list);
    });
    for (const [weekday, list] of byWeekday) {
      const dayName = WEEKDAY_NAMES[weekday - 1] ?? String(weekday);
      if (list.length > MAX_WINDOWS_PER_WEEKDAY) {
        ctx.addIssue({
          code: 'custom',
          path: ['windows'],
          message: `${dayName} has ${list.length} windows; at most ${MAX_WINDOWS_PER_WEEKDAY} per weekday`,
        });
      }
      const sorted = [...list].sort((a, b) => a.window.start - b.window.start || a.index - b.index);
      for (let i = 1; i < sorted.length; i += 1) {
        const previous = sorted[i - 1]!;
        const current = sorted[i]!;
        // Touching windows (12:00-13:00 after 09:00-12:00) are fine; they simply join.
        if (current.window.start < previous.window.end) {
          const later = Math.max(previous.index, current.index);
          const earlier = Math.min(previous.index, current.index);
          const a = calendar.windows[earlier]!;
          const b = calendar.windows[later]!;
          ctx.addIssue({
            code: 'custom',
            path: ['windows', later],
            message:
              `${dayName} ${formatClock(b.start)}-${formatClock(b.end)} overlaps ` + `windows[${earlier}] (${formatClock(a.start)}-${formatClock(a.end)})`,
          });
        }
      }
    }
    const seenFixed = new Map<string, number>();
    const seenRecurring = new Map<string, number>();
    calendar.holidays.forEach((holiday, index) => {
      const key = holiday.recurring ? holiday.date.slice(5) : holiday.date;
      const seen = holiday.recurring ? seenRecurring : seenFixed;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', index, 'date'],
          message: `${holiday.recurring ? 'recurring ' : ''}holiday ${key} is already listed at holidays[${first}]`,
        });
      } else {
        seen.set(key, index);
      }
    });
  });

/** zod paths are arrays; people read `windows[2].end`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

export type CalendarValidationResult = { ok: true; value: CalendarDefinition } | { ok: false; issues: FieldProblem[] };

/** Validates untrusted input (a resolver payload, a row read back) without throwing. */
export function validateCalendarDefinition(input: unknown): CalendarValidationResult {
  const result = calendarDefinitionSchema.safeParse(input);
  if (result.success) {
    const value: CalendarDefinition = {
      name: result.data.name,
      timeZone: result.data.timeZone,
      windows: result.data.windows,
      holidays: result.data.holidays.map((h) =>
        h.name === undefined ? { date: h.date, recurring: h.recurring } : { date: h.date, recurring: h.recurring, name: h.name },
      ),
    };
    return { ok: true, value };
  }
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ field: formatIssuePath(issue.path), message: issue.message })),
  };
}

/** Like validateCalendarDefinition, but throws a FieldError listing every issue. */
export function parseCalendarDefinition(input: unknown): CalendarDefinition {
  const result = validateCalendarDefinition(input);
  if (!result.ok)
    throw new FieldError(result.issues, {
      message: `Invalid calendar: ${result.issues.map((i) => (i.field === '' ? i.message : `${i.field}: ${i.message}`)).join('; ')}`,
    });
  return result.value;
}
