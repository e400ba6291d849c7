// columnsBy=statusDurationExpanded: one row per visit: status, start, end, duration, and
// with includeTransitionedByColumns who made the transition into it.
import { expandedVisits } from '../../engine';
import type { Cell } from '../table';
import { reportedStatuses, defineKind } from './kind';
import { authorCell, statusChangeAuthor, TRANSITIONED_BY_COLUMN } from './transitioned-by';

export const statusDurationExpanded = defineKind({
  id: 'statusDurationExpanded',
  rows: (input) =>
    expandedVisits(input.timeline, input.context.calendar)
      .filter((visit) => input.keepStatus(visit.statusId))
      .map((visit) => {
        const cells = new Map<string, Cell>([
          ['status', { kind: 'label', id: visit.statusId, name: input.context.statusName(visit.statusId) }],
          ['start', { kind: 'instant', ms: visit.start }],
          ['end', { kind: 'instant', ms: visit.end }],
          ['duration', { kind: 'duration', ms: visit.durationMs }],
        ]);
        // Who moved the issue into this status (none for its first status, or a stay cut by the trim window).
        const by = input.context.includeTransitionedBy ? statusChangeAuthor(input.history, visit.start, visit.statusId) : undefined;
        if (by) cells.set(TRANSITIONED_BY_COLUMN.id, authorCell(by));
        return { ...input.base, cells };
      }),
  columns: (choices) => ({
    valueColumns: [
      { id: 'status', name: 'Status', consolidated: false },
      { id: 'start', name: 'Start', consolidated: false },
      { id: 'end', name: 'End', consolidated: false },
      { id: 'duration', name: 'Duration', consolidated: false },
      ...(choices.transitionedBy ? [TRANSITIONED_BY_COLUMN] : []),
    ],
    includedStatuses: reportedStatuses(choices),
  }),
});
