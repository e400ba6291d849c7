// /rest/calendar and /rest/calendar/{id}: the calendars a report may name. `normalHours`
// (24x7) is listed first, as the built-in default.
import type { CalendarView } from '../../contract/report-config';
import { fieldError } from '../../kernel/errors';
import { jsonResponse } from '../http';
import { refuseUnknownParams } from '../request-params';
import type { Route } from '../route';
import { echo } from '../../kernel/echo';

export interface RestCalendar {
  id: string;
  name: string;
  timeZone: string;
  builtIn: boolean;
  /** Working windows: ISO weekday (1 = Monday) and ms since local midnight. */
  windows: Array<{ weekday: number; start: number; end: number }>;
  holidays: Array<{ date: string; recurring: boolean; name?: string }>;
}

const DAY_MS = 86_400_000;
const NORMAL_HOURS: RestCalendar = {
  id: 'normalHours',
  name: 'Normal hours (24x7)',
  timeZone: 'UTC',
  builtIn: true,
  windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: 0, end: DAY_MS })),
  holidays: [],
};

const restCalendar = (view: CalendarView): RestCalendar => ({
  id: view.id,
  name: view.name,
  timeZone: view.timeZone,
  builtIn: false,
  windows: view.windows,
  holidays: view.holidays,
});

export const calendarRoutes: Route[] = [
  {
    pattern: '/rest/calendar',
    methods: ['GET'],
    async handle({ request, services }) {
      refuseUnknownParams(request, []);
      const calendars = await services.calendars.list();
      return { response: jsonResponse(200, [NORMAL_HOURS, ...calendars.map(restCalendar)]) };
    },
  },
  {
    pattern: '/rest/calendar/{id}',
    methods: ['GET'],
    async handle({ request, services, pathParams }) {
      refuseUnknownParams(request, []);
      const id = pathParams.id ?? '';
      if (id.toLowerCase() === 'normalhours') return { response: jsonResponse(200, NORMAL_HOURS) };
      const found = /^[0-9a-f-]{36}$/i.test(id) ? await services.calendars.get(id) : undefined;
      if (!found) throw fieldError('calendar', `there is no calendar '${echo(id)}'`, 'NOT_FOUND');
      return { response: jsonResponse(200, restCalendar(found)) };
    },
  },
];
