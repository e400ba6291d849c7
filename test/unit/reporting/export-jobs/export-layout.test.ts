// An export's layout: the columns its pages found, merged; the chunks grouped into
// downloadable parts; and the one header (finalResult) every part is rendered with.
import fc from 'fast-check';
import {
  emptyLayout,
  finalResult,
  groupIntoParts,
  mergeDiscovered,
  parseLayout,
  partTable,
  PART_MAX_ROWS,
  type ExportLayout,
} from '../../../../src/reporting/export-jobs/export-layout';
import { chunkRows, parseChunk } from '../../../../src/reporting/export-jobs/stored-rows';
import { renderReport } from '../../../../src/reporting/output/render';
import type { DiscoveredColumns, ValueColumn } from '../../../../src/reporting/table';
import { HOUR } from '../../engine/history-builder';
import { buildTable, requestFor, SC_1, SC_2, STATUSES } from '../report-fixtures';

const column = (id: string, name: string): ValueColumn => ({ id, name, consolidated: false });
const chunksOf = (rowCounts: number[]) => rowCounts.map((rowCount, i) => ({ seq: i + 1, rowCount, issueCount: rowCount - 1 }));

describe('groupIntoParts', () => {
  it('groups consecutive chunks up to maxRows rows, summing rows and issues', () => {
    expect(groupIntoParts(chunksOf([3, 4, 3, 5, 1]), 7)).toEqual([
      { firstSeq: 1, lastSeq: 2, rowCount: 7, issueCount: 5 },
      { firstSeq: 3, lastSeq: 3, rowCount: 3, issueCount: 2 },
      { firstSeq: 4, lastSeq: 5, rowCount: 6, issueCount: 4 },
    ]);
  });

  it('never splits a chunk: one larger than maxRows is a part of its own', () => {
    expect(groupIntoParts(chunksOf([2, 9, 2]), 7)).toEqual([
      { firstSeq: 1, lastSeq: 1, rowCount: 2, issueCount: 1 },
      { firstSeq: 2, lastSeq: 2, rowCount: 9, issueCount: 8 },
      { firstSeq: 3, lastSeq: 3, rowCount: 2, issueCount: 1 },
    ]);
  });

  it(`uses PART_MAX_ROWS (${PART_MAX_ROWS}) rows by default`, () => {
    expect(groupIntoParts(chunksOf([PART_MAX_ROWS / 2, PART_MAX_ROWS / 2, 1])).map((part) => [part.firstSeq, part.lastSeq])).toEqual([
      [1, 2],
      [3, 3],
    ]);
  });

  it('keeps the sequence numbers it was given', () => {
    const chunks = [
      { seq: 10, rowCount: 1, issueCount: 1 },
      { seq: 11, rowCount: 1, issueCount: 1 },
      { seq: 12, rowCount: 1, issueCount: 1 },
    ];
    expect(groupIntoParts(chunks, 2)).toEqual([
      { firstSeq: 10, lastSeq: 11, rowCount: 2, issueCount: 2 },
      { firstSeq: 12, lastSeq: 12, rowCount: 1, issueCount: 1 },
    ]);
  });

  it('has no parts for no chunks', () => {
    expect(groupIntoParts([])).toEqual([]);
  });

  it('covers every chunk once, in order, each part within maxRows unless it is one chunk, none mergeable with the next', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 40 }), fc.integer({ min: 1, max: 100 }), (rowCounts, maxRows) => {
        const chunks = chunksOf(rowCounts);
        const parts = groupIntoParts(chunks, maxRows);
        const seqs = parts.flatMap((part) => Array.from({ length: part.lastSeq - part.firstSeq + 1 }, (_, i) => part.firstSeq + i));
        expect(seqs).toEqual(chunks.map((chunk) => chunk.seq));
        for (const [index, part] of parts.entries()) {
          const inPart = chunks.filter((chunk) => chunk.seq >= part.firstSeq && chunk.seq <= part.lastSeq);
          expect(part.rowCount).toBe(inPart.reduce((sum, chunk) => sum + chunk.rowCount, 0));
          expect(part.issueCount).toBe(inPart.reduce((sum, chunk) => sum + chunk.issueCount, 0));
          if (inPart.length > 1) expect(part.rowCount).toBeLessThanOrEqual(maxRows);
          const next = parts[index + 1];
          if (next) expect(part.rowCount + (chunks[next.firstSeq - 1]?.rowCount ?? 0)).toBeGreaterThan(maxRows);
        }
      }),
    );
  });
});

