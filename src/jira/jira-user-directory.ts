// UserDirectory over Jira REST as the app: users from /user/bulk (repeated accountId
// parameters, one page per batch), Jira admin from the bulk permission check.
import { z } from 'zod';
import type { JiraHttp } from '../kernel/ports';
import type { JiraUser, UserDirectory } from './user-directory';
import { createJiraClient, type JiraClientOptions } from './jira-client';
import { readJson } from './jira-json';
import { chunk, mapBounded } from './semaphore';

/**
 * Account ids per /user/bulk call: below Jira's 200-per-page cap, and short enough that
 * the URL (about 40 characters per id) stays well inside proxy limits.
 */
export const USER_BULK_BATCH = 90;

const userSchema = z.object({ accountId: z.string(), displayName: z.string().default(''), active: z.boolean() });
const pageSchema = z.object({ values: z.array(userSchema), isLast: z.boolean().optional() });
const grantsSchema = z.object({ globalPermissions: z.array(z.string()) });

/** Calls go through the Jira client: 429 / 503 retries and bounded concurrency apply here too. */
export function createJiraUserDirectory(http: JiraHttp, options: JiraClientOptions = {}): UserDirectory {
  const client = createJiraClient(http, options);
  async function fetchBatch(ids: readonly string[], into: Map<string, JiraUser>): Promise<void> {
    const query = new URLSearchParams({ maxResults: String(ids.length) });
    for (const id of ids) query.append('accountId', id);
    const page = await client.get(`/rest/api/3/user/bulk?${query.toString()}`, pageSchema, 'the user lookup');
    for (const user of page.values) into.set(user.accountId, { accountId: user.accountId, displayName: user.displayName, active: user.active });
  }

  return {
    async getUsers(accountIds) {
      const unique = [...new Set(accountIds)];
      const users = new Map<string, JiraUser>();
      await mapBounded(chunk(unique, USER_BULK_BATCH), options.maxConcurrency ?? 4, (batch) => fetchBatch(batch, users));
      return users;
    },

    async isJiraAdmin(accountId) {
      const response = await client.send(
        '/rest/api/3/permissions/check',
        { method: 'POST', body: { accountId, globalPermissions: ['ADMINISTER'] } },
        'the permission check',
      );
      // An account Jira does not know is no admin; Jira answers 400/404 for it.
      if (response.status === 400 || response.status === 404) return false;
      const grants = await readJson(response, grantsSchema, 'the permission check');
      return grants.globalPermissions.includes('ADMINISTER');
    },
  };
}
