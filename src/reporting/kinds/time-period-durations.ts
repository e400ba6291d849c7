// Time in each status split by calendar period (timePeriod: day, week, month, quarter,
// year; UTC, ISO weeks): statusDurationByTimePeriod has one row per issue and period with
// status columns, timePeriodDurationByStatus one row per issue and status with a column per
// period found in the issues. Each stay is cut at period boundaries and each piece counted
// in working time of the calendar; visits add up (multiVisitBehavior does not apply).
import { splitByPeriod } from '../../engine';
import type { TableRow } from '../table';
import { reportedStatuses, defineKind, type IssueInput } from './kind';

/** Working time per (period, status) of one issue, periods in time order. */
function periodDurations(input: IssueInput): Map<string, Map<string, number>> {
  const byPeriod = new Map<string, Map<string, number>>();
  for (const visit of input.timeline.statusVisits) {
    if (!input.keepStatus(visit.value)) continue;
    for (const piece of splitByPeriod(visit.start, visit.end, input.context.timePeriod)) {
      const ms = input.context.calendar.workingMsBetween(piece.start, piece.end);
      if (ms <= 0) continue;
      let statuses = byPeriod.get(piece.periodId);
      if (!statuses) byPeriod.set(piece.periodId, (statuses = new Map<string, number>()));
      statuses.set(visit.value, (statuses.get(visit.value) ?? 0) + ms);
    }
  }
  return byPeriod;
}

export const statusDurationByTimePeriod = defineKind({
  id: 'statusDurationByTimePeriod',
  rows(input) {
    const rows: TableRow[] = [];
    for (const [period, statuses] of [...periodDurations(input)].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const row: TableRow = { ...input.base, groupBy: { id: period, name: period }, cells: new Map() };
      for (const [statusId, ms] of statuses) row.cells.set(statusId, { kind: 'duration', ms });
      rows.push(row);
    }
    return rows;
  },
  columns: (choices) => ({
    valueColumns: [...choices.statuses, ...choices.deletedStatuses],
    groupByColumn: { id: 'timePeriod', name: 'Time Period' },
    includedStatuses: reportedStatuses(choices),
  }),
});

export const timePeriodDurationByStatus = defineKind({
  id: 'timePeriodDurationByStatus',
  rows(input) {
    const rows = new Map<string, TableRow>();
    for (const [period, statuses] of periodDurations(input)) {
      input.foundColumn({ id: period, name: period, consolidated: false });
      for (const [statusId, ms] of statuses) {
        let row = rows.get(statusId);
        if (!row) rows.set(statusId, (row = { ...input.base, groupBy: { id: statusId, name: input.context.statusName(statusId) }, cells: new Map() }));
        row.cells.set(period, { kind: 'duration', ms });
      }
    }
    // Statuses in order of first time spent, as assigneeDurationByStatus orders them.
    return [...rows.values()];
  },
  columns: (choices) => ({ valueColumns: choices.found, groupByColumn: { id: 'status', name: 'Status' }, includedStatuses: reportedStatuses(choices) }),
});
