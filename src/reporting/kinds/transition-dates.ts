// columnsBy=firstTransitionToStatusDate and lastTransitionFromStatusDate: when each status
// was first entered, or last left.
import { firstTransitionToStatus, lastTransitionFromStatus, type IssueTimeline } from '../../engine';
import type { Cell } from '../table';
import type { ChangeAuthor, IssueHistory } from '../../engine';
import { issueRow, reportedStatuses, type ReportKind } from './kind';
import { authorCell, statusChangeAuthor, statusExitAuthor } from './transitioned-by';

/** includeTransitionedByColumns: the column after a status's date column. */
export const transitionedById = (statusId: string): string => `${statusId}:transitionedBy`;

function transitionDateKind<const Id extends string>(
  id: Id,
  at: (timeline: IssueTimeline, statusId: string) => number | undefined,
  author: (history: IssueHistory, at: number, statusId: string) => ChangeAuthor | undefined,
): ReportKind<Id> {
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
        if (instant === undefined) continue;
        cells.set(visit.value, { kind: 'instant', ms: instant });
        const by = input.context.includeTransitionedBy ? author(input.history, instant, visit.value) : undefined;
        if (by) cells.set(transitionedById(visit.value), authorCell(by));
      }
      return issueRow(input, cells);
    },
    columns: (choices) => {
      const statuses = [...choices.statuses, ...choices.deletedStatuses];
      return {
        valueColumns: choices.transitionedBy
          ? statuses.flatMap((s) => [s, { id: transitionedById(s.id), name: `${s.name} Transitioned By`, consolidated: false }])
          : statuses,
        includedStatuses: reportedStatuses(choices),
      };
    },
  };
}

export const firstTransitionToStatusDate = transitionDateKind('firstTransitionToStatusDate', firstTransitionToStatus, statusChangeAuthor);
export const lastTransitionFromStatusDate = transitionDateKind('lastTransitionFromStatusDate', lastTransitionFromStatus, statusExitAuthor);
