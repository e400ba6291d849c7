import { DateTime } from 'luxon';
import { parseCalendarDefinition } from '../../../src/engine/calendar/calendar-definition';
import { compileCalendar, normalHoursCalendar } from '../../../src/engine/calendar/working-time';
import {
  assigneeDurations,
  assigneeDurationsByStatus,
  durationBetweenStatuses,
  expandedVisits,
  firstTransitionToStatus,
  groupDurations,
  lastTransitionFromStatus,
  statusCounts,
  statusDurations,
  statusDurationsByAssignee,
} from '../../../src/engine/durations';
import { buildTimeline } from '../../../src/engine/timeline';
import { history, HOUR, T0 } from './history-builder';

// Open(1) 0-2h, In Progress(3) 2-5h, Review(4) 5-6h, In Progress 6-10h, Done(5) 10h-now(12h).
const bounced = history({
  created: T0,
  status: '5',
  assignee: 'bob',
  statusChanges: [
    [T0 + 2 * HOUR, '1', '3'],
    [T0 + 5 * HOUR, '3', '4'],
    [T0 + 6 * HOUR, '4', '3'],
    [T0 + 10 * HOUR, '3', '5'],
  ],
  assigneeChanges: [
    [T0 + 3 * HOUR, null, 'alice'],
    [T0 + 8 * HOUR, 'alice', 'bob'],
  ],
});
const now = T0 + 12 * HOUR;
const timeline = buildTimeline(bounced, { now });
const inHours = <K>(map: Map<K, number>) => new Map([...map].map(([k, v]) => [k, v / HOUR]));

describe('status duration', () => {
  it.each([
    ['total', { '1': 2, '3': 7, '4': 1, '5': 2 }],
    ['first', { '1': 2, '3': 3, '4': 1, '5': 2 }],
    ['last', { '1': 2, '3': 4, '4': 1, '5': 2 }],
    ['average', { '1': 2, '3': 3.5, '4': 1, '5': 2 }],
  ] as const)('multiVisitBehavior=%s', (behavior, expected) => {
    expect(Object.fromEntries(inHours(statusDurations(timeline, normalHoursCalendar, behavior)))).toEqual(expected);
  });

  it('leaves unvisited statuses absent and excludes the current status on request', () => {
    const excluded = buildTimeline(bounced, { now, excludeCurrent: true });
    const durations = statusDurations(excluded, normalHoursCalendar);
    expect(durations.has('5')).toBe(false);
    expect(durations.has('2')).toBe(false);
  });

  it('counts only time inside the trim window', () => {
    const trimmed = buildTimeline(bounced, { now, trim: { start: T0 + 4 * HOUR, end: T0 + 7 * HOUR } });
    expect(Object.fromEntries(inHours(statusDurations(trimmed, normalHoursCalendar)))).toEqual({ '3': 2, '4': 1 });
    expect(Object.fromEntries(statusCounts(trimmed))).toEqual({ '3': 2, '4': 1 });
  });

  it('measures under a working calendar: an issue created on Saturday counts from Monday 09:00', () => {
    const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).toMillis();
    const office = compileCalendar(
      parseCalendarDefinition({
        name: 'office',
        timeZone: 'Europe/Berlin',
        windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: 9 * HOUR, end: 17 * HOUR })),
      }),
    );
    const h = history({ created: berlin('2024-03-09T10:00'), status: '3', statusChanges: [[berlin('2024-03-11T10:00'), '1', '3']] });
    const t = buildTimeline(h, { now: berlin('2024-03-12T12:00') });
    expect(Object.fromEntries(inHours(statusDurations(t, office)))).toEqual({ '1': 1, '3': 10 });
  });
});

describe('status count', () => {
  it('counts visits', () => {
    expect(Object.fromEntries(statusCounts(timeline))).toEqual({ '1': 1, '3': 2, '4': 1, '5': 1 });
  });
});

describe('assignee durations', () => {
  it('per assignee, null for unassigned', () => {
    expect(inHours(assigneeDurations(timeline, normalHoursCalendar))).toEqual(
      new Map<string | null, number>([
        [null, 3],
        ['alice', 5],
        ['bob', 4],
      ]),
    );
  });

  it('status by assignee and assignee by status are the same segments', () => {
    const byAssignee = statusDurationsByAssignee(timeline, normalHoursCalendar);
    expect(inHours(byAssignee.get('3')!)).toEqual(
      new Map<string | null, number>([
        [null, 1],
        ['alice', 4],
        ['bob', 2],
      ]),
    );
    const byStatus = assigneeDurationsByStatus(timeline, normalHoursCalendar);
    expect(inHours(byStatus.get('alice')!)).toEqual(
      new Map([
        ['3', 4],
        ['4', 1],
      ]),
    );
    expect(inHours(byStatus.get(null)!)).toEqual(
      new Map([
        ['1', 2],
        ['3', 1],
      ]),
    );
  });
});

