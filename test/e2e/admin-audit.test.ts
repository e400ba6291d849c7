// End-to-end (issue 12): the admin's Audit log tab filters the log and downloads it as CSV
// (the file is parsed back and checked), the user page's expiry banner extends a token in
// one click, the Signing keys tab rotates the signing key and retires the old one after
// showing how many tokens stop working, and the Policy tab sets retention and the sweep.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { DEFAULT_POLICY } from '../../src/contract/policy';
import { ADMIN_PAGE_MODULE, startUiHarness, users, type UiHarness } from './ui-harness';

jest.setTimeout(180_000);

const DAY = 86_400_000;
let harness: UiHarness;

beforeAll(async () => {
  harness = await startUiHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function createToken(accountId: string, notes: string, expiresAt = '2099-12-31'): Promise<{ id: string; token: string }> {
  const created = await harness.invoke(accountId, 'tokens/create', { expiresAt, notes });
  if (!created.ok) throw new Error(`tokens/create failed: ${created.error.message}`);
  return { id: created.data.tokenInfo.id, token: created.data.token };
}

async function openAdminTab(tab: 'audit' | 'keys' | 'policy' | 'tokens'): Promise<Page> {
  const { page } = await harness.openPage('admin-page', users.alice);
  await page.getByTestId('admin-tab-tokens').waitFor();
  await page.getByTestId(`admin-tab-${tab}`).click();
  return page;
}

const auditCount = (page: Page, text: string) => page.getByTestId('audit-count').getByText(text, { exact: true }).waitFor();

test('the audit tab filters by token id and event type, and exports the filtered events as CSV', async () => {
  const bob = await createToken(users.bob, 'audit: Bob');
  await createToken(users.carol, 'audit: Carol');
  expect((await harness.invoke(users.bob, 'tokens/update', { id: bob.id, notes: 'audit: Bob nightly' })).ok).toBe(true);
  expect((await harness.invoke(users.alice, 'admin/tokens/set-active', { id: bob.id, active: false }, ADMIN_PAGE_MODULE)).ok).toBe(true);

  const page = await openAdminTab('audit');
  await auditCount(page, '4 events');
  const rows = page.locator('[data-testid^="audit-row-"]');
  // Newest first: Alice deactivated Bob's token.
  const first = await rows.first().textContent();
  expect(first).toContain('token.deactivated');
  expect(first).toContain('Alice');
  expect(first).toContain('active: true → false');

  // The 8 characters the tables show are enough.
  await page.getByTestId('audit-token-id').fill(bob.id.slice(0, 8));
  await page.keyboard.press('Enter');
  await auditCount(page, '3 events');
  await page.locator('#audit-types').fill('token.updated');
  await page.keyboard.press('Enter');
  await auditCount(page, '1 event');
  await expect(rows.first().textContent()).resolves.toContain('notes: "audit: Bob" → "audit: Bob nightly"');
  await page.locator('#audit-range-preset').fill('Last 7');
  await page.keyboard.press('Enter');
  await auditCount(page, '1 event');
  await harness.screenshot(page, 'admin-audit-filtered');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^status-clock-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const records = parse<Record<string, string>>(readFileSync(await download.path(), 'utf8'), { columns: true });
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ type: 'token.updated', actorAccountId: users.bob, ownerAccountId: users.bob, tokenId: bob.id });
  expect(JSON.parse(records[0]?.detail ?? '')).toEqual({ changes: { notes: { before: 'audit: Bob', after: 'audit: Bob nightly' } } });

  // Cleared, the export holds every event.
  await page.getByTestId('audit-filters-clear').click();
  await auditCount(page, '4 events');
  const [all] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()]);
  expect(parse(readFileSync(await all.path(), 'utf8'), { columns: true })).toHaveLength(4);
});

