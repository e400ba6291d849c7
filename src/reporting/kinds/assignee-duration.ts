// columnsBy=assigneeDuration: time with each assignee (columns are the assignees found).
import { assigneeDurations } from '../../engine';
import type { Cell } from '../table';
import { issueRow, defineKind } from './kind';

export const assigneeDuration = defineKind({
  id: 'assigneeDuration',
  showsAssignees: true,
  rows(input) {
    const cells = new Map<string, Cell>();
    for (const [assignee, ms] of assigneeDurations(input.timeline, input.context.calendar)) {
      cells.set(input.assigneeColumn(assignee).id, { kind: 'duration', ms });
    }
    return issueRow(input, cells);
  },
  columns: (choices) => ({ valueColumns: choices.assignees, includedStatuses: choices.statuses.map((s) => ({ id: s.id, name: s.name })) }),
});