describe('group durations', () => {
  const groups = [
    { id: 'cycle', statusIds: ['3', '4'] },
    { id: 'lead', statusIds: ['1', '3', '4', '3'] },
    { id: 'never', statusIds: ['2', '9'] },
  ];

  it('sums member statuses, counts a duplicate member once, is empty only when all members are', () => {
    const result = inHours(groupDurations(statusDurations(timeline, normalHoursCalendar), groups));
    expect(Object.fromEntries(result)).toEqual({ cycle: 8, lead: 10 });
  });

  it('a visited status with 0 ms makes the group 0, not empty', () => {
    const result = groupDurations(new Map([['2', 0]]), groups);
    expect(result.get('never')).toBe(0);
  });
});

describe('transition dates', () => {
  it('first entry into a status; the initial status is entered at created', () => {
    expect(firstTransitionToStatus(timeline, '3')).toBe(T0 + 2 * HOUR);
    expect(firstTransitionToStatus(timeline, '1')).toBe(T0);
    expect(firstTransitionToStatus(timeline, '2')).toBeUndefined();
  });

  it('last exit from a status; the current status has not been left', () => {
    expect(lastTransitionFromStatus(timeline, '3')).toBe(T0 + 10 * HOUR);
    expect(lastTransitionFromStatus(timeline, '5')).toBeUndefined();
  });

  it('a trim clip is not a transition', () => {
    const trimmed = buildTimeline(bounced, { now, trim: { start: T0 + 3 * HOUR, end: T0 + 9 * HOUR } });
    expect(firstTransitionToStatus(trimmed, '3')).toBe(T0 + 6 * HOUR);
    expect(lastTransitionFromStatus(trimmed, '3')).toBe(T0 + 5 * HOUR);
  });
});

describe('duration between statuses', () => {
  it('from created to the first entry into Done', () => {
    expect(durationBetweenStatuses(timeline, { start: { at: 'created' }, stop: { at: 'firstEntry', statusIds: ['5'] } }, normalHoursCalendar)).toBe(10 * HOUR);
  });

  it('first / last entries, with paused statuses', () => {
    const cal = normalHoursCalendar;
    const first = { at: 'firstEntry' as const, statusIds: ['3'] };
    const last = { at: 'lastEntry' as const, statusIds: ['3'] };
    const done = { at: 'firstEntry' as const, statusIds: ['5'] };
    expect(durationBetweenStatuses(timeline, { start: first, stop: done }, cal)).toBe(8 * HOUR);
    expect(durationBetweenStatuses(timeline, { start: last, stop: done }, cal)).toBe(4 * HOUR);
    expect(durationBetweenStatuses(timeline, { start: first, stop: done, pausedStatusIds: ['4'] }, cal)).toBe(7 * HOUR);
    // Stop = last entry into In Progress after the first one.
    expect(durationBetweenStatuses(timeline, { start: first, stop: last }, cal)).toBe(4 * HOUR);
  });

  it('is undefined when the start or the stop never happened', () => {
    const cal = normalHoursCalendar;
    expect(
      durationBetweenStatuses(timeline, { start: { at: 'firstEntry', statusIds: ['2'] }, stop: { at: 'firstEntry', statusIds: ['5'] } }, cal),
    ).toBeUndefined();
    expect(durationBetweenStatuses(timeline, { start: { at: 'created' }, stop: { at: 'firstEntry', statusIds: ['2'] } }, cal)).toBeUndefined();
    // The only entry into Open precedes the start.
    expect(
      durationBetweenStatuses(timeline, { start: { at: 'firstEntry', statusIds: ['3'] }, stop: { at: 'firstEntry', statusIds: ['1'] } }, cal),
    ).toBeUndefined();
  });
});

describe('expanded visits', () => {
  it('one row per visit with its duration', () => {
    expect(
      expandedVisits(timeline, normalHoursCalendar).map((r) => [r.statusId, (r.start - T0) / HOUR, (r.end - T0) / HOUR, r.durationMs / HOUR, r.ongoing]),
    ).toEqual([
      ['1', 0, 2, 2, false],
      ['3', 2, 5, 3, false],
      ['4', 5, 6, 1, false],
      ['3', 6, 10, 4, false],
      ['5', 10, 12, 2, true],
    ]);
  });
});
