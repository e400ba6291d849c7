// An export's result rows as stored between invocations: the report table's rows (values
// still numbers, not yet formatted) as JSON, cut into chunks of bounded size. Rendering
// waits for the download, when every page's columns are known and one header fits all.
import { z } from 'zod';
import type { Cell, TableRow } from '../table';

/** Keeps each INSERT far below Forge SQL's 1 MiB request limit. */
export const CHUNK_MAX_BYTES = 256 * 1024;

const cellSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('duration'), ms: z.number(), count: z.number().optional() }),
  z.object({ kind: z.literal('count'), n: z.number() }),
  z.object({ kind: z.literal('instant'), ms: z.number() }),
  z.object({ kind: z.literal('label'), id: z.string(), name: z.string() }),
]);

const storedRowSchema = z.object({
  issueKey: z.string(),
  summary: z.string(),
  groupBy: z.object({ id: z.string(), name: z.string() }).optional(),
  fields: z.array(z.tuple([z.string(), z.object({ text: z.string(), raw: z.string() })])).optional(),
  cells: z.array(z.tuple([z.string(), cellSchema])),
  currentState: z.object({ statusId: z.string(), ms: z.number() }).optional(),
});

const chunkBodySchema = z.array(storedRowSchema);

export interface RowChunk {
  body: string;
  rowCount: number;
  /** Issues whose first row is in this chunk (an issue's rows may span two chunks). */
  issueCount: number;
}

function rowJson(row: TableRow): string {
  const stored: z.input<typeof storedRowSchema> = {
    issueKey: row.issueKey,
    summary: row.summary,
    ...(row.groupBy ? { groupBy: row.groupBy } : {}),
    ...(row.fields ? { fields: [...row.fields.entries()] } : {}),
    cells: [...row.cells.entries()],
    ...(row.currentState ? { currentState: row.currentState } : {}),
  };
  return JSON.stringify(stored);
}

/** Cuts rows into chunks of at most CHUNK_MAX_BYTES of UTF-8 (one row always fits alone). */
export function chunkRows(rows: readonly TableRow[], previousIssueKey?: string): RowChunk[] {
  const chunks: RowChunk[] = [];
  let parts: string[] = [];
  let bytes = 2;
  let issues = 0;
  let lastKey = previousIssueKey;
  const flush = (): void => {
    if (parts.length === 0) return;
    chunks.push({ body: `[${parts.join(',')}]`, rowCount: parts.length, issueCount: issues });
    parts = [];
    bytes = 2;
    issues = 0;
  };
  for (const row of rows) {
    const json = rowJson(row);
    const size = Buffer.byteLength(json, 'utf8') + 1;
    if (parts.length > 0 && bytes + size > CHUNK_MAX_BYTES) flush();
    parts.push(json);
    bytes += size;
    if (row.issueKey !== lastKey) issues += 1;
    lastKey = row.issueKey;
  }
  flush();
  return chunks;
}

/** A stored chunk back to table rows; throws if the text is not what chunkRows wrote. */
export function parseChunk(body: string): TableRow[] {
  return chunkBodySchema.parse(JSON.parse(body)).map((stored) => ({
    issueKey: stored.issueKey,
    summary: stored.summary,
    ...(stored.groupBy ? { groupBy: stored.groupBy } : {}),
    ...(stored.fields ? { fields: new Map(stored.fields) } : {}),
    cells: new Map<string, Cell>(stored.cells),
    ...(stored.currentState ? { currentState: stored.currentState } : {}),
  }));
}
