// End-to-end (issue 14): the report builder on the user page and the saved parameter sets
// tab on the admin page, in Chromium against the local host. The copied curl is run from
// the test with the token the page just issued, so what the builder shows is what the
// REST API answers. The run also writes the README's screenshots into docs/images.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN_PAGE_MODULE, startUiHarness, users, type UiHarness } from './ui-harness';

jest.setTimeout(240_000);

const IMAGES_DIR = resolve(__dirname, '..', '..', 'docs', 'images');

let harness: UiHarness;

beforeAll(async () => {
  harness = await startUiHarness();
  mkdirSync(IMAGES_DIR, { recursive: true });
});

afterAll(async () => {
  await harness?.close();
});

/** axe-core on part of a page: the serious and critical violations, by rule and target. */
async function accessibilityProblems(page: Page, include: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Opens a page in a colour scheme: the page reads it once, when it starts, as it reads Jira's. */
async function openIn(colorScheme: 'light' | 'dark', resource: 'user-page' | 'admin-page', accountId: string): Promise<Page> {
  const { page } = await harness.openPage(resource, accountId);
  await page.emulateMedia({ colorScheme });
  await page.reload();
  return page;
}

/** Picks an option of an Atlaskit select by typing part of its label. */
async function choose(page: Page, inputId: string, text: string, option: string | RegExp = text): Promise<void> {
  await page.locator(`#${inputId}`).fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

/** Waits until the open select lists exactly `expected` (an async list answers after each keystroke). */
async function untilOptions(page: Page, expected: string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  let shown = await page.getByRole('option').allTextContents();
  while (JSON.stringify(shown) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    shown = await page.getByRole('option').allTextContents();
  }
  expect(shown).toEqual(expected);
}

async function previewKeys(page: Page): Promise<string[]> {
  const rows = page.getByTestId('builder-preview-row');
  await rows.first().waitFor();
  const keys: string[] = [];
  for (const row of await rows.all()) keys.push(((await row.locator('td').first().textContent()) ?? '').trim());
  return keys;
}

async function copied(page: Page, example: string): Promise<string> {
  await page.getByTestId(`builder-tab-${example}`).click();
  await page.getByTestId(`builder-copy-${example}`).click();
  await page.getByTestId(`builder-copy-${example}`).getByText('Copied', { exact: true }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Runs a copied curl request: its URL and Authorization header, nothing else. */
async function runCurl(curl: string): Promise<Response> {
  const url = /"(https?:\/\/[^"]+)"/.exec(curl)?.[1];
  const authorization = /-H "Authorization: ([^"]+)"/.exec(curl)?.[1];
  if (!url || !authorization) throw new Error(`not a curl request: ${curl}`);
  return fetch(url, { headers: { authorization } });
}

describe('report builder', () => {
  test('pick a project, see rows, copy the curl and run it with the new token, switch to csv and Power Query', async () => {
    const { page } = await harness.openPage('user-page', users.bob);
    await page.getByTestId('report-builder').waitFor();
    await page.locator('#builder-project').waitFor();

    // A new token; its show-once dialog opens the builder with the token in its requests.
    await page.getByTestId('create-token').click();
    await page.getByTestId('create-token-dialog').waitFor();
    await page.keyboard.type('Report builder');
    await page.getByTestId('create-token-submit').click();
    await page.getByTestId('issued-token-dialog').waitFor();
    const token = ((await page.getByTestId('issued-token').textContent()) ?? '').trim();
    await page.getByTestId('open-report-builder').click();
    await page.getByTestId('issued-token-dialog').waitFor({ state: 'detached' });
    // It starts from the dialog's first report: any site's issues updated in the last 30 days, as CSV.
    await expect(page.getByTestId('builder-jql').inputValue()).resolves.toBe('updated >= -30d');
    await expect(page.getByTestId('builder-request-curl').textContent()).resolves.toContain(`TISJWT ${token}`);

    await choose(page, 'builder-source', 'A project');
    await choose(page, 'builder-project', 'SCRUM', /\(SCRUM\)/);
    await choose(page, 'builder-output-type', 'JSON table');
    await page.getByTestId('builder-run').click();
    const keys = await previewKeys(page);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith('SCRUM-'))).toBe(true);
    await page.getByTestId('report-builder').screenshot({ path: join(IMAGES_DIR, 'builder.png') });

    const curl = await copied(page, 'curl');
    expect(curl).toContain(`TISJWT ${token}`);
    expect(curl).toContain('projectKey=SCRUM');
    const response = await runCurl(curl);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { table: { body: { rows: Array<{ headerColumns: Array<{ value: string }> }> } } };
    expect(body.table.body.rows.map((row) => row.headerColumns[0]?.value).slice(0, keys.length)).toEqual(keys);

    // CSV: the same rows, one line each after the header.
    await choose(page, 'builder-output-type', 'CSV');
    const csvCurl = await copied(page, 'curl');
    expect(csvCurl).toContain('outputType=csv');
    const csvResponse = await runCurl(csvCurl);
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get('content-type')).toContain('text/csv');
    const lines = (await csvResponse.text()).trim().split('\n');
    expect(lines.slice(1, keys.length + 1).map((line) => line.split(',')[0]?.replace(/"/g, ''))).toEqual(keys);

    const powerQuery = await copied(page, 'power-query');
    expect(powerQuery).toContain('Csv.Document(');
    expect(powerQuery).toContain('projectKey = "SCRUM"');
    expect(powerQuery).toContain(`Headers = [Authorization = "TISJWT ${token}"]`);
    const python = await copied(page, 'python');
    expect(python).toContain('"projectKey": "SCRUM"');
    await choose(page, 'builder-output-type', 'Simplified JSON');
    await expect(copied(page, 'power-query')).resolves.toContain('Table.FromRecords(Source[results])');
    const url = await copied(page, 'url');
    expect(url).toContain('outputType=jsonSimplified');
    expect(url).not.toContain(token);

    // Every problem at once, in plain view, from the server's parser.
    await choose(page, 'builder-type', 'Time between statuses');
    await choose(page, 'builder-source', 'A saved filter');
    await page.getByTestId('builder-run').click();
    const problems = page.getByTestId('builder-problems');
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toMatch(/jqlFilterID.*toStatuses|toStatuses.*jqlFilterID/s);

    // A fresh page holds no token: the requests show a placeholder.
    const fresh = await harness.openPage('user-page', users.bob);
    await fresh.page.getByTestId('builder-request-curl').waitFor();
    await expect(fresh.page.getByTestId('builder-request-curl').textContent()).resolves.toContain('TISJWT <your token>');
    await fresh.page.getByTestId('token-row-' + (await tokenIdOf(harness, token))).waitFor();
    // The project picker starts on the first project the user may browse, so the first run works.
    await expect(fresh.page.getByTestId('builder-project-select--control').textContent()).resolves.toMatch(/\([A-Z]+\)/);
    await fresh.page.getByTestId('builder-run').click();
    await previewKeys(fresh.page);
    await fresh.page.evaluate(() => window.scrollTo(0, 0));
    await fresh.page.screenshot({ path: join(IMAGES_DIR, 'user-page.png'), fullPage: false });
  });
});

