// Shared set-up for the Custom UI end-to-end tests: the local host in-process on a fresh
// data folder, Debian's Chromium through playwright-core, and screenshot helpers.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startLocalHost, type LocalHost } from '../../dev/host/local-host';
import type { ResolverResult } from '../../src/contract/envelope';
import type { PayloadOf, ResolverKey, ResultOf } from '../../src/contract/resolvers';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(__dirname, '..', '..', 'test-output', 'screenshots');
export const USER_PAGE_MODULE = 'status-clock-user-page';
export const ADMIN_PAGE_MODULE = 'status-clock-admin-page';

export const users = {
  alice: '5b10a2844c20165700ede21g',
  bob: '5b10ac8d82e05b22cc7d4ef5',
  carol: '5d53f3cbc6b9320d9ea5bdc2',
} as const;

/** Browser settings a test may change: Jira's colour mode follows the OS scheme in the local host. */
export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  height?: number;
  locale?: string;
}

export interface UiHarness {
  host: LocalHost;
  browser: Browser;
  openPage(resource: 'user-page' | 'admin-page', accountId: string, width?: number, options?: PageOptions): Promise<{ context: BrowserContext; page: Page }>;
  /** The REST API's base URL (the web trigger), as the pages show it. */
  restBaseUrl: string;
  invoke<K extends ResolverKey>(accountId: string, key: K, payload: PayloadOf<K>, moduleKey?: string): Promise<ResolverResult<ResultOf<K>>>;
  whoami(token: string): Promise<number>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startUiHarness(): Promise<UiHarness> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (scripts/test.sh does this in CI).`);
  }
  if (!existsSync(resolve(__dirname, '..', '..', 'static', 'dist', 'user-page', 'index.html'))) {
    throw new Error('static/dist is missing: run "npm run build" before the e2e tests.');
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'status-clock-e2e-'));
  const host = await startLocalHost({ port: 0, dataDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    host,
    browser,
    restBaseUrl: `${host.url}/webtrigger/rest-api`,
    async openPage(resource, accountId, width = 1280, options = {}) {
      const context = await browser.newContext({
        viewport: { width, height: options.height ?? 900 },
        locale: options.locale ?? 'en-GB',
        timezoneId: 'UTC',
        colorScheme: options.colorScheme ?? 'light',
      });
      contexts.push(context);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`${host.url}/static/${resource}/index.html?accountId=${encodeURIComponent(accountId)}`);
      return { context, page };
    },
    async invoke(accountId, key, payload, moduleKey = USER_PAGE_MODULE) {
      const response = await fetch(`${host.url}/__forge/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ functionKey: key, payload, accountId, moduleKey }),
      });
      if (response.status !== 200) throw new Error(`invoke ${key}: HTTP ${response.status}`);
      return (await response.json()) as ResolverResult<ResultOf<typeof key>>;
    },
    async whoami(token) {
      const response = await fetch(`${host.url}/webtrigger/rest-api/rest/whoami`, { headers: { authorization: `TISJWT ${token}` } });
      await response.arrayBuffer();
      return response.status;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (pageErrors.length > 0) throw new Error(`uncaught errors in the pages: ${pageErrors.join('; ')}`);
    },
  };
}
