// An export's rows as stored between invocations: chunks of at most CHUNK_MAX_BYTES of
// UTF-8 that parse back to the very rows written, with issue counts that add up across
// chunks and pages.
import fc from 'fast-check';
import { CHUNK_MAX_BYTES, chunkRows, parseChunk, type RowChunk } from '../../../../src/reporting/export-jobs/stored-rows';
import type { Cell, TableRow } from '../../../../src/reporting/table';
import { buildTable } from '../report-fixtures';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

const row = (issueKey: string, summary = `Summary of ${issueKey}`, cells: Array<[string, Cell]> = [['1', { kind: 'count', n: 1 }]]): TableRow => ({
  issueKey,
  summary,
  cells: new Map(cells),
});

const roundTrip = (chunks: readonly RowChunk[]): TableRow[] => chunks.flatMap((chunk) => parseChunk(chunk.body));

// Graphemes (emoji, combined and astral characters) or ASCII including quotes, backslashes
// and control characters.
const text = (maxLength: number) => fc.oneof(fc.string({ unit: 'grapheme', maxLength }), fc.string({ unit: 'binary-ascii', maxLength }));

describe('chunkRows / parseChunk round trip', () => {
  it('gives back every cell kind, the group-by value and the current state', () => {
    const rows: TableRow[] = [
      {
        issueKey: 'SC-1',
        summary: 'Every kind of cell',
        groupBy: { id: 'acc-b', name: 'Amy' },
        cells: new Map<string, Cell>([
          ['3', { kind: 'duration', ms: 16_200_000.5, count: 2 }],
          ['4', { kind: 'duration', ms: 0 }],
          ['5', { kind: 'count', n: 3 }],
          ['start', { kind: 'instant', ms: Date.UTC(2024, 0, 1, 9) }],
          ['status', { kind: 'label', id: '7', name: 'Deleted status 7' }],
        ]),
        currentState: { statusId: '5', ms: 7_200_000 },
      },
      { issueKey: 'SC-2', summary: '', cells: new Map() },
    ];
    const chunks = chunkRows(rows);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ rowCount: 2, issueCount: 2 });
    const back = roundTrip(chunks);
    expect(back).toEqual(rows);
    // Absent optional parts stay absent rather than coming back as undefined keys.
    expect(Object.keys(back[1] ?? {})).toEqual(['issueKey', 'summary', 'cells']);
  });

  it.each(['statusDuration', 'statusDurationByAssignee', 'assigneeDurationByStatus', 'statusDurationExpanded', 'firstTransitionToStatusDate', 'statusCount'])(
    'gives back the rows of a real %s table',
    async (columnsBy) => {
      const table = await buildTable({ columnsBy, groups: 'Active' });
      expect(roundTrip(chunkRows(table.rows))).toEqual(table.rows);
    },
  );

  it('keeps any text, including quotes, control characters, and text outside the BMP', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.integer({ min: 1, max: 5 }).map((n) => `SC-${n}`),
            summary: text(40),
            name: text(10),
          }),
          {
            maxLength: 20,
          },
        ),
        (specs) => {
          const rows = specs.map((spec) => row(spec.key, spec.summary, [[spec.name, { kind: 'label', id: spec.name, name: spec.summary }]]));
          expect(roundTrip(chunkRows(rows))).toEqual(rows);
        },
      ),
    );
  });

  it('keeps the field values (fields, groupByFields) of a row, text and raw', () => {
    const row: TableRow = {
      issueKey: 'SC-1',
      summary: 's',
      fields: new Map([
        ['priority', { text: 'High', raw: '2' }],
        ['labels', { text: 'a, b', raw: 'a,b' }],
      ]),
      cells: new Map<string, Cell>([['1', { kind: 'duration', ms: 5 }]]),
    };
    const [chunk] = chunkRows([row]);
    expect(parseChunk(chunk!.body)).toEqual([row]);
  });

  it('writes no chunk for no rows', () => {
    expect(chunkRows([])).toEqual([]);
  });
});