describe('mergeDiscovered', () => {
  it('unions the columns two pages found: the first sighting of an assignee wins, each deleted status once', () => {
    const a: DiscoveredColumns = { assignees: [column('acc-a', 'Zed'), column('unassigned', 'Unassigned')], deletedStatusIds: ['7'] };
    const b: DiscoveredColumns = { assignees: [column('acc-b', 'Amy'), column('acc-a', 'Zed (renamed)')], deletedStatusIds: ['9', '7'] };
    expect(mergeDiscovered(a, b)).toEqual({
      assignees: [column('acc-a', 'Zed'), column('unassigned', 'Unassigned'), column('acc-b', 'Amy')],
      deletedStatusIds: ['7', '9'],
    });
    // Neither input is changed.
    expect(a.assignees).toHaveLength(2);
    expect(b.deletedStatusIds).toEqual(['9', '7']);
  });

  it('unions the columns kinds found in the issues (transitions, time periods) once each, and they survive the stored layout', () => {
    const a: DiscoveredColumns = { assignees: [], deletedStatusIds: [], found: [column('1:3', 'Open → In Progress')] };
    const b: DiscoveredColumns = { assignees: [], deletedStatusIds: [], found: [column('3:5', 'In Progress → Done'), column('1:3', 'Open → In Progress')] };
    const merged = mergeDiscovered(a, b);
    expect(merged.found).toEqual([column('1:3', 'Open → In Progress'), column('3:5', 'In Progress → Done')]);
    expect(parseLayout(JSON.stringify({ discovered: merged })).discovered).toEqual(merged);
  });

  it('is the identity with nothing found', () => {
    const a: DiscoveredColumns = { assignees: [column('acc-a', 'Zed')], deletedStatusIds: ['7'] };
    expect(mergeDiscovered(a, emptyLayout().discovered)).toEqual(a);
    expect(mergeDiscovered(emptyLayout().discovered, a)).toEqual(a);
  });
});

describe('finalResult', () => {
  it('holds the header, the day length, the status names and the parts', async () => {
    const { params, context } = await requestFor({ columnsBy: 'statusDurationByAssignee', dayLength: 'businessDays', includeDeletedStatuses: 'true' });
    const parts = groupIntoParts(chunksOf([3, 3]), 4);
    const result = finalResult(params.columnsBy, context, { assignees: [], deletedStatusIds: ['7'] }, parts);
    expect(result).toMatchObject({
      valueColumns: [...STATUSES.map((s) => column(s.id, s.name)), column('7', 'Deleted status 7')],
      groupByColumn: { id: 'assignee', name: 'Assignee' },
      includedStatuses: [...STATUSES.map((s) => ({ id: s.id, name: s.name })), { id: '7', name: 'Deleted status 7' }],
      // The office calendar's working day.
      dayMs: 8 * HOUR,
      statusNames: { 1: 'Open', 2: 'Blocked', 3: 'In Progress', 4: 'Review', 5: 'Done' },
      parts,
    });
  });

  it('has no group-by column for kinds without one, and survives the layout text it is stored in', async () => {
    const { params, context } = await requestFor({ columnsBy: 'assigneeDuration' });
    const discovered: DiscoveredColumns = {
      assignees: [column('unassigned', 'Unassigned'), column('acc-a', 'Zed'), column('acc-b', 'Amy')],
      deletedStatusIds: [],
    };
    const result = finalResult(params.columnsBy, context, discovered, []);
    expect('groupByColumn' in result).toBe(false);
    expect(result.valueColumns.map((c) => c.name)).toEqual(['Amy', 'Zed', 'Unassigned']);
    expect(result.dayMs).toBe(24 * HOUR);
    const layout: ExportLayout = { discovered, lastIssueKey: 'SC-9', result };
    expect(parseLayout(JSON.stringify(layout))).toEqual(layout);
  });
});

