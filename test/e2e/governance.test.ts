// End-to-end, issue 11: the token policy as people meet it, in Chromium against the local
// host. An admin limits creation to a group on the Policy tab and a non-member sees why;
// the maximum lifetime shapes the expiry picker and the resolver refuses past it; an admin
// deactivation cannot be undone by the owner; a token manager creates a token for Bob that
// runs with Bob's permissions (Bob may browse SEC, the manager may not).
import type { Page } from 'playwright-core';
import { DEFAULT_POLICY, type Policy } from '../../src/contract/policy';
import { ADMIN_PAGE_MODULE, startUiHarness, users, type UiHarness } from './ui-harness';

jest.setTimeout(180_000);

let harness: UiHarness;
beforeAll(async () => {
  harness = await startUiHarness();
});
afterAll(async () => {
  await harness?.close();
});

const dateIn = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function setPolicy(changes: Partial<Policy>): Promise<void> {
  const result = await harness.invoke(users.alice, 'admin/policy/update', { policy: { ...DEFAULT_POLICY, ...changes } }, ADMIN_PAGE_MODULE);
  if (!result.ok) throw new Error(result.error.message);
}

async function openPolicyTab(): Promise<Page> {
  const { page } = await harness.openPage('admin-page', users.alice);
  await page.getByTestId('admin-tab-policy').click();
  await page.getByTestId('policy-form').waitFor();
  return page;
}

async function saved(page: Page): Promise<void> {
  await page.getByTestId('policy-save').click();
  await page.getByText('Token policy saved').first().waitFor();
}

afterEach(async () => {
  await setPolicy({});
});

test('an admin limits creation to a group; a non-member sees the reason and the resolver refuses', async () => {
  const page = await openPolicyTab();
  await page.getByTestId('policy-updated').getByText('The default policy applies').waitFor();
  await harness.screenshot(page, 'admin-policy-default');
  await page.getByTestId('policy-limit-create--hidden-checkbox').check();
  // Saving with no group picked is refused on the spot, naming the field.
  await page.getByTestId('policy-save').click();
  await page.getByTestId('policy-create-groups-error').getByText('Name at least one group').waitFor();
  await page.locator('#policy-create-groups').fill('secur');
  await page.getByRole('option', { name: 'security-team' }).click();
  await saved(page);
  await page.getByTestId('policy-updated').getByText('Last changed by Alice Admin').waitFor();
  await harness.screenshot(page, 'admin-policy-create-limited');

  const carol = (await harness.openPage('user-page', users.carol)).page;
  const refusal = carol.getByTestId('create-refusal');
  await refusal.waitFor();
  await expect(refusal.textContent()).resolves.toContain('"security-team"');
  expect(await carol.getByTestId('create-token').count()).toBe(0);
  await harness.screenshot(carol, 'user-page-create-refused');
  const refused = await harness.invoke(users.carol, 'tokens/create', { expiresAt: dateIn(10) });
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  if (!refused.ok) expect(refused.error.message).toContain('"security-team"');

  const bob = (await harness.openPage('user-page', users.bob)).page;
  await bob.getByTestId('create-token').waitFor();
  expect(await bob.getByTestId('create-refusal').count()).toBe(0);
});

test('the maximum lifetime is enforced in the picker and in the resolver', async () => {
  const admin = await openPolicyTab();
  await admin.getByTestId('policy-limit-lifetime--hidden-checkbox').check();
  await admin.getByTestId('policy-max-lifetime').fill('30');
  await admin.getByTestId('policy-default-lifetime').fill('30');
  await saved(admin);
  await admin.getByTestId('policy-over-limit-empty').waitFor();

  const { page } = await harness.openPage('user-page', users.bob);
  await page.getByTestId('create-token').click();
  await page.getByTestId('create-token-dialog').waitFor();
  await page.getByTestId('create-token-expiry-limit').getByText('at most 30 days').waitFor();
  await page.locator('#create-token-expiry-preset').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: '30 days' }).waitFor();
  const offered = (await page.getByRole('option').allTextContents()).map((text) => text.trim());
  expect(offered).toEqual(['30 days', 'Custom date']);
  await harness.screenshot(page, 'user-create-dialog-max-lifetime');
  await page.getByRole('option', { name: '30 days' }).click();
  await page.getByTestId('create-token-notes').fill('within the limit');
  await page.getByTestId('create-token-submit').click();
  await page.getByTestId('issued-token-dialog').waitFor();

  const beyond = await harness.invoke(users.bob, 'tokens/create', { expiresAt: dateIn(31) });
  expect(beyond).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'expiresAt' } });
  if (!beyond.ok) expect(beyond.error.message).toContain('30 days');
  const never = await harness.invoke(users.bob, 'tokens/create', { expiresAt: '2099-12-31' });
  expect(never.ok).toBe(false);
});

