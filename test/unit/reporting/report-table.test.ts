// The report table of every columnsBy, built from engine histories under a real context
// (parsed parameters, resolved statuses, groups and a Mon-Fri 09:00-17:00 calendar): its
// columns, rows and the cells a client sees, and what the kinds share (discovered assignee
// columns, deleted statuses, the statuses filter, excludeCurrentStatus, currentState).
import { FieldError } from '../../../src/kernel/errors';
import { COLUMNS_BY, REPORT_KINDS, type ColumnsBy } from '../../../src/reporting/kinds';
import { tableColumns } from '../../../src/reporting/report-table';
import type { Cell, ReportTable, ValueColumn } from '../../../src/reporting/table';
import { HOUR } from '../engine/history-builder';
import { at, buildTable as build, ISSUES, NAMES, NOW, requestFor, SC_2, STATUSES } from './report-fixtures';

const d = (hours: number, count?: number): Cell =>
  count === undefined ? { kind: 'duration', ms: hours * HOUR } : { kind: 'duration', ms: hours * HOUR, count };
const n = (count: number): Cell => ({ kind: 'count', n: count });
const instant = (ms: number): Cell => ({ kind: 'instant', ms });
const label = (id: string, name: string): Cell => ({ kind: 'label', id, name });

/** What a client sees of each row: the group-by value and the cells of the value columns. */
function shown(table: ReportTable): Array<{ key: string; groupBy?: string; cells: Record<string, Cell> }> {
  return table.rows.map((row) => ({
    key: row.issueKey,
    ...(row.groupBy ? { groupBy: `${row.groupBy.id}:${row.groupBy.name}` } : {}),
    cells: Object.fromEntries(table.valueColumns.flatMap((column) => (row.cells.has(column.id) ? [[column.id, row.cells.get(column.id)]] : []))) as Record<
      string,
      Cell
    >,
  }));
}

const column = (id: string, name: string, consolidated = false): ValueColumn => ({ id, name, consolidated });
const STATUS_COLUMNS = STATUSES.map((s) => column(s.id, s.name));
const INCLUDED = STATUSES.map((s) => ({ id: s.id, name: s.name }));
const ASSIGNEE_COLUMNS = [column('acc-b', 'Amy'), column('acc-a', 'Zed'), column('unassigned', 'Unassigned')];
const GROUP_COLUMNS = [column('group-active', 'Active', true), column('group-waiting', 'Waiting', true), column('group-blocked', 'Blocked only', true)];

interface Expected {
  params?: Record<string, string>;
  valueColumns: ValueColumn[];
  groupByColumn?: { id: string; name: string };
  rows: ReturnType<typeof shown>;
}

/** Kinds whose columns are found in the issues (so an empty page has none). */
const FOUND_IN_ISSUES = new Set<ColumnsBy>(['transitionCount', 'timePeriodDurationByStatus']);

