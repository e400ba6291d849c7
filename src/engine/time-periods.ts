// Calendar periods (day, week, month, quarter, year) in UTC, for the reports that split
// time by period. Weeks are ISO weeks (Monday first; the week-year of ISO 8601), so ids
// sort in time order: 2025-01-02, 2025-W01, 2025-01, 2025-Q1, 2025.

export const TIME_PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TimePeriod = (typeof TIME_PERIODS)[number];

const DAY = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The start of the period holding `ms`. */
export function periodStart(ms: number, period: TimePeriod): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (period) {
    case 'day':
      return Date.UTC(y, m, d.getUTCDate());
    case 'week':
      return Date.UTC(y, m, d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
    case 'month':
      return Date.UTC(y, m, 1);
    case 'quarter':
      return Date.UTC(y, m - (m % 3), 1);
    case 'year':
      return Date.UTC(y, 0, 1);
  }
}

/** The start of the period after the one starting at `start`. */
export function nextPeriodStart(start: number, period: TimePeriod): number {
  const d = new Date(start);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (period) {
    case 'day':
      return start + DAY;
    case 'week':
      return start + 7 * DAY;
    case 'month':
      return Date.UTC(y, m + 1, 1);
    case 'quarter':
      return Date.UTC(y, m + 3, 1);
    case 'year':
      return Date.UTC(y + 1, 0, 1);
  }
}

/** The id (and display name) of the period starting at `start`. */
export function periodId(start: number, period: TimePeriod): string {
  const d = new Date(start);
  const y = d.getUTCFullYear();
  switch (period) {
    case 'day':
      return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    case 'week': {
      // The ISO week-year is the year of the week's Thursday.
      const thursday = new Date(start + 3 * DAY);
      const weekYear = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * DAY)) + 1;
      return `${weekYear}-W${pad(week)}`;
    }
    case 'month':
      return `${y}-${pad(d.getUTCMonth() + 1)}`;
    case 'quarter':
      return `${y}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case 'year':
      return String(y);
  }
}

/** [start, end) cut at period boundaries: each piece with its period's id. */
export function splitByPeriod(start: number, end: number, period: TimePeriod): Array<{ periodId: string; start: number; end: number }> {
  const pieces: Array<{ periodId: string; start: number; end: number }> = [];
  let from = start;
  while (from < end) {
    const periodFrom = periodStart(from, period);
    const to = Math.min(end, nextPeriodStart(periodFrom, period));
    pieces.push({ periodId: periodId(periodFrom, period), start: from, end: to });
    from = to;
  }
  return pieces;
}
