// columnsBy=assigneeDurationByStatus: one row per issue and status, time with each assignee.
import { assigneeDurationsByStatus } from '../../engine';
import type { TableRow } from '../table';
import { defineKind } from './kind';

export const assigneeDurationByStatus = defineKind({
  id: 'assigneeDurationByStatus',
  showsAssignees: true,
  rows(input) {
    const rows = new Map<string, TableRow>();
    for (const [assignee, byStatus] of assigneeDurationsByStatus(input.timeline, input.context.calendar)) {
      const column = input.assigneeColumn(assignee);
      for (const [statusId, ms] of byStatus) {
        if (!input.keepStatus(statusId)) continue;
        let row = rows.get(statusId);
        if (!row) {
          row = { ...input.base, groupBy: { id: statusId, name: input.context.statusName(statusId) }, cells: new Map() };
          rows.set(statusId, row);
        }
        row.cells.set(column.id, { kind: 'duration', ms });
      }
    }
    return [...rows.values()];
  },
  columns: (choices) => ({
    valueColumns: choices.assignees,
    groupByColumn: { id: 'status', name: 'Status' },
    includedStatuses: choices.statuses.map((s) => ({ id: s.id, name: s.name })),
  }),
});
