// Test helper: compact issue histories. `[at, from, to]` rows become FieldChanges with
// increasing changelog ids in row order unless an id is given.
import type { FieldChange, IssueHistory } from '../../../src/engine/issue-history';

export type ChangeRow = [at: number, from: string | null, to: string | null, changeId?: string];

export function history(options: {
  created: number;
  status: string;
  assignee?: string | null;
  statusChanges?: ChangeRow[];
  assigneeChanges?: ChangeRow[];
}): IssueHistory {
  let id = 100;
  const toChange =
    (field: FieldChange['field']) =>
    (row: ChangeRow): FieldChange => {
      id += 1;
      return { changeId: row[3] ?? String(id), at: row[0], field, from: row[1], to: row[2] };
    };
  return {
    issueId: '10001',
    issueKey: 'SC-1',
    created: options.created,
    status: options.status,
    assignee: options.assignee ?? null,
    changes: [...(options.statusChanges ?? []).map(toChange('status')), ...(options.assigneeChanges ?? []).map(toChange('assignee'))],
  };
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** Monday 2024-01-01 00:00 UTC: a fixed origin for 24x7 cases. */
export const T0 = Date.UTC(2024, 0, 1);