const EXPECTED: Record<ColumnsBy, Expected> = {
  statusDuration: {
    valueColumns: STATUS_COLUMNS,
    rows: [
      { key: 'SC-1', cells: { 1: d(4, 1), 3: d(9, 2), 4: d(4, 1), 5: d(2, 1) } },
      { key: 'SC-2', cells: { 1: d(17, 1) } },
    ],
  },
  statusCount: {
    valueColumns: STATUS_COLUMNS,
    rows: [
      { key: 'SC-1', cells: { 1: n(1), 3: n(2), 4: n(1), 5: n(1) } },
      { key: 'SC-2', cells: { 1: n(1) } },
    ],
  },
  assigneeDuration: {
    valueColumns: ASSIGNEE_COLUMNS,
    rows: [
      { key: 'SC-1', cells: { unassigned: d(4), 'acc-b': d(10), 'acc-a': d(5) } },
      { key: 'SC-2', cells: { 'acc-a': d(19) } },
    ],
  },
  statusDurationByAssignee: {
    valueColumns: STATUS_COLUMNS,
    groupByColumn: { id: 'assignee', name: 'Assignee' },
    rows: [
      { key: 'SC-1', groupBy: 'unassigned:Unassigned', cells: { 1: d(4) } },
      { key: 'SC-1', groupBy: 'acc-b:Amy', cells: { 3: d(6), 4: d(4) } },
      { key: 'SC-1', groupBy: 'acc-a:Zed', cells: { 3: d(3), 5: d(2) } },
      { key: 'SC-2', groupBy: 'acc-a:Zed', cells: { 1: d(17) } },
    ],
  },
  assigneeDurationByStatus: {
    valueColumns: ASSIGNEE_COLUMNS,
    groupByColumn: { id: 'status', name: 'Status' },
    rows: [
      { key: 'SC-1', groupBy: '1:Open', cells: { unassigned: d(4) } },
      { key: 'SC-1', groupBy: '3:In Progress', cells: { 'acc-b': d(6), 'acc-a': d(3) } },
      { key: 'SC-1', groupBy: '4:Review', cells: { 'acc-b': d(4) } },
      { key: 'SC-1', groupBy: '5:Done', cells: { 'acc-a': d(2) } },
      // Rows are statuses here, so time in a status Jira no longer has is a row of its own.
      { key: 'SC-2', groupBy: '7:Deleted status 7', cells: { 'acc-a': d(2) } },
      { key: 'SC-2', groupBy: '1:Open', cells: { 'acc-a': d(17) } },
    ],
  },
  groupDuration: {
    valueColumns: GROUP_COLUMNS,
    rows: [
      // A group sums its statuses (a status listed twice counts once); one never visited is absent.
      { key: 'SC-1', cells: { 'group-active': d(13, 3), 'group-waiting': d(4, 1) } },
      { key: 'SC-2', cells: { 'group-waiting': d(17, 1) } },
    ],
  },
  firstTransitionToStatusDate: {
    valueColumns: STATUS_COLUMNS,
    rows: [
      { key: 'SC-1', cells: { 1: instant(at(0, 9)), 3: instant(at(0, 13)), 4: instant(at(1, 11)), 5: instant(at(2, 10)) } },
      { key: 'SC-2', cells: { 1: instant(at(0, 11)) } },
    ],
  },
  lastTransitionFromStatusDate: {
    valueColumns: STATUS_COLUMNS,
    rows: [
      // Done is the current status: never left.
      { key: 'SC-1', cells: { 1: instant(at(0, 13)), 3: instant(at(2, 10)), 4: instant(at(1, 15)) } },
      { key: 'SC-2', cells: {} },
    ],
  },
  durationBetweenStatuses: {
    // From creation (Mon 09:00) to Done (Wed 10:00) is 17 working hours, less 4 in Review.
    params: { toStatuses: 'Done', pausedStatuses: 'review' },
    valueColumns: [column('duration', 'Duration')],
    rows: [
      { key: 'SC-1', cells: { duration: d(13) } },
      { key: 'SC-2', cells: {} },
    ],
  },
  statusDurationExpanded: {
    valueColumns: [column('status', 'Status'), column('start', 'Start'), column('end', 'End'), column('duration', 'Duration')],
    rows: [
      { key: 'SC-1', cells: { status: label('1', 'Open'), start: instant(at(0, 9)), end: instant(at(0, 13)), duration: d(4) } },
      { key: 'SC-1', cells: { status: label('3', 'In Progress'), start: instant(at(0, 13)), end: instant(at(1, 11)), duration: d(6) } },
      { key: 'SC-1', cells: { status: label('4', 'Review'), start: instant(at(1, 11)), end: instant(at(1, 15)), duration: d(4) } },
      { key: 'SC-1', cells: { status: label('3', 'In Progress'), start: instant(at(1, 15)), end: instant(at(2, 10)), duration: d(3) } },
      { key: 'SC-1', cells: { status: label('5', 'Done'), start: instant(at(2, 10)), end: instant(NOW), duration: d(2) } },
      { key: 'SC-2', cells: { status: label('7', 'Deleted status 7'), start: instant(at(0, 9)), end: instant(at(0, 11)), duration: d(2) } },
      { key: 'SC-2', cells: { status: label('1', 'Open'), start: instant(at(0, 11)), end: instant(NOW), duration: d(17) } },
    ],
  },
  transitionCount: {
    valueColumns: [
      column('1:3', 'Open → In Progress'),
      column('3:4', 'In Progress → Review'),
      column('3:5', 'In Progress → Done'),
      column('4:3', 'Review → In Progress'),
      column('7:1', 'Deleted status 7 → Open'),
    ],
    rows: [
      { key: 'SC-1', cells: { '1:3': n(1), '3:4': n(1), '4:3': n(1), '3:5': n(1) } },
      { key: 'SC-2', cells: { '7:1': n(1) } },
    ],
  },
  anyFieldDurationExpanded: {
    params: { historyFields: 'priority', includeTransitionedByColumns: 'true' },
    valueColumns: [
      column('field', 'Field'),
      column('value', 'Value'),
      column('start', 'Start'),
      column('end', 'End'),
      column('duration', 'Duration'),
      column('transitionedBy', 'Transitioned By'),
    ],
    rows: [
      {
        key: 'SC-1',
        cells: { field: label('priority', 'Priority'), value: label('3', 'Medium'), start: instant(at(0, 9)), end: instant(at(1, 10)), duration: d(9) },
      },
      {
        key: 'SC-1',
        cells: {
          field: label('priority', 'Priority'),
          value: label('2', 'High'),
          start: instant(at(1, 10)),
          end: instant(NOW),
          duration: d(10),
          transitionedBy: label('acc-b', 'Amy'),
        },
      },
      { key: 'SC-2', cells: { field: label('priority', 'Priority'), value: label('4', 'Low'), start: instant(at(0, 9)), end: instant(NOW), duration: d(19) } },
    ],
  },
  // Office hours Mon-Fri 09:00-17:00: stays are cut at midnight UTC.
  statusDurationByTimePeriod: {
    params: { timePeriod: 'Day' },
    valueColumns: STATUS_COLUMNS,
    groupByColumn: { id: 'timePeriod', name: 'Time Period' },
    rows: [
      { key: 'SC-1', groupBy: '2024-01-01:2024-01-01', cells: { 1: d(4), 3: d(4) } },
      { key: 'SC-1', groupBy: '2024-01-02:2024-01-02', cells: { 3: d(4), 4: d(4) } },
      { key: 'SC-1', groupBy: '2024-01-03:2024-01-03', cells: { 3: d(1), 5: d(2) } },
      // Status 7 (deleted) is no column here, so its 2 h on Monday are not shown.
      { key: 'SC-2', groupBy: '2024-01-01:2024-01-01', cells: { 1: d(6) } },
      { key: 'SC-2', groupBy: '2024-01-02:2024-01-02', cells: { 1: d(8) } },
      { key: 'SC-2', groupBy: '2024-01-03:2024-01-03', cells: { 1: d(3) } },
    ],
  },
  timePeriodDurationByStatus: {
    params: { timePeriod: 'day' },
    valueColumns: [column('2024-01-01', '2024-01-01'), column('2024-01-02', '2024-01-02'), column('2024-01-03', '2024-01-03')],
    groupByColumn: { id: 'status', name: 'Status' },
    rows: [
      { key: 'SC-1', groupBy: '1:Open', cells: { '2024-01-01': d(4) } },
      { key: 'SC-1', groupBy: '3:In Progress', cells: { '2024-01-01': d(4), '2024-01-02': d(4), '2024-01-03': d(1) } },
      { key: 'SC-1', groupBy: '4:Review', cells: { '2024-01-02': d(4) } },
      { key: 'SC-1', groupBy: '5:Done', cells: { '2024-01-03': d(2) } },
      { key: 'SC-2', groupBy: '7:Deleted status 7', cells: { '2024-01-01': d(2) } },
      { key: 'SC-2', groupBy: '1:Open', cells: { '2024-01-01': d(6), '2024-01-02': d(8), '2024-01-03': d(3) } },
    ],
  },
};

