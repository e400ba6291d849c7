import { buildTimeline, compareChangeIds, sortChanges } from '../../../src/engine/timeline';
import { history, HOUR, T0 } from './history-builder';

const stays = (visits: { value: string | null; start: number; end: number; ongoing: boolean }[]) =>
  visits.map((v) => [v.value, (v.start - T0) / HOUR, (v.end - T0) / HOUR, v.ongoing]);

describe('buildTimeline', () => {
  it('keeps the current status from created until now when nothing changed', () => {
    const timeline = buildTimeline(history({ created: T0, status: '1' }), { now: T0 + 5 * HOUR });
    expect(stays(timeline.statusVisits)).toEqual([['1', 0, 5, true]]);
  });

  it('takes the initial status from the first change, not from the current status', () => {
    const h = history({
      created: T0,
      status: '3',
      statusChanges: [
        [T0 + 2 * HOUR, '1', '2'],
        [T0 + 5 * HOUR, '2', '3'],
      ],
    });
    expect(stays(buildTimeline(h, { now: T0 + 10 * HOUR }).statusVisits)).toEqual([
      ['1', 0, 2, false],
      ['2', 2, 5, false],
      ['3', 5, 10, true],
    ]);
  });

  it('orders changes at one instant by numeric changelog id (9 before 10)', () => {
    const h = history({
      created: T0,
      status: '3',
      statusChanges: [
        [T0 + HOUR, '2', '3', '10'],
        [T0 + HOUR, '1', '2', '9'],
      ],
    });
    expect(stays(buildTimeline(h, { now: T0 + 2 * HOUR }).statusVisits)).toEqual([
      ['1', 0, 1, false],
      ['2', 1, 1, false],
      ['3', 1, 2, true],
    ]);
  });

  it('compares long numeric ids exactly', () => {
    expect(compareChangeIds('99', '100')).toBeLessThan(0);
    expect(compareChangeIds('9007199254740993', '9007199254740992')).toBeGreaterThan(0);
    expect(compareChangeIds('007', '7')).toBe(0);
  });

  it('does not split a visit on a change whose from equals its to', () => {
    const h = history({
      created: T0,
      status: '2',
      statusChanges: [
        [T0 + HOUR, '1', '1'],
        [T0 + 3 * HOUR, '1', '2'],
      ],
    });
    expect(stays(buildTimeline(h, { now: T0 + 4 * HOUR }).statusVisits)).toEqual([
      ['1', 0, 3, false],
      ['2', 3, 4, true],
    ]);
  });

  it('sorts an out-of-order changelog', () => {
    const h = history({
      created: T0,
      status: '3',
      statusChanges: [
        [T0 + 5 * HOUR, '2', '3'],
        [T0 + 2 * HOUR, '1', '2'],
      ],
    });
    expect(stays(buildTimeline(h, { now: T0 + 6 * HOUR }).statusVisits)).toEqual([
      ['1', 0, 2, false],
      ['2', 2, 5, false],
      ['3', 5, 6, true],
    ]);
    expect(sortChanges(h.changes).map((c) => c.at)).toEqual([T0 + 2 * HOUR, T0 + 5 * HOUR]);
  });

  it('never produces a negative stay: changes before created or after now are clamped', () => {
    const h = history({
      created: T0 + 2 * HOUR,
      status: '3',
      statusChanges: [
        [T0, '1', '2'],
        [T0 + 9 * HOUR, '2', '3'],
      ],
    });
    const visits = buildTimeline(h, { now: T0 + 4 * HOUR }).statusVisits;
    expect(stays(visits)).toEqual([
      ['1', 2, 2, false],
      ['2', 2, 4, false],
      ['3', 4, 4, true],
    ]);
    for (const v of visits) expect(v.end).toBeGreaterThanOrEqual(v.start);
  });

  it('excludes the current status on request', () => {
    const h = history({ created: T0, status: '2', statusChanges: [[T0 + HOUR, '1', '2']] });
    const timeline = buildTimeline(h, { now: T0 + 4 * HOUR, excludeCurrent: true });
    expect(stays(timeline.statusVisits)).toEqual([['1', 0, 1, false]]);
    // Dates still see the whole history.
    expect(timeline.allStatusVisits).toHaveLength(2);
  });

  it('trims to [start, end): stays outside vanish, stays across the edges are clipped', () => {
    const h = history({
      created: T0,
      status: '4',
      statusChanges: [
        [T0 + 2 * HOUR, '1', '2'],
        [T0 + 4 * HOUR, '2', '3'],
        [T0 + 6 * HOUR, '3', '4'],
      ],
    });
    const timeline = buildTimeline(h, { now: T0 + 10 * HOUR, trim: { start: T0 + 3 * HOUR, end: T0 + 5 * HOUR } });
    expect(stays(timeline.statusVisits)).toEqual([
      ['2', 3, 4, false],
      ['3', 4, 5, false],
    ]);
  });

  it('builds assignee stays the same way, null meaning unassigned', () => {
    const h = history({
      created: T0,
      status: '1',
      assignee: 'bob',
      assigneeChanges: [
        [T0 + HOUR, null, 'alice'],
        [T0 + 3 * HOUR, 'alice', 'bob'],
      ],
    });
    expect(stays(buildTimeline(h, { now: T0 + 4 * HOUR }).assigneeVisits)).toEqual([
      [null, 0, 1, false],
      ['alice', 1, 3, false],
      ['bob', 3, 4, true],
    ]);
  });
});