test('the expiry banner names the tokens expiring soon and extends one by the same lifetime again', async () => {
  const soon = await createToken(users.carol, 'nightly export', new Date(Date.now() + 10 * DAY).toISOString());
  await createToken(users.carol, 'far away');
  const { page } = await harness.openPage('user-page', users.carol);
  const banner = page.getByTestId('expiry-banner');
  await banner.waitFor();
  await expect(banner.textContent()).resolves.toContain('nightly export');
  await expect(banner.textContent()).resolves.not.toContain('far away');
  await harness.screenshot(page, 'user-expiry-banner');
  await banner.getByTestId('expiry-extend').click();
  await banner.waitFor({ state: 'detached' });
  const listed = await harness.invoke(users.carol, 'tokens/list', {});
  if (!listed.ok) throw new Error('tokens/list failed');
  const extended = listed.data.tokens.find((token) => token.id === soon.id);
  // Ten days of life again, from the old expiry: about twenty days from creation, out of the 14-day window.
  const lifetime = Date.parse(extended?.expiresAt ?? '') - Date.parse(extended?.createdAt ?? '');
  expect(Math.abs(lifetime - 20 * DAY)).toBeLessThan(60_000);
  expect(await harness.whoami(soon.token)).toBe(200);

  // The details dialog shows the extension in the token's history.
  await page.getByTestId(`token-row-${soon.id}`).getByTestId('token-history').click();
  const history = page.getByTestId('token-history-events');
  await history.waitFor();
  await expect(history.textContent()).resolves.toContain('token.updated (expiresAt)');
});

test('rotating the signing key keeps old tokens working; retiring the old key says how many stop, then refuses them', async () => {
  const old = await createToken(users.bob, 'signed by the first key');
  const page = await openAdminTab('keys');
  const keyRows = page.locator('[data-testid^="key-row-"]');
  await keyRows.first().waitFor();
  await expect(keyRows.count()).resolves.toBe(1);

  await page.getByTestId('rotate-key').click();
  await page.getByTestId('rotate-key-dialog--confirm').click();
  await page.getByTestId('rotate-key-dialog').waitFor({ state: 'detached' });
  await keyRows.nth(1).waitFor();
  await expect(keyRows.count()).resolves.toBe(2);
  const fresh = await createToken(users.bob, 'signed by the second key');
  expect(await harness.whoami(old.token)).toBe(200);

  const listed = await harness.invoke(users.alice, 'admin/keys/list', {}, ADMIN_PAGE_MODULE);
  if (!listed.ok) throw new Error('admin/keys/list failed');
  const oldKey = listed.data.keys.find((key) => !key.current);
  expect(oldKey?.tokenCount).toBeGreaterThan(0);
  await page.getByTestId(`key-row-${oldKey?.kid}`).getByTestId('retire-key').click();
  const dialog = page.getByTestId('retire-key-dialog');
  await dialog.waitFor();
  await expect(page.getByTestId('retire-key-count').textContent()).resolves.toContain(`${oldKey?.tokenCount} token`);
  await harness.screenshot(page, 'admin-retire-key');
  // Still working until confirmed.
  expect(await harness.whoami(old.token)).toBe(200);
  await page.getByTestId('retire-key-dialog--confirm').click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId(`key-row-${oldKey?.kid}`).getByText('Retired').waitFor();
  expect(await harness.whoami(old.token)).toBe(401);
  expect(await harness.whoami(fresh.token)).toBe(200);

  // The emergency switch wants the typed text; the server refuses anything else.
  await page.getByTestId('deactivate-all').click();
  await page.getByTestId('deactivate-all-confirmation').fill('yes');
  await page.getByTestId('deactivate-all-dialog--confirm').click();
  await page.getByText('type DEACTIVATE ALL TOKENS to confirm').first().waitFor();
  expect(await harness.whoami(fresh.token)).toBe(200);
  await page.getByTestId('deactivate-all-confirmation').fill('DEACTIVATE ALL TOKENS');
  await page.getByTestId('deactivate-all-dialog--confirm').click();
  await page.getByTestId('deactivate-all-dialog').waitFor({ state: 'detached' });
  expect(await harness.whoami(fresh.token)).toBe(401);
  await harness.screenshot(page, 'admin-keys-tab');
});

