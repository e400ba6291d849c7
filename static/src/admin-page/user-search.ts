// Users for the admin's owner filter. In Jira the bridge asks Jira's user search as the
// admin (the local host forwards it to the Jira emulator as that user). Where requestJira is
// unavailable, the options come from the owners of existing tokens, the only useful ones anyway.
import { requestJira } from '@forge/bridge';
import { callResolver } from '../shared/resolver-client';

export interface UserOption {
  label: string;
  value: string;
}

const OWNER_SCAN_PAGES = 10;
let jiraSearchAvailable = true;
let ownerOptions: Promise<UserOption[]> | undefined;

function usersFromJiraResponse(body: unknown): UserOption[] {
  if (!Array.isArray(body)) return [];
  return body.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { accountId, displayName, accountType } = entry as Record<string, unknown>;
    if (typeof accountId !== 'string' || typeof displayName !== 'string') return [];
    // Apps and customers cannot own tokens.
    if (accountType !== undefined && accountType !== 'atlassian') return [];
    return [{ value: accountId, label: displayName }];
  });
}

async function tokenOwners(): Promise<UserOption[]> {
  const owners = new Map<string, string>();
  for (let page = 1; page <= OWNER_SCAN_PAGES; page += 1) {
    const result = await callResolver('admin/tokens/list', { page, pageSize: 100 });
    for (const token of result.tokens) owners.set(token.ownerAccountId, token.ownerDisplayName);
    if (page * result.pageSize >= result.total) break;
  }
  return [...owners].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

export async function searchUsers(query: string): Promise<UserOption[]> {
  if (jiraSearchAvailable) {
    try {
      const response = await requestJira(`/rest/api/3/user/search?query=${encodeURIComponent(query)}&maxResults=20`);
      if (response.ok) return usersFromJiraResponse(await response.json());
    } catch {
      jiraSearchAvailable = false;
    }
  }
  ownerOptions ??= tokenOwners().catch((error: unknown) => {
    ownerOptions = undefined;
    throw error;
  });
  const needle = query.trim().toLowerCase();
  return (await ownerOptions).filter((option) => option.label.toLowerCase().includes(needle));
}
