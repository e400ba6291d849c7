// columnsBy=anyFieldDurationExpanded with historyFields: one row per stay of a field at one
// value (priority High from Monday to Wednesday...), for any field with history: columns
// field, value, start, end, duration (and transitionedBy). The first value is the first
// change's `from` (or the current value when the field never changed); the last lasts
// until now, unless excludeCurrentStatus drops it. Stays without a value are left out.
// Durations are working time of the calendar, cut to the trim window.
import { compareChangeIds, type OtherFieldChange } from '../../engine';
import { fieldValueOf } from '../field-values';
import type { Cell, TableRow } from '../table';
import { reportedStatuses, defineKind, type IssueInput } from './kind';
import { authorCell, TRANSITIONED_BY_COLUMN } from './transitioned-by';

interface Stay {
  raw: string;
  text: string;
  start: number;
  end: number;
  ongoing: boolean;
  by: OtherFieldChange['by'];
}

function staysOf(input: IssueInput, fieldId: string): Stay[] {
  const { history, timeline } = input;
  const field = input.context.historyFields.find((f) => f.id === fieldId);
  const now = timeline.allStatusVisits[timeline.allStatusVisits.length - 1]?.end ?? history.created;
  const changes = (history.otherChanges ?? []).filter((c) => c.fieldId === fieldId).sort((a, b) => a.at - b.at || compareChangeIds(a.changeId, b.changeId));
  const stays: Stay[] = [];
  const current = fieldValueOf(input.fields[fieldId], field);
  let value: { raw: string; text: string } | undefined =
    changes[0] !== undefined ? valueOf(changes[0].from, changes[0].fromString) : current ? { raw: current.raw, text: current.text } : undefined;
  let start = history.created;
  let by: Stay['by'];
  for (const change of changes) {
    if (value) stays.push({ ...value, start, end: change.at, ongoing: false, by });
    value = valueOf(change.to, change.toString);
    start = change.at;
    by = change.by;
  }
  if (value) stays.push({ ...value, start, end: Math.max(start, now), ongoing: true, by });
  return stays;
}

function valueOf(id: string | null, text: string | null): { raw: string; text: string } | undefined {
  const raw = id ?? text;
  if (raw === null || raw === '') return undefined;
  return { raw, text: text ?? raw };
}

export const anyFieldDurationExpanded = defineKind({
  id: 'anyFieldDurationExpanded',
  rows(input) {
    const { window } = input.timeline;
    const rows: TableRow[] = [];
    for (const field of input.context.historyFields) {
      for (const stay of staysOf(input, field.id)) {
        if (stay.ongoing && input.excludeCurrent) continue;
        const start = Math.max(stay.start, window.start);
        const end = Math.min(stay.end, window.end);
        if (end <= start) continue;
        const cells = new Map<string, Cell>([
          ['field', { kind: 'label', id: field.id, name: field.name }],
          ['value', { kind: 'label', id: stay.raw, name: stay.text }],
          ['start', { kind: 'instant', ms: start }],
          ['end', { kind: 'instant', ms: end }],
          ['duration', { kind: 'duration', ms: input.context.calendar.workingMsBetween(start, end) }],
        ]);
        if (input.context.includeTransitionedBy && stay.by) cells.set(TRANSITIONED_BY_COLUMN.id, authorCell(stay.by));
        rows.push({ ...input.base, cells });
      }
    }
    return rows;
  },
  columns: (choices) => ({
    valueColumns: [
      { id: 'field', name: 'Field', consolidated: false },
      { id: 'value', name: 'Value', consolidated: false },
      { id: 'start', name: 'Start', consolidated: false },
      { id: 'end', name: 'End', consolidated: false },
      { id: 'duration', name: 'Duration', consolidated: false },
      ...(choices.transitionedBy ? [TRANSITIONED_BY_COLUMN] : []),
    ],
    includedStatuses: reportedStatuses(choices),
  }),
});
