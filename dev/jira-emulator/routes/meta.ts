// GET /status, /statuscategory, /filter/{id} and /filter/search.
import { JiraError, intParam, ok, selfUrl, type EmulatorRequest, type EmulatorResponse } from '../http';
import { renderGroup, renderUser } from '../render';
import { STATUS_CATEGORIES, renderStatus, renderStatusCategory } from '../render-issue';
import type { DatasetFilter } from '../dataset';

export function listStatuses(request: EmulatorRequest): EmulatorResponse {
  return ok(request.model.dataset.statuses.map((s) => renderStatus(request, s)));
}

export function listStatusCategories(request: EmulatorRequest): EmulatorResponse {
  return ok(STATUS_CATEGORIES.map((c) => renderStatusCategory(request, c.key)));
}

const FILTER_NOT_AVAILABLE = 'The selected filter is not available to you, perhaps it has been deleted or had its permissions changed.';

/** The fields `expand` adds to a filter; GET /filter/{id} answers with all of them. */
const FILTER_EXPANDS = ['description', 'owner', 'jql', 'viewUrl', 'searchUrl', 'favourite', 'favouritedCount', 'sharePermissions', 'editPermissions'] as const;
type FilterExpand = (typeof FILTER_EXPANDS)[number];

function renderFilter(request: EmulatorRequest, filter: DatasetFilter, expand: ReadonlySet<FilterExpand>): Record<string, unknown> {
  const { model } = request;
  const id = filter.id;
  const owner = model.usersById.get(filter.owner);
  const shares = () =>
    filter.sharePermissions.map((share, index) => {
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
  const body: Record<string, unknown> = { self: selfUrl(request, `/rest/api/3/filter/${id}`), id, name: filter.name };
  if (expand.has('description')) body.description = filter.description;
  if (expand.has('jql')) body.jql = filter.jql;
  if (expand.has('viewUrl')) body.viewUrl = selfUrl(request, `/issues/?filter=${id}`);
  if (expand.has('searchUrl')) body.searchUrl = selfUrl(request, `/rest/api/3/search/jql?jql=${encodeURIComponent(filter.jql)}`);
  if (expand.has('favourite')) body.favourite = false;
  if (expand.has('favouritedCount')) body.favouritedCount = 0;
  if (expand.has('sharePermissions')) body.sharePermissions = shares();
  if (expand.has('editPermissions')) body.editPermissions = [];
  if (expand.has('owner') && owner) body.owner = renderUser(request, owner);
  return body;
}

/** overrideSharePermissions lets an administrator (or the app) read any filter. */
function overridesShares(request: EmulatorRequest): boolean {
  const override = request.query.get('overrideSharePermissions') === 'true';
  if (override && !request.model.hasGlobalPermission(request.caller, 'ADMINISTER'))
    throw new JiraError(403, ['You need the Administer Jira permission to override share permissions.']);
  return override;
}

function visibleFilter(request: EmulatorRequest, filter: DatasetFilter, override: boolean): boolean {
  const { model, caller } = request;
  return override || (caller.kind === 'user' ? model.canSeeFilter(caller, filter) : filter.sharePermissions.length > 0);
}

export function getFilter(request: EmulatorRequest, params: string[]): EmulatorResponse {
  const id = params[0] ?? '';
  if (!/^\d+$/.test(id)) throw new JiraError(400, [`The filter id '${id}' is not a number.`]);
  const filter = request.model.filtersById.get(id);
  const override = overridesShares(request);
  if (!filter || !visibleFilter(request, filter, override)) throw new JiraError(400, [FILTER_NOT_AVAILABLE]);
  return ok(renderFilter(request, filter, new Set(FILTER_EXPANDS)));
}

const FILTER_ORDERS: Record<string, (a: DatasetFilter, b: DatasetFilter, request: EmulatorRequest) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  id: (a, b) => Number(a.id) - Number(b.id),
  description: (a, b) => a.description.localeCompare(b.description),
  owner: (a, b, request) => (request.model.usersById.get(a.owner)?.displayName ?? '').localeCompare(request.model.usersById.get(b.owner)?.displayName ?? ''),
  is_shared: (a, b) => Number(a.sharePermissions.length > 0) - Number(b.sharePermissions.length > 0),
  // No favourites in the dataset: every filter counts 0.
  favourite_count: () => 0,
  is_favourite: () => 0,
};

/**
 * GET /filter/search: the filters the caller may see (or, with overrideSharePermissions,
 * every filter), by name (isSubstringMatch=true: a case-insensitive substring; otherwise
 * every word must start a word of the name, as Jira's text search does), paged.
 */
export function searchFilters(request: EmulatorRequest): EmulatorResponse {
  const override = overridesShares(request);
  const startAt = Math.max(0, intParam(request.query, 'startAt', 0));
  const maxResults = Math.min(Math.max(1, intParam(request.query, 'maxResults', 50)), 100);
  const orderParam = request.query.get('orderBy') ?? 'name';
  const descending = orderParam.startsWith('-');
  const order = FILTER_ORDERS[orderParam.replace(/^[-+]/, '')];
  if (!order) throw new JiraError(400, [`'${orderParam}' is not a valid value for the orderBy parameter.`]);
  const expand = new Set(
    (request.query.get('expand') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part): part is FilterExpand => (FILTER_EXPANDS as readonly string[]).includes(part)),
  );
  const wanted = (request.query.get('filterName') ?? '').trim().toLowerCase();
  const substring = request.query.get('isSubstringMatch') === 'true';
  const ownerFilter = request.query.get('accountId');
  const named = (filter: DatasetFilter): boolean => {
    if (wanted === '') return true;
    const name = filter.name.toLowerCase();
    if (substring) return name.includes(wanted);
    const words = name.split(/[^\p{L}\p{N}]+/u);
    return wanted.split(/\s+/).every((part) => words.some((word) => word.startsWith(part)));
  };
  const matching = request.model.dataset.filters
    .filter((filter) => visibleFilter(request, filter, override) && named(filter) && (ownerFilter === null || ownerFilter === filter.owner))
    .sort((a, b) => (descending ? -1 : 1) * order(a, b, request) || Number(a.id) - Number(b.id));
  const values = matching.slice(startAt, startAt + maxResults).map((filter) => renderFilter(request, filter, expand));
  const isLast = startAt + values.length >= matching.length;
  const pageUrl = (start: number) => {
    const query = new URLSearchParams(request.query);
    query.set('startAt', String(start));
    query.set('maxResults', String(maxResults));
    return selfUrl(request, `/rest/api/3/filter/search?${query.toString()}`);
  };
  return ok({
    self: pageUrl(startAt),
    maxResults,
    startAt,
    total: matching.length,
    isLast,
    values,
    ...(isLast ? {} : { nextPage: pageUrl(startAt + maxResults) }),
  });
}
