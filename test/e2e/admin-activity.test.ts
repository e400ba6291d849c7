// End-to-end: the admin page's REST activity tab in Chromium against the local host. Real
// tokens call the real web trigger; the tab must show those requests (who, which endpoint,
// what answer), filter them by token and page through them, and only admins may list them.
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

async function createToken(accountId: string, notes: string): Promise<{ id: string; token: string }> {
  const created = await harness.invoke(accountId, 'tokens/create', { expiresAt: '2099-12-31', notes });
  if (!created.ok) throw new Error(`tokens/create failed: ${created.error.message}`);
  return { id: created.data.tokenInfo.id, token: created.data.token };
}

async function rest(token: string, path: string): Promise<number> {
  const response = await fetch(`${harness.host.url}/webtrigger/rest-api${path}`, { headers: { authorization: `TISJWT ${token}` } });
  await response.arrayBuffer();
  return response.status;
}

function activityRows(page: Page) {
  return page.locator('[data-testid^="activity-row-"]');
}

async function openActivityTab(accountId: string): Promise<Page> {
  const { page } = await harness.openPage('admin-page', accountId);
  await page.getByTestId('admin-tab-tokens').waitFor();
  await page.getByTestId('admin-tab-activity').click();
  await page.getByTestId('activity-refresh').waitFor();
  return page;
}

async function countText(page: Page, expected: string): Promise<void> {
  await page.getByTestId('activity-count').getByText(expected, { exact: true }).waitFor();
}

