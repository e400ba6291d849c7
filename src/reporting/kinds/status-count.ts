// columnsBy=statusCount: how many times each status was entered.
import { statusCounts } from '../../engine';
import type { Cell } from '../table';
import { issueRow, reportedStatuses, defineKind } from './kind';

export const statusCount = defineKind({
  id: 'statusCount',
  rows(input) {
    const cells = new Map<string, Cell>();
    for (const [id, n] of statusCounts(input.timeline)) if (input.keepStatus(id)) cells.set(id, { kind: 'count', n });
    return issueRow(input, cells);
  },
  columns: (choices) => ({ valueColumns: [...choices.statuses, ...choices.deletedStatuses], includedStatuses: reportedStatuses(choices) }),
});
