// GET /rest/api/3/project/search: the projects the caller may browse, paged with
// startAt/maxResults (Jira caps a page at 100), ordered by key, as Jira Cloud answers it.
import { intParam, ok, selfUrl, type EmulatorRequest, type EmulatorResponse } from '../http';

const PROJECT_SEARCH_MAX = 100;

export function searchProjects(request: EmulatorRequest): EmulatorResponse {
  const { model, caller, query } = request;
  const startAt = Math.max(0, intParam(query, 'startAt', 0));
  const maxResults = Math.min(PROJECT_SEARCH_MAX, Math.max(0, intParam(query, 'maxResults', 50)));
  const visible = model.dataset.projects.filter((project) => model.canBrowseProject(caller, project)).sort((a, b) => a.key.localeCompare(b.key));
  const page = visible.slice(startAt, startAt + maxResults);
  return ok({
    self: selfUrl(request, `/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`),
    maxResults,
    startAt,
    total: visible.length,
    isLast: startAt + page.length >= visible.length,
    values: page.map((project) => ({
      self: selfUrl(request, `/rest/api/3/project/${project.id}`),
      id: project.id,
      key: project.key,
      name: project.name,
      projectTypeKey: 'software',
      simplified: false,
      style: 'classic',
      isPrivate: false,
    })),
  });
}
