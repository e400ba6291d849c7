// The flat view shared by jsonSimplified and CSV: one header of display names and one
// list of cells per row, in the same order.
import type { ReportTable } from '../table';
import { valueText, type CellFormat } from './cell-text';

export interface FlatTable {
  header: string[];
  /** null where the issue has no value (never zero). */
  rows: Array<Array<string | null>>;
}

/** Column names must be unique keys: a repeated name gets its id appended. */
function uniqueNames(names: Array<{ id: string; name: string }>, taken: Set<string>): string[] {
  const counts = new Map<string, number>();
  for (const { name } of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return names.map(({ id, name }) => {
    const unique = (counts.get(name) ?? 0) > 1 || taken.has(name) ? `${name} (${id})` : name;
    taken.add(unique);
    return unique;
  });
}

export function flatTable(table: ReportTable, format: CellFormat): FlatTable {
  const taken = new Set<string>(['Key', 'Summary']);
  const header = ['Key', 'Summary'];
  const groupFields = table.groupByFields ?? [];
  const fieldColumns = table.fieldColumns ?? [];
  header.push(...uniqueNames(groupFields, taken));
  if (table.groupByColumn) {
    header.push(table.groupByColumn.name);
    taken.add(table.groupByColumn.name);
  }
  header.push(...uniqueNames(fieldColumns, taken));
  header.push(...uniqueNames(table.valueColumns, taken));
  const rows = table.rows.map((row) => {
    const cells: Array<string | null> = [row.issueKey, row.summary];
    for (const field of groupFields) cells.push(row.fields?.get(field.id)?.text ?? null);
    if (table.groupByColumn) cells.push(row.groupBy?.name ?? null);
    for (const field of fieldColumns) cells.push(row.fields?.get(field.id)?.text ?? null);
    for (const column of table.valueColumns) {
      const cell = row.cells.get(column.id);
      cells.push(cell ? valueText(cell, format) : null);
    }
    return cells;
  });
  return { header, rows };
}

/** outputType=jsonSimplified: `{ results: [flat object per row], nextPageToken? }`. */
export function jsonSimplified(flat: FlatTable, nextPageToken: string | undefined): { results: Array<Record<string, string | null>>; nextPageToken?: string } {
  const results = flat.rows.map((cells) => Object.fromEntries(flat.header.map((name, i) => [name, cells[i] ?? null])));
  return nextPageToken === undefined ? { results } : { results, nextPageToken };
}
