// columnsBy=statusDuration (the default): time in each status, with visit counts, plus a
// consolidated column per requested status group.
import { groupDurations, statusCounts, statusDurations } from '../../engine';
import type { Cell } from '../table';
import { issueRow, reportedStatuses, type IssueInput, defineKind } from './kind';

/** Durations per status and per group, with visit counts; shared with groupDuration. */
export function durationCells(input: IssueInput, withStatuses: boolean): Map<string, Cell> {
  const { timeline, context } = input;
  const durations = statusDurations(timeline, context.calendar, input.multiVisitBehavior);
  const counts = statusCounts(timeline);
  const cells = new Map<string, Cell>();
  if (withStatuses) {
    for (const [id, ms] of durations) if (input.keepStatus(id)) cells.set(id, { kind: 'duration', ms, count: counts.get(id) ?? 0 });
  }
  for (const [id, ms] of groupDurations(durations, context.groups)) {
    const group = context.groups.find((g) => g.id === id);
    const count = group ? [...new Set(group.statusIds)].reduce((sum, s) => sum + (counts.get(s) ?? 0), 0) : 0;
    cells.set(id, { kind: 'duration', ms, count });
  }
  return cells;
}

export const statusDuration = defineKind({
  id: 'statusDuration',
  rows: (input) => issueRow(input, durationCells(input, true)),
  columns: (choices) => ({ valueColumns: [...choices.statuses, ...choices.deletedStatuses, ...choices.groups], includedStatuses: reportedStatuses(choices) }),
});
