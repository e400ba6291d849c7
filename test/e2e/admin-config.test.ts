// End-to-end: the admin page's Calendars and Status groups tabs in Chromium against the
// local host, and a calendar made in the UI used by the REST API with a real token.
import { ADMIN_PAGE_MODULE, startUiHarness, users, type UiHarness } from './ui-harness';

jest.setTimeout(180_000);

let harness: UiHarness;

beforeAll(async () => {
  harness = await startUiHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('admin configuration tabs', () => {
  test('creates a calendar (with a validation message first) and reports with it over REST', async () => {
    const { page } = await harness.openPage('admin-page', users.alice);
    await page.getByTestId('admin-tab-tokens').waitFor();
    await page.getByTestId('admin-tab-calendars').click();
    await page.getByTestId('calendar-create').click();
    const dialog = page.getByTestId('calendar-dialog');
    await dialog.waitFor();

    await page.getByTestId('calendar-name').fill('Berlin office');
    await page.locator('#calendar-time-zone').fill('Europe/Berl');
    await page.getByRole('option', { name: 'Europe/Berlin' }).click();
    // New calendars start with Mon-Fri 09:00-17:00.
    for (let index = 0; index < 5; index += 1) {
      await expect(page.getByTestId(`calendar-window-${index}-start`).inputValue()).resolves.toBe('09:00');
      await expect(page.getByTestId(`calendar-window-${index}-end`).inputValue()).resolves.toBe('17:00');
    }
    await expect(page.getByTestId('calendar-window-5').count()).resolves.toBe(0);
    await page.getByTestId('calendar-add-holiday').click();
    await page.locator('#calendar-holiday-0-date').fill('2026-12-25');
    await page.keyboard.press('Enter');
    await page.getByTestId('calendar-holiday-0-name').fill('Christmas');
    await page.getByTestId('calendar-holiday-0').getByLabel('Every year').check();

    // End before start: the server's message appears next to that end field.
    await page.getByTestId('calendar-window-0-end').fill('08:00');
    await page.getByTestId('calendar-submit').click();
    const endError = page.getByTestId('calendar-window-0-end-error');
    await endError.waitFor();
    await expect(endError.textContent()).resolves.toContain('must be after the start');
    await harness.screenshot(page, 'admin-calendar-validation');

    await page.getByTestId('calendar-window-0-end').fill('17:00');
    await page.getByTestId('calendar-submit').click();
    await dialog.waitFor({ state: 'detached' });
    const calendarRow = page.locator('[data-testid^="calendar-row-"]');
    await calendarRow.first().waitFor();
    await expect(calendarRow.textContent()).resolves.toContain('Europe/Berlin');
    await harness.screenshot(page, 'admin-calendars-tab');

    const listed = await harness.invoke(users.alice, 'admin/calendars/list', {}, ADMIN_PAGE_MODULE);
    if (!listed.ok) throw new Error('admin/calendars/list failed');
    const calendar = listed.data.calendars.find((candidate) => candidate.name === 'Berlin office');
    expect(calendar).toMatchObject({
      timeZone: 'Europe/Berlin',
      holidays: [{ date: '2026-12-25', recurring: true, name: 'Christmas' }],
    });
    expect(calendar?.windows).toEqual([1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: 9 * 3_600_000, end: 17 * 3_600_000 })));
    if (!calendar) throw new Error('calendar missing');

    // Duplicate name: CONFLICT, shown under the name.
    await page.getByTestId('calendar-create').click();
    await page.getByTestId('calendar-name').fill('Berlin office');
    await page.getByTestId('calendar-submit').click();
    await page.getByTestId('calendar-name-error').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('calendar-dialog').waitFor({ state: 'detached' });

    const created = await harness.invoke(users.alice, 'tokens/create', { expiresAt: '2099-12-31', notes: 'calendar report' });
    if (!created.ok) throw new Error('could not create a token');
    const response = await fetch(
      `${harness.host.url}/webtrigger/rest-api/rest/list?customjql=project%3DSCRUM&calendar=${calendar.id}&columnsBy=statusDuration&outputType=jsonSimplified`,
      { headers: { authorization: `TISJWT ${created.data.token}` } },
    );
    const text = await response.text();
    expect({ status: response.status, text: text.slice(0, 300) }).toMatchObject({ status: 200 });
  });

  test('creates and deletes a status group', async () => {
    const { page } = await harness.openPage('admin-page', users.alice);
    await page.getByTestId('admin-tab-status-groups').click();
    await page.getByTestId('status-group-create').click();
    await page.getByTestId('status-group-dialog').waitFor();
    await page.getByTestId('status-group-name').fill('Active work');
    await page.locator('#status-group-statuses').focus();
    await page.keyboard.press('ArrowDown');
    const first = page.getByRole('option').first();
    const statusName = (await first.textContent())?.trim() ?? '';
    await first.click();
    await harness.screenshot(page, 'admin-status-group-dialog');
    await page.getByTestId('status-group-submit').click();
    await page.getByTestId('status-group-dialog').waitFor({ state: 'detached' });
    const groupRow = page.locator('[data-testid^="status-group-row-"]');
    await groupRow.first().waitFor();
    await expect(groupRow.textContent()).resolves.toContain(statusName);
    await harness.screenshot(page, 'admin-status-groups-tab');

    await groupRow.getByTestId('status-group-delete').click();
    await page.getByTestId('status-group-delete-dialog').waitFor();
    await page.getByTestId('status-group-delete-dialog--confirm').click();
    await groupRow.first().waitFor({ state: 'detached' });
    const listed = await harness.invoke(users.alice, 'admin/status-groups/list', {}, ADMIN_PAGE_MODULE);
    expect(listed).toMatchObject({ ok: true, data: { groups: [] } });
  });

  test('requestJira on the local host asks Jira as the page user', async () => {
    const { page } = await harness.openPage('admin-page', users.alice);
    await page.getByTestId('admin-tab-tokens').waitFor();
    const myself = await page.evaluate(async () => {
      const bridge = (globalThis as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<{ status: number; body: string }> } }).__bridge;
      const answer = await bridge.callBridge('fetchProduct', {
        product: 'jira',
        restPath: '/rest/api/3/myself',
        fetchRequestInit: { method: 'GET', headers: [['accept', 'application/json']], body: null },
      });
      return { status: answer.status, body: JSON.parse(answer.body) as { accountId: string } };
    });
    expect(myself).toMatchObject({ status: 200, body: { accountId: users.alice } });
  });
});
