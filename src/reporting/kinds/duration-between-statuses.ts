// columnsBy=durationBetweenStatuses: the span from an entry into fromStatuses (or
// creation) to an entry into toStatuses, less the time in pausedStatuses.
import { durationBetweenStatuses as between } from '../../engine';
import type { Cell } from '../table';
import { issueRow, reportedStatuses, defineKind } from './kind';

export const durationBetweenStatuses = defineKind({
  id: 'durationBetweenStatuses',
  rows(input) {
    const cells = new Map<string, Cell>();
    const b = input.context.between;
    if (b) {
      const ms = between(
        input.timeline,
        { start: b.from.at === 'created' ? { at: 'created' } : { at: b.from.at, statusIds: b.from.statusIds }, stop: b.to, pausedStatusIds: b.paused },
        input.context.calendar,
      );
      if (ms !== undefined) cells.set('duration', { kind: 'duration', ms });
    }
    return issueRow(input, cells);
  },
  columns: (choices) => ({ valueColumns: [{ id: 'duration', name: 'Duration', consolidated: false }], includedStatuses: reportedStatuses(choices) }),
});
