// /rest/calendar, /rest/calendar/{id} and /rest/calendar/search: the calendars a report may
// name, in the TISJWT wire format's calendar object (integer id, isDefault, is7x24Calendar,
// dailyWorkingHours, workingTimes by weekday name). `normalHours` (24x7) comes first with
// id null, as the vendor lists it; it is also this API's default. A calendar is found by
// its number, its id (`calendarId`) or `normalHours`.
import type { CalendarView } from '../../contract/report-config';
import { compileCalendar } from '../../engine';
import { FieldError, fieldError, type FieldProblem } from '../../kernel/errors';
import type { NumberedCalendar } from '../../report-settings/calendars';
import { jsonResponse } from '../http';
import { refuseUnknownParams, requestPairs } from '../request-params';
import type { Route, RouteContext } from '../route';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
import { echo } from '../../kernel/echo';

export interface RestCalendar {
  /** The wire format's integer id; null for normalHours. */
  id: number | null;
  /** This API's own id: `normalHours` or the calendar's UUID (what resolvers use). */
  calendarId: string;
  name: string;
  timeZone: string;
  /** The calendar reports use when they name none: normalHours. */
  isDefault: boolean;
  is7x24Calendar: boolean;
  builtIn: boolean;
  /** The working day's length in hours (dayLength=businessDays divides by it). */
  dailyWorkingHours: number;
  allWorkingDaysHaveEqualLengths: boolean;
  /** Working windows: ms since local midnight. */
  workingTimes: Array<{ weekday: (typeof WEEKDAYS)[number]; start: number; end: number }>;
  holidays: Array<{ name: string; date: string; recurring: boolean }>;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const NORMAL_HOURS_NAME = 'normalHours';

function restCalendar(view: Pick<CalendarView, 'name' | 'timeZone' | 'windows' | 'holidays'>, ids: { id: number | null; calendarId: string }): RestCalendar {
  const byDay = new Map<number, number>();
  for (const w of view.windows) byDay.set(w.weekday, (byDay.get(w.weekday) ?? 0) + (w.end - w.start));
  const lengths = [...byDay.values()];
  const builtIn = ids.calendarId === NORMAL_HOURS_NAME;
  const workingDayMs = builtIn
    ? DAY_MS
    : compileCalendar({ name: view.name, timeZone: view.timeZone, windows: view.windows, holidays: view.holidays }).workingDayMs;
  return {
    ...ids,
    name: view.name,
    timeZone: view.timeZone,
    isDefault: builtIn,
    is7x24Calendar: view.holidays.length === 0 && byDay.size === 7 && lengths.every((ms) => ms === DAY_MS),
    builtIn,
    dailyWorkingHours: Math.round((workingDayMs / HOUR_MS) * 1000) / 1000,
    allWorkingDaysHaveEqualLengths: new Set(lengths).size <= 1,
    workingTimes: [...view.windows]
      .sort((a, b) => a.weekday - b.weekday || a.start - b.start)
      .map((w) => ({ weekday: WEEKDAYS[w.weekday - 1] ?? 'MONDAY', start: w.start, end: w.end })),
    holidays: view.holidays.map((h) => ({ name: h.name ?? '', date: h.date, recurring: h.recurring })),
  };
}

const NORMAL_HOURS: RestCalendar = restCalendar(
  {
    name: NORMAL_HOURS_NAME,
    timeZone: 'UTC',
    windows: ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, start: 0, end: DAY_MS })),
    holidays: [],
  },
  { id: null, calendarId: NORMAL_HOURS_NAME },
);

const numberedRest = (calendar: NumberedCalendar): RestCalendar => restCalendar(calendar, { id: calendar.number, calendarId: calendar.id });

async function allCalendars(context: Pick<RouteContext, 'services'>): Promise<RestCalendar[]> {
  return [NORMAL_HOURS, ...(await context.services.calendars.numbered()).map(numberedRest)];
}

/** The last value of a query parameter, matched case-insensitively. */
function lastParam(context: RouteContext, name: string): string | undefined {
  const given = requestPairs(context.request).filter(([key]) => key.toLowerCase() === name.toLowerCase());
  return given[given.length - 1]?.[1];
}

const SEARCH_TYPES = ['exact', 'contain'] as const;
/** The vendor's documented page size limit and default. */
const MAX_RESULTS = 100;
const DEFAULT_RESULTS = 10;

function wholeNumber(text: string | undefined, field: string, min: number, max: number, fallback: number, problems: FieldProblem[]): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    problems.push({ field, message: `'${text.slice(0, 20)}' is not a whole number from ${min} to ${max}` });
    return fallback;
  }
  return value;
}

export const calendarRoutes: Route[] = [
  {
    pattern: '/rest/calendar',
    methods: ['GET'],
    async handle(context) {
      refuseUnknownParams(context.request, []);
      return { response: jsonResponse(200, await allCalendars(context)) };
    },
  },
  {
    pattern: '/rest/calendar/search',
    methods: ['GET'],
    async handle(context) {
      refuseUnknownParams(context.request, ['name', 'searchType', 'pageNumber', 'maxResults']);
      const problems: FieldProblem[] = [];
      const typeText = lastParam(context, 'searchType');
      const searchType = SEARCH_TYPES.find((type) => type === (typeText ?? 'contain').trim().toLowerCase());
      if (searchType === undefined) problems.push({ field: 'searchType', message: `'${(typeText ?? '').slice(0, 20)}' is not one of exact, contain` });
      const pageNumber = wholeNumber(lastParam(context, 'pageNumber'), 'pageNumber', 0, 1_000_000, 0, problems);
      const maxResults = wholeNumber(lastParam(context, 'maxResults'), 'maxResults', 1, MAX_RESULTS, DEFAULT_RESULTS, problems);
      if (problems.length > 0) throw new FieldError(problems);
      const name = (lastParam(context, 'name') ?? '').trim().toLowerCase();
      // No name matches every calendar, whichever the search type.
      const matches = (await allCalendars(context)).filter(
        (calendar) => name === '' || (searchType === 'exact' ? calendar.name.toLowerCase() === name : calendar.name.toLowerCase().includes(name)),
      );
      const page = matches.slice(pageNumber * maxResults, (pageNumber + 1) * maxResults);
      const last = (pageNumber + 1) * maxResults >= matches.length;
      return { response: jsonResponse(200, { pageNumber, pageSize: maxResults, total: matches.length, last, calendars: page }) };
    },
  },
  {
    pattern: '/rest/calendar/{id}',
    methods: ['GET'],
    async handle(context) {
      refuseUnknownParams(context.request, []);
      const id = context.pathParams.id ?? '';
      const found = (await allCalendars(context)).find((calendar) =>
        /^\d+$/.test(id) ? calendar.id === Number(id) : calendar.calendarId.toLowerCase() === id.toLowerCase(),
      );
      if (!found) throw fieldError('calendar', `there is no calendar '${echo(id)}'`, 'NOT_FOUND');
      return { response: jsonResponse(200, found) };
    },
  },
];