async function tokenIdOf(h: UiHarness, token: string): Promise<string> {
  const listed = await h.invoke(users.bob, 'tokens/list', {});
  if (!listed.ok) throw new Error('tokens/list failed');
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { jti?: string };
  const found = listed.data.tokens.find((candidate) => candidate.id === payload.jti) ?? listed.data.tokens[0];
  if (!found) throw new Error('no token');
  return found.id;
}

describe('saved filter picker', () => {
  test('lists the filters the user may see by name, and a picked filter runs and goes into the request', async () => {
    const { page } = await harness.openPage('user-page', users.carol);
    await page.locator('#builder-project').waitFor();
    await choose(page, 'builder-source', 'A saved filter');
    // Carol sees the filter shared with everyone, not Bob's private one.
    await page.locator('#builder-filter').fill('open work');
    await untilOptions(page, ['All open work (Alice Admin)']);
    await page.locator('#builder-filter').fill('Bob');
    await page.getByText('No saved filter you can see is named like "Bob"').waitFor();
    await choose(page, 'builder-filter', 'all open', 'All open work (Alice Admin)');
    await expect(page.getByTestId('builder-filter-select--control').textContent()).resolves.toContain('All open work');
    await page.getByTestId('builder-run').click();
    await expect(previewKeys(page)).resolves.not.toEqual([]);
    await expect(copied(page, 'url')).resolves.toContain('jqlFilterID=10000');
    await harness.screenshot(page, 'builder-filter-picked');

    // Bob sees his own private filter too, named with its owner.
    const bob = await harness.openPage('user-page', users.bob);
    await bob.page.locator('#builder-project').waitFor();
    await choose(bob.page, 'builder-source', 'A saved filter');
    await bob.page.locator('#builder-filter').click();
    await bob.page.getByRole('option', { name: "Bob's open work (Bob Builder)" }).waitFor();
    // A filter id typed as digits finds the filter, or is offered as it is.
    await bob.page.locator('#builder-filter').fill('10001');
    await untilOptions(bob.page, ["Bob's open work (Bob Builder)"]);
    await choose(bob.page, 'builder-filter', '12345', 'Filter 12345 (by its id)');
    await expect(copied(bob.page, 'url')).resolves.toContain('jqlFilterID=12345');
  });
});

