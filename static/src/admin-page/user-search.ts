// Users for the admin's owner filter and names for the activity table. In Jira the bridge
// asks Jira as the admin (the local host forwards it to the Jira emulator as that user).
// Where requestJira is unavailable, users come from the owners of existing tokens, the only
// useful ones anyway.
import { requestJira } from '@forge/bridge';
import { callResolver } from '../shared/resolver-client';

export interface UserOption {
  label: string;
  value: string;
}

const OWNER_SCAN_PAGES = 10;
/** Jira Cloud answers at most this many users per /user/bulk page. */
const USER_BULK_MAX = 200;
let jiraAvailable = true;
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

/** Jira's JSON answer to a GET as the admin; undefined when Jira refused or requestJira is unavailable. */
async function jiraJson(path: string): Promise<unknown> {
  if (!jiraAvailable) return undefined;
  try {
    const response = await requestJira(path);
    return response.ok ? await response.json() : undefined;
  } catch {
    jiraAvailable = false;
    return undefined;
  }
}

function cachedTokenOwners(): Promise<UserOption[]> {
  ownerOptions ??= tokenOwners().catch((error: unknown) => {
    ownerOptions = undefined;
    throw error;
  });
  return ownerOptions;
}

export async function searchUsers(query: string): Promise<UserOption[]> {
  const found = await jiraJson(`/rest/api/3/user/search?query=${encodeURIComponent(query)}&maxResults=20`);
  if (found !== undefined) return usersFromJiraResponse(found);
  const needle = query.trim().toLowerCase();
  return (await cachedTokenOwners()).filter((option) => option.label.toLowerCase().includes(needle));
}

const knownNames = new Map<string, string>();

/**
 * Display names for account ids, by account id: Jira's bulk user lookup first, then the
 * token owners; ids neither knows are left out. Names are remembered for the page's life.
 */
export async function displayNames(accountIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const missing = () => [...new Set(accountIds)].filter((accountId) => !knownNames.has(accountId));
  const wanted = missing();
  // One request: an activity page holds at most USER_BULK_MAX ids, usually a handful.
  if (wanted.length > 0 && wanted.length <= USER_BULK_MAX) {
    const query = wanted.map((accountId) => `accountId=${encodeURIComponent(accountId)}`).join('&');
    const found = await jiraJson(`/rest/api/3/user/bulk?${query}&maxResults=${USER_BULK_MAX}`);
    const values = typeof found === 'object' && found !== null ? (found as { values?: unknown }).values : undefined;
    for (const user of usersFromJiraResponse(values)) knownNames.set(user.value, user.label);
  }
  if (missing().length > 0) {
    for (const owner of await cachedTokenOwners()) if (!knownNames.has(owner.value)) knownNames.set(owner.value, owner.label);
  }
  const names = new Map<string, string>();
  for (const accountId of accountIds) {
    const name = knownNames.get(accountId);
    if (name !== undefined) names.set(accountId, name);
  }
  return names;
}
