// GET /project/search: the projects the caller may browse (all of them for the app), a
// page at a time as Jira pages it (startAt, maxResults capped at 100, isLast, nextPage).
import type { DatasetProject } from '../dataset';
import { JiraError, intParam, ok, selfUrl, type EmulatorRequest, type EmulatorResponse } from '../http';

/** Jira's cap for one page of /project/search. */
export const PROJECT_SEARCH_MAX_RESULTS = 100;

const ORDERS: Record<string, (a: DatasetProject, b: DatasetProject) => number> = {
  key: (a, b) => a.key.localeCompare(b.key),
  name: (a, b) => a.name.localeCompare(b.name),
};

function renderProject(request: EmulatorRequest, project: DatasetProject): Record<string, unknown> {
  return {
    self: selfUrl(request, `/rest/api/3/project/${project.id}`),
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: false,
    style: 'classic',
    isPrivate: false,
    properties: {},
  };
}

/** Jira's cap on `id` values of one project search. */
export const PROJECT_SEARCH_MAX_IDS = 50;

export function searchProjects(request: EmulatorRequest): EmulatorResponse {
  const { model, query, caller } = request;
  const startAt = Math.max(0, intParam(query, 'startAt', 0));
  const maxResults = Math.min(Math.max(1, intParam(query, 'maxResults', 50)), PROJECT_SEARCH_MAX_RESULTS);
  const orderBy = query.get('orderBy') ?? 'key';
  const descending = orderBy.startsWith('-');
  const compare = ORDERS[orderBy.replace(/^[+-]/, '')];
  // The emulator models the two orders pickers use; another is refused rather than ignored.
  if (!compare) throw new JiraError(400, [`The Jira emulator orders projects by key or name only, not '${orderBy}'.`]);
  const text = (query.get('query') ?? '').toLowerCase();
  const ids = query.getAll('id');
  if (ids.length > PROJECT_SEARCH_MAX_IDS) throw new JiraError(400, [`Up to ${PROJECT_SEARCH_MAX_IDS} project IDs can be provided.`]);
  const visible = model.dataset.projects
    .filter((project) => model.canBrowseProject(caller, project))
    .filter((project) => ids.length === 0 || ids.includes(project.id))
    .filter((project) => text === '' || project.key.toLowerCase().includes(text) || project.name.toLowerCase().includes(text))
    .sort((a, b) => (descending ? -compare(a, b) : compare(a, b)));
  const page = visible.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= visible.length;
  const body: Record<string, unknown> = {
    self: selfUrl(request, `/rest/api/3/project/search?${query.toString()}`),
    maxResults,
    startAt,
    total: visible.length,
    isLast,
    values: page.map((project) => renderProject(request, project)),
  };
  if (!isLast) {
    const next = new URLSearchParams(query);
    next.set('startAt', String(startAt + page.length));
    next.set('maxResults', String(maxResults));
    body.nextPage = selfUrl(request, `/rest/api/3/project/search?${next.toString()}`);
  }
  return ok(body);
}