describe('saved parameter sets', () => {
  test('create (every problem shown first), edit and delete on the admin page, and load into the builder', async () => {
    const { page } = await harness.openPage('admin-page', users.alice);
    await page.getByTestId('admin-tab-param-sets').click();
    await page.getByTestId('param-set-create').click();
    await page.getByTestId('param-set-dialog').waitFor();
    await page.getByTestId('param-set-name').fill('Scrum cycle time');
    await page.getByTestId('param-set-description').fill('Scrum issues, in hours');
    await page.getByTestId('param-set-params').fill('projectKey=SCRUM\nviewFormat=weeks\ncolour=red\nstatuses=In Progress,In Review');
    await page.getByTestId('param-set-submit').click();
    const problems = page.getByTestId('param-set-problems');
    await problems.waitFor();
    // The REST API's parser, all problems at once.
    await expect(problems.textContent()).resolves.toContain("viewFormat: 'weeks' is not one of");
    await expect(problems.textContent()).resolves.toContain('colour: is not a parameter of this API');
    await harness.screenshot(page, 'admin-param-set-validation');

    await page.getByTestId('param-set-params').fill('projectKey=SCRUM\nviewFormat=hours\nstatuses=In Progress,In Review\nstartDate=2020-01-01');
    await page.getByTestId('param-set-submit').click();
    await page.getByTestId('param-set-dialog').waitFor({ state: 'detached' });
    const row = page.locator('[data-testid^="param-set-row-"]');
    await row.first().waitFor();
    await expect(row.textContent()).resolves.toContain('viewFormat=hours');
    await page.screenshot({ path: join(IMAGES_DIR, 'admin-page.png') });

    // Edit: a new name; a taken name would be refused under the name field.
    await row.getByTestId('param-set-edit').click();
    await page.getByTestId('param-set-dialog').waitFor();
    await page.getByTestId('param-set-name').fill('Scrum in review');
    await page.getByTestId('param-set-submit').click();
    await page.getByTestId('param-set-dialog').waitFor({ state: 'detached' });
    await row.getByText('Scrum in review').waitFor();

    // Bob loads it in the builder: the form takes its choices, the rest is listed, rows come.
    const bobs = await harness.openPage('user-page', users.bob);
    await choose(bobs.page, 'builder-param-set', 'Scrum in review');
    await expect(bobs.page.getByTestId('builder-source-select--control').textContent()).resolves.toContain('A project');
    await expect(bobs.page.getByTestId('builder-view-format-select--control').textContent()).resolves.toContain('Hours');
    await expect(bobs.page.getByTestId('builder-statuses-select--control').textContent()).resolves.toContain('In Review');
    await expect(bobs.page.getByTestId('builder-extra').textContent()).resolves.toContain('startDate');
    await bobs.page.getByTestId('builder-run').click();
    const keys = await previewKeys(bobs.page);
    expect(keys.every((key) => key.startsWith('SCRUM-'))).toBe(true);
    await expect(copied(bobs.page, 'url')).resolves.toContain('startDate=2020-01-01');

    await row.getByTestId('param-set-delete').click();
    await page.getByTestId('param-set-delete-dialog').waitFor();
    await page.getByTestId('param-set-delete-dialog--confirm').click();
    await row.first().waitFor({ state: 'detached' });
    const listed = await harness.invoke(users.alice, 'paramsets/list', {}, ADMIN_PAGE_MODULE);
    expect(listed).toMatchObject({ ok: true, data: { paramSets: [] } });
  });
});

describe('accessibility (axe-core: no serious or critical violations)', () => {
  test.each(['light', 'dark'] as const)('the builder with rows, the saved sets tab and its dialog with problems, %s', async (colorScheme) => {
    const user = await openIn(colorScheme, 'user-page', users.bob);
    await user.locator('#builder-project').waitFor();
    // The theme really is the one asked for, so the dark run checks dark colours.
    await expect(user.evaluate(() => document.documentElement.dataset.colorMode)).resolves.toBe(colorScheme);
    await choose(user, 'builder-type', 'Time between statuses');
    await user.getByTestId('builder-run').click();
    await user.getByTestId('builder-problems').waitFor();
    await choose(user, 'builder-type', 'Time in each status');
    await user.getByTestId('builder-run').click();
    await previewKeys(user);
    await expect(accessibilityProblems(user, '[data-testid="report-builder"]')).resolves.toEqual([]);
    // The saved filter picker, its list open.
    await choose(user, 'builder-source', 'A saved filter');
    await user.locator('#builder-filter').click();
    await user.getByRole('option', { name: /All open work/ }).waitFor();
    await expect(accessibilityProblems(user, '[data-testid="report-builder"]')).resolves.toEqual([]);

    const admin = await openIn(colorScheme, 'admin-page', users.alice);
    await admin.getByTestId('admin-tab-param-sets').click();
    await admin.getByTestId('param-set-create').waitFor();
    await expect(accessibilityProblems(admin, '[data-testid="admin-tabs"]')).resolves.toEqual([]);
    await admin.getByTestId('param-set-create').click();
    await admin.getByTestId('param-set-name').fill('Broken');
    await admin.getByTestId('param-set-params').fill('viewFormat=weeks\nnot a line');
    await admin.getByTestId('param-set-submit').click();
    await admin.getByTestId('param-set-problems').waitFor();
    await expect(accessibilityProblems(admin, '[data-testid="param-set-dialog"]')).resolves.toEqual([]);
  });
});
