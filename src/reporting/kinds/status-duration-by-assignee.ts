// columnsBy=statusDurationByAssignee: one row per issue and assignee, time in each status.
import { statusDurationsByAssignee } from '../../engine';
import type { TableRow } from '../table';
import { reportedStatuses, defineKind } from './kind';

export const statusDurationByAssignee = defineKind({
  id: 'statusDurationByAssignee',
  showsAssignees: true,
  rows(input) {
    const rows = new Map<string, TableRow>();
    for (const [statusId, byAssignee] of statusDurationsByAssignee(input.timeline, input.context.calendar)) {
      if (!input.keepStatus(statusId)) continue;
      for (const [assignee, ms] of byAssignee) {
        const column = input.assigneeColumn(assignee);
        let row = rows.get(column.id);
        if (!row) {
          row = { ...input.base, groupBy: { id: column.id, name: column.name }, cells: new Map() };
          rows.set(column.id, row);
        }
        row.cells.set(statusId, { kind: 'duration', ms });
      }
    }
    return [...rows.values()];
  },
  columns: (choices) => ({
    valueColumns: [...choices.statuses, ...choices.deletedStatuses],
    groupByColumn: { id: 'assignee', name: 'Assignee' },
    includedStatuses: reportedStatuses(choices),
  }),
});
