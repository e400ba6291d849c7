import { aggregate, aggregateBy } from '../../../src/engine/aggregate';
import { compileCalendar, normalHoursCalendar } from '../../../src/engine/calendar/working-time';
import { dayLengthMs, formatDuration, parseViewFormat } from '../../../src/engine/format';
import { DAY, HOUR, MINUTE } from './history-builder';

describe('aggregate', () => {
  it('is over the issues that have the value', () => {
    const result = aggregate([4, undefined, 1, 3, undefined, 2]);
    expect(result).toEqual({ count: 4, sum: 10, average: 2.5, median: 2.5, standardDeviation: Math.sqrt(1.25), min: 1, max: 4 });
  });

  it('odd count median, and an empty set', () => {
    expect(aggregate([5, 1, 3]).median).toBe(3);
    expect(aggregate([undefined])).toEqual({
      count: 0,
      sum: 0,
      average: undefined,
      median: undefined,
      standardDeviation: undefined,
      min: undefined,
      max: undefined,
    });
  });

  it('60 of 100 issues visited: the average divides by 60', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i < 60 ? 6 * HOUR : undefined));
    expect(aggregate(values).average).toBe(6 * HOUR);
  });

  it('groups by a key', () => {
    const rows = [
      { team: 'a', ms: 1 },
      { team: 'b', ms: 10 },
      { team: 'a', ms: 3 },
    ];
    const result = aggregateBy(
      rows,
      (r) => r.team,
      (r) => r.ms,
    );
    expect([...result.keys()]).toEqual(['a', 'b']);
    expect(result.get('a')?.average).toBe(2);
    expect(result.get('b')?.count).toBe(1);
  });
});

describe('formatDuration', () => {
  const raw = 618_862_970; // from the reference response: 10314.38 minutes
  it('decimal units with two decimals', () => {
    expect(formatDuration(raw, { viewFormat: 'minutes' })).toBe('10314.38');
    expect(formatDuration(raw, { viewFormat: 'ms' })).toBe('618862970');
    expect(formatDuration(90 * MINUTE, { viewFormat: 'hours' })).toBe('1.50');
    expect(formatDuration(1500, { viewFormat: 'seconds' })).toBe('1.50');
    expect(formatDuration(36 * HOUR, { viewFormat: 'days' })).toBe('1.50');
    expect(formatDuration(12 * HOUR, { viewFormat: 'days', dayLengthMs: 8 * HOUR })).toBe('1.50');
  });

  it('readable: 1d 6h 32m, zero parts left out, rounded to the minute', () => {
    expect(formatDuration(DAY + 6 * HOUR + 32 * MINUTE, { viewFormat: 'readable' })).toBe('1d 6h 32m');
    expect(formatDuration(2 * HOUR, { viewFormat: 'readable' })).toBe('2h');
    expect(formatDuration(DAY + 5 * MINUTE, { viewFormat: 'readable' })).toBe('1d 5m');
    expect(formatDuration(29_000, { viewFormat: 'readable' })).toBe('0m');
    expect(formatDuration(DAY - 20_000, { viewFormat: 'readable' })).toBe('1d');
  });

  it('readable with business days of 8 h', () => {
    expect(formatDuration(14 * HOUR + 32 * MINUTE, { viewFormat: 'readable', dayLengthMs: 8 * HOUR })).toBe('1d 6h 32m');
  });

  it('dayLength picks 24 h or the calendar working day', () => {
    const office = compileCalendar({
      name: 'o',
      timeZone: 'UTC',
      windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, start: 9 * HOUR, end: 17 * HOUR })),
      holidays: [],
    });
    expect(dayLengthMs('24HourDays', office)).toBe(DAY);
    expect(dayLengthMs('businessDays', office)).toBe(8 * HOUR);
    expect(dayLengthMs('businessDays', normalHoursCalendar)).toBe(DAY);
  });

  it('parses viewFormat case-insensitively', () => {
    expect(parseViewFormat('Hours')).toBe('hours');
    expect(parseViewFormat('1d 6h 32m')).toBe('readable');
    expect(parseViewFormat('fortnights')).toBeUndefined();
  });
});
