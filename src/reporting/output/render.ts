// A report table in the output type the client asked for. The synchronous endpoints
// render each page as it is computed; an export renders its stored rows at download.
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

export function renderReport(
  table: ReportTable,
  params: Pick<ReportParams, 'outputType' | 'viewFormat'>,
  info: RenderInfo,
  nextPageToken: string | undefined,
): RenderedReport {
  const format = { viewFormat: params.viewFormat, dayMs: info.dayMs };
  switch (params.outputType) {
    case 'json':
      return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(jsonTable(table, format, (id) => info.statusName(id), nextPageToken)) };
    case 'jsonSimplified':
      return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(jsonSimplified(flatTable(table, format), nextPageToken)) };
    case 'csv':
      return { contentType: 'text/csv; charset=utf-8', body: csvText(flatTable(table, format)) };
  }
}
