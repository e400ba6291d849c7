import { MAX_HOLIDAYS, parseCalendarDefinition, validateCalendarDefinition } from '../../../src/engine/calendar/calendar-definition';
import { FieldError } from '../../../src/kernel/errors';
import { DAY, HOUR } from './history-builder';

const valid = {
  name: 'Berlin office',
  timeZone: 'Europe/Berlin',
  windows: [
    { weekday: 1, start: 9 * HOUR, end: 12 * HOUR },
    { weekday: 1, start: 12 * HOUR, end: 17 * HOUR },
    { weekday: 2, start: 22 * HOUR, end: DAY },
    { weekday: 3, start: 0, end: 6 * HOUR },
  ],
  holidays: [{ date: '2024-12-25', recurring: true, name: 'Christmas' }, { date: '2024-12-26' }],
};

function issuesOf(input: unknown) {
  const result = validateCalendarDefinition(input);
  if (result.ok) throw new Error('expected invalid');
  return result.issues;
}

describe('calendar definition validation', () => {
  it('accepts touching windows, a window ending at 24:00 and holidays (recurring defaults to false)', () => {
    const parsed = parseCalendarDefinition(valid);
    expect(parsed.holidays[1]).toEqual({ date: '2024-12-26', recurring: false });
    expect(parsed.windows).toHaveLength(4);
  });

  it('reports an unknown zone with its path', () => {
    expect(issuesOf({ ...valid, timeZone: 'Mars/Olympus' })).toEqual([
      { field: 'timeZone', message: '"Mars/Olympus" is not a time zone. Pick one from the list, such as Europe/Berlin.' },
    ]);
  });

  it('reports end before start and overlapping windows with their paths', () => {
    const issues = issuesOf({
      ...valid,
      windows: [
        { weekday: 1, start: 9 * HOUR, end: 12 * HOUR },
        { weekday: 1, start: 17 * HOUR, end: 9 * HOUR },
        { weekday: 1, start: 11 * HOUR, end: 13 * HOUR },
      ],
    });
    expect(issues).toEqual([
      { field: 'windows[1].end', message: 'The end (09:00) must be after the start (17:00).' },
      { field: 'windows[2]', message: 'Monday 11:00-13:00 overlaps row 1 (Monday 09:00-12:00).' },
    ]);
  });

  it('rejects windows past 24:00, bad weekdays and non-integers', () => {
    const issues = issuesOf({
      ...valid,
      windows: [{ weekday: 8, start: 1.5, end: DAY + 1 }],
    });
    expect(issues.map((i) => i.field)).toEqual(['windows[0].weekday', 'windows[0].start', 'windows[0].end']);
    expect(issues[2]?.message).toContain('split a night shift at midnight');
  });

  it('rejects absurd sizes: too many windows per day, too many holidays, no window at all', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ weekday: 1, start: i * HOUR, end: i * HOUR + 1000 }));
    expect(issuesOf({ ...valid, windows: many })).toEqual([{ field: 'windows', message: 'Monday has 21 rows of working hours; at most 20 are allowed.' }]);
    const holidays = Array.from({ length: MAX_HOLIDAYS + 1 }, () => ({ date: '2024-01-01' }));
    expect(issuesOf({ ...valid, holidays })).toEqual([{ field: 'holidays', message: 'a calendar holds at most 1000 holidays' }]);
    expect(issuesOf({ ...valid, windows: [] })).toEqual([{ field: 'windows', message: 'Add at least one row of working hours.' }]);
  });

  it('rejects unreal dates, absurd years and duplicates', () => {
    expect(issuesOf({ ...valid, holidays: [{ date: '2023-02-29' }, { date: '12/25/2024' }, { date: '0202-12-25' }] })).toEqual([
      { field: 'holidays[0].date', message: '"2023-02-29" is not a real date. Write it as YYYY-MM-DD, such as 2026-12-25.' },
      { field: 'holidays[1].date', message: '"12/25/2024" is not a real date. Write it as YYYY-MM-DD, such as 2026-12-25.' },
      { field: 'holidays[2].date', message: 'The year 202 is outside 1970-2200.' },
    ]);
    expect(
      issuesOf({
        ...valid,
        holidays: [
          { date: '2024-12-25', recurring: true },
          { date: '2030-12-25', recurring: true },
        ],
      }),
    ).toEqual([{ field: 'holidays[1].date', message: 'Every year on 12-25 is already a holiday (holiday 1).' }]);
  });

  it('throws one FieldError carrying every issue and a stable code', () => {
    try {
      parseCalendarDefinition({ name: '', timeZone: 'Nowhere', windows: 'x' });
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(FieldError);
      const e = error as FieldError;
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.problems.map((i) => i.field)).toEqual(['name', 'timeZone', 'windows']);
      expect(e.message).toMatch(/^Invalid calendar: name: Give the calendar a name\.; timeZone: "Nowhere" is not a time zone/);
    }
  });

  it('rejects non-objects', () => {
    expect(validateCalendarDefinition(null).ok).toBe(false);
  });
});
