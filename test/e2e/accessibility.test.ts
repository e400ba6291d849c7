// Accessibility: axe-core checks every page, tab and dialog in light and dark mode, in
// Chromium against the production bundles. Serious and critical violations fail the run;
// each one is listed with the rule, the first elements it found and axe's help link.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startUiHarness, users, type UiHarness } from './ui-harness';

jest.setTimeout(300_000);

let harness: UiHarness;
let refusedTokenId = '';

beforeAll(async () => {
  harness = await startUiHarness();
  // Something in every table: Bob's and Carol's tokens, with one REST request logged.
  const created = await harness.invoke(users.carol, 'tokens/create', { expiresAt: '2099-12-31', notes: 'accessibility check' });
  if (!created.ok) throw new Error('could not create the token the accessibility run needs');
  expect(await harness.whoami(created.data.token)).toBe(200);
  await harness.invoke(users.bob, 'tokens/create', { expiresAt: '2099-12-31', notes: 'bob accessibility' });
  // A failed and a refused request, so the activity rows' messages are checked too.
  const refused = await harness.invoke(users.carol, 'tokens/create', { expiresAt: '2099-12-31', notes: 'refused later' });
  if (!refused.ok) throw new Error('could not create the token the accessibility run needs');
  refusedTokenId = refused.data.tokenInfo.id;
  const bad = await fetch(`${harness.restBaseUrl}/rest/list?projectKey=SCRUM&pageSize=0`, { headers: { authorization: `TISJWT ${refused.data.token}` } });
  expect(bad.status).toBe(400);
  await harness.invoke(users.carol, 'tokens/update', { id: refusedTokenId, active: false });
  expect(await harness.whoami(refused.data.token)).toBe(401);
});

afterAll(async () => {
  await harness?.close();
});

interface Finding {
  where: string;
  rule: string;
  impact: string;
  targets: string[];
  help: string;
}

async function audit(page: Page, where: string): Promise<Finding[]> {
  // Let transitions (modal fade-in, lozenges) settle so colours are final.
  await page.waitForTimeout(400);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      where,
      rule: violation.id,
      impact: violation.impact ?? '',
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
      help: violation.helpUrl,
    }));
}

async function closeDialog(page: Page, testId: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId(testId).waitFor({ state: 'detached' });
}