describe('buildReportTable: every kind', () => {
  it('has a case here for every kind in REPORT_KINDS', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...COLUMNS_BY].sort());
    expect(REPORT_KINDS.map((kind) => kind.id)).toEqual(COLUMNS_BY);
  });

  it.each(COLUMNS_BY)('columnsBy=%s: columns, group-by column, rows and cells under the office calendar', async (columnsBy) => {
    const expected = EXPECTED[columnsBy];
    const table = await build({ columnsBy, ...expected.params });
    expect(table.columnsBy).toBe(columnsBy);
    expect(table.valueColumns).toEqual(expected.valueColumns);
    expect(table.groupByColumn).toEqual(expected.groupByColumn);
    expect(table.includedStatuses).toEqual(INCLUDED);
    expect(shown(table)).toEqual(expected.rows);
    // Every row starts from its issue: key, summary (blank when Jira sent none) and current state.
    for (const row of table.rows) {
      expect(row.summary).toBe(row.issueKey === 'SC-1' ? 'Build the clock' : '');
      expect(row.currentState).toEqual(row.issueKey === 'SC-1' ? { statusId: '5', ms: 2 * HOUR } : { statusId: '1', ms: 17 * HOUR });
    }
  });

  it.each(COLUMNS_BY)('columnsBy=%s: an empty page is a header with no rows', async (columnsBy) => {
    const table = await build({ columnsBy, ...EXPECTED[columnsBy].params }, []);
    expect(table.rows).toEqual([]);
    expect(table.discovered).toEqual({ assignees: [], deletedStatusIds: [] });
    // Assignee, transition and time period columns are found in the issues, so there are none; other headers are fixed.
    if (EXPECTED[columnsBy].valueColumns === ASSIGNEE_COLUMNS || FOUND_IN_ISSUES.has(columnsBy)) expect(table.valueColumns).toEqual([]);
    else expect(table.valueColumns).toEqual(EXPECTED[columnsBy].valueColumns);
  });
});

