// A report table in the output type the client asked for. The synchronous endpoints
// render each page as it is computed; an export renders its stored rows at download.
//
// The body is written a block of rows at a time: each block goes through the format's
// own writer (json-table, flat-rows, csv) and is appended to the text, so the heap holds
// the table, one block's objects and the body, never a second whole-table object tree.
import { fieldError } from '../../kernel/errors';
import type { ReportParams } from '../report-params';
import type { ReportTable } from '../table';
import { csvText } from './csv';
import { flatTable, jsonSimplified } from './flat-rows';
import { jsonTable } from './json-table';

export interface RenderedReport {
  contentType: string;
  body: string;
}

/** What rendering needs beyond the table: the day length and status names. */
export interface RenderInfo {
  dayMs: number;
  statusName(id: string): string;
}

/** Rows written per block: large enough to amortise each writer's setup, small enough to stay light. */
const BLOCK_ROWS = 500;

function blocksOf(table: ReportTable): ReportTable[] {
  const blocks: ReportTable[] = [];
  for (let from = 0; from < table.rows.length; from += BLOCK_ROWS) blocks.push({ ...table, rows: table.rows.slice(from, from + BLOCK_ROWS) });
  return blocks;
}

/** Stands in for the rows array in the document written for no rows; no column name holds it. */
const ROWS_HOLE = '\u0000rows\u0000';

/** A JSON document whose rows array (`rowsOf`) is written block by block into its text. */
function jsonWithRows<D>(table: ReportTable, document: (rows: ReportTable) => D, rowsOf: (doc: D) => unknown[]): string {
  const skeleton = document({ ...table, rows: [] });
  rowsOf(skeleton).push(ROWS_HOLE);
  const text = JSON.stringify(skeleton);
  const hole = JSON.stringify([ROWS_HOLE]);
  const at = text.indexOf(hole);
  // Never expected (a status named like the hole): write the document whole instead.
  if (at < 0 || text.indexOf(hole, at + 1) >= 0) return JSON.stringify(document(table));
  const rows: string[] = [];
  for (const block of blocksOf(table)) {
    const blockText = JSON.stringify(rowsOf(document(block)));
    if (blockText.length > 2) rows.push(blockText.slice(1, -1));
  }
  return `${text.slice(0, at)}[${rows.join(',')}]${text.slice(at + hole.length)}`;
}

export function renderReport(
  table: ReportTable,
  params: Pick<ReportParams, 'outputType' | 'viewFormat'>,
  info: RenderInfo,
  nextPageToken: string | undefined,
): RenderedReport {
  const format = { viewFormat: params.viewFormat, dayMs: info.dayMs };
  switch (params.outputType) {
    case 'json':
      return {
        contentType: 'application/json; charset=utf-8',
        body: jsonWithRows(
          table,
          (rows) => jsonTable(rows, format, (id) => info.statusName(id), nextPageToken),
          (doc) => doc.table.body.rows,
        ),
      };
    case 'jsonSimplified':
      return {
        contentType: 'application/json; charset=utf-8',
        body: jsonWithRows(
          table,
          (rows) => jsonSimplified(flatTable(rows, format), nextPageToken),
          (doc) => doc.results,
        ),
      };
    case 'csv':
      if (table.rows.length === 0) return { contentType: 'text/csv; charset=utf-8', body: csvText(flatTable(table, format)) };
      return {
        contentType: 'text/csv; charset=utf-8',
        body: blocksOf(table)
          .map((block, index) => csvText(flatTable(block, format), index === 0))
          .join(''),
      };
    case 'xlsx':
      // A workbook is binary: render-file.ts writes it for the file endpoints.
      throw fieldError('outputType', 'xlsx is a file: use GET /rest/smallexport or POST /rest/export');
  }
}
