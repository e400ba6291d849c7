// /rest/aggregation in the output type asked for. json keeps the list report's table shape
// (docs/rest-api.md): no headerColumns (a row is a group, not an issue), the group's
// values in groupByColumns, the statistic per column in valueColumns, and issueCount per
// row. jsonSimplified and csv have one row per group: group columns, Issues, value columns.
import type { AggregateTable } from '../aggregation';
import type { RenderedReport } from './render';
import { rawText, valueText, type CellFormat } from './cell-text';
import { csvText } from './csv';
import type { JsonColumnValue } from './json-table';

function jsonDocument(table: AggregateTable, format: CellFormat): unknown {
  return {
    table: {
      header: {
        headerColumns: [],
        groupByColumns: [
          ...table.groupByFields.map((f) => ({ id: f.id, value: f.name })),
          ...(table.groupByColumn ? [{ id: table.groupByColumn.id, value: table.groupByColumn.name }] : []),
        ],
        fieldColumns: [],
        valueColumns: table.valueColumns.map((c) => ({ id: c.id, value: c.name, isConsolidated: c.consolidated })),
      },
      body: {
        rows: table.rows.map((row) => ({
          headerColumns: [],
          groupByColumns: [
            ...table.groupByFields.flatMap((f) => {
              const cell = row.fields.get(f.id);
              return cell ? [{ id: f.id, value: cell.text, raw: cell.raw }] : [];
            }),
            ...(row.groupBy && table.groupByColumn ? [{ id: table.groupByColumn.id, value: row.groupBy.name, raw: row.groupBy.id }] : []),
          ],
          fieldColumns: [],
          valueColumns: table.valueColumns.flatMap((column) => {
            const cell = row.cells.get(column.id);
            if (!cell) return [];
            const out: JsonColumnValue = { id: column.id, value: valueText(cell, format), raw: rawText(cell) };
            // count: the issues (rows) behind the statistic.
            if (cell.kind === 'duration' && cell.count !== undefined) out.count = String(cell.count);
            return [out];
          }),
          issueCount: row.issueCount,
        })),
      },
    },
    aggregationType: table.aggregationType,
    issueCount: table.issueCount,
    includedStatuses: table.includedStatuses,
  };
}

function flat(table: AggregateTable, format: CellFormat): { header: string[]; rows: Array<Array<string | null>> } {
  const header = [...table.groupByFields.map((f) => f.name), ...(table.groupByColumn ? [table.groupByColumn.name] : []), 'Issues'];
  const taken = new Set(header);
  for (const column of table.valueColumns) {
    const name = taken.has(column.name) ? `${column.name} (${column.id})` : column.name;
    taken.add(name);
    header.push(name);
  }
  const rows = table.rows.map((row) => [
    ...table.groupByFields.map((f) => row.fields.get(f.id)?.text ?? null),
    ...(table.groupByColumn ? [row.groupBy?.name ?? null] : []),
    String(row.issueCount),
    ...table.valueColumns.map((column) => {
      const cell = row.cells.get(column.id);
      return cell ? valueText(cell, format) : null;
    }),
  ]);
  return { header, rows };
}

export function renderAggregation(table: AggregateTable, outputType: 'json' | 'jsonSimplified' | 'csv', format: CellFormat): RenderedReport {
  switch (outputType) {
    case 'json':
      return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(jsonDocument(table, format)) };
    case 'jsonSimplified': {
      const { header, rows } = flat(table, format);
      const results = rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? null])));
      return { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ results }) };
    }
    case 'csv':
      return { contentType: 'text/csv; charset=utf-8', body: csvText(flat(table, format)) };
  }
}
