import { DateTime } from 'luxon';
import { parseCalendarDefinition, type WorkingWindow } from '../../../src/engine/calendar/calendar-definition';
import { compileCalendar, nominalWorkingDayMs, normalHoursCalendar } from '../../../src/engine/calendar/working-time';
import { DAY, HOUR } from './history-builder';

const at = (zone: string) => (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const allDay = (...weekdays: number[]) => weekdays.map((weekday) => ({ weekday, start: 0, end: DAY }));
const officeHours = (start = 9, end = 17) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: start * HOUR, end: end * HOUR }));

function calendar(timeZone: string, windows: unknown[], holidays: unknown[] = []) {
  return compileCalendar(parseCalendarDefinition({ name: 'test', timeZone, windows, holidays }));
}

describe('normalHoursCalendar (24x7)', () => {
  it('is plain subtraction, 0 for empty or reversed intervals', () => {
    expect(normalHoursCalendar.workingMsBetween(1000, 5000)).toBe(4000);
    expect(normalHoursCalendar.workingMsBetween(5000, 1000)).toBe(0);
    expect(normalHoursCalendar.workingDayMs).toBe(DAY);
  });
});

describe('working calendar: office hours', () => {
  const berlin = at('Europe/Berlin');
  const cal = calendar('Europe/Berlin', officeHours());

  it('counts 5 x 8 h over a week', () => {
    expect(cal.workingMsBetween(berlin('2024-03-04T08:00'), berlin('2024-03-11T08:00'))).toBe(40 * HOUR);
  });

  it('clips partial days and skips nights and weekends', () => {
    // Fri 16:00 -> Mon 10:00 = 1 h Friday + 1 h Monday.
    expect(cal.workingMsBetween(berlin('2024-03-08T16:00'), berlin('2024-03-11T10:00'))).toBe(2 * HOUR);
    expect(cal.workingMsBetween(berlin('2024-03-09T10:00'), berlin('2024-03-10T22:00'))).toBe(0);
  });

  it('measures an interval that starts inside a non-working period from the next window', () => {
    // Created Saturday, counted from Monday 09:00.
    expect(cal.workingMsBetween(berlin('2024-03-09T10:00'), berlin('2024-03-11T12:30'))).toBe(3.5 * HOUR);
  });

  it('keeps office hours in local time across DST (9-17 stays 8 working hours)', () => {
    // Week containing Sun 31 Mar 2024 (spring forward) and Sun 27 Oct 2024 (fall back).
    expect(cal.workingMsBetween(berlin('2024-03-25T00:00'), berlin('2024-04-06T00:00'))).toBe(80 * HOUR);
    expect(cal.workingMsBetween(berlin('2024-10-21T00:00'), berlin('2024-11-02T00:00'))).toBe(80 * HOUR);
  });

  it('spans several years, built lazily in both directions', () => {
    const fresh = calendar('Europe/Berlin', officeHours());
    const later = fresh.workingMsBetween(berlin('2030-01-07T00:00'), berlin('2030-01-14T00:00'));
    const earlier = fresh.workingMsBetween(berlin('2015-01-05T00:00'), berlin('2015-01-12T00:00'));
    expect([later, earlier]).toEqual([40 * HOUR, 40 * HOUR]);
    const whole = fresh.workingMsBetween(berlin('2015-01-05T00:00'), berlin('2030-01-14T00:00'));
    const split =
      fresh.workingMsBetween(berlin('2015-01-05T00:00'), berlin('2022-06-15T13:17')) +
      fresh.workingMsBetween(berlin('2022-06-15T13:17'), berlin('2030-01-14T00:00'));
    expect(whole).toBe(split);
  });
});

