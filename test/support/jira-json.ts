// Tiny helpers for tests that talk to the Jira emulator directly.
import type { JiraHttp, JiraHttpInit } from '../../src/kernel/ports';

export interface JsonAnswer {
  status: number;
  body: unknown;
  headers: { get(name: string): string | null };
}

export async function jiraJson(http: JiraHttp, path: string, init?: JiraHttpInit): Promise<JsonAnswer> {
  const response = await http.fetch(path, init);
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
}

export function post(body: unknown): JiraHttpInit {
  return { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}
