// The body written block by block is byte for byte the document written whole, in every
// output type, for tables smaller and larger than a block, with and without a page token.
import { csvText } from '../../../src/reporting/output/csv';
import { flatTable, jsonSimplified } from '../../../src/reporting/output/flat-rows';
import { jsonTable } from '../../../src/reporting/output/json-table';
import { renderReport } from '../../../src/reporting/output/render';
import { wireFields } from '../../../src/reporting/output/wire-fields';
import type { Cell, ReportTable, TableRow } from '../../../src/reporting/table';

function table(rowCount: number, grouped: boolean): ReportTable {
  const rows: TableRow[] = [];
  for (let i = 0; i < rowCount; i += 1) {
    const cells = new Map<string, Cell>();
    if (i % 3 !== 0) cells.set('1', { kind: 'duration', ms: i * 3_600_123, count: 1 + (i % 4) });
    if (i % 2 === 0) cells.set('3', { kind: 'duration', ms: i * 61_000.5 });
    const row: TableRow = { issueKey: `T-${i}`, summary: i % 7 === 0 ? `=cmd "quoted", line\nbreak ${i}` : `Issue ${i} \u00e9`, cells };
    if (i % 5 !== 0) row.currentState = { statusId: i % 2 === 0 ? '1' : '3', ms: i * 1000 };
    if (grouped) row.groupBy = { id: `user-${i % 3}`, name: `User ${i % 3}` };
    rows.push(row);
  }
  const result: ReportTable = {
    columnsBy: grouped ? 'statusDurationByAssignee' : 'statusDuration',
    valueColumns: [
      { id: '1', name: 'To Do', consolidated: false },
      { id: '3', name: 'In Progress', consolidated: false },
    ],
    includedStatuses: [
      { id: '1', name: 'To Do' },
      { id: '3', name: 'In Progress' },
    ],
    rows,
    discovered: { assignees: [], deletedStatusIds: [] },
  };
  if (grouped) result.groupByColumn = { id: 'assignee', name: 'Assignee' };
  return result;
}

const info = { dayMs: 8 * 3_600_000, statusName: (id: string) => (id === '1' ? 'To Do' : 'In Progress') };
const format = { viewFormat: 'hours' as const, dayMs: info.dayMs };

describe('renderReport writes the body a block at a time', () => {
  it.each([
    [0, false, undefined],
    [1, false, 'tok'],
    [499, true, undefined],
    [500, false, 'tok'],
    [1234, true, 'next-page'],
  ])('%i rows (grouped %s, token %s): the same text as the whole document', (rowCount, grouped, token) => {
    const t = table(rowCount, grouped);
    const doc = jsonTable(t, format, info.statusName, token);
    const wire = wireFields({ viewFormat: 'hours' }, {}, doc.includedStatuses);
    expect(renderReport(t, { outputType: 'json', viewFormat: 'hours' }, info, token).body).toBe(
      JSON.stringify({ ...wire, ...doc, includedStatuses: wire.includedStatuses }),
    );
    expect(renderReport(t, { outputType: 'jsonSimplified', viewFormat: 'hours' }, info, token).body).toBe(
      JSON.stringify(jsonSimplified(flatTable(t, format), token)),
    );
    expect(renderReport(t, { outputType: 'csv', viewFormat: 'hours' }, info, token).body).toBe(csvText(flatTable(t, format)));
  });
});
