// columnsBy=statusDurationExpanded: one row per visit: status, start, end, duration.
import { expandedVisits } from '../../engine';
import type { Cell } from '../table';
import { reportedStatuses, defineKind } from './kind';

export const statusDurationExpanded = defineKind({
  id: 'statusDurationExpanded',
  rows: (input) =>
    expandedVisits(input.timeline, input.context.calendar)
      .filter((visit) => input.keepStatus(visit.statusId))
      .map((visit) => ({
        ...input.base,
        cells: new Map<string, Cell>([
          ['status', { kind: 'label', id: visit.statusId, name: input.context.statusName(visit.statusId) }],
          ['start', { kind: 'instant', ms: visit.start }],
          ['end', { kind: 'instant', ms: visit.end }],
          ['duration', { kind: 'duration', ms: visit.durationMs }],
        ]),
      })),
  columns: (choices) => ({
    valueColumns: [
      { id: 'status', name: 'Status', consolidated: false },
      { id: 'start', name: 'Start', consolidated: false },
      { id: 'end', name: 'End', consolidated: false },
      { id: 'duration', name: 'Duration', consolidated: false },
    ],
    includedStatuses: reportedStatuses(choices),
  }),
});