describe('buildReportTable: durations', () => {
  it('measures 24x7 under normalHours', async () => {
    const table = await build({ calendar: 'normalHours' });
    expect(shown(table)).toEqual([
      { key: 'SC-1', cells: { 1: d(4, 1), 3: d(22 + 19, 2), 4: d(4, 1), 5: d(2, 1) } },
      { key: 'SC-2', cells: { 1: d(49, 1) } },
    ]);
    expect(table.rows[0]?.currentState).toEqual({ statusId: '5', ms: 2 * HOUR });
  });

  it.each([
    ['first', 6],
    ['last', 3],
    ['average', 4.5],
    ['total', 9],
  ])('applies multiVisitBehavior=%s to a status visited twice, and to the groups', async (multiVisitBehavior, inProgress) => {
    const table = await build({ multiVisitBehavior, groups: 'active' });
    const cells = shown(table)[0]?.cells;
    expect(cells?.['3']).toEqual(d(inProgress, 2));
    expect(cells?.['group-active']).toEqual(d(inProgress + 4, 3));
  });

  it('trims every duration to the window and keeps the instants outside it', async () => {
    const table = await build({ trimHistoryStartDate: '2024-01-02 00:00', trimHistoryEndDate: '2024-01-02' });
    // Tuesday only: In Progress 09-11 and 15-17, Review 11-15.
    expect(shown(table)).toEqual([
      { key: 'SC-1', cells: { 3: d(4, 2), 4: d(4, 1) } },
      { key: 'SC-2', cells: { 1: d(8, 1) } },
    ]);
    // The current state is the issue's, not the window's.
    expect(table.rows[0]?.currentState).toEqual({ statusId: '5', ms: 2 * HOUR });
  });
});

