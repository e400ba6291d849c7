// columnsBy=groupDuration: time in each status group (cycle time, lead time...); every
// group unless `groups` names some.
import { defineKind, issueRow } from './kind';
import { durationCells } from './status-duration';

export const groupDuration = defineKind({
  id: 'groupDuration',
  usesAllGroups: true,
  rows: (input) => issueRow(input, durationCells(input, false)),
  columns: (choices) => ({ valueColumns: choices.groups, includedStatuses: choices.statuses.map((s) => ({ id: s.id, name: s.name })) }),
});
