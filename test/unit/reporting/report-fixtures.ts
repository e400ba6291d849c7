// Shared by the reporting unit tests: two issue histories, Jira's statuses, status groups
// and a Mon-Fri 09:00-17:00 UTC calendar, served by an in-memory ReportConfigSource, and a
// helper that builds a report table over them as a request would (parse, context, table).
import type { CalendarView, StatusGroupView } from '../../../src/contract/report-config';
import type { StatusInfo } from '../../../src/engine';
import type { IssueWithHistory } from '../../../src/jira';
import { buildReportContext, type ReportConfigSource, type ReportContext } from '../../../src/reporting/report-context';
import { parseReportParams, type RawParams, type ReportParams } from '../../../src/reporting/report-params';
import { buildReportTable } from '../../../src/reporting/report-table';
import type { ReportTable } from '../../../src/reporting/table';
import { DAY, history, HOUR, T0 } from '../engine/history-builder';

/** Day `day` after Monday 2024-01-01 (UTC), at `hour`. */
export const at = (day: number, hour: number): number => T0 + day * DAY + hour * HOUR;
/** Wednesday 12:00: the instant every report here is computed at. */
export const NOW = at(2, 12);

export const STATUSES: StatusInfo[] = [
  { id: '1', name: 'Open', categoryKey: 'new' },
  { id: '2', name: 'Blocked', categoryKey: 'indeterminate' },
  { id: '3', name: 'In Progress', categoryKey: 'indeterminate' },
  { id: '4', name: 'Review', categoryKey: 'indeterminate' },
  { id: '5', name: 'Done', categoryKey: 'done' },
];
export const UPDATED = '2024-01-01T00:00:00.000Z';
export const GROUPS: StatusGroupView[] = [
  { id: 'group-active', name: 'Active', statusIds: ['3', '4'], updatedAt: UPDATED },
  { id: 'group-waiting', name: 'Waiting', statusIds: ['1', '2', '1'], updatedAt: UPDATED },
  { id: 'group-blocked', name: 'Blocked only', statusIds: ['2'], updatedAt: UPDATED },
];
export const OFFICE: CalendarView = {
  id: 'calendar-office',
  updatedAt: UPDATED,
  name: 'Office',
  timeZone: 'UTC',
  windows: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: 9 * HOUR, end: 17 * HOUR })),
  holidays: [],
};
export const source: ReportConfigSource = {
  statuses: () => Promise.resolve(STATUSES),
  listStatusGroups: () => Promise.resolve(GROUPS),
  listCalendars: () => Promise.resolve([OFFICE]),
  fields: () => Promise.resolve([{ id: 'priority', name: 'Priority', type: 'priority', items: undefined }]),
};

// SC-1, created Mon 09:00 unassigned, in Open until Mon 13:00 (then assigned to acc-b,
// shown as "Amy"), In Progress until Tue 11:00, Review until Tue 15:00 (then acc-a, "Zed"),
// In Progress until Wed 10:00, Done since. Under the office calendar: Open 4h, In Progress
// 6h + 3h, Review 4h, Done 2h; unassigned 4h, acc-b 10h, acc-a 5h.
export const SC_1: IssueWithHistory = {
  history: {
    ...history({
      created: at(0, 9),
      status: '5',
      assignee: 'acc-a',
      statusChanges: [
        [at(0, 13), '1', '3'],
        [at(1, 11), '3', '4'],
        [at(1, 15), '4', '3'],
        [at(2, 10), '3', '5'],
      ],
      assigneeChanges: [
        [at(0, 13), null, 'acc-b'],
        [at(1, 15), 'acc-b', 'acc-a'],
      ],
    }),
    issueId: '10001',
    issueKey: 'SC-1',
    // Priority Medium until Tue 10:00, when Amy raised it to High.
    otherChanges: [
      {
        changeId: '900',
        at: at(1, 10),
        fieldId: 'priority',
        from: '3',
        fromString: 'Medium',
        to: '2',
        toString: 'High',
        by: { accountId: 'acc-b', displayName: 'Amy' },
      },
    ],
  },
  fields: { summary: 'Build the clock', priority: { id: '2', name: 'High' } },
};
// SC-2, created Mon 09:00 with acc-a, in status 7 (which Jira no longer has) until Mon
// 11:00, Open since: 7 2h, Open 6h + 8h + 3h = 17h. No summary field.
export const SC_2: IssueWithHistory = {
  history: { ...history({ created: at(0, 9), status: '1', assignee: 'acc-a', statusChanges: [[at(0, 11), '7', '1']] }), issueId: '10002', issueKey: 'SC-2' },
  // Never changed: the current priority is its only stay.
  fields: { priority: { id: '4', name: 'Low' } },
};
export const ISSUES = [SC_1, SC_2];
export const NAMES: Record<string, string> = { 'acc-a': 'Zed', 'acc-b': 'Amy' };

/** The parsed request and its context for `given` parameters on top of projectKey=SC and calendar=Office. */
export async function requestFor(given: Record<string, string> = {}): Promise<{ params: ReportParams; context: ReportContext }> {
  const raw = Object.fromEntries(Object.entries({ projectKey: 'SC', calendar: 'Office', ...given }).map(([name, value]) => [name, [value]])) as RawParams;
  const params = parseReportParams(raw);
  return { params, context: await buildReportContext(params, source) };
}

/** The table of `given` parameters (see requestFor) over `issues`, computed at NOW. */
export async function buildTable(
  given: Record<string, string> = {},
  issues: readonly IssueWithHistory[] = ISSUES,
  assigneeName = (id: string): string => NAMES[id] ?? `no name for ${id}`,
): Promise<ReportTable> {
  const { params, context } = await requestFor(given);
  return buildReportTable({ issues, params, context, now: NOW, assigneeName });
}
