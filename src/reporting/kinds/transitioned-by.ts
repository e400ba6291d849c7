// includeTransitionedByColumns: who made a transition, from the changelog history's author.
import type { ChangeAuthor, IssueHistory } from '../../engine';
import type { Cell } from '../table';

/** The author of the status change into `statusId` at `at`; undefined for creation or a trim edge. */
export function statusChangeAuthor(history: IssueHistory, at: number, statusId: string): ChangeAuthor | undefined {
  return history.changes.find((c) => c.field === 'status' && c.at === at && c.to === statusId)?.by;
}

/** The author of the status change out of `statusId` at `at`. */
export function statusExitAuthor(history: IssueHistory, at: number, statusId: string): ChangeAuthor | undefined {
  return history.changes.find((c) => c.field === 'status' && c.at === at && c.from === statusId)?.by;
}

/** A transitionedBy cell: the display name, raw the account id. */
export const authorCell = (by: ChangeAuthor): Cell => ({ kind: 'label', id: by.accountId, name: by.displayName });

export const TRANSITIONED_BY_COLUMN = { id: 'transitionedBy', name: 'Transitioned By', consolidated: false } as const;