describe('chunkRows: the CHUNK_MAX_BYTES bound', () => {
  // 3- and 4-byte UTF-8 characters: a bound counted in UTF-16 units would let a chunk grow
  // to about twice the limit in bytes.
  const multiByte = (i: number): TableRow =>
    row(`MB-${i}`, `日本語のテキスト ${'🕰️'.repeat(40)} ${i}`, [['label', { kind: 'label', id: String(i), name: 'ステータス'.repeat(20) }]]);
  const rows = Array.from({ length: 3000 }, (_, i) => multiByte(i));
  const chunks = chunkRows(rows);

  it('keeps every chunk within the bound measured in UTF-8 bytes, and fills each before starting the next', () => {
    expect(chunks.length).toBeGreaterThan(2);
    for (const [index, chunk] of chunks.entries()) {
      expect(bytes(chunk.body)).toBeLessThanOrEqual(CHUNK_MAX_BYTES);
      // The bound is in bytes, not characters: these chunks are far shorter in UTF-16 units.
      expect(chunk.body.length).toBeLessThan(CHUNK_MAX_BYTES * 0.6);
      const next = chunks[index + 1];
      if (next) {
        const firstOfNext = JSON.stringify((JSON.parse(next.body) as unknown[])[0]);
        expect(bytes(chunk.body) + 1 + bytes(firstOfNext)).toBeGreaterThan(CHUNK_MAX_BYTES);
      }
    }
  });

  it('keeps the rows in order, each once, with rowCount matching the chunk', () => {
    expect(chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0)).toBe(rows.length);
    for (const chunk of chunks) expect(parseChunk(chunk.body)).toHaveLength(chunk.rowCount);
    expect(roundTrip(chunks).map((r) => r.issueKey)).toEqual(rows.map((r) => r.issueKey));
  });

  it('puts a row larger than the bound alone in its chunk, between the chunks of its neighbours', () => {
    // 200,000 characters but 400,000 bytes: over the bound only when bytes are counted.
    const huge = row('BIG-1', 'é'.repeat(200_000));
    expect(huge.summary.length).toBeLessThan(CHUNK_MAX_BYTES);
    const around = [row('A-1'), row('A-2'), huge, row('B-1'), row('B-2')];
    const cut = chunkRows(around);
    expect(cut.map((chunk) => chunk.rowCount)).toEqual([2, 1, 2]);
    expect(bytes(cut[1]?.body ?? '')).toBeGreaterThan(CHUNK_MAX_BYTES);
    expect(parseChunk(cut[1]?.body ?? '')).toEqual([huge]);
    expect(roundTrip(cut)).toEqual(around);
  });

  it('puts two oversized rows in two chunks', () => {
    const cut = chunkRows([row('BIG-1', 'x'.repeat(CHUNK_MAX_BYTES)), row('BIG-2', 'y'.repeat(CHUNK_MAX_BYTES))]);
    expect(cut.map((chunk) => [chunk.rowCount, chunk.issueCount])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});

describe('chunkRows: issue counts', () => {
  // About 100 kB a row: two rows fit in a chunk, three do not.
  const big = (issueKey: string, group: string): TableRow => ({ ...row(issueKey, 'x'.repeat(100_000)), groupBy: { id: group, name: group } });
  const rows = [big('SC-1', 'a'), big('SC-1', 'b'), big('SC-1', 'c'), big('SC-2', 'a'), big('SC-2', 'b'), big('SC-3', 'a')];

  it('counts an issue in the chunk holding its first row, so an issue spanning chunks counts once', () => {
    const chunks = chunkRows(rows);
    expect(chunks.map((chunk) => chunk.rowCount)).toEqual([2, 2, 2]);
    // [SC-1 a, SC-1 b] [SC-1 c, SC-2 a] [SC-2 b, SC-3 a]
    expect(chunks.map((chunk) => chunk.issueCount)).toEqual([1, 1, 1]);
  });

  it('does not count again the issue the previous page ended with (previousIssueKey)', () => {
    const firstPage = chunkRows(rows.slice(0, 2));
    const secondPage = chunkRows(rows.slice(2), 'SC-1');
    expect(firstPage.map((chunk) => chunk.issueCount)).toEqual([1]);
    expect(secondPage.map((chunk) => chunk.issueCount)).toEqual([1, 1]);
    const total = [...firstPage, ...secondPage].reduce((sum, chunk) => sum + chunk.issueCount, 0);
    expect(total).toBe(3);
    // Without the previous key, the continued issue would count twice.
    expect(chunkRows(rows.slice(2)).reduce((sum, chunk) => sum + chunk.issueCount, 0)).toBe(3);
  });

  it('counts the distinct issues of any rows split into pages at any point', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 30 }), fc.nat(), (rowsPerIssue, cutAt) => {
        const all = rowsPerIssue.flatMap((count, issue) => Array.from({ length: count }, (_, i) => row(`SC-${issue + 1}`, `row ${i}`)));
        const cut = cutAt % (all.length + 1);
        const first = chunkRows(all.slice(0, cut));
        const second = chunkRows(all.slice(cut), all[cut - 1]?.issueKey);
        expect([...first, ...second].reduce((sum, chunk) => sum + chunk.issueCount, 0)).toBe(rowsPerIssue.length);
      }),
    );
  });
});

describe('parseChunk: refuses text chunkRows did not write', () => {
  const cell = (value: unknown): string => JSON.stringify([{ issueKey: 'SC-1', summary: '', cells: [['1', value]] }]);

  it.each([
    ['not JSON', 'rows'],
    ['truncated JSON', chunkRows([row('SC-1')])[0]?.body.slice(0, -3) ?? ''],
    ['an object instead of a list', '{}'],
    ['a list of numbers', '[1, 2]'],
    ['a row without its key', JSON.stringify([{ summary: '', cells: [] }])],
    ['a key that is not text', JSON.stringify([{ issueKey: 1, summary: '', cells: [] }])],
    ['cells as an object', JSON.stringify([{ issueKey: 'SC-1', summary: '', cells: {} }])],
    ['a cell of an unknown kind', cell({ kind: 'money', ms: 1 })],
    ['a duration as text', cell({ kind: 'duration', ms: '10' })],
    ['a duration that JSON wrote as null (NaN)', cell({ kind: 'duration', ms: null })],
    ['a label without its name', cell({ kind: 'label', id: '1' })],
    ['a cell without its column', JSON.stringify([{ issueKey: 'SC-1', summary: '', cells: [[{ kind: 'count', n: 1 }]] }])],
    ['a current state without its status', JSON.stringify([{ issueKey: 'SC-1', summary: '', cells: [], currentState: { ms: 1 } }])],
    ['a group-by without its name', JSON.stringify([{ issueKey: 'SC-1', summary: '', cells: [], groupBy: { id: 'a' } }])],
  ])('%s', (_what, body) => {
    expect(() => parseChunk(body)).toThrow();
  });
});
