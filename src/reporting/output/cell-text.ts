// How one table cell is written: `raw` is the exact number (milliseconds as a decimal
// string, a count, or epoch ms for dates), `value` is what a person reads.
import { formatDuration, type ViewFormat } from '../../engine';
import type { Cell } from '../table';

export interface CellFormat {
  viewFormat: ViewFormat;
  dayMs: number;
}

export function rawText(cell: Cell): string {
  switch (cell.kind) {
    case 'duration':
      // Averages can be fractional; raw stays whole milliseconds.
      return String(Math.round(cell.ms));
    case 'count':
      return String(cell.n);
    case 'instant':
      return String(cell.ms);
    case 'label':
      return cell.id;
  }
}

export function valueText(cell: Cell, format: CellFormat): string {
  switch (cell.kind) {
    case 'duration':
      return formatDuration(cell.ms, { viewFormat: format.viewFormat, dayLengthMs: format.dayMs });
    case 'count':
      return String(cell.n);
    case 'instant':
      return new Date(cell.ms).toISOString();
    case 'label':
      return cell.name;
  }
}
