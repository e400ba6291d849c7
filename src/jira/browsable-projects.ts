// The projects one Jira user may browse, for pickers. The app lists projects as itself
// (GET /project/search, which it may read in full), then asks Jira which of them the user
// holds BROWSE_PROJECTS on, in one bulk check per 1000: the same rule the reports apply.
import { z } from 'zod';
import type { JiraHttp } from '../kernel/ports';
import { createJiraClient, type JiraClientOptions } from './jira-client';
import { readJson } from './jira-json';
import { permissionGrantsSchema } from './jira-schemas';
import { chunk } from './semaphore';

/** Jira's page cap for /project/search. */
const PROJECT_PAGE = 100;
/** A picker beyond this many projects is no help; typing JQL is. */
export const PROJECT_LIST_MAX = 1000;
const PERMISSION_BATCH = 1000;

const projectPageSchema = z.object({
  values: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
  isLast: z.boolean().optional(),
  total: z.number().optional(),
});

export interface BrowsableProject {
  id: string;
  key: string;
  name: string;
}

export interface ProjectDirectory {
  /** Projects the account may browse, by name; at most PROJECT_LIST_MAX. */
  browsableBy(accountId: string): Promise<BrowsableProject[]>;
}

export function createProjectDirectory(http: JiraHttp, options: JiraClientOptions = {}): ProjectDirectory {
  const client = createJiraClient(http, options);
  async function allProjects(): Promise<BrowsableProject[]> {
    const projects: BrowsableProject[] = [];
    for (let startAt = 0; startAt < PROJECT_LIST_MAX; startAt += PROJECT_PAGE) {
      const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(PROJECT_PAGE), orderBy: 'name' });
      const page = await client.get(`/rest/api/3/project/search?${query.toString()}`, projectPageSchema, 'the project list');
      projects.push(...page.values.map(({ id, key, name }) => ({ id, key, name })));
      if (page.isLast !== false || page.values.length === 0) break;
    }
    return projects.slice(0, PROJECT_LIST_MAX);
  }

  return {
    async browsableBy(accountId) {
      const projects = await allProjects();
      const allowed = new Set<number>();
      for (const batch of chunk(projects, PERMISSION_BATCH)) {
        const response = await client.send(
          '/rest/api/3/permissions/check',
          { method: 'POST', body: { accountId, projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: batch.map((p) => Number(p.id)) }] } },
          'the permission check',
        );
        // Jira refuses an account it does not know: such a user may browse nothing.
        if (response.status === 400 || response.status === 404) return [];
        const grants = await readJson(response, permissionGrantsSchema, 'the permission check');
        for (const grant of grants.projectPermissions) if (grant.permission === 'BROWSE_PROJECTS') for (const id of grant.projects) allowed.add(id);
      }
      return projects.filter((p) => allowed.has(Number(p.id))).sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}