test('an admin deactivation cannot be undone by the owner', async () => {
  const created = await harness.invoke(users.carol, 'tokens/create', { expiresAt: dateIn(20), notes: 'nightly export' });
  if (!created.ok) throw new Error(created.error.message);
  const { token, tokenInfo } = created.data;
  expect(await harness.whoami(token)).toBe(200);

  const { page: admin } = await harness.openPage('admin-page', users.alice);
  const adminRow = admin.getByTestId(`admin-token-row-${tokenInfo.id}`);
  await adminRow.getByTestId('admin-deactivate').click();
  await admin.getByTestId('admin-set-active-dialog--confirm').click();
  await adminRow.getByTestId('admin-activate').waitFor();
  expect(await harness.whoami(token)).toBe(401);

  const { page } = await harness.openPage('user-page', users.carol);
  const row = page.getByTestId(`token-row-${tokenInfo.id}`);
  await row.getByTestId('deactivated-by-administrator').waitFor();
  await row.getByTestId('edit-token').click();
  await page.getByTestId('edit-token-dialog').waitFor();
  await page.getByTestId('edit-token-deactivated-by-administrator').waitFor();
  expect(await page.getByTestId('edit-token-active').count()).toBe(0);
  await harness.screenshot(page, 'user-edit-deactivated-by-admin');
  const undo = await harness.invoke(users.carol, 'tokens/update', { id: tokenInfo.id, active: true });
  expect(undo).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await harness.whoami(token)).toBe(401);
});

test("a token manager creates a token for Bob, shown once to the manager, that runs with Bob's permissions", async () => {
  await setPolicy({ managerGroups: ['jira-software-users'] });
  const { page } = await harness.openPage('user-page', users.carol);
  await page.getByTestId('user-tab-manager').click();
  await page.getByTestId('manager-create').click();
  await page.getByTestId('manager-create-dialog').waitFor();
  await page.locator('#manager-create-owner').fill('Bob');
  await page.getByRole('option', { name: 'Bob Builder' }).click();
  await page.getByTestId('manager-create-notes').fill('SEC dashboard for Bob');
  await harness.screenshot(page, 'manager-create-dialog');
  await page.getByTestId('manager-create-submit').click();
  const dialog = page.getByTestId('issued-token-dialog');
  await dialog.getByText('New token for Bob Builder').waitFor();
  const token = (await page.getByTestId('issued-token').textContent())?.trim() ?? '';
  expect(token.split('.')).toHaveLength(3);
  await page.getByTestId('issued-token-done').click();
  await harness.screenshot(page, 'manager-tab');

  // Bob's permissions: SEC is visible to Bob (security-team) and not to Carol.
  const report = async (tisjwt: string): Promise<string> => {
    const response = await fetch(`${harness.host.url}/webtrigger/rest-api/rest/list?filterType=customjql&customjql=${encodeURIComponent('project = SEC')}`, {
      headers: { authorization: `TISJWT ${tisjwt}` },
    });
    expect(response.status).toBe(200);
    return response.text();
  };
  const carolsOwn = await harness.invoke(users.carol, 'tokens/create', { expiresAt: dateIn(5) });
  if (!carolsOwn.ok) throw new Error(carolsOwn.error.message);
  expect(await report(token)).toContain('SEC-');
  expect(await report(carolsOwn.data.token)).not.toContain('SEC-');

  const bob = (await harness.openPage('user-page', users.bob)).page;
  const bobsRow = bob.locator('[data-testid^="token-row-"]').filter({ hasText: 'SEC dashboard for Bob' });
  await bobsRow.getByTestId('created-by').getByText('created by Carol Chen').waitFor();

  // The manager's History of Bob's token: its events, the use from the report included.
  // The show-once dialog asks again before closing on a token nobody copied.
  await page.getByTestId('issued-token-close-anyway').click();
  await page.getByTestId('issued-token-dialog').waitFor({ state: 'detached' });
  await page.locator('[data-testid^="manager-token-row-"]').filter({ hasText: 'SEC dashboard for Bob' }).getByTestId('manager-history').click();
  const history = page.getByTestId('token-history-dialog');
  await history.getByText('Bob Builder').first().waitFor();
  const events = history.getByTestId('token-history-events');
  await events.getByText(/token\.new-address.* from /).waitFor();
  await events.getByText(/token\.created/).waitFor();
  await harness.screenshot(page, 'manager-token-history');
});