test('the Policy tab sets audit retention, the stale sweep and the expiry warning window; bad numbers are named', async () => {
  const page = await openAdminTab('policy');
  const form = page.getByTestId('hygiene-form');
  await form.waitFor();
  await expect(page.getByTestId('hygiene-auditRetentionDays').inputValue()).resolves.toBe('365');
  await page.getByTestId('hygiene-expiryWarningDays').fill('0');
  await page.getByTestId('hygiene-save').click();
  await form.getByText('Too small', { exact: false }).first().waitFor();
  await page.getByTestId('hygiene-expiryWarningDays').fill('21');
  await page.getByTestId('hygiene-staleAfterDays').fill('90');
  await page.getByTestId('hygiene-save').click();
  await page.getByText('Hygiene settings saved').first().waitFor();
  await harness.screenshot(page, 'admin-policy-hygiene');
  const saved = await harness.invoke(users.alice, 'admin/hygiene/get', {}, ADMIN_PAGE_MODULE);
  expect(saved).toMatchObject({
    ok: true,
    data: { auditRetentionDays: 365, expiryWarningDays: 21, staleAfterDays: 90, deleteDeactivatedOwnersAfterDays: null },
  });
  const reset = await harness.invoke(users.alice, 'admin/hygiene/update', { expiryWarningDays: 14, staleAfterDays: null }, ADMIN_PAGE_MODULE);
  expect(reset.ok).toBe(true);
});

test("the banner's extension stays within the policy's maximum lifetime and names the new expiry", async () => {
  const policy = { ...DEFAULT_POLICY, maxLifetimeDays: 15, defaultLifetimeDays: 15 };
  expect((await harness.invoke(users.alice, 'admin/policy/update', { policy }, ADMIN_PAGE_MODULE)).ok).toBe(true);
  try {
    // Ten days again would be twenty from now; the policy allows through today + 15 (UTC).
    const soon = await createToken(users.bob, 'capped extension', new Date(Date.now() + 10 * DAY).toISOString());
    const { page } = await harness.openPage('user-page', users.bob);
    const row = page.getByTestId(`expiry-banner-${soon.id}`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('maximum lifetime (15 days)');
    const limit = Math.floor(Date.now() / DAY) * DAY + 16 * DAY;
    const shown = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(limit - DAY));
    await expect(row.getByTestId('expiry-extend').textContent()).resolves.toBe(`Extend to ${shown}`);
    await harness.screenshot(page, 'user-expiry-banner-capped');
    await row.getByTestId('expiry-extend').click();
    await row.waitFor({ state: 'detached' });
    const listed = await harness.invoke(users.bob, 'tokens/list', {});
    if (!listed.ok) throw new Error('tokens/list failed');
    expect(listed.data.tokens.find((token) => token.id === soon.id)?.expiresAt).toBe(new Date(limit).toISOString());
  } finally {
    await harness.invoke(users.alice, 'admin/policy/update', { policy: DEFAULT_POLICY }, ADMIN_PAGE_MODULE);
  }
});

test('the admin token table filters the tokens expiring within the warning window', async () => {
  const soon = await createToken(users.carol, 'window filter: soon', new Date(Date.now() + 5 * DAY).toISOString());
  await createToken(users.carol, 'window filter: later', new Date(Date.now() + 60 * DAY).toISOString());
  const page = await openAdminTab('tokens');
  await page.getByTestId('filter-notes').fill('window filter');
  await page.getByTestId('admin-token-count').getByText('2 tokens', { exact: true }).waitFor();
  await page.getByTestId('token-filters').getByText('Within the expiry warning window (14 days)').waitFor();
  await page.getByTestId('filter-expires-within-window--hidden-checkbox').check();
  await page.getByTestId('admin-token-count').getByText('1 token', { exact: true }).waitFor();
  await page.getByTestId(`admin-token-row-${soon.id}`).waitFor();
  await harness.screenshot(page, 'admin-tokens-expiring-filter');
});