describe('DST: 23 h and 25 h days are exact', () => {
  it('Europe/Berlin: weekend 24 h windows hold 47 h in March and 49 h in October', () => {
    const berlin = at('Europe/Berlin');
    const cal = calendar('Europe/Berlin', allDay(6, 7));
    expect(cal.workingMsBetween(berlin('2024-03-30T00:00'), berlin('2024-04-01T00:00'))).toBe(47 * HOUR);
    expect(cal.workingMsBetween(berlin('2024-10-26T00:00'), berlin('2024-10-28T00:00'))).toBe(49 * HOUR);
  });

  it('Australia/Sydney (southern hemisphere): DST ends 7 Apr 2024 (25 h), starts 6 Oct 2024 (23 h)', () => {
    const sydney = at('Australia/Sydney');
    const cal = calendar('Australia/Sydney', allDay(7));
    expect(cal.workingMsBetween(sydney('2024-04-07T00:00'), sydney('2024-04-08T00:00'))).toBe(25 * HOUR);
    expect(cal.workingMsBetween(sydney('2024-10-06T00:00'), sydney('2024-10-07T00:00'))).toBe(23 * HOUR);
    // An ordinary Sunday.
    expect(cal.workingMsBetween(sydney('2024-06-02T00:00'), sydney('2024-06-03T00:00'))).toBe(24 * HOUR);
  });

  it('America/Santiago: the day DST starts has no midnight (00:00 -> 01:00), so it holds 23 h', () => {
    const santiago = at('America/Santiago');
    const cal = calendar('America/Santiago', allDay(6, 7));
    // Sat 7 Sep 2024 is 24 h; Sun 8 Sep starts at 01:00 local.
    expect(cal.workingMsBetween(Date.UTC(2024, 8, 7, 0), Date.UTC(2024, 8, 10, 0))).toBe(47 * HOUR);
    expect(cal.workingMsBetween(santiago('2024-09-08T01:00'), santiago('2024-09-09T00:00'))).toBe(23 * HOUR);
  });

  it('America/New_York night shift Sat 22:00-24:00 + Sun 00:00-06:00: 7 h in March, 9 h in November', () => {
    const ny = at('America/New_York');
    const shift: WorkingWindow[] = [
      { weekday: 6, start: 22 * HOUR, end: DAY },
      { weekday: 7, start: 0, end: 6 * HOUR },
    ];
    const cal = calendar('America/New_York', shift);
    expect(cal.workingMsBetween(ny('2024-03-09T12:00'), ny('2024-03-10T12:00'))).toBe(7 * HOUR);
    expect(cal.workingMsBetween(ny('2024-11-02T12:00'), ny('2024-11-03T12:00'))).toBe(9 * HOUR);
    expect(cal.workingMsBetween(ny('2024-06-01T12:00'), ny('2024-06-02T12:00'))).toBe(8 * HOUR);
    // Across midnight the two windows join: 23:00 -> 01:00 is 2 h.
    expect(cal.workingMsBetween(ny('2024-06-01T23:00'), ny('2024-06-02T01:00'))).toBe(2 * HOUR);
  });
});

describe('holidays', () => {
  const berlin = at('Europe/Berlin');
  const cal = calendar('Europe/Berlin', officeHours(), [
    { date: '2024-12-25', recurring: true, name: 'Christmas' },
    { date: '2024-12-26', recurring: false },
    { date: '2024-02-29', recurring: true },
  ]);

  it('removes fixed and recurring holidays', () => {
    // Mon 23 - Fri 27 Dec 2024: 25th (recurring) and 26th (fixed) off -> 3 days.
    expect(cal.workingMsBetween(berlin('2024-12-23T00:00'), berlin('2024-12-30T00:00'))).toBe(24 * HOUR);
    // 2025: 25th (Thu) off by recurrence, 26th (Fri) is a working day again -> 4 days.
    expect(cal.workingMsBetween(berlin('2025-12-22T00:00'), berlin('2025-12-29T00:00'))).toBe(32 * HOUR);
  });

  it('a recurring 29 February only exists in leap years', () => {
    expect(cal.workingMsBetween(berlin('2028-02-29T00:00'), berlin('2028-03-01T00:00'))).toBe(0);
    expect(cal.workingMsBetween(berlin('2028-02-28T00:00'), berlin('2028-02-29T00:00'))).toBe(8 * HOUR);
  });

  it('a holiday removes only its own local day of a night shift', () => {
    const night = calendar(
      'Europe/Berlin',
      [
        { weekday: 1, start: 22 * HOUR, end: DAY },
        { weekday: 2, start: 0, end: 6 * HOUR },
      ],
      [{ date: '2024-06-04', recurring: false }],
    );
    // Mon 3 Jun 22:00-24:00 counts, Tue 4 Jun (holiday) 00:00-06:00 does not.
    expect(night.workingMsBetween(berlin('2024-06-03T00:00'), berlin('2024-06-05T00:00'))).toBe(2 * HOUR);
    expect(night.workingMsBetween(berlin('2024-06-10T00:00'), berlin('2024-06-12T00:00'))).toBe(8 * HOUR);
  });
});

describe('working-day length', () => {
  it('is the nominal total shared by most weekdays', () => {
    const windows = [
      ...[1, 2, 3, 4].map((weekday) => ({ weekday: weekday as 1, start: 9 * HOUR, end: 17 * HOUR })),
      { weekday: 5 as const, start: 9 * HOUR, end: 15 * HOUR },
    ];
    expect(nominalWorkingDayMs({ name: 'x', timeZone: 'UTC', windows, holidays: [] })).toBe(8 * HOUR);
    expect(calendar('UTC', officeHours()).workingDayMs).toBe(8 * HOUR);
    // Split windows add up: 08:00-12:00 + 13:00-17:00 = 8 h.
    const split = [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: 8 * HOUR, end: 12 * HOUR },
      { weekday, start: 13 * HOUR, end: 17 * HOUR },
    ]);
    expect(calendar('UTC', split).workingDayMs).toBe(8 * HOUR);
  });
});
