// columnsBy=transitionCount: how many times the issue moved from one status to another,
// one column per transition found in the issues ("To Do → In Progress", id "1:3"). The
// move counts when it happened inside the trim window; with `statuses`, moves into a
// status the request leaves out are left out (as statusCount counts entries).
import type { Cell } from '../table';
import { issueRow, reportedStatuses, defineKind } from './kind';

/** The column id of a transition: from and to status ids. */
export const transitionId = (from: string, to: string): string => `${from}:${to}`;

export const transitionCount = defineKind({
  id: 'transitionCount',
  rows(input) {
    const { timeline, context } = input;
    const cells = new Map<string, Cell>();
    const visits = timeline.allStatusVisits;
    for (let i = 1; i < visits.length; i += 1) {
      const from = visits[i - 1]!;
      const to = visits[i]!;
      if (to.start < timeline.window.start || to.start >= timeline.window.end || !input.keepStatus(to.value)) continue;
      const id = transitionId(from.value, to.value);
      input.foundColumn({ id, name: `${context.statusName(from.value)} → ${context.statusName(to.value)}`, consolidated: false });
      const cell = cells.get(id);
      cells.set(id, { kind: 'count', n: (cell?.kind === 'count' ? cell.n : 0) + 1 });
    }
    return issueRow(input, cells);
  },
  columns: (choices) => ({ valueColumns: choices.found, includedStatuses: reportedStatuses(choices) }),
});
