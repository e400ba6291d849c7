// Keeps only the issues the token owner may browse: the app queried Jira, so its answer
// must be cut down to the owner's view. One bulk check per 1000 issues (Jira's cap);
// project permission, issue security and deactivation are all Jira's to decide.
import { PRIORITY, type JiraClient } from './jira-client';
import { readJson } from './jira-json';
import { permissionGrantsSchema } from './jira-schemas';
import { chunk, mapBounded } from './semaphore';

export const PERMISSION_CHECK_BATCH = 1000;

export async function keepBrowsableIssues(client: JiraClient, ownerAccountId: string, issueIds: readonly string[], concurrency: number): Promise<string[]> {
  const numeric = issueIds.map(Number);
  const allowedPerBatch = await mapBounded(chunk(numeric, PERMISSION_CHECK_BATCH), concurrency, async (batch) => {
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
