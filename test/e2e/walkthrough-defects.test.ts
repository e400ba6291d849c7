// End-to-end: the defects a new user's walk-through found (issue 14, defects 1-10), each
// shown fixed in Chromium against the local host. Each test drives the page the way the
// report describes and checks what a person would see.
import type { Locator, Page } from 'playwright-core';
import { startUiHarness, users, type UiHarness } from './ui-harness';

jest.setTimeout(180_000);

let harness: UiHarness;

beforeAll(async () => {
  harness = await startUiHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function createToken(accountId: string, notes: string, expiresAt = '2099-12-31'): Promise<{ token: string; id: string }> {
  const created = await harness.invoke(accountId, 'tokens/create', { expiresAt, notes });
  if (!created.ok) throw new Error(`could not create a token for ${accountId}: ${created.error.message}`);
  return { token: created.data.token, id: created.data.tokenInfo.id };
}

async function rest(path: string, token: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${harness.restBaseUrl}${path}`, { headers: { authorization: `TISJWT ${token}` } });
  return { status: response.status, body: await response.text() };
}

async function openCreateDialog(page: Page): Promise<Locator> {
  await page.getByTestId('create-token').click();
  const dialog = page.getByTestId('create-token-dialog');
  await dialog.waitFor();
  return dialog;
}

/** Waits until `read` answers `expected` (the table reloads after a sort), failing with the last answer. */
async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** Whether an element lies wholly inside the viewport. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return box.y >= 0 && box.y + box.height <= viewport.height && box.x >= 0 && box.x + box.width <= viewport.width;
}

// First, while Bob has no tokens yet.
describe('10. small things', () => {
  test('definition lists align, code blocks breathe, one primary button when empty, State boxes on one line', async () => {
    const { page } = await harness.openPage('user-page', users.bob);
    await page.getByTestId('tokens-empty').waitFor();
    const primaryColour = await page
      .getByTestId('tokens-empty')
      .getByRole('button')
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    const backgrounds = await page.getByRole('button').evaluateAll((buttons) => buttons.map((button) => getComputedStyle(button).backgroundColor));
    expect(backgrounds.filter((colour) => colour === primaryColour)).toHaveLength(1);

    // The REST help: terms at the list's edge, each on its description's line.
    const list = page.getByTestId('rest-parameters');
    const listBox = await list.boundingBox();
    const firstTerm = await list.locator('dt').first().boundingBox();
    const firstDescription = await list.locator('dd').first().boundingBox();
    if (!listBox || !firstTerm || !firstDescription) throw new Error('the REST help list is not laid out');
    expect(firstTerm.x - listBox.x).toBeLessThan(4);
    expect(Math.abs(firstTerm.y - firstDescription.y)).toBeLessThan(6);

    const lineHeight = await page
      .getByTestId('rest-base-url')
      .evaluate((element) => parseFloat(getComputedStyle(element).lineHeight) / parseFloat(getComputedStyle(element).fontSize));
    expect(lineHeight).toBeGreaterThanOrEqual(1.4);

    const admin = (await harness.openPage('admin-page', users.alice, 1280)).page;
    await admin.getByTestId('token-filters').waitFor();
    const tops = await admin
      .locator('[data-testid^="filter-state-"][data-testid$="--checkbox-label"]')
      .evaluateAll((labels) => labels.map((label) => Math.round(label.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThanOrEqual(3);
    expect(new Set(tops).size).toBe(1);
  });
});

describe('1. filterType', () => {
  test('every filterType the REST help offers is accepted by the API, and project and projectKey choose the same issues', async () => {
    const { token } = await createToken(users.alice, 'filterType check');
    const { page } = await harness.openPage('user-page', users.alice);
    const help = (await page.getByTestId('rest-parameters').textContent()) ?? '';
    const offered = [...help.matchAll(/(\w+) \(with (\w+)=/g)].map((match) => ({ value: match[1] ?? '', parameter: match[2] ?? '' }));
    expect(offered.map((entry) => entry.value)).toEqual(expect.arrayContaining(['customjql', 'jqlfilter', 'project', 'user', 'sprint']));
    const samples: Record<string, string> = { customjql: 'project = SCRUM', projectKey: 'SCRUM', user: 'currentUser()', sprintID: '1', jqlFilterID: '10000' };
    for (const { value, parameter } of offered) {
      const query = new URLSearchParams({ filterType: value, [parameter]: samples[parameter] ?? '', outputType: 'csv' });
      const answer = await rest(`/rest/list?${query.toString()}`, token);
      // The demo site may refuse a sample (its JQL has no sprint field), never the filterType itself.
      expect({ value, refusedFilterType: answer.body.includes('filterType') }).toEqual({ value, refusedFilterType: false });
      if (value !== 'sprint') expect({ value, status: answer.status }).toEqual({ value, status: 200 });
    }
    const byProject = await rest('/rest/list?filterType=project&projectKey=SCRUM&outputType=csv', token);
    const byProjectKey = await rest('/rest/list?filterType=projectKey&projectKey=SCRUM&outputType=csv', token);
    expect(byProject.status).toBe(200);
    // The same issues (durations in the current status keep growing between the two calls).
    const keysOf = (csv: string) => csv.split('\n').map((line) => line.split(',')[0]);
    expect(byProjectKey.status).toBe(200);
    expect(keysOf(byProjectKey.body)).toEqual(keysOf(byProject.body));
    expect(byProject.body.split('\n').length).toBeGreaterThan(2);
  });
});

describe('2. Escape on an open dropdown', () => {
  test('closes only the expiry menu or the calendar, in Create and in Edit, keeping what was typed', async () => {
    const { page } = await harness.openPage('user-page', users.carol);
    await page.getByTestId('rest-api-panel').waitFor();
    const dialog = await openCreateDialog(page);
    await page.keyboard.type('typed before Escape');

    // The preset menu.
    await page.locator('#create-token-expiry-preset').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Custom date' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('option', { name: 'Custom date' }).waitFor({ state: 'detached' });
    await expect(dialog.isVisible()).resolves.toBe(true);

    // The calendar of the custom date.
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Custom date' }).click();
    await page.locator('#create-token-expiry-date').click();
    await page.getByRole('grid').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('grid').first().waitFor({ state: 'detached' });
    await expect(dialog.isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('create-token-notes').inputValue()).resolves.toBe('typed before Escape');

    // With nothing open, Escape still closes the dialog.
    await page.getByTestId('create-token-notes').focus();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Edit: the same for its expiry menu.
    await createToken(users.carol, 'carol edit escape');
    await page.reload();
    await page.getByTestId('edit-token').first().click();
    const edit = page.getByTestId('edit-token-dialog');
    await edit.waitFor();
    await page.getByTestId('edit-token-notes').fill('edited, not saved');
    await page.locator('#edit-token-expiry-preset').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: '1 year' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('option', { name: '1 year' }).waitFor({ state: 'detached' });
    await expect(edit.isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('edit-token-notes').inputValue()).resolves.toBe('edited, not saved');
  });

  test("closes only the calendar dialog's time-zone list", async () => {
    const { page } = await harness.openPage('admin-page', users.alice);
    await page.getByTestId('admin-tab-calendars').click();
    await page.getByTestId('calendar-create').click();
    const dialog = page.getByTestId('calendar-dialog');
    await dialog.waitFor();
    await page.getByTestId('calendar-name').fill('Escape check');
    await page.locator('#calendar-time-zone').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await expect(dialog.isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('calendar-name').inputValue()).resolves.toBe('Escape check');
  });
});

describe('3. the show-once dialog', () => {
  test('ignores the backdrop, starts on Copy, keeps its footer in view and asks before closing uncopied', async () => {
    const { page } = await harness.openPage('user-page', users.carol, 1280, { height: 900 });
    await page.getByTestId('rest-api-panel').waitFor();
    await openCreateDialog(page);
    await page.keyboard.type('show once');
    await page.getByTestId('create-token-submit').click();
    const dialog = page.getByTestId('issued-token-dialog');
    await dialog.waitFor();
    await page.getByTestId('issued-token').waitFor();

    // Focus on Copy: an early Enter copies instead of closing.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('copy-token');
    // The footer is on screen at 900 px without scrolling.
    await expect(inViewport(page, page.getByTestId('issued-token-done'))).resolves.toBe(true);
    // A backdrop click does nothing.
    await page.mouse.click(5, 450);
    await expect(dialog.isVisible()).resolves.toBe(true);
    // Escape (or Done) before copying asks first.
    await page.keyboard.press('Escape');
    await page.getByTestId('issued-token-confirm-close').waitFor();
    await expect(dialog.isVisible()).resolves.toBe(true);
    await harness.screenshot(page, 'user-issued-token-confirm-close');
    await page.getByTestId('issued-token-keep-open').click();
    await page.getByTestId('issued-token-done').click();
    await page.getByTestId('issued-token-confirm-close').waitFor();
    await page.getByTestId('issued-token-keep-open').click();
    // After a copy, Done closes at once.
    await page.getByTestId('copy-token').click();
    await page.getByTestId('copy-token').getByText('Copied', { exact: true }).waitFor();
    await page.getByTestId('issued-token-done').click();
    await dialog.waitFor({ state: 'detached' });
  });
});

describe('4. dates', () => {
  test('the date picker speaks the locale, refuses a typed past date with a reason, and clears the error once fixed', async () => {
    const { page } = await harness.openPage('user-page', users.carol, 1280, { locale: 'en-GB' });
    await page.getByTestId('rest-api-panel').waitFor();
    await openCreateDialog(page);
    await page.locator('#create-token-expiry-preset').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Custom date' }).click();
    const picker = page.getByTestId('create-token-expiry-date--container');
    await expect(picker.textContent()).resolves.toContain('dd/mm/yyyy');

    await page.locator('#create-token-expiry-date').click();
    await page.keyboard.type('01/02/2020');
    await page.keyboard.press('Enter');
    await page.getByTestId('create-token-expiry-error').getByText('The expiry must be a future date.').waitFor();

    await page.locator('#create-token-expiry-date').click();
    await page.keyboard.type('31/12/2030');
    // Typed, then left for another field: taken without Enter.
    await page.getByTestId('create-token-notes').click();
    await page.getByTestId('create-token-expiry-error').waitFor({ state: 'detached' });
    // Shown as the tables show dates, and read day-first as en-GB writes them.
    await expect(picker.textContent()).resolves.toContain('31 Dec 2030');
    await page.getByText('Works until the end of 31 Dec 2030').waitFor();
  });

  test('in dark mode the placeholder is not mistaken for a value', async () => {
    const { page } = await harness.openPage('user-page', users.carol, 1280, { colorScheme: 'dark' });
    await page.getByTestId('rest-api-panel').waitFor();
    await openCreateDialog(page);
    await page.locator('#create-token-expiry-preset').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Custom date' }).click();
    const picker = page.getByTestId('create-token-expiry-date--container');
    const placeholder = picker.getByText('dd/mm/yyyy');
    const placeholderColour = await placeholder.evaluate((element) => getComputedStyle(element).color);
    await page.locator('#create-token-expiry-date').click();
    await page.keyboard.type('31/12/2030');
    await page.keyboard.press('Enter');
    const value = picker.getByText('31 Dec 2030');
    const valueColour = await value.evaluate((element) => getComputedStyle(element).color);
    expect(placeholderColour).not.toBe(valueColour);
    await harness.screenshot(page, 'user-create-dialog-dark');
  });
});

describe('5. notes over the limit', () => {
  test('the counter turns into an error as the limit is passed, before any submit', async () => {
    const { page } = await harness.openPage('user-page', users.carol);
    await page.getByTestId('rest-api-panel').waitFor();
    await openCreateDialog(page);
    await page.getByTestId('create-token-notes').fill('x'.repeat(500));
    await page.getByTestId('create-token-notes-counter').getByText('500/500 characters.').waitFor();
    await page.getByTestId('create-token-notes').fill('x'.repeat(5000));
    await page.getByTestId('create-token-notes-error').getByText('5000/500 characters: 4500 over the limit', { exact: false }).waitFor();
    await expect(page.getByTestId('create-token-notes').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByTestId('create-token-notes').fill('short again');
    await page.getByTestId('create-token-notes-error').waitFor({ state: 'detached' });
  });
});

describe('6. one State lozenge', () => {
  test('an expired token says Expired once, and the admin State filter matches the lozenge', async () => {
    const expiring = await createToken(users.bob, 'expired walk-through token');
    const updated = await harness.invoke(users.bob, 'tokens/update', { id: expiring.id, expiresAt: '2020-01-31' });
    expect(updated).toMatchObject({ ok: true });
    const { page } = await harness.openPage('user-page', users.bob);
    const row = page.getByTestId(`token-row-${expiring.id}`);
    await row.waitFor();
    await expect(row.locator('[data-token-state]').allTextContents()).resolves.toEqual(['Expired']);
    expect(await row.getByText('Active', { exact: true }).count()).toBe(0);

    const admin = (await harness.openPage('admin-page', users.alice)).page;
    await admin.getByTestId('filter-notes').fill('expired walk-through');
    const adminRow = admin.getByTestId(`admin-token-row-${expiring.id}`);
    await adminRow.waitFor();
    await expect(adminRow.locator('[data-token-state]').allTextContents()).resolves.toEqual(['Expired']);
    await admin.getByLabel('Active', { exact: true }).check();
    await admin.getByText('No tokens match these filters').waitFor();
    await admin.getByLabel('Active', { exact: true }).uncheck();
    await admin.getByLabel('Expired', { exact: true }).check();
    await adminRow.waitFor();
  });
});

describe('7. REST activity', () => {
  test("the token's owner sees its failed and refused requests, each with its message or which check failed", async () => {
    const { token, id } = await createToken(users.carol, 'activity for the owner');
    expect((await rest('/rest/whoami', token)).status).toBe(200);
    expect((await rest('/rest/list?projectKey=SCRUM&pageSize=0', token)).status).toBe(400);
    const deactivated = await harness.invoke(users.carol, 'tokens/update', { id, active: false });
    expect(deactivated.ok).toBe(true);
    expect((await rest('/rest/whoami', token)).status).toBe(401);

    const { page } = await harness.openPage('user-page', users.carol);
    await page.getByTestId(`token-row-${id}`).getByTestId('token-history').click();
    const dialog = page.getByTestId('token-history-dialog');
    await dialog.getByTestId('token-activity-count').getByText('3 requests in the last 30 days.').waitFor();
    const rows = dialog.locator('[data-testid^="token-activity-row-"]');
    await expect(rows.count()).resolves.toBe(3);
    // Newest first: the refusal says why (the caller only heard the one 401 message), the 400 what the caller was told.
    await expect(rows.nth(0).textContent()).resolves.toContain('401');
    await expect(rows.nth(0).getByTestId('activity-message').textContent()).resolves.toBe('Refused: The token is deactivated.');
    await expect(rows.nth(1).getByTestId('activity-message').textContent()).resolves.toContain("pageSize: '0' is not a whole number");
    await expect(rows.nth(2).getByTestId('activity-message').count()).resolves.toBe(0);
    await harness.screenshot(page, 'user-token-recent-requests');
  });
});

describe('8. calendars', () => {
  test('plain sentences, every problem in one round, Start/End labels, and the id with a copy button', async () => {
    const { page } = await harness.openPage('admin-page', users.alice);
    await page.getByTestId('admin-tab-calendars').click();
    await page.getByTestId('calendar-create').click();
    const dialog = page.getByTestId('calendar-dialog');
    await dialog.waitFor();
    await expect(page.getByTestId('calendar-window-labels').textContent()).resolves.toBe('DayStartEnd');

    // No name, an unreadable start and an overlapping row: all three reported at once.
    await page.getByTestId('calendar-window-1-start').fill('9am');
    await page.getByTestId('calendar-add-window').click();
    await page.getByTestId('calendar-submit').click();
    await page.getByTestId('calendar-name-error').getByText('Give the calendar a name.').waitFor();
    await page.getByTestId('calendar-window-1-start-error').getByText('Enter the start as HH:MM, such as 09:00.').waitFor();
    await page.getByTestId('calendar-window-5-error').getByText('Monday 09:00-17:00 overlaps row 1 (Monday 09:00-17:00).').waitFor();
    await expect(dialog.textContent()).resolves.not.toMatch(/windows\[|is required/);
    await harness.screenshot(page, 'admin-calendar-all-errors');

    // What only the server checks comes back in the same words.
    await page.getByTestId('calendar-name').fill('Plain words');
    await page.getByTestId('calendar-window-1-start').fill('09:00');
    await page.getByRole('button', { name: 'Remove working hours row 6' }).click();
    await page.getByTestId('calendar-window-0-end').fill('08:00');
    await page.getByTestId('calendar-submit').click();
    await page.getByTestId('calendar-window-0-end-error').getByText('The end (08:00) must be after the start (09:00).').waitFor();
    await page.getByTestId('calendar-window-0-end').fill('17:00');
    await page.getByTestId('calendar-submit').click();
    await dialog.waitFor({ state: 'detached' });

    const listed = await harness.invoke(users.alice, 'admin/calendars/list', {}, 'status-clock-admin-page');
    if (!listed.ok) throw new Error('admin/calendars/list failed');
    const saved = listed.data.calendars.find((calendar) => calendar.name === 'Plain words');
    if (!saved) throw new Error('the calendar was not saved');
    const row = page.getByTestId(`calendar-row-${saved.id}`);
    await expect(row.getByTestId(`calendar-id-${saved.id}`).textContent()).resolves.toBe(saved.id);
    await row.getByTestId('calendar-copy-id').click();
    await row.getByTestId('calendar-copy-id').getByText('Copied', { exact: true }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(saved.id);
  });
});

describe('9. tables', () => {
  test('the admin table sorts on the server, clamps long notes with the full text on demand, and folds actions into a menu at 800 px', async () => {
    for (const notes of ['sortcheck b', 'sortcheck a', `sortcheck c ${'long notes '.repeat(44)}`]) await createToken(users.carol, notes);
    const { page } = await harness.openPage('admin-page', users.alice);
    await page.getByTestId('filter-notes').fill('sortcheck');
    const rows = page.locator('[data-testid^="admin-token-row-"]');
    await page.getByTestId('admin-token-count').getByText('3 tokens').waitFor();
    const notesInOrder = async () => (await rows.locator('[data-testid="token-notes"]').allTextContents()).map((text) => text.slice(0, 11));

    await page.getByRole('button', { name: 'Notes' }).click();
    await until(notesInOrder, ['sortcheck a', 'sortcheck b', 'sortcheck c']);
    await page.getByRole('button', { name: 'Notes' }).click();
    await until(notesInOrder, ['sortcheck c', 'sortcheck b', 'sortcheck a']);

    // 500 characters of notes: three lines until asked for the rest.
    const longRow = rows.first();
    const clampedHeight = (await longRow.boundingBox())?.height ?? 0;
    expect(clampedHeight).toBeLessThan(140);
    await longRow.getByTestId('token-notes-toggle').click();
    await longRow.getByText('Show less').waitFor();
    expect((await longRow.boundingBox())?.height ?? 0).toBeGreaterThan(clampedHeight + 40);

    // 800 px: one "⋯" per row, dates on one line.
    await page.setViewportSize({ width: 800, height: 900 });
    await longRow.getByRole('button', { name: /^Actions for / }).waitFor();
    expect(await longRow.getByTestId('admin-delete').count()).toBe(0);
    const created = await rows.nth(1).locator('td').nth(3).boundingBox();
    expect(created?.height ?? 100).toBeLessThan(60);
    await harness.screenshot(page, 'admin-tokens-800-menu');
    await rows
      .nth(1)
      .getByRole('button', { name: /^Actions for / })
      .click();
    await page.getByTestId('admin-deactivate').click();
    await page.getByTestId('admin-set-active-dialog').waitFor();
  });

  test('the user table folds its actions into a menu at 800 px', async () => {
    const { id } = await createToken(users.carol, 'narrow menu');
    const { page } = await harness.openPage('user-page', users.carol, 800);
    const row = page.getByTestId(`token-row-${id}`);
    await row.waitFor();
    expect(await row.getByTestId('edit-token').count()).toBe(0);
    await row.getByRole('button', { name: /^Actions for / }).click();
    await page.getByTestId('edit-token').click();
    await page.getByTestId('edit-token-dialog').waitFor();
  });
});