describe('partTable: every part gets the one header', () => {
  // An export of two pages: SC-2 first (acc-a, and status 7 Jira no longer has), then SC-1
  // (unassigned, acc-b, acc-a). Each page alone sees only some of the columns.
  it.each([
    ['assigneeDuration', ['Amy', 'Zed', 'Unassigned']],
    ['statusDurationByAssignee', ['Open', 'Blocked', 'In Progress', 'Review', 'Done', 'Deleted status 7']],
  ] as const)('columnsBy=%s', async (columnsBy, header) => {
    const given = { columnsBy, includeDeletedStatuses: 'true' };
    const pages = [await buildTable(given, [SC_2]), await buildTable(given, [SC_1])];
    expect(pages[0]?.valueColumns).not.toEqual(pages[1]?.valueColumns);

    // Stored as the export stores them: chunks numbered across pages, the issue count
    // continued from the last key, the discovered columns merged.
    let layout = emptyLayout();
    const stored: Array<{ seq: number; body: string; rowCount: number; issueCount: number }> = [];
    for (const page of pages) {
      for (const chunk of chunkRows(page.rows, layout.lastIssueKey)) stored.push({ seq: stored.length + 1, ...chunk });
      const last = page.rows[page.rows.length - 1];
      layout = { ...layout, discovered: mergeDiscovered(layout.discovered, page.discovered), ...(last ? { lastIssueKey: last.issueKey } : {}) };
      layout = parseLayout(JSON.stringify(layout));
    }
    // One chunk per page and parts of one row at most: one part per chunk.
    const parts = groupIntoParts(stored, 1);
    expect(parts.length).toBe(stored.length);
    const { params, context } = await requestFor(given);
    const result = finalResult(columnsBy, context, layout.discovered, parts);
    expect(result.valueColumns.map((c) => c.name)).toEqual(header);
    expect(parts.reduce((sum, part) => sum + part.issueCount, 0)).toBe(2);

    const headerLines = new Set<string>();
    for (const part of parts) {
      const rows = stored.filter((chunk) => chunk.seq >= part.firstSeq && chunk.seq <= part.lastSeq).flatMap((chunk) => parseChunk(chunk.body));
      const table = partTable(columnsBy, result, rows);
      expect(table).toEqual({
        columnsBy,
        ...(result.groupByColumn ? { groupByColumn: result.groupByColumn } : {}),
        valueColumns: result.valueColumns,
        includedStatuses: result.includedStatuses,
        rows,
        discovered: { assignees: [], deletedStatusIds: [] },
      });
      const csv = renderReport(table, { ...params, outputType: 'csv' }, { dayMs: result.dayMs, statusName: (id) => result.statusNames[id] ?? id }, undefined);
      headerLines.add(csv.body.split(/\r?\n/)[0] ?? '');
    }
    expect(headerLines.size).toBe(1);
    for (const name of header) expect([...headerLines][0]).toContain(name);
  });
});

describe('parseLayout', () => {
  it('reads back the empty layout a new export starts with', () => {
    expect(parseLayout(JSON.stringify(emptyLayout()))).toEqual({ discovered: { assignees: [], deletedStatusIds: [] } });
  });

  it.each([
    ['not JSON', 'layout'],
    ['no discovered columns', '{}'],
    ['an assignee without its flag', JSON.stringify({ discovered: { assignees: [{ id: 'a', name: 'A' }], deletedStatusIds: [] } })],
    [
      'a result without parts',
      JSON.stringify({ discovered: { assignees: [], deletedStatusIds: [] }, result: { valueColumns: [], includedStatuses: [], dayMs: 1, statusNames: {} } }),
    ],
  ])('refuses %s', (_what, text) => {
    expect(() => parseLayout(text)).toThrow();
  });
});
