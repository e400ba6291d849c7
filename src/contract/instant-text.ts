// Instants as the resolvers accept them, parsed strictly: an ISO 8601 date (2099-12-31) or a
// date-time with an offset (2099-12-31T23:59[:59[.999]]Z or +hh:mm), every field checked
// against its range, so nothing rolls over (Date.UTC and Date.parse turn 2099-02-30 into
// 2 March and read year 0050 as 1950). Shared with the pages, so it needs no library.

/** The years an instant may fall in: epoch milliseconds stay positive, four digits suffice. */
export const INSTANT_YEAR_MIN = 1970;
export const INSTANT_YEAR_MAX = 9999;

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

export const INSTANT_FORMS = `an ISO 8601 date such as 2099-12-31 or a date-time with an offset such as 2099-12-31T23:59:59Z, in the years ${INSTANT_YEAR_MIN} to ${INSTANT_YEAR_MAX}`;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Epoch ms of the day's midnight UTC, or undefined when there is no such day in range. */
function dayStart(year: number, month: number, day: number): number | undefined {
  if (year < INSTANT_YEAR_MIN || year > INSTANT_YEAR_MAX || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day);
}

type Parsed = { kind: 'date'; start: number } | { kind: 'dateTime'; instant: number };

function parse(text: string): Parsed | undefined {
  const date = DATE.exec(text);
  if (date) {
    const start = dayStart(Number(date[1]), Number(date[2]), Number(date[3]));
    return start === undefined ? undefined : { kind: 'date', start };
  }
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const start = dayStart(Number(m[1]), Number(m[2]), Number(m[3]));
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  const millis = Number((m[7] ?? '').padEnd(3, '0'));
  const [offsetHours, offsetMinutes] = [Number(m[10] ?? 0), Number(m[11] ?? 0)];
  if (start === undefined || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const instant = start + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset;
  // An offset can carry the first or last day of the range across its edge.
  if (instant < 0 || instant >= Date.UTC(INSTANT_YEAR_MAX + 1, 0, 1)) return undefined;
  return { kind: 'dateTime', instant };
}

/**
 * An expiry: a date means the token works through that UTC day (it expires at the next
 * midnight UTC); a date-time is the instant itself. Epoch ms, or undefined when refused.
 */
export function parseExpiry(text: string): number | undefined {
  const parsed = parse(text);
  if (parsed === undefined) return undefined;
  return parsed.kind === 'date' ? parsed.start + DAY_MS : parsed.instant;
}

/**
 * A filter bound: a date covers its whole UTC day, so as a `from` bound it is that day's
 * midnight and as a `to` bound (exclusive) the next midnight; a date-time is exact.
 */
export function parseInstantBound(text: string, side: 'from' | 'to'): number | undefined {
  const parsed = parse(text);
  if (parsed === undefined) return undefined;
  if (parsed.kind === 'dateTime') return parsed.instant;
  return side === 'from' ? parsed.start : parsed.start + DAY_MS;
}