describe('buildReportTable: status groups', () => {
  it('adds the groups named (ids or names, case-insensitively) as consolidated columns after the statuses', async () => {
    const table = await build({ groups: 'WAITING,group-active' });
    expect(table.valueColumns).toEqual([...STATUS_COLUMNS, column('group-waiting', 'Waiting', true), column('group-active', 'Active', true)]);
    expect(shown(table).map((row) => [row.cells['group-waiting'], row.cells['group-active']])).toEqual([
      [d(4, 1), d(13, 3)],
      [d(17, 1), undefined],
    ]);
  });

  it('limits groupDuration to the groups named', async () => {
    const table = await build({ columnsBy: 'groupDuration', groups: 'Blocked only' });
    expect(table.valueColumns).toEqual([column('group-blocked', 'Blocked only', true)]);
    expect(shown(table)).toEqual([
      { key: 'SC-1', cells: {} },
      { key: 'SC-2', cells: {} },
    ]);
  });

  it('has no group columns for statusDuration unless groups are named', async () => {
    expect((await build()).valueColumns.filter((c) => c.consolidated)).toEqual([]);
  });

  it('refuses a group that does not exist, naming the parameter', async () => {
    await expect(build({ groups: 'Active,Nope' })).rejects.toEqual(new FieldError([{ field: 'groups', message: "there is no status group 'Nope'" }]));
  });
});

describe('buildReportTable: discovered assignee columns', () => {
  it('names each assignee once, sorts the columns by name and puts Unassigned last', async () => {
    const assigneeName = jest.fn((id: string) => NAMES[id] ?? id);
    const table = await build({ columnsBy: 'assigneeDuration' }, ISSUES, assigneeName);
    // Found in the order unassigned, acc-b, acc-a; shown by name, Unassigned last.
    expect(table.discovered.assignees.map((a) => a.id)).toEqual(['unassigned', 'acc-b', 'acc-a']);
    expect(table.valueColumns.map((c) => c.name)).toEqual(['Amy', 'Zed', 'Unassigned']);
    expect(assigneeName.mock.calls).toEqual([['acc-b'], ['acc-a']]);
  });

  it('finds only the assignees of the issues on the page', async () => {
    const table = await build({ columnsBy: 'assigneeDuration' }, [SC_2]);
    expect(table.valueColumns).toEqual([column('acc-a', 'Zed')]);
  });

  it('sorts names in locale order, not by code point', async () => {
    const table = await build({ columnsBy: 'assigneeDuration' }, ISSUES, (id) => (id === 'acc-a' ? 'ada' : 'Bea'));
    expect(table.valueColumns.map((c) => c.name)).toEqual(['ada', 'Bea', 'Unassigned']);
  });

  it('looks up no names for kinds without assignee columns', async () => {
    const assigneeName = jest.fn((id: string) => id);
    const table = await build({ columnsBy: 'statusDuration' }, ISSUES, assigneeName);
    expect(assigneeName).not.toHaveBeenCalled();
    expect(table.discovered.assignees).toEqual([]);
  });
});

describe('buildReportTable: deleted statuses', () => {
  const withDeleted = [...STATUS_COLUMNS, column('7', 'Deleted status 7')];

  it('leaves statuses Jira no longer has out of the header by default', async () => {
    const table = await build();
    expect(table.discovered.deletedStatusIds).toEqual([]);
    expect(table.valueColumns).toEqual(STATUS_COLUMNS);
  });

  it.each([
    ['statusDuration', d(2, 1)],
    ['statusCount', n(1)],
    ['statusDurationByAssignee', d(2)],
    ['firstTransitionToStatusDate', instant(at(0, 9))],
    ['lastTransitionFromStatusDate', instant(at(0, 11))],
  ] as const)('columnsBy=%s with includeDeletedStatuses: a "Deleted status" column with its values', async (columnsBy, cell) => {
    const table = await build({ columnsBy, includeDeletedStatuses: 'true' });
    expect(table.discovered.deletedStatusIds).toEqual(['7']);
    expect(table.valueColumns).toEqual(withDeleted);
    expect(table.includedStatuses).toEqual([...INCLUDED, { id: '7', name: 'Deleted status 7' }]);
    const sc2 = shown(table).filter((row) => row.key === 'SC-2');
    expect(sc2.map((row) => row.cells['7']).filter((c) => c !== undefined)).toEqual([cell]);
  });

  it('puts the deleted statuses after the known ones and before the groups', async () => {
    const table = await build({ includeDeletedStatuses: 'true', groups: 'Active' });
    expect(table.valueColumns).toEqual([...withDeleted, column('group-active', 'Active', true)]);
  });

  it('does not discover a deleted status whose time the trim window leaves out', async () => {
    const table = await build({ includeDeletedStatuses: 'true', trimHistoryStartDate: '2024-01-01 12:00' });
    expect(table.discovered.deletedStatusIds).toEqual([]);
    expect(table.valueColumns).toEqual(STATUS_COLUMNS);
  });

  it('lets statuses name a deleted status by id only with includeDeletedStatuses', async () => {
    await expect(build({ statuses: '7' })).rejects.toEqual(new FieldError([{ field: 'statuses', message: "Jira has no status '7'" }]));
    const table = await build({ statuses: '7,Open', includeDeletedStatuses: 'true' });
    expect(table.valueColumns).toEqual([column('7', 'Deleted status 7'), column('1', 'Open')]);
    // Under a statuses filter nothing more is discovered: the filter is the header.
    expect(table.discovered.deletedStatusIds).toEqual([]);
    expect(shown(table)).toEqual([
      { key: 'SC-1', cells: { 1: d(4, 1) } },
      { key: 'SC-2', cells: { 7: d(2, 1), 1: d(17, 1) } },
    ]);
  });
});

