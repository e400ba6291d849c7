// Calendars in the TISJWT wire format (the vendor's "Get Calendar By ID" and "Search
// Calendar" pages): integer ids that stay, normalHours with id null, workingTimes by
// weekday name, calendar=<number> in reports, and /rest/calendar/search paging.
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import type { RestCalendar } from '../../../src/rest/routes/calendar-routes';
import { startTestHost, type TestHost } from '../../support/host-client';
import { openApiValidator, type OpenApiValidator } from './openapi-validator';

const { alice } = DEMO_ACCOUNTS;
const HOUR = 3_600_000;
let t: TestHost;
let token: string;
let openApi: OpenApiValidator;
let office: { id: string };

beforeAll(async () => {
  t = await startTestHost({ restRateLimit: { limit: 1000, windowSeconds: 60 } });
  token = (await t.call(alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  openApi = openApiValidator(await (await t.rest('/openapi.json')).json());
  office = await t.call(alice, 'admin/calendars/create', {
    calendar: {
      name: 'Default Calendar Settings',
      timeZone: 'Europe/London',
      windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: 9.25 * HOUR, end: 17.25 * HOUR })),
      holidays: [{ date: '2025-12-25', recurring: true }],
    },
  });
  for (const name of ['Team Berlin', 'Team Boston', 'Night shift'])
    await t.call(alice, 'admin/calendars/create', {
      calendar: { name, timeZone: 'UTC', windows: [{ weekday: 1, start: 0, end: 8 * HOUR }], holidays: [] },
    });
});
afterAll(async () => {
  await t.close();
});

const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
  const response = await t.rest(path, { token });
  return { status: response.status, body: (await response.json()) as T };
};

describe('calendar objects', () => {
  it('/rest/calendar: normalHours first (id null, default, 24x7), then numbered calendars in the vendor shape', async () => {
    const { status, body } = await get<RestCalendar[]>('/rest/calendar');
    expect(status).toBe(200);
    for (const calendar of body) expect(openApi.problems('Calendar', calendar)).toBe('');
    expect(body[0]).toMatchObject({ id: null, calendarId: 'normalHours', name: 'normalHours', isDefault: true, is7x24Calendar: true, dailyWorkingHours: 24 });
    expect(body[0]!.workingTimes.map((w) => w.weekday)).toEqual(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);
    const dcs = body.find((c) => c.calendarId === office.id)!;
    expect(dcs).toEqual({
      id: expect.any(Number) as number,
      calendarId: office.id,
      name: 'Default Calendar Settings',
      timeZone: 'Europe/London',
      isDefault: false,
      is7x24Calendar: false,
      builtIn: false,
      dailyWorkingHours: 8,
      allWorkingDaysHaveEqualLengths: true,
      workingTimes: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((weekday) => ({ weekday, start: 33_300_000, end: 62_100_000 })),
      holidays: [{ name: '', date: '2025-12-25', recurring: true }],
    });
    const ids = body.slice(1).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The numbers stay: a second listing, and a new calendar, change none of them.
    await t.call(alice, 'admin/calendars/create', {
      calendar: { name: 'Aardvark', timeZone: 'UTC', windows: [{ weekday: 2, start: 0, end: HOUR }], holidays: [] },
    });
    const again = await get<RestCalendar[]>('/rest/calendar');
    for (const calendar of body.slice(1)) expect(again.body.find((c) => c.calendarId === calendar.calendarId)?.id).toBe(calendar.id);
  });

  it('/rest/calendar/<number>, /rest/calendar/<uuid> and calendar=<number> in a report all name the same calendar', async () => {
    const list = (await get<RestCalendar[]>('/rest/calendar')).body;
    const dcs = list.find((c) => c.calendarId === office.id)!;
    expect((await get<RestCalendar>(`/rest/calendar/${dcs.id}`)).body).toEqual(dcs);
    expect((await get<RestCalendar>(`/rest/calendar/${office.id}`)).body).toEqual(dcs);
    expect((await get<RestCalendar>('/rest/calendar/normalHours')).body).toEqual(list[0]);
    const missing = await get<{ messages: string[] }>('/rest/calendar/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.messages[0]).toBe("calendar: there is no calendar '999999'");

    const query = 'projectKey=SCRUM&pageSize=5&dayLength=businessDays&viewFormat=days&outputType=jsonSimplified';
    const byNumber = await t.rest(`/rest/list?${query}&calendar=${dcs.id}`, { token });
    const byUuid = await t.rest(`/rest/list?${query}&calendar=${office.id}`, { token });
    expect(byNumber.status).toBe(200);
    // Page tokens are signed with their own expiry, so only the rows are compared.
    expect(((await byNumber.json()) as { results: unknown }).results).toEqual(((await byUuid.json()) as { results: unknown }).results);
    const unknown = await get<{ messages: string[] }>(`/rest/list?${query}&calendar=999999`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.messages[0]).toMatch(/^calendar: there is no calendar '999999'/);
  });
});

describe('GET /rest/calendar/search', () => {
  type Page = { pageNumber: number; pageSize: number; total: number; last: boolean; calendars: RestCalendar[] };

  it('exact and contain, case-insensitively, as the documented examples send them', async () => {
    const exact = await get<Page>('/rest/calendar/search?name=default%20calendar%20settings&searchType=exact');
    expect(exact.status).toBe(200);
    expect(openApi.problems('CalendarSearch', exact.body)).toBe('');
    expect(exact.body).toMatchObject({ pageNumber: 0, pageSize: 10, total: 1, last: true });
    expect(exact.body.calendars.map((c) => c.calendarId)).toEqual([office.id]);
    const contain = await get<Page>('/rest/calendar/search?name=team&searchType=contain&pageNumber=0&maxResults=50');
    expect(contain.body.calendars.map((c) => c.name)).toEqual(['Team Berlin', 'Team Boston']);
    expect((await get<Page>('/rest/calendar/search?name=Team&searchType=exact')).body.total).toBe(0);
    // An empty name matches every calendar (normalHours included).
    const all = await get<Page>('/rest/calendar/search?name=&searchType=exact');
    expect(all.body.total).toBe((await get<RestCalendar[]>('/rest/calendar')).body.length);
  });

  it('pages with pageNumber and maxResults (default 10, at most 100)', async () => {
    const first = await get<Page>('/rest/calendar/search?maxResults=2');
    const second = await get<Page>('/rest/calendar/search?maxResults=2&pageNumber=1');
    expect(first.body).toMatchObject({ pageNumber: 0, pageSize: 2, last: false });
    expect(first.body.calendars).toHaveLength(2);
    expect(second.body.calendars[0]?.calendarId).not.toBe(first.body.calendars[0]?.calendarId);
    const beyond = await get<Page>('/rest/calendar/search?maxResults=2&pageNumber=50');
    expect(beyond.body).toMatchObject({ calendars: [], last: true });
  });

  it('bad values are one 400 naming each parameter', async () => {
    const bad = await get<{ messages: string[] }>('/rest/calendar/search?searchType=fuzzy&maxResults=101&pageNumber=-1');
    expect(bad.status).toBe(400);
    expect(bad.body.messages).toEqual([
      "searchType: 'fuzzy' is not one of exact, contain",
      "pageNumber: '-1' is not a whole number from 0 to 1000000",
      "maxResults: '101' is not a whole number from 1 to 100",
    ]);
  });
});
