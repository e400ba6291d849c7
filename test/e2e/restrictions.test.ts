// End-to-end: token restrictions in Chromium against the local host. IP ranges are checked
// per line in the create dialog (the bad line is named), a project scope is picked from the
// projects the user may browse, the table shows both, and the REST API enforces what the
// page shows (the harness calls from 127.0.0.1). The installation IP allow-list on the admin
// page's Policy tab likewise, driven from the keyboard.
import { ADMIN_PAGE_MODULE, startUiHarness, users, type UiHarness } from './ui-harness';

jest.setTimeout(180_000);

let harness: UiHarness;

beforeAll(async () => {
  harness = await startUiHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('token restrictions', () => {
  test('IP ranges with a bad line, a project scope, the table, and the API obeying them', async () => {
    const { page } = await harness.openPage('user-page', users.carol);
    await page.getByTestId('rest-api-panel').waitFor();
    await page.getByTestId('create-token').click();
    await page.getByTestId('create-token-dialog').waitFor();
    await page.keyboard.type('Restricted export');
    await page.getByTestId('create-token-allowed-ips').fill('203.0.113.7\nnot-an-ip\n198.51.100.0/24');
    await page.getByTestId('create-token-submit').click();
    const ipError = page.getByTestId('create-token-allowed-ips-error');
    await ipError.waitFor();
    await expect(ipError.textContent()).resolves.toContain("Line 2 'not-an-ip' is not an IPv4 or IPv6 address");
    await harness.screenshot(page, 'restrictions-bad-ip-line');

    await page.getByTestId('create-token-allowed-ips').fill('203.0.113.7\n198.51.100.0/24');
    // Carol may not browse SEC: the picker offers only her projects.
    await page.locator('#create-token-projects').click();
    // Inside the dialog: the report builder on the same page lists projects too.
    const dialog = page.getByRole('dialog');
    await dialog.getByText('(OPS)').waitFor();
    expect(await dialog.getByText('(SEC)').count()).toBe(0);
    await page.locator('#create-token-projects').fill('OPS');
    await page.keyboard.press('Enter');
    await page.getByTestId('create-token-dialog').getByText('Allowed IP addresses').click();
    await harness.screenshot(page, 'restrictions-create-dialog');
    await page.getByTestId('create-token-submit').click();
    await page.getByTestId('issued-token-dialog').waitFor();
    const token = (await page.getByTestId('issued-token').textContent())?.trim() ?? '';
    expect(token.split('.')).toHaveLength(3);
    // The text was read, not copied: closing asks first (the show-once dialog's guard).
    await page.getByTestId('issued-token-done').click();
    await page.getByTestId('issued-token-close-anyway').click();
    await page.getByTestId('issued-token-dialog').waitFor({ state: 'detached' });

    const row = page.locator('[data-testid^="token-row-"]').first();
    await row.waitFor();
    const cell = row.locator('[data-testid^="token-restrictions-"]');
    await expect(cell.textContent()).resolves.toContain('203.0.113.7, 198.51.100.0/24');
    await expect(cell.textContent()).resolves.toContain('OPS');
    await harness.screenshot(page, 'restrictions-table');
    // The harness calls from 127.0.0.1: outside the list.
    expect(await harness.whoami(token)).toBe(401);

    // Edit: allow this machine; the scope stays.
    await row.getByTestId('edit-token').click();
    await page.getByTestId('edit-token-dialog').waitFor();
    await expect(page.getByTestId('edit-token-allowed-ips').inputValue()).resolves.toBe('203.0.113.7\n198.51.100.0/24');
    await page.getByTestId('edit-token-allowed-ips').fill('127.0.0.1');
    await page.getByTestId('edit-token-submit').click();
    await page.getByTestId('edit-token-dialog').waitFor({ state: 'detached' });
    await cell.getByText('127.0.0.1').waitFor();
    await expect(cell.textContent()).resolves.toContain('OPS');
    expect(await harness.whoami(token)).toBe(200);
    const listed = await harness.invoke(users.carol, 'tokens/list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.data.tokens.map((view) => [view.allowedIps, view.projectKeys])).toEqual([[['127.0.0.1'], ['OPS']]]);
  });

  test("the Policy tab's installation IP allow-list names a bad line, saves from the keyboard, and the API obeys it", async () => {
    const token = await harness.invoke(users.bob, 'tokens/create', { expiresAt: '2099-12-31' });
    if (!token.ok) throw new Error(token.error.message);
    const { page } = await harness.openPage('admin-page', users.alice);
    await page.getByTestId('admin-tab-tokens').waitFor();
    // Its own tab is gone: the list is a section of the Policy tab, below the policy form.
    expect(await page.getByTestId('admin-tab-ip-allowlist').count()).toBe(0);
    await page.getByTestId('admin-tab-policy').click();
    const section = page.getByTestId('ip-allowlist-section');
    await section.getByRole('heading', { name: 'Installation IP allow-list' }).waitFor();
    await page.getByTestId('policy-form').waitFor();
    const formBottom = await page.getByTestId('policy-form').boundingBox();
    const sectionTop = await section.boundingBox();
    expect(sectionTop!.y).toBeGreaterThan(formBottom!.y + formBottom!.height - 1);
    // Keyboard only: focus the lines, type, Tab to the section's own Save, Enter.
    await page.getByTestId('ip-allowlist-lines').focus();
    await page.keyboard.type('198.51.100.0/24');
    await page.keyboard.press('Enter');
    await page.keyboard.type('10.0.0.1/8');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('ip-allowlist-save');
    await page.keyboard.press('Enter');
    const error = page.getByTestId('ip-allowlist-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain("Line 2 '10.0.0.1/8' has host bits set; the range is 10.0.0.0/8");
    await page.getByTestId('ip-allowlist-lines').fill('198.51.100.0/24');
    await page.getByTestId('ip-allowlist-save').click();
    await error.waitFor({ state: 'detached' });
    await page.getByText('Last changed').waitFor();
    await harness.screenshot(page, 'admin-ip-allowlist');
    expect(await harness.whoami(token.data.token)).toBe(401);
    await page.getByTestId('ip-allowlist-lines').fill('');
    await page.getByTestId('ip-allowlist-save').click();
    await page.getByTestId('ip-allowlist-lines').waitFor();
    let left = -1;
    for (let attempt = 0; attempt < 50 && left !== 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const read = await harness.invoke(users.alice, 'admin/ip-allowlist/get', {}, ADMIN_PAGE_MODULE);
      left = read.ok ? read.data.allowedIps.length : -1;
    }
    expect(left).toBe(0);
    expect(await harness.whoami(token.data.token)).toBe(200);
  });
});
