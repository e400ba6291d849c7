// Jira's sharing rules for saved filters, evaluated for one account by the app (which reads
// every filter with overrideSharePermissions): the owner, a global or logged-in share, a
// share with the account, with one of its groups (one lookup), or with a project it may
// browse (one bulk permission check for every project named). The report's filter
// selection and the builder's filter picker apply the same rule.
import { z } from 'zod';
import type { JiraClient } from './jira-client';
import { filterSchema, groupListSchema, permissionGrantsSchema } from './jira-schemas';
import { chunk } from './semaphore';

export type SavedFilter = z.infer<typeof filterSchema>;

const PERMISSION_BATCH = 1000;
const OPEN_SHARES = new Set(['global', 'loggedin', 'authenticated']);

/** The filters of `filters` the account may see, in the order given. */
export async function filtersVisibleTo<F extends SavedFilter>(client: JiraClient, filters: readonly F[], accountId: string): Promise<F[]> {
  const visible = new Set<F>(
    filters.filter(
      (filter) =>
        filter.owner?.accountId === accountId ||
        filter.sharePermissions.some((share) => OPEN_SHARES.has(share.type) || (share.type === 'user' && share.user?.accountId === accountId)),
    ),
  );
  const undecided = () => filters.filter((filter) => !visible.has(filter));

  if (undecided().some((filter) => filter.sharePermissions.some((share) => share.type === 'group'))) {
    const list = await client.get(`/rest/api/3/user/groups?accountId=${encodeURIComponent(accountId)}`, groupListSchema, 'the owner groups lookup');
    const groups = new Set(list.flatMap((group) => [group.name, ...(group.groupId ? [group.groupId] : [])]));
    for (const filter of undecided()) {
      const shared = filter.sharePermissions.some(
        (share) => share.type === 'group' && ((share.group?.name && groups.has(share.group.name)) || (share.group?.groupId && groups.has(share.group.groupId))),
      );
      if (shared) visible.add(filter);
    }
  }

  const projectOf = (share: SavedFilter['sharePermissions'][number]): number | undefined => {
    const id = Number(share.project?.id);
    return share.type === 'project' && Number.isInteger(id) ? id : undefined;
  };
  const projectIds = [...new Set(undecided().flatMap((filter) => filter.sharePermissions.map(projectOf).filter((id) => id !== undefined)))];
  if (projectIds.length > 0) {
    const browsable = new Set<number>();
    for (const batch of chunk(projectIds, PERMISSION_BATCH)) {
      const grants = await client.post(
        '/rest/api/3/permissions/check',
        { accountId, projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: batch }] },
        permissionGrantsSchema,
        'the filter project permission check',
      );
      for (const grant of grants.projectPermissions) for (const id of grant.projects) browsable.add(id);
    }
    for (const filter of undecided()) {
      if (filter.sharePermissions.some((share) => browsable.has(projectOf(share) ?? Number.NaN))) visible.add(filter);
    }
  }
  // projectRole shares need role membership, which no bulk endpoint reveals: refusing is
  // safer than guessing.
  return filters.filter((filter) => visible.has(filter));
}
