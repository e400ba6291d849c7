// outputType=json: the table shape of docs/tis-compatibility.md (header and body rows with
// headerColumns, groupByColumns, fieldColumns, valueColumns, currentState) plus
// includedStatuses, and nextPageToken when more issues follow.
import type { ReportTable, TableRow } from '../table';
import { rawText, valueText, type CellFormat } from './cell-text';

export interface JsonColumnValue {
  id: string;
  value: string;
  raw?: string;
  count?: string;
}

export interface JsonTableRow {
  headerColumns: Array<{ id: string; value: string }>;
  groupByColumns: JsonColumnValue[];
  fieldColumns: JsonColumnValue[];
  valueColumns: JsonColumnValue[];
  /** The current status: id, its name, and the working time in it so far. */
  currentState: Array<{ id: string; name: string; value: string; raw: string }>;
}

export interface JsonTableDocument {
  table: {
    header: {
      headerColumns: Array<{ id: string; value: string }>;
      groupByColumns: Array<{ id: string; value: string }>;
      fieldColumns: Array<{ id: string; value: string }>;
      valueColumns: Array<{ id: string; value: string; isConsolidated: boolean }>;
    };
    body: { rows: JsonTableRow[] };
  };
  includedStatuses: Array<{ id: string; name: string }>;
  nextPageToken?: string;
}

function fieldValues(row: TableRow, columns: ReadonlyArray<{ id: string }> | undefined): JsonColumnValue[] {
  return (columns ?? []).flatMap((f) => {
    const cell = row.fields?.get(f.id);
    return cell ? [{ id: f.id, value: cell.text, raw: cell.raw }] : [];
  });
}

export function jsonTable(table: ReportTable, format: CellFormat, statusName: (id: string) => string, nextPageToken: string | undefined): JsonTableDocument {
  const document: JsonTableDocument = {
    table: {
      header: {
        headerColumns: [
          { id: 'issuekey', value: 'Key' },
          { id: 'summary', value: 'Summary' },
        ],
        groupByColumns: [
          ...(table.groupByFields ?? []).map((f) => ({ id: f.id, value: f.name })),
          ...(table.groupByColumn ? [{ id: table.groupByColumn.id, value: table.groupByColumn.name }] : []),
        ],
        fieldColumns: (table.fieldColumns ?? []).map((f) => ({ id: f.id, value: f.name })),
        valueColumns: table.valueColumns.map((c) => ({ id: c.id, value: c.name, isConsolidated: c.consolidated })),
      },
      body: {
        rows: table.rows.map((row) => ({
          headerColumns: [
            { id: 'issuekey', value: row.issueKey },
            { id: 'summary', value: row.summary },
          ],
          groupByColumns: [
            ...fieldValues(row, table.groupByFields),
            ...(row.groupBy && table.groupByColumn ? [{ id: table.groupByColumn.id, value: row.groupBy.name, raw: row.groupBy.id }] : []),
          ],
          // As with value columns, a field the issue leaves empty is left out.
          fieldColumns: fieldValues(row, table.fieldColumns),
          // A value the issue does not have is "-" without raw or count (never zero), as the vendor sends it.
          valueColumns: table.valueColumns.flatMap((column) => {
            const cell = row.cells.get(column.id);
            if (!cell) return [{ id: column.id, value: '-' }];
            const out: JsonColumnValue = { id: column.id, value: valueText(cell, format), raw: rawText(cell) };
            if (cell.kind === 'duration' && cell.count !== undefined) out.count = String(cell.count);
            return [out];
          }),
          currentState: row.currentState
            ? [
                {
                  id: row.currentState.statusId,
                  name: statusName(row.currentState.statusId),
                  value: valueText({ kind: 'duration', ms: row.currentState.ms }, format),
                  raw: String(Math.round(row.currentState.ms)),
                },
              ]
            : [],
        })),
      },
    },
    includedStatuses: table.includedStatuses,
  };
  if (nextPageToken !== undefined) document.nextPageToken = nextPageToken;
  return document;
}
