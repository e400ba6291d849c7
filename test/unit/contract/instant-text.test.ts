// Strict instants (issue 16, items 11 and 12): every accepted form is checked field by
// field, nothing rolls over (2099-02-30 is not 2 March), years outside 1970-9999 are
// refused, and a date used as a bound covers its whole UTC day.
import { INSTANT_YEAR_MAX, INSTANT_YEAR_MIN, parseExpiry, parseInstantBound } from '../../../src/contract/instant-text';

const DAY = 86_400_000;

describe('parseExpiry', () => {
  it.each([
    ['2099-02-30T00:00:00Z'],
    ['2099-04-31T12:00Z'],
    ['2099-02-30'],
    ['2100-02-29'],
    ['0050-06-01'],
    ['0050-06-01T00:00Z'],
    ['1969-12-31'],
    ['10000-01-01'],
    ['2099-13-01T00:00Z'],
    ['2099-01-01T24:00Z'],
    ['2099-01-01T23:60Z'],
    ['2099-01-01T23:59:60Z'],
    ['2099-01-01T12:00+24:00'],
    ['2099-01-01T12:00+05:60'],
    ['2099-01-01T12:00'],
    ['1'],
    ['Tue 5'],
    ['2099-1-01'],
    [' 2099-01-01'],
  ])('refuses %s', (text) => {
    expect(parseExpiry(text)).toBeUndefined();
  });

  it('reads a date as through that UTC day, and every date-time form exactly', () => {
    expect(parseExpiry('2099-12-31')).toBe(Date.UTC(2100, 0, 1));
    expect(parseExpiry('2096-02-29')).toBe(Date.UTC(2096, 2, 1));
    expect(parseExpiry('2099-04-30T12:00Z')).toBe(Date.UTC(2099, 3, 30, 12));
    expect(parseExpiry('2099-04-30T12:00:05Z')).toBe(Date.UTC(2099, 3, 30, 12, 0, 5));
    expect(parseExpiry('2099-04-30T12:00:05.25Z')).toBe(Date.UTC(2099, 3, 30, 12, 0, 5, 250));
    expect(parseExpiry('2099-04-30T12:00:05.123+02:30')).toBe(Date.UTC(2099, 3, 30, 9, 30, 5, 123));
    expect(parseExpiry('2099-04-30T00:30-01:00')).toBe(Date.UTC(2099, 3, 30, 1, 30));
    expect(parseExpiry(`${INSTANT_YEAR_MIN}-01-01`)).toBe(DAY);
    expect(parseExpiry(`${INSTANT_YEAR_MAX}-12-31T23:59:59.999Z`)).toBe(Date.UTC(INSTANT_YEAR_MAX, 11, 31, 23, 59, 59, 999));
  });
});

describe('parseInstantBound', () => {
  it('a date covers its whole day: from its first millisecond, to the next midnight (exclusive)', () => {
    expect(parseInstantBound('2026-12-03', 'from')).toBe(Date.UTC(2026, 11, 3));
    expect(parseInstantBound('2026-12-03', 'to')).toBe(Date.UTC(2026, 11, 4));
    expect(parseInstantBound('2026-12-03T10:00Z', 'from')).toBe(Date.UTC(2026, 11, 3, 10));
    expect(parseInstantBound('2026-12-03T10:00Z', 'to')).toBe(Date.UTC(2026, 11, 3, 10));
  });

  it.each([['1'], ['Tue 5'], ['2025-02-30'], ['10000-01-01'], ['0050-06-01'], ['Dec 3, 2026']])('refuses %s', (text) => {
    expect(parseInstantBound(text, 'from')).toBeUndefined();
  });
});
