// Jira groups, as the token policy needs them: the groups a user belongs to
// (GET /rest/api/3/user/groups) and a search for the policy's group picker
// (GET /rest/api/3/groups/picker). Both are asked as the app (read:jira-user).
import { z } from 'zod';
import type { JiraHttp } from '../kernel/ports';
import { createJiraClient, type JiraClientOptions } from './jira-client';
import { readJson } from './jira-json';

export interface JiraGroup {
  name: string;
  groupId: string | null;
}

export interface GroupDirectory {
  /** The names of the user's groups; empty when Jira does not know the account. */
  groupsOf(accountId: string): Promise<ReadonlySet<string>>;
  /** Groups whose names contain `query` (case-insensitive), at most `limit`. */
  search(query: string, limit: number): Promise<JiraGroup[]>;
}

const groupSchema = z.object({ name: z.string(), groupId: z.string().nullable().optional() });
const pickerSchema = z.object({ groups: z.array(groupSchema) });

export function createJiraGroupDirectory(http: JiraHttp, options: JiraClientOptions = {}): GroupDirectory {
  const client = createJiraClient(http, options);
  return {
    async groupsOf(accountId) {
      const response = await client.send(`/rest/api/3/user/groups?${new URLSearchParams({ accountId }).toString()}`, { method: 'GET' }, 'the group lookup');
      // An account Jira does not know belongs to no group.
      if (response.status === 404) return new Set();
      const groups = await readJson(response, z.array(groupSchema), 'the group lookup');
      return new Set(groups.map((group) => group.name));
    },
    async search(query, limit) {
      const params = new URLSearchParams({ query, maxResults: String(limit), caseInsensitive: 'true' });
      const found = await client.get(`/rest/api/3/groups/picker?${params.toString()}`, pickerSchema, 'the group search');
      return found.groups.map((group) => ({ name: group.name, groupId: group.groupId ?? null }));
    },
  };
}
