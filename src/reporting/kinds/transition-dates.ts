// columnsBy=firstTransitionToStatusDate and lastTransitionFromStatusDate: when each status
// was first entered, or last left.
import { firstTransitionToStatus, lastTransitionFromStatus, type IssueTimeline } from '../../engine';
import type { Cell } from '../table';
import { issueRow, reportedStatuses, type ReportKind } from './kind';

function transitionDateKind<const Id extends string>(id: Id, at: (timeline: IssueTimeline, statusId: string) => number | undefined): ReportKind<Id> {
  return {
    id,
    datesOnly: true,
    rows(input) {
      const cells = new Map<string, Cell>();
      // The statuses the issue was in, not the request's status columns: a status Jira no
      // longer has is a column under includeDeletedStatuses and needs its date too.
      const seen = new Set<string>();
      for (const visit of input.timeline.allStatusVisits) {
        if (seen.has(visit.value)) continue;
        seen.add(visit.value);
        if (!input.keepStatus(visit.value)) continue;
        const instant = at(input.timeline, visit.value);
        if (instant !== undefined) cells.set(visit.value, { kind: 'instant', ms: instant });
      }
      return issueRow(input, cells);
    },
    columns: (choices) => ({ valueColumns: [...choices.statuses, ...choices.deletedStatuses], includedStatuses: reportedStatuses(choices) }),
  };
}

export const firstTransitionToStatusDate = transitionDateKind('firstTransitionToStatusDate', firstTransitionToStatus);
export const lastTransitionFromStatusDate = transitionDateKind('lastTransitionFromStatusDate', lastTransitionFromStatus);
