// GET /status, /statuscategory and /filter/{id}.
import { JiraError, ok, selfUrl, type EmulatorRequest, type EmulatorResponse } from '../http';
import { renderGroup, renderUser } from '../render';
import { STATUS_CATEGORIES, renderStatus, renderStatusCategory } from '../render-issue';

export function listStatuses(request: EmulatorRequest): EmulatorResponse {
  return ok(request.model.dataset.statuses.map((s) => renderStatus(request, s)));
}

export function listStatusCategories(request: EmulatorRequest): EmulatorResponse {
  return ok(STATUS_CATEGORIES.map((c) => renderStatusCategory(request, c.key)));
}

const FILTER_NOT_AVAILABLE = 'The selected filter is not available to you, perhaps it has been deleted or had its permissions changed.';

export function getFilter(request: EmulatorRequest, params: string[]): EmulatorResponse {
  const id = params[0] ?? '';
  if (!/^\d+$/.test(id)) throw new JiraError(400, [`The filter id '${id}' is not a number.`]);
  const { model, caller } = request;
  const filter = model.filtersById.get(id);
  // overrideSharePermissions lets an administrator (or the app) read any filter.
  const override = request.query.get('overrideSharePermissions') === 'true';
  if (override && !model.hasGlobalPermission(caller, 'ADMINISTER'))
    throw new JiraError(403, ['You need the Administer Jira permission to override share permissions.']);
  const visible = filter !== undefined && (override || (caller.kind === 'user' ? model.canSeeFilter(caller, filter) : filter.sharePermissions.length > 0));
  if (!filter || !visible) throw new JiraError(400, [FILTER_NOT_AVAILABLE]);
  const owner = model.usersById.get(filter.owner);
  const shares = filter.sharePermissions.map((share, index) => {
    const base = { id: Number(id) * 10 + index, type: share.type };
    switch (share.type) {
      case 'group':
        return { ...base, group: renderGroup(request, share.group) };
      case 'project': {
        const project = model.projectsByKey.get(share.projectKey);
        return {
          ...base,
          project: {
            self: selfUrl(request, `/rest/api/3/project/${project?.id ?? share.projectKey}`),
            id: project?.id ?? share.projectKey,
            key: share.projectKey,
            name: project?.name ?? share.projectKey,
          },
        };
      }
      case 'user': {
        const user = model.usersById.get(share.accountId);
        return {
          ...base,
          user: {
            accountId: share.accountId,
            displayName: user?.displayName ?? '',
            active: user?.active ?? false,
            self: selfUrl(request, `/rest/api/3/user?accountId=${encodeURIComponent(share.accountId)}`),
          },
        };
      }
      default:
        return base;
    }
  });
  const body: Record<string, unknown> = {
    self: selfUrl(request, `/rest/api/3/filter/${id}`),
    id,
    name: filter.name,
    description: filter.description,
    jql: filter.jql,
    viewUrl: selfUrl(request, `/issues/?filter=${id}`),
    searchUrl: selfUrl(request, `/rest/api/3/search/jql?jql=${encodeURIComponent(filter.jql)}`),
    favourite: false,
    favouritedCount: 0,
    sharePermissions: shares,
    editPermissions: [],
  };
  if (owner) body.owner = renderUser(request, owner);
  return ok(body);
}