describe('buildReportTable: the statuses filter', () => {
  const filter = { statuses: 'in progress, 5' };

  it('keeps only the statuses named (ids or names), as columns and as included statuses', async () => {
    const table = await build(filter);
    expect(table.valueColumns).toEqual([column('3', 'In Progress'), column('5', 'Done')]);
    expect(table.includedStatuses).toEqual([
      { id: '3', name: 'In Progress' },
      { id: '5', name: 'Done' },
    ]);
    expect(shown(table)).toEqual([
      { key: 'SC-1', cells: { 3: d(9, 2), 5: d(2, 1) } },
      { key: 'SC-2', cells: {} },
    ]);
    // Cells of other statuses are not computed at all, not merely hidden.
    expect([...(table.rows[0]?.cells.keys() ?? [])]).toEqual(['3', '5']);
  });

  it('drops the rows and visits of other statuses in the kinds with a row per status or visit', async () => {
    const byStatus = await build({ ...filter, columnsBy: 'assigneeDurationByStatus' });
    expect(shown(byStatus).map((row) => row.groupBy)).toEqual(['3:In Progress', '5:Done']);
    expect(byStatus.includedStatuses.map((s) => s.id)).toEqual(['3', '5']);
    const expanded = await build({ ...filter, columnsBy: 'statusDurationExpanded' });
    expect(shown(expanded).map((row) => (row.cells.status as { id: string }).id)).toEqual(['3', '3', '5']);
  });

  it('keeps only the statuses named in statusDurationByAssignee, and discovers only the assignees left', async () => {
    const table = await build({ ...filter, columnsBy: 'statusDurationByAssignee' });
    expect(shown(table)).toEqual([
      { key: 'SC-1', groupBy: 'acc-b:Amy', cells: { 3: d(6) } },
      { key: 'SC-1', groupBy: 'acc-a:Zed', cells: { 3: d(3), 5: d(2) } },
    ]);
  });

  it('reads the transition dates of the statuses named only', async () => {
    const table = await build({ ...filter, columnsBy: 'firstTransitionToStatusDate' });
    expect(shown(table)).toEqual([
      { key: 'SC-1', cells: { 3: instant(at(0, 13)), 5: instant(at(2, 10)) } },
      { key: 'SC-2', cells: {} },
    ]);
  });

  it('refuses a status Jira does not have, naming the parameter', async () => {
    await expect(build({ statuses: 'Open,Nope' })).rejects.toEqual(new FieldError([{ field: 'statuses', message: "Jira has no status 'Nope'" }]));
  });
});

