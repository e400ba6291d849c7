// Keeps only the issues the token may show: the app queried Jira, so its answer must be cut
// down to the owner's view, and to the token's project scope when it has one. One bulk
// check per 1000 issues (Jira's cap); project permission, issue security and deactivation
// are all Jira's to decide. The scope is read from each issue's own project field (bulk
// fetch, 100 a call), never from the JQL: no query text can widen it.
import { z } from 'zod';
import { ISSUE_BULKFETCH_BATCH } from './issue-history-fetch';
import { PRIORITY, type JiraClient } from './jira-client';
import { readJson } from './jira-json';
import { bulkIssuesSchema, permissionGrantsSchema } from './jira-schemas';
import { chunk, mapBounded } from './semaphore';

const projectFieldSchema = z.object({ project: z.object({ key: z.string() }) });

export const PERMISSION_CHECK_BATCH = 1000;

export async function keepBrowsableIssues(
  client: JiraClient,
  ownerAccountId: string,
  issueIds: readonly string[],
  concurrency: number,
  options: { askEvenIfNone?: boolean } = {},
): Promise<string[]> {
  const numeric = issueIds.map(Number);
  // Asking with no issues (Jira answers an empty grant) keeps a caller's request count
  // independent of how many issues it had to check.
  const batches = numeric.length === 0 && options.askEvenIfNone === true ? [[]] : chunk(numeric, PERMISSION_CHECK_BATCH);
  const allowedPerBatch = await mapBounded(batches, concurrency, async (batch) => {
    const response = await client.send(
      '/rest/api/3/permissions/check',
      { method: 'POST', body: { accountId: ownerAccountId, projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: batch }] } },
      'the permission check',
      PRIORITY.permissions,
    );
    // Jira refuses an account it does not know: such an owner may browse nothing.
    if (response.status === 400 || response.status === 404) return new Set<number>();
    const grants = await readJson(response, permissionGrantsSchema, 'the permission check');
    return new Set(grants.projectPermissions.filter((p) => p.permission === 'BROWSE_PROJECTS').flatMap((p) => p.issues));
  });
  const allowed = new Set<number>();
  for (const batch of allowedPerBatch) for (const id of batch) allowed.add(id);
  return issueIds.filter((id) => allowed.has(Number(id)));
}

/** Of `issueIds`, those whose project is one of `projectKeys` (compared as Jira keys, any case). */
async function keepIssuesInProjects(client: JiraClient, issueIds: readonly string[], projectKeys: readonly string[], concurrency: number): Promise<string[]> {
  const scope = new Set(projectKeys.map((key) => key.toUpperCase()));
  const pages = await mapBounded(chunk(issueIds, ISSUE_BULKFETCH_BATCH), concurrency, (batch) =>
    client.post(
      '/rest/api/3/issue/bulkfetch',
      { issueIdsOrKeys: batch, fields: ['project'] },
      bulkIssuesSchema,
      'the project scope check',
      PRIORITY.permissions,
    ),
  );
  const inScope = new Set<string>();
  for (const page of pages) {
    for (const issue of page.issues) {
      const fields = projectFieldSchema.safeParse(issue.fields);
      if (fields.success && scope.has(fields.data.project.key.toUpperCase())) inScope.add(issue.id);
    }
  }
  return issueIds.filter((id) => inScope.has(id));
}

/**
 * The issues the token may show: browsable by the owner and, when `projectKeys` is not
 * empty, in one of those projects. The stream's one filtering step calls this.
 */
export async function keepIssuesInView(
  client: JiraClient,
  view: { ownerAccountId: string; projectKeys: readonly string[] },
  issueIds: readonly string[],
  concurrency: number,
): Promise<string[]> {
  const browsable = await keepBrowsableIssues(client, view.ownerAccountId, issueIds, concurrency);
  if (view.projectKeys.length === 0 || browsable.length === 0) return browsable;
  return keepIssuesInProjects(client, browsable, view.projectKeys, concurrency);
}