describe('admin REST activity tab', () => {
  let bob: { id: string; token: string };
  let carol: { id: string; token: string };

  test('before any request: the empty state says how the API is called', async () => {
    const page = await openActivityTab(users.alice);
    await page.getByText('No REST API requests yet').waitFor();
    await expect(page.getByTestId('activity-empty-example').textContent()).resolves.toContain('/webtrigger/rest-api/rest/list');
    await harness.screenshot(page, 'admin-activity-empty');
  });

  test('shows requests newest first with user, endpoint and status, and filters by token', async () => {
    bob = await createToken(users.bob, 'activity: Bob');
    carol = await createToken(users.carol, 'activity: Carol');
    expect(await rest(bob.token, '/rest/whoami')).toBe(200);
    expect(await rest(bob.token, '/rest/list?filterType=customjql&customjql=project%3DSCRUM&outputType=jsonSimplified')).toBe(200);
    expect(await rest(bob.token, '/rest/list?filterType=customjql&customjql=project%3DSCRUM&outputType=nonsense')).toBe(400);
    expect(await rest(carol.token, '/rest/whoami')).toBe(200);

    const listed = await harness.invoke(users.alice, 'admin/activity/list', {}, ADMIN_PAGE_MODULE);
    if (!listed.ok) throw new Error(`admin/activity/list failed: ${listed.error.message}`);
    expect(listed.data.total).toBe(4);
    const reportIssues = listed.data.requests[2]?.issueCount ?? 0;
    expect(reportIssues).toBeGreaterThan(0);

    const page = await openActivityTab(users.alice);
    await countText(page, '4 requests');
    const rows = activityRows(page);
    await expect(rows.count()).resolves.toBe(4);
    // Newest first: Carol's whoami, then Bob's failed report, his report, his whoami.
    const texts = await rows.allTextContents();
    expect(texts[0]).toContain('Carol Chen');
    expect(texts[0]).toContain('GET /rest/whoami');
    expect(texts[0]).toContain('200');
    expect(texts[1]).toContain('Bob Builder');
    expect(texts[1]).toContain('GET /rest/list');
    expect(texts[1]).toContain('400');
    // A failure's row says what the caller was told.
    await expect(rows.nth(1).getByTestId('activity-message').textContent()).resolves.toContain("outputType: 'nonsense' is not one of");
    await expect(rows.nth(0).getByTestId('activity-message').count()).resolves.toBe(0);
    expect(texts[2]).toContain('Bob Builder');
    expect(texts[2]).toContain('/rest/list');
    expect(texts[2]).toContain(String(reportIssues));
    expect(texts[3]).toContain('/rest/whoami');
    expect(texts[3]).toContain(bob.id.slice(0, 8));
    await expect(rows.nth(0).locator(`[data-token-id="${carol.id}"]`).count()).resolves.toBe(1);
    // Times read like the other tables' (en-GB, UTC in this browser), not as raw ISO text.
    expect(texts[0]).toMatch(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
    await harness.screenshot(page, 'admin-activity-tab');

    // Not a UUID: refused next to the field before anything is sent.
    const field = page.getByTestId('activity-token-id');
    await field.fill('not-a-token-id');
    await page.getByTestId('activity-filter-apply').click();
    await expect(page.getByTestId('activity-token-id-error').textContent()).resolves.toContain(
      'Enter a token ID: the 8 characters the tables show, or the whole ID.',
    );
    await countText(page, '4 requests');
    await harness.screenshot(page, 'admin-activity-filter-error');

    // The 8 characters the tables show are enough.
    await field.fill(bob.id.slice(0, 8));
    await page.keyboard.press('Enter');
    await countText(page, '3 requests with this token');
    await field.fill(bob.id);
    await page.keyboard.press('Enter');
    await countText(page, '3 requests with this token');
    await expect(page.getByTestId('activity-token-id-error').count()).resolves.toBe(0);
    const bobTexts = await activityRows(page).allTextContents();
    expect(bobTexts).toHaveLength(3);
    for (const text of bobTexts) expect(text).toContain('Bob Builder');
    await harness.screenshot(page, 'admin-activity-filtered');

    // Refresh shows a request sent after the page loaded.
    expect(await rest(bob.token, '/rest/whoami')).toBe(200);
    await page.getByTestId('activity-refresh').click();
    await countText(page, '4 requests with this token');

    // "Show every token" brings every token back; a row's "Show only this token" filters by its token.
    await page.getByTestId('activity-filter-clear').click();
    await countText(page, '5 requests');
    await activityRows(page).filter({ hasText: 'Carol Chen' }).getByTestId('activity-only-token').click();
    await countText(page, '1 request with this token');
    await expect(field.inputValue()).resolves.toBe(carol.id);
  });

  test('pages through the log, 50 requests a page', async () => {
    // 5 requests so far; 48 more make 53: a full first page and 3 on the second.
    for (let index = 0; index < 48; index += 1) expect(await rest(carol.token, '/rest/whoami')).toBe(200);
    const page = await openActivityTab(users.alice);
    await countText(page, '53 requests');
    await expect(activityRows(page).count()).resolves.toBe(50);
    await page.getByRole('button', { name: 'page 2' }).click();
    await page.getByTestId('activity-row-52').waitFor();
    await expect(activityRows(page).count()).resolves.toBe(3);
    // The oldest request is Bob's first whoami.
    await expect(page.getByTestId('activity-row-52').textContent()).resolves.toContain('Bob Builder');
    await harness.screenshot(page, 'admin-activity-page-2');
  });

  test("a refused token's row says which check failed", async () => {
    const updated = await harness.invoke(users.bob, 'tokens/update', { id: bob.id, active: false });
    expect(updated.ok).toBe(true);
    expect(await rest(bob.token, '/rest/whoami')).toBe(401);
    const page = await openActivityTab(users.alice);
    await page.getByTestId('activity-token-id').fill(bob.id.slice(0, 8));
    await page.keyboard.press('Enter');
    await countText(page, '5 requests with this token');
    const newest = activityRows(page).nth(0);
    await expect(newest.textContent()).resolves.toContain('401');
    await expect(newest.getByTestId('activity-message').textContent()).resolves.toBe('Refused: The token is deactivated.');
    await harness.screenshot(page, 'admin-activity-refused');
  });

  test('only Jira admins may list activity', async () => {
    const refused = await harness.invoke(users.bob, 'admin/activity/list', {}, ADMIN_PAGE_MODULE);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // From the user page too: any page may invoke any key, the resolver decides.
    const fromUserPage = await harness.invoke(users.carol, 'admin/activity/list', { tokenId: carol.id });
    expect(fromUserPage).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The server checks the filter too, and names the field.
    const badFilter = await harness.invoke(users.alice, 'admin/activity/list', { tokenId: 'nope' }, ADMIN_PAGE_MODULE);
    expect(badFilter).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'tokenId' } });

    const { page } = await harness.openPage('admin-page', users.bob);
    await page.getByTestId('admin-only').waitFor();
    await expect(page.getByTestId('admin-tab-activity').count()).resolves.toBe(0);
  });
});