describe('buildReportTable: excludeCurrentStatus', () => {
  it('stops the current status (and the current assignee) counting, and keeps the current state', async () => {
    const durations = await build({ excludeCurrentStatus: 'true' });
    expect(shown(durations)).toEqual([
      { key: 'SC-1', cells: { 1: d(4, 1), 3: d(9, 2), 4: d(4, 1) } },
      { key: 'SC-2', cells: {} },
    ]);
    expect(durations.rows.map((row) => row.currentState)).toEqual([
      { statusId: '5', ms: 2 * HOUR },
      { statusId: '1', ms: 17 * HOUR },
    ]);
    const counts = await build({ excludeCurrentStatus: 'true', columnsBy: 'statusCount' });
    expect(shown(counts)[0]?.cells).toEqual({ 1: n(1), 3: n(2), 4: n(1) });
    const assignees = await build({ excludeCurrentStatus: 'true', columnsBy: 'assigneeDuration' });
    expect(shown(assignees)).toEqual([
      { key: 'SC-1', cells: { unassigned: d(4), 'acc-b': d(10) } },
      { key: 'SC-2', cells: {} },
    ]);
  });

  it('drops the ongoing visit of statusDurationExpanded', async () => {
    const table = await build({ excludeCurrentStatus: 'true', columnsBy: 'statusDurationExpanded' });
    expect(shown(table).map((row) => `${row.key} ${(row.cells.status as { name: string }).name}`)).toEqual([
      'SC-1 Open',
      'SC-1 In Progress',
      'SC-1 Review',
      'SC-1 In Progress',
      'SC-2 Deleted status 7',
    ]);
  });
});

describe('buildReportTable: currentState', () => {
  it('gives every row of an issue its current status and the working time in it so far', async () => {
    const table = await build({ columnsBy: 'statusDurationByAssignee' });
    expect(table.rows.map((row) => [row.issueKey, row.currentState])).toEqual([
      ['SC-1', { statusId: '5', ms: 2 * HOUR }],
      ['SC-1', { statusId: '5', ms: 2 * HOUR }],
      ['SC-1', { statusId: '5', ms: 2 * HOUR }],
      ['SC-2', { statusId: '1', ms: 17 * HOUR }],
    ]);
  });

  it('measures the current state under the calendar of the request', async () => {
    const table = await build({ calendar: 'normalHours' });
    expect(table.rows.map((row) => row.currentState)).toEqual([
      { statusId: '5', ms: 2 * HOUR },
      { statusId: '1', ms: NOW - at(0, 11) },
    ]);
  });
});

describe('tableColumns', () => {
  it('unions what several pages found into one header: assignees once each by name, deleted statuses once each in id order', async () => {
    const { context } = await requestFor({ columnsBy: 'statusDurationByAssignee' });
    const columns = tableColumns('assigneeDuration', context, {
      assignees: [column('unassigned', 'Unassigned'), column('acc-a', 'Zed'), column('acc-b', 'Amy'), column('acc-a', 'Zed')],
      deletedStatusIds: ['9', '7', '9'],
    });
    expect(columns).toEqual({ valueColumns: ASSIGNEE_COLUMNS, includedStatuses: INCLUDED });
    const statuses = tableColumns('statusCount', context, { assignees: [], deletedStatusIds: ['9', '7', '9'] });
    expect(statuses.valueColumns).toEqual([...STATUS_COLUMNS, column('7', 'Deleted status 7'), column('9', 'Deleted status 9')]);
    expect(statuses.groupByColumn).toBeUndefined();
  });

  it('gives the group-by column of the two kinds that have one', async () => {
    const { context } = await requestFor();
    const none = { assignees: [], deletedStatusIds: [] };
    expect(tableColumns('statusDurationByAssignee', context, none).groupByColumn).toEqual({ id: 'assignee', name: 'Assignee' });
    expect(tableColumns('assigneeDurationByStatus', context, none).groupByColumn).toEqual({ id: 'status', name: 'Status' });
  });

  it('gives the same columns as the table built over the same issues', async () => {
    const table = await build({ columnsBy: 'statusDurationByAssignee', includeDeletedStatuses: 'true' });
    const { context } = await requestFor({ columnsBy: 'statusDurationByAssignee', includeDeletedStatuses: 'true' });
    const { valueColumns, groupByColumn, includedStatuses } = table;
    expect(tableColumns('statusDurationByAssignee', context, table.discovered)).toEqual({ valueColumns, groupByColumn, includedStatuses });
  });
});
