// outputType=xlsx: the flat table of the csv, as one worksheet. exceljs is loaded on this
// path only (`await import`), so the web trigger's cold start never pays for it. A cell
// whose text is a number that reads back as the same text is written as a number (Excel
// can sum it); every other cell is text, which Excel never evaluates as a formula.
import type { FlatTable } from './flat-rows';

/** The one worksheet's name. */
export const XLSX_SHEET_NAME = 'Status Clock';

const NUMBER = /^-?\d+(\.\d+)?$/;

function cellValue(text: string | null): string | number | null {
  if (text === null) return null;
  return NUMBER.test(text) && String(Number(text)) === text ? Number(text) : text;
}

export async function xlsxBytes(flat: FlatTable): Promise<Buffer> {
  const ExcelJS = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Status Clock';
  const sheet = workbook.addWorksheet(XLSX_SHEET_NAME);
  sheet.addRow(flat.header);
  for (const cells of flat.rows) sheet.addRow(cells.map(cellValue));
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written);
}
