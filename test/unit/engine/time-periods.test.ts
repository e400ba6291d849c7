// Calendar periods in UTC: ids that sort in time order, ISO weeks across year ends, and
// stays cut exactly at period boundaries.
import { splitByPeriod, TIME_PERIODS } from '../../../src/engine';
import { periodId, periodStart } from '../../../src/engine/time-periods';

const utc = (y: number, m: number, d: number, h = 0): number => Date.UTC(y, m - 1, d, h);

describe('time periods', () => {
  it('names each period as the reports show it', () => {
    const at = utc(2025, 2, 14, 15);
    expect(TIME_PERIODS.map((p) => periodId(periodStart(at, p), p))).toEqual(['2025-02-14', '2025-W07', '2025-02', '2025-Q1', '2025']);
  });

  it('uses ISO weeks: Monday first, the week-year of its Thursday', () => {
    expect(periodStart(utc(2025, 1, 1, 12), 'week')).toBe(utc(2024, 12, 30));
    expect(periodId(periodStart(utc(2025, 1, 1), 'week'), 'week')).toBe('2025-W01');
    expect(periodId(periodStart(utc(2021, 1, 3), 'week'), 'week')).toBe('2020-W53');
    expect(periodId(periodStart(utc(2024, 12, 29), 'week'), 'week')).toBe('2024-W52');
  });

  it('cuts a stay at every boundary, pieces adding up to the stay', () => {
    const start = utc(2024, 12, 30, 18);
    const end = utc(2025, 4, 2, 6);
    const months = splitByPeriod(start, end, 'month');
    expect(months.map((p) => p.periodId)).toEqual(['2024-12', '2025-01', '2025-02', '2025-03', '2025-04']);
    expect(months[1]).toEqual({ periodId: '2025-01', start: utc(2025, 1, 1), end: utc(2025, 2, 1) });
    expect(splitByPeriod(start, end, 'quarter').map((p) => p.periodId)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    for (const period of TIME_PERIODS) {
      const pieces = splitByPeriod(start, end, period);
      expect(pieces.reduce((sum, p) => sum + (p.end - p.start), 0)).toBe(end - start);
    }
    expect(splitByPeriod(end, end, 'day')).toEqual([]);
  });
});
