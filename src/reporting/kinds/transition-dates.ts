// columnsBy=firstTransitionToStatusDate and lastTransitionFromStatusDate: when each status
// was first entered, or last left.
import { firstTransitionToStatus, lastTransitionFromStatus, type IssueTimeline } from '../../engine';
import type { Cell } from '../table';
import { issueRow, reportedStatuses, type ReportKind } from './kind';

function transitionDateKind<const Id extends string>(id: Id, at: (timeline: IssueTimeline, statusId: string) => number | undefined): ReportKind<Id> {
  return {
    id,
    rows(input) {
      const cells = new Map<string, Cell>();
      for (const column of input.context.statusColumns) {
        const instant = at(input.timeline, column.id);
        if (instant !== undefined) cells.set(column.id, { kind: 'instant', ms: instant });
      }
      return issueRow(input, cells);
    },
    columns: (choices) => ({ valueColumns: [...choices.statuses, ...choices.deletedStatuses], includedStatuses: reportedStatuses(choices) }),
  };
}

export const firstTransitionToStatusDate = transitionDateKind('firstTransitionToStatusDate', firstTransitionToStatus);
export const lastTransitionFromStatusDate = transitionDateKind('lastTransitionFromStatusDate', lastTransitionFromStatus);
