// JiraHttp over plain HTTP for the local host: the Jira emulator (no auth: the emulator
// treats the caller as the app) or a real Jira Cloud site (email + API token, basic auth;
// the site then answers with that user's permissions, not an app's).
import type { JiraHttp, JiraHttpInit, JiraHttpResponse } from '../../src/kernel/ports';

export interface JiraOverHttpOptions {
  /** e.g. http://127.0.0.1:8123 or https://your-site.atlassian.net (no trailing path). */
  baseUrl: string;
  auth?: { email: string; apiToken: string };
  /** Extra headers on every request, e.g. the emulator's X-Emulator-Account-Id. */
  headers?: Record<string, string>;
}

export function createJiraOverHttp(options: JiraOverHttpOptions): JiraHttp {
  const base = options.baseUrl.replace(/\/+$/, '');
  const common: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.auth) {
    const credentials = Buffer.from(`${options.auth.email}:${options.auth.apiToken}`).toString('base64');
    common.authorization = `Basic ${credentials}`;
  }
  return {
    async fetch(path: string, init: JiraHttpInit = {}): Promise<JiraHttpResponse> {
      if (!path.startsWith('/rest/')) throw new Error(`Jira paths start with /rest/, got ${path}`);
      const headers: Record<string, string> = { ...common, ...init.headers };
      if (init.body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${base}${path}`, { method: init.method ?? 'GET', headers, body: init.body });
      return { status: response.status, headers: response.headers, text: () => response.text() };
    },
  };
}
