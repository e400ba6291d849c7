// What an export knows about its result besides the rows: the columns its pages found so
// far (assignees, deleted statuses), and once it is complete the one header every part
// is rendered with and how the chunks group into downloadable parts.
import { z } from 'zod';
import type { ReportContext } from '../report-context';
import { tableColumns } from '../report-table';
import type { DiscoveredColumns, ReportTable } from '../table';
import type { ColumnsBy } from '../kinds';

/**
 * Rows in one downloaded part: about what one synchronous call answers (10,000 issues
 * of statusDuration), so a part stays a few MB, which a web trigger response can carry.
 */
export const PART_MAX_ROWS = 10_000;

const column = z.object({ id: z.string(), name: z.string(), consolidated: z.boolean() });
const named = z.object({ id: z.string(), name: z.string() });

const partSchema = z.object({ firstSeq: z.number(), lastSeq: z.number(), rowCount: z.number(), issueCount: z.number() });
export type ExportPart = z.infer<typeof partSchema>;

const resultSchema = z.object({
  valueColumns: z.array(column),
  groupByColumn: named.optional(),
  fieldColumns: z.array(named).optional(),
  groupByFields: z.array(named).optional(),
  includedStatuses: z.array(named),
  dayMs: z.number(),
  statusNames: z.record(z.string(), z.string()),
  /** Status category keys and the calendar used, for the json download's wire fields (older results lack them). */
  statusCategories: z.record(z.string(), z.string()).optional(),
  calendarSummary: z
    .object({ id: z.number().nullable(), name: z.string(), timeZone: z.string(), dailyWorkingHours: z.number(), is7x24Calendar: z.boolean() })
    .optional(),
  parts: z.array(partSchema),
});
export type ExportResult = z.infer<typeof resultSchema>;

const layoutSchema = z.object({
  discovered: z.object({ assignees: z.array(column), deletedStatusIds: z.array(z.string()), found: z.array(column).optional() }),
  /** The last issue key stored, so a chunk's issue count does not count it twice. */
  lastIssueKey: z.string().optional(),
  result: resultSchema.optional(),
});
export type ExportLayout = z.infer<typeof layoutSchema>;

export const emptyLayout = (): ExportLayout => ({ discovered: { assignees: [], deletedStatusIds: [] } });

export function parseLayout(text: string): ExportLayout {
  return layoutSchema.parse(JSON.parse(text));
}

export function mergeDiscovered(a: DiscoveredColumns, b: DiscoveredColumns): DiscoveredColumns {
  const assignees = new Map(a.assignees.map((c) => [c.id, c]));
  for (const c of b.assignees) if (!assignees.has(c.id)) assignees.set(c.id, c);
  const found = new Map((a.found ?? []).map((c) => [c.id, c]));
  for (const c of b.found ?? []) if (!found.has(c.id)) found.set(c.id, c);
  return {
    assignees: [...assignees.values()],
    deletedStatusIds: [...new Set([...a.deletedStatusIds, ...b.deletedStatusIds])],
    ...(found.size > 0 ? { found: [...found.values()] } : {}),
  };
}

/** Consecutive chunks grouped into parts of at most PART_MAX_ROWS rows (a chunk is never split). */
export function groupIntoParts(chunks: ReadonlyArray<{ seq: number; rowCount: number; issueCount: number }>, maxRows = PART_MAX_ROWS): ExportPart[] {
  const parts: ExportPart[] = [];
  let current: ExportPart | undefined;
  for (const chunk of chunks) {
    if (current && current.rowCount + chunk.rowCount <= maxRows) {
      current.lastSeq = chunk.seq;
      current.rowCount += chunk.rowCount;
      current.issueCount += chunk.issueCount;
      continue;
    }
    current = { firstSeq: chunk.seq, lastSeq: chunk.seq, rowCount: chunk.rowCount, issueCount: chunk.issueCount };
    parts.push(current);
  }
  return parts;
}

export function finalResult(columnsBy: ColumnsBy, context: ReportContext, discovered: DiscoveredColumns, parts: ExportPart[]): ExportResult {
  const columns = tableColumns(columnsBy, context, discovered);
  return {
    valueColumns: columns.valueColumns,
    ...(columns.groupByColumn ? { groupByColumn: columns.groupByColumn } : {}),
    ...(columns.fieldColumns?.length ? { fieldColumns: columns.fieldColumns } : {}),
    ...(columns.groupByFields?.length ? { groupByFields: columns.groupByFields } : {}),
    includedStatuses: columns.includedStatuses,
    dayMs: context.dayMs,
    statusNames: Object.fromEntries(context.allStatuses.map((s) => [s.id, s.name])),
    statusCategories: Object.fromEntries(context.allStatuses.map((s) => [s.id, s.categoryKey])),
    ...(context.calendarSummary ? { calendarSummary: context.calendarSummary } : {}),
    parts,
  };
}

/** A part's rows as a table with the export's one header. */
export function partTable(columnsBy: ColumnsBy, result: ExportResult, rows: ReportTable['rows']): ReportTable {
  return {
    columnsBy,
    ...(result.groupByColumn ? { groupByColumn: result.groupByColumn } : {}),
    ...(result.fieldColumns ? { fieldColumns: result.fieldColumns } : {}),
    ...(result.groupByFields ? { groupByFields: result.groupByFields } : {}),
    valueColumns: result.valueColumns,
    includedStatuses: result.includedStatuses,
    rows,
    discovered: { assignees: [], deletedStatusIds: [] },
  };
}
