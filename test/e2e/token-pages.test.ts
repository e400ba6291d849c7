// End-to-end: the Custom UI production bundles in Chromium against the local host. The
// token text is read from the page and used against the real web trigger, so each step
// proves what the user sees is what the REST API enforces.
import type { Page } from 'playwright-core';
import { ADMIN_PAGE_MODULE, startUiHarness, users, type UiHarness } from './ui-harness';

jest.setTimeout(180_000);

let harness: UiHarness;

beforeAll(async () => {
  harness = await startUiHarness();
});

afterAll(async () => {
  await harness?.close();
});

function row(page: Page, testIdPrefix: string) {
  return page.locator(`[data-testid^="${testIdPrefix}"]`);
}

async function issuedToken(page: Page): Promise<string> {
  const dialog = page.getByTestId('issued-token-dialog');
  await dialog.waitFor();
  const token = (await page.getByTestId('issued-token').textContent())?.trim() ?? '';
  expect(token.split('.')).toHaveLength(3);
  return token;
}

describe('user page', () => {
  test('create, copy, use, edit, deactivate, regenerate and delete a token', async () => {
    const { page } = await harness.openPage('user-page', users.bob);
    await page.getByTestId('tokens-empty').waitFor();
    await page.getByTestId('rest-api-panel').waitFor();
    await harness.screenshot(page, 'user-page-empty-1280');
    await page.setViewportSize({ width: 800, height: 900 });
    await harness.screenshot(page, 'user-page-empty-800');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Create, keyboard first: the notes field has focus when the dialog opens.
    await page.getByTestId('create-token').click();
    const createDialog = page.getByTestId('create-token-dialog');
    await createDialog.waitFor();
    await page.keyboard.type('Power BI cycle time');
    await harness.screenshot(page, 'user-create-dialog');
    await page.getByTestId('create-token-submit').click();
    const token = await issuedToken(page);
    await expect(page.getByTestId('example-curl').textContent()).resolves.toContain(`TISJWT ${token}`);
    await expect(page.getByTestId('example-power-query').textContent()).resolves.toContain('Web.Contents');
    await page.getByTestId('copy-token').click();
    await page.getByTestId('copy-token').getByText('Copied', { exact: true }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(token);
    await harness.screenshot(page, 'user-issued-token-dialog');
    expect(await harness.whoami(token)).toBe(200);
    await page.getByTestId('issued-token-done').click();
    await createDialog.waitFor({ state: 'detached' });

    const tokenRow = row(page, 'token-row-');
    await tokenRow.first().waitFor();
    expect(await tokenRow.count()).toBe(1);
    await expect(tokenRow.textContent()).resolves.toContain('Power BI cycle time');
    await harness.screenshot(page, 'user-page-one-token-1280');
    await page.setViewportSize({ width: 800, height: 900 });
    await harness.screenshot(page, 'user-page-one-token-800');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Edit: notes and the Active toggle; deactivated tokens are refused.
    await tokenRow.getByTestId('edit-token').click();
    await page.getByTestId('edit-token-dialog').waitFor();
    await page.getByTestId('edit-token-notes').fill('Power BI cycle time (paused)');
    await page.locator('#edit-token-active').focus();
    await page.keyboard.press('Space');
    await harness.screenshot(page, 'user-edit-dialog');
    await page.getByTestId('edit-token-submit').click();
    await page.getByTestId('edit-token-dialog').waitFor({ state: 'detached' });
    await tokenRow.getByText('Inactive').waitFor();
    await expect(tokenRow.textContent()).resolves.toContain('(paused)');
    expect(await harness.whoami(token)).toBe(401);

    // Turn it back on before regenerating, so the new text can be shown to work.
    await tokenRow.getByTestId('edit-token').click();
    await page.locator('#edit-token-active').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('edit-token-submit').click();
    await tokenRow.getByText('Active', { exact: true }).waitFor();
    expect(await harness.whoami(token)).toBe(200);

    // Regenerate: confirm, new text works, old text does not.
    await tokenRow.getByTestId('regenerate-token').click();
    await page.getByTestId('regenerate-token-dialog').waitFor();
    await harness.screenshot(page, 'user-regenerate-dialog');
    await page.getByTestId('regenerate-token-dialog--confirm').click();
    const regenerated = await issuedToken(page);
    expect(regenerated).not.toBe(token);
    expect(await harness.whoami(token)).toBe(401);
    expect(await harness.whoami(regenerated)).toBe(200);
    await page.keyboard.press('Escape');
    await page.getByTestId('issued-token-dialog').waitFor({ state: 'detached' });

    // Delete: the dialog shows the token's details; afterwards the text is refused.
    await tokenRow.getByTestId('delete-token').click();
    const deleteDialog = page.getByTestId('delete-token-dialog');
    await deleteDialog.waitFor();
    await expect(page.getByTestId('token-details').textContent()).resolves.toContain('Power BI cycle time (paused)');
    await harness.screenshot(page, 'user-delete-dialog');
    // Keyboard only: focus starts on Cancel, so Tab moves to Delete and Enter confirms.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('tokens-empty').waitFor();
    expect(await harness.whoami(regenerated)).toBe(401);
  });
});

describe('admin page', () => {
  test("filters by user and date, deactivates and deletes another user's token", async () => {
    const carolFirst = await harness.invoke(users.carol, 'tokens/create', { expiresAt: '2099-12-31', notes: 'carol nightly export' });
    const carolSecond = await harness.invoke(users.carol, 'tokens/create', { expiresAt: '2099-12-31', notes: 'carol spreadsheet' });
    const bobToken = await harness.invoke(users.bob, 'tokens/create', { expiresAt: '2099-12-31', notes: 'bob script' });
    if (!carolFirst.ok || !carolSecond.ok || !bobToken.ok) throw new Error('could not create the tokens the admin test needs');

    const { page } = await harness.openPage('admin-page', users.alice);
    const rows = row(page, 'admin-token-row-');
    // Counts below never include tokens other tests left behind: they filter to Carol first.
    await page.getByText('bob script').waitFor();
    await page.getByText('carol spreadsheet').waitFor();
    await harness.screenshot(page, 'admin-page-1280');
    await page.setViewportSize({ width: 800, height: 900 });
    await harness.screenshot(page, 'admin-page-800');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Filter by user: search, pick Carol.
    await page.locator('#filter-users').fill('Car');
    await page.getByRole('option', { name: 'Carol Chen' }).click();
    await page.getByTestId('admin-token-count').getByText('2 tokens').waitFor();
    await expect(rows.allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('carol nightly export')]));
    expect(await page.getByText('bob script').count()).toBe(0);
    await harness.screenshot(page, 'admin-filter-user');

    // Filter by date: created in the last 7 days keeps them; expiring in the next 7 days
    // matches none (they expire in 2099).
    await page.locator('#filter-created-preset').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Last 7 days' }).click();
    await page.getByTestId('admin-token-count').getByText('2 tokens').waitFor();
    await page.locator('#filter-expires-preset').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Next 7 days' }).click();
    await page.getByText('No tokens match these filters').waitFor();
    await harness.screenshot(page, 'admin-filter-date-empty');
    await page.getByTestId('clear-filters').click();
    await page.getByText('bob script').waitFor();

    // Notes filter, case-insensitive.
    await page.getByTestId('filter-notes').fill('NIGHTLY');
    await page.getByTestId('admin-token-count').getByText('1 token').waitFor();

    // Deactivate Carol's token: her tool is refused at once.
    expect(await harness.whoami(carolFirst.data.token)).toBe(200);
    const carolRow = page.getByTestId(`admin-token-row-${carolFirst.data.tokenInfo.id}`);
    await carolRow.getByTestId('admin-deactivate').click();
    await page.getByTestId('admin-set-active-dialog').waitFor();
    await harness.screenshot(page, 'admin-deactivate-dialog');
    await page.getByTestId('admin-set-active-dialog--confirm').click();
    await page.getByTestId('admin-set-active-dialog').waitFor({ state: 'detached' });
    // An admin's deactivation sticks, and the tables say who switched it off.
    await carolRow.getByText('Deactivated by an administrator').waitFor();
    expect(await harness.whoami(carolFirst.data.token)).toBe(401);

    // State filter: only inactive tokens.
    await page.getByTestId('clear-filters').click();
    await page.getByLabel('Inactive', { exact: true }).check();
    await page.getByTestId('admin-token-count').getByText('1 token').waitFor();
    await page.getByTestId('clear-filters').click();
    await page.getByText('bob script').waitFor();

    // Delete Carol's other token.
    expect(await harness.whoami(carolSecond.data.token)).toBe(200);
    await page.getByTestId(`admin-token-row-${carolSecond.data.tokenInfo.id}`).getByTestId('admin-delete').click();
    await page.getByTestId('admin-delete-dialog').waitFor();
    await expect(page.getByTestId('token-details').textContent()).resolves.toContain('Carol Chen');
    await harness.screenshot(page, 'admin-delete-dialog');
    await page.getByTestId('admin-delete-dialog--confirm').click();
    await page.getByTestId(`admin-token-row-${carolSecond.data.tokenInfo.id}`).waitFor({ state: 'detached' });
    expect(await harness.whoami(carolSecond.data.token)).toBe(401);
    expect(await harness.whoami(bobToken.data.token)).toBe(200);
  });

  test('an ordinary user is refused by the admin resolvers and sees why on the page', async () => {
    for (const moduleKey of [ADMIN_PAGE_MODULE, 'status-clock-user-page']) {
      const list = await harness.invoke(users.bob, 'admin/tokens/list', {}, moduleKey);
      expect(list).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const mine = await harness.invoke(users.bob, 'tokens/list', {});
    if (!mine.ok || !mine.data.tokens[0]) throw new Error('Bob should have a token left');
    const victim = mine.data.tokens[0].id;
    await expect(harness.invoke(users.carol, 'admin/tokens/set-active', { id: victim, active: false }, ADMIN_PAGE_MODULE)).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await expect(harness.invoke(users.carol, 'admin/tokens/delete', { id: victim }, ADMIN_PAGE_MODULE)).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const { page } = await harness.openPage('admin-page', users.bob);
    await page.getByTestId('admin-only').waitFor();
    await harness.screenshot(page, 'admin-page-ordinary-user');
  });
});
