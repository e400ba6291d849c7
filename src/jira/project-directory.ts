// The projects an account may browse, for the project scope of a token: the app lists the
// site's projects (it sees them all), then one bulk permission check per 1000 projects
// keeps those the account holds BROWSE_PROJECTS in. Jira decides; nothing is guessed.
import { z } from 'zod';
import type { JiraHttp } from '../kernel/ports';
import { createJiraClient, type JiraClientOptions } from './jira-client';
import { readJson } from './jira-json';
import { permissionGrantsSchema } from './jira-schemas';
import { chunk } from './semaphore';

export interface JiraProject {
  id: string;
  key: string;
  name: string;
}

export interface ProjectDirectory {
  /** Projects the account may browse, by key; [] for an account Jira does not know. */
  browsableBy(accountId: string): Promise<JiraProject[]>;
}

const PROJECT_PAGE = 100;
/** Pages read at most: 5,000 projects is beyond any site a project picker serves. */
const MAX_PROJECT_PAGES = 50;
const PROJECT_CHECK_BATCH = 1000;

const projectPageSchema = z.object({
  values: z.array(z.object({ id: z.string(), key: z.string(), name: z.string().default('') })),
  isLast: z.boolean().optional(),
});

export function createJiraProjectDirectory(http: JiraHttp, options: JiraClientOptions = {}): ProjectDirectory {
  const client = createJiraClient(http, options);

  async function allProjects(): Promise<JiraProject[]> {
    const projects: JiraProject[] = [];
    for (let page = 0; page < MAX_PROJECT_PAGES; page += 1) {
      const query = new URLSearchParams({ startAt: String(page * PROJECT_PAGE), maxResults: String(PROJECT_PAGE), orderBy: 'key' });
      const read = await client.get(`/rest/api/3/project/search?${query.toString()}`, projectPageSchema, 'the project list');
      projects.push(...read.values);
      if (read.isLast !== false || read.values.length === 0) break;
    }
    return projects;
  }

  return {
    async browsableBy(accountId) {
      const projects = await allProjects();
      const allowed = new Set<number>();
      for (const batch of chunk(projects, PROJECT_CHECK_BATCH)) {
        const response = await client.send(
          '/rest/api/3/permissions/check',
          { method: 'POST', body: { accountId, projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: batch.map((p) => Number(p.id)) }] } },
          'the project permission check',
        );
        // Jira refuses an account it does not know: such an account may browse nothing.
        if (response.status === 400 || response.status === 404) return [];
        const grants = await readJson(response, permissionGrantsSchema, 'the project permission check');
        for (const grant of grants.projectPermissions) if (grant.permission === 'BROWSE_PROJECTS') for (const id of grant.projects) allowed.add(id);
      }
      return projects.filter((project) => allowed.has(Number(project.id)));
    },
  };
}
