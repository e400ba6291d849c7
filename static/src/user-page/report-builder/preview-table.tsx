// The first rows of the report as a table: the JSON table's header and rows, as the REST
// API writes them (key, summary, the group-by column, one column per value, the current status).
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ReportPreview } from '../../../../src/contract/report-builder';

const scroller = xcss({ overflowX: 'auto', maxWidth: '100%' });

interface Column {
  key: string;
  label: string;
  cell(row: ReportPreview['table']['body']['rows'][number]): string;
}

function columnsOf(preview: ReportPreview): Column[] {
  const { header } = preview.table;
  const find = (cells: ReadonlyArray<{ id: string; value: string }>, id: string) => cells.find((cell) => cell.id === id)?.value ?? '';
  return [
    ...header.headerColumns.map(
      (column) => ({ key: `h-${column.id}`, label: column.value, cell: (row) => find(row.headerColumns, column.id) }) satisfies Column,
    ),
    ...header.groupByColumns.map(
      (column) => ({ key: `g-${column.id}`, label: column.value, cell: (row) => find(row.groupByColumns, column.id) }) satisfies Column,
    ),
    ...header.valueColumns.map((column) => ({ key: `v-${column.id}`, label: column.value, cell: (row) => find(row.valueColumns, column.id) }) satisfies Column),
    { key: 'current', label: 'Current status', cell: (row) => row.currentState[0]?.name ?? '' },
  ];
}

export function PreviewTable({ preview }: { preview: ReportPreview }) {
  const columns = columnsOf(preview);
  const head: HeadType = { cells: columns.map((column) => ({ key: column.key, content: column.label })) };
  const rows: RowType[] = preview.table.body.rows.map((row, index) => ({
    key: `${row.headerColumns[0]?.value ?? ''}-${index}`,
    testId: 'builder-preview-row',
    cells: columns.map((column) => ({ key: column.key, content: <Text>{column.cell(row)}</Text> })),
  }));
  const shown = preview.table.body.rows.length;
  return (
    <Stack space="space.100">
      <Text color="color.text.subtle" testId="builder-preview-summary">
        {shown === 0
          ? 'No issues match, or you may not browse them.'
          : `The first ${shown} ${shown === 1 ? 'row' : 'rows'}${preview.more ? '; the full report has more.' : ', the whole report.'}`}
      </Text>
      {shown > 0 ? (
        <Box xcss={scroller}>
          <DynamicTableStateless head={head} rows={rows} testId="builder-preview" />
        </Box>
      ) : null}
    </Stack>
  );
}
