// outputType=csv: RFC 4180 (CRLF line ends, quotes where needed), one header row, UTF-8.
// A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a leading
// apostrophe (OWASP's CSV injection advice), so an issue summary can never run code in Excel.
import { stringify } from 'csv-stringify/sync';
import type { FlatTable } from './flat-rows';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

// Numbers such as -0.5 never occur (durations are non-negative), so neutralising every
// cell that starts with '-' costs nothing real.
export function csvText(flat: FlatTable, includeHeader = true): string {
  const records = flat.rows.map((cells) => cells.map((cell) => neutraliseCell(cell ?? '')));
  if (includeHeader) records.unshift(flat.header.map(neutraliseCell));
  return stringify(records, { record_delimiter: '\r\n' });
}
