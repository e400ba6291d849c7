// Calendars and status groups through the admin resolvers on the local host.
import { DEMO_ACCOUNTS, STATUS_IDS } from '../../dev/jira-emulator';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../support/host-client';

const { alice, bob } = DEMO_ACCOUNTS;
const HOUR = 3_600_000;
const officeHours = {
  name: 'Berlin office',
  timeZone: 'Europe/Berlin',
  windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: 9 * HOUR, end: 17 * HOUR })),
  holidays: [{ date: '2026-12-25', recurring: true, name: 'Christmas' }],
};

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(async () => {
  await t.close();
});

describe('working calendars', () => {
  it('lets an admin create, list, update and delete a calendar', async () => {
    const created = await t.call(alice, 'admin/calendars/create', { calendar: officeHours }, ADMIN_PAGE);
    expect(created).toMatchObject({ name: 'Berlin office', timeZone: 'Europe/Berlin', windows: officeHours.windows });
    expect((await t.call(bob, 'admin/calendars/list', {})).calendars.map((c) => c.id)).toContain(created.id);
    const updated = await t.call(alice, 'admin/calendars/update', { id: created.id, calendar: { ...officeHours, name: 'Berlin HQ' } });
    expect(updated.name).toBe('Berlin HQ');
    await t.call(alice, 'admin/calendars/delete', { id: created.id });
    expect((await t.call(alice, 'admin/calendars/list', {})).calendars.map((c) => c.id)).not.toContain(created.id);
  });

  it('reports every problem of an invalid calendar with its field and saves nothing', async () => {
    const before = (await t.call(alice, 'admin/calendars/list', {})).calendars.length;
    const result = await t.invoke(alice, 'admin/calendars/create', {
      calendar: {
        ...officeHours,
        name: 'Broken',
        timeZone: 'Mars/Olympus',
        windows: [{ weekday: 1, start: 10 * HOUR, end: 9 * HOUR }],
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_REQUEST');
      const fields = (result.error.issues ?? []).map((issue) => issue.field);
      expect(fields).toEqual(expect.arrayContaining(['calendar.timeZone']));
      expect(fields.some((field) => field.startsWith('calendar.windows'))).toBe(true);
    }
    expect((await t.call(alice, 'admin/calendars/list', {})).calendars.length).toBe(before);
  });

  it('refuses a duplicate name and changes by ordinary users', async () => {
    await t.call(alice, 'admin/calendars/create', { calendar: { ...officeHours, name: 'Unique' } });
    expect(await t.invoke(alice, 'admin/calendars/create', { calendar: { ...officeHours, name: 'Unique' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'calendar.name' },
    });
    expect(await t.invoke(bob, 'admin/calendars/create', { calendar: { ...officeHours, name: 'Bobs' } }, ADMIN_PAGE)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('status groups', () => {
  it('lets an admin manage groups of existing Jira statuses', async () => {
    const group = await t.call(alice, 'admin/status-groups/create', { group: { name: 'Cycle time', statusIds: [STATUS_IDS.inProgress, STATUS_IDS.inReview] } });
    expect(group).toMatchObject({ name: 'Cycle time', statusIds: [STATUS_IDS.inProgress, STATUS_IDS.inReview] });
    const updated = await t.call(alice, 'admin/status-groups/update', { id: group.id, group: { name: 'Cycle', statusIds: [STATUS_IDS.inProgress] } });
    expect(updated.statusIds).toEqual([STATUS_IDS.inProgress]);
    expect((await t.call(bob, 'admin/status-groups/list', {})).groups.map((g) => g.name)).toContain('Cycle');
    await t.call(alice, 'admin/status-groups/delete', { id: group.id });
    expect((await t.call(alice, 'admin/status-groups/list', {})).groups).toHaveLength(0);
  });

  it('refuses unknown statuses, empty groups and ordinary users', async () => {
    expect(await t.invoke(alice, 'admin/status-groups/create', { group: { name: 'X', statusIds: ['999999'] } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'group.statusIds' },
    });
    expect(await t.invoke(alice, 'admin/status-groups/create', { group: { name: 'X', statusIds: [] } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'group.statusIds' },
    });
    expect(await t.invoke(bob, 'admin/status-groups/create', { group: { name: 'X', statusIds: [STATUS_IDS.done] } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.invoke(bob, 'admin/statuses/list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const statuses = await t.call(alice, 'admin/statuses/list', {});
    expect(statuses.statuses.map((s) => s.id)).toEqual(expect.arrayContaining(Object.values(STATUS_IDS)));
  });
});
