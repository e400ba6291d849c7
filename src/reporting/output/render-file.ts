// A report as a downloadable file (/rest/smallexport, /rest/export downloads): the text
// formats as renderReport writes them, xlsx as a workbook sent base64-encoded.
import type { ReportParams } from '../report-params';
import type { ReportTable } from '../table';
import { flatTable } from './flat-rows';
import { renderReport, type RenderInfo } from './render';
import { xlsxBytes } from './xlsx';

export interface RenderedFile {
  contentType: string;
  body: string;
  isBase64Encoded: boolean;
  extension: 'json' | 'csv' | 'xlsx';
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function renderFile(table: ReportTable, params: Pick<ReportParams, 'outputType' | 'viewFormat'>, info: RenderInfo): Promise<RenderedFile> {
  if (params.outputType === 'xlsx') {
    const bytes = await xlsxBytes(flatTable(table, { viewFormat: params.viewFormat, dayMs: info.dayMs }));
    return { contentType: XLSX_CONTENT_TYPE, body: bytes.toString('base64'), isBase64Encoded: true, extension: 'xlsx' };
  }
  const rendered = renderReport(table, params, info, undefined);
  return { ...rendered, isBase64Encoded: false, extension: params.outputType === 'csv' ? 'csv' : 'json' };
}