describe.each(['light', 'dark'] as const)('%s mode', (colorScheme) => {
  test('the user page and every dialog: no serious or critical violations', async () => {
    const findings: Finding[] = [];
    const empty = (await harness.openPage('user-page', users.alice, 1280, { colorScheme })).page;
    await empty.getByTestId('tokens-empty').waitFor();
    findings.push(...(await audit(empty, 'user page, no tokens')));

    const { page } = await harness.openPage('user-page', users.bob, 1280, { colorScheme });
    await page.locator('[data-testid^="token-row-"]').first().waitFor();
    findings.push(...(await audit(page, 'user page, tokens')));

    await page.getByTestId('create-token').click();
    await page.getByTestId('create-token-dialog').waitFor();
    findings.push(...(await audit(page, 'create dialog')));
    await page.keyboard.type('axe');
    await page.getByTestId('create-token-submit').click();
    await page.getByTestId('issued-token-dialog').waitFor();
    findings.push(...(await audit(page, 'show-once dialog')));
    await page.getByTestId('copy-token').click();
    await page.getByTestId('issued-token-done').click();
    await page.getByTestId('issued-token-dialog').waitFor({ state: 'detached' });

    const row = page.locator('[data-testid^="token-row-"]').first();
    await row.getByTestId('edit-token').click();
    await page.getByTestId('edit-token-dialog').waitFor();
    findings.push(...(await audit(page, 'edit dialog')));
    await page.getByTestId('edit-token-notes').focus();
    await closeDialog(page, 'edit-token-dialog');

    await row.getByTestId('regenerate-token').click();
    await page.getByTestId('regenerate-token-dialog').waitFor();
    findings.push(...(await audit(page, 'regenerate dialog')));
    await closeDialog(page, 'regenerate-token-dialog');

    await row.getByTestId('delete-token').click();
    await page.getByTestId('delete-token-dialog').waitFor();
    findings.push(...(await audit(page, 'delete dialog')));
    await closeDialog(page, 'delete-token-dialog');

    // The details dialog with its recent requests, a failure and a refusal among them.
    const carol = (await harness.openPage('user-page', users.carol, 1280, { colorScheme })).page;
    await carol.getByTestId(`token-row-${refusedTokenId}`).getByTestId('token-history').click();
    await carol.getByTestId('token-history-dialog').getByTestId('activity-message').first().waitFor();
    findings.push(...(await audit(carol, 'token details dialog')));
    await closeDialog(carol, 'token-history-dialog');

    // The Token manager tab (Alice is a Jira admin, so a manager) and a token's history there.
    const manager = (await harness.openPage('user-page', users.alice, 1280, { colorScheme })).page;
    await manager.getByTestId('user-tab-manager').click();
    await manager.locator('[data-testid^="manager-token-row-"]').first().getByTestId('manager-history').waitFor();
    findings.push(...(await audit(manager, 'token manager tab')));
    await manager.getByTestId('manager-history').first().click();
    await manager.getByTestId('token-history-events').waitFor();
    findings.push(...(await audit(manager, 'token manager history dialog')));
    await closeDialog(manager, 'token-history-dialog');
    const managedRow = manager.locator('[data-testid^="manager-token-row-"]').first();
    await managedRow.getByTestId(/^manager-(de)?activate$/).click();
    await manager.getByTestId('manager-set-active-dialog').waitFor();
    findings.push(...(await audit(manager, 'token manager deactivate dialog')));
    await closeDialog(manager, 'manager-set-active-dialog');
    await managedRow.getByTestId('manager-delete').click();
    await manager.getByTestId('manager-delete-dialog').waitFor();
    findings.push(...(await audit(manager, 'token manager delete dialog')));
    await closeDialog(manager, 'manager-delete-dialog');
    await manager.getByTestId('manager-create').click();
    await manager.getByTestId('manager-create-dialog').waitFor();
    findings.push(...(await audit(manager, 'token manager create dialog')));
    await closeDialog(manager, 'manager-create-dialog');

    expect(findings).toEqual([]);
  });

  test('the admin page, every tab and dialog: no serious or critical violations', async () => {
    const findings: Finding[] = [];
    const refused = (await harness.openPage('admin-page', users.bob, 1280, { colorScheme })).page;
    await refused.getByTestId('admin-only').waitFor();
    findings.push(...(await audit(refused, 'admin page, not an admin')));

    const { page } = await harness.openPage('admin-page', users.alice, 1280, { colorScheme });
    const tokenRow = page.locator('[data-testid^="admin-token-row-"]').first();
    await tokenRow.waitFor();
    findings.push(...(await audit(page, 'admin tokens tab')));
    await tokenRow.getByTestId('admin-deactivate').click();
    await page.getByTestId('admin-set-active-dialog').waitFor();
    findings.push(...(await audit(page, 'admin deactivate dialog')));
    await closeDialog(page, 'admin-set-active-dialog');
    await tokenRow.getByTestId('admin-delete').click();
    await page.getByTestId('admin-delete-dialog').waitFor();
    findings.push(...(await audit(page, 'admin delete dialog')));
    await closeDialog(page, 'admin-delete-dialog');

    await page.getByTestId('admin-tab-calendars').click();
    await page.getByTestId('calendar-create').waitFor();
    findings.push(...(await audit(page, 'calendars tab')));
    await page.getByTestId('calendar-create').click();
    await page.getByTestId('calendar-dialog').waitFor();
    findings.push(...(await audit(page, 'calendar dialog')));
    await closeDialog(page, 'calendar-dialog');

    await page.getByTestId('admin-tab-status-groups').click();
    await page.getByTestId('status-group-create').waitFor();
    findings.push(...(await audit(page, 'status groups tab')));
    await page.getByTestId('status-group-create').click();
    await page.getByRole('dialog').waitFor();
    findings.push(...(await audit(page, 'status group dialog')));
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByTestId('admin-tab-activity').click();
    await page.getByTestId('activity-count').getByText('request', { exact: false }).waitFor();
    await page.getByTestId('activity-message').first().waitFor();
    findings.push(...(await audit(page, 'REST activity tab')));

    await page.getByTestId('admin-tab-param-sets').click();
    await page.getByTestId('param-set-create').waitFor();
    findings.push(...(await audit(page, 'saved parameter sets tab')));

    await page.getByTestId('admin-tab-audit').click();
    await page.locator('[data-testid^="audit-row-"]').first().waitFor();
    findings.push(...(await audit(page, 'audit log tab')));

    await page.getByTestId('admin-tab-keys').click();
    await page.locator('[data-testid^="key-row-"]').first().waitFor();
    findings.push(...(await audit(page, 'signing keys tab')));
    await page.getByTestId('rotate-key').click();
    await page.getByTestId('rotate-key-dialog').waitFor();
    findings.push(...(await audit(page, 'rotate key dialog')));
    await page.getByTestId('rotate-key-dialog').getByRole('button', { name: 'Rotate' }).click();
    await page.getByTestId('rotate-key-dialog').waitFor({ state: 'detached' });
    // After a rotation the older key can be retired: its dialog counts the tokens it signs.
    await page.getByTestId('retire-key').first().click();
    await page.getByTestId('retire-key-dialog').waitFor();
    findings.push(...(await audit(page, 'retire key dialog')));
    await closeDialog(page, 'retire-key-dialog');
    await page.getByTestId('deactivate-all').click();
    await page.getByTestId('deactivate-all-dialog').waitFor();
    findings.push(...(await audit(page, 'deactivate all dialog')));
    await closeDialog(page, 'deactivate-all-dialog');

    // The policy form, the hygiene settings and the installation IP allow-list.
    await page.getByTestId('admin-tab-policy').click();
    await page.getByTestId('policy-save').waitFor();
    await page.getByTestId('hygiene-form').waitFor();
    await page.getByTestId('ip-allowlist').waitFor();
    findings.push(...(await audit(page, 'policy tab')));

    expect(findings).toEqual([]);
  });
});
