// The route table: method + path pattern -> handler. Path parameters arrive decoded.
import type { EmulatorRequest, EmulatorResponse } from '../http';
import { groupsPicker } from './groups';
import { changelogBulkFetch, issueBulkFetch, issueChangelog } from './issues';
import { getFilter, listStatusCategories, listStatuses, searchFilters } from './meta';
import { listFields } from '../render-fields';
import { checkPermissions, myPermissions } from './permissions';
import { searchProjects } from './projects';
import { searchGet, searchPost } from './search';
import { getUser, getUserGroups, getUsersBulk, myself, searchUsers } from './users';

export type Handler = (request: EmulatorRequest, params: string[]) => EmulatorResponse;

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handler: Handler;
}

const api = (path: string): RegExp => new RegExp(`^/rest/api/3${path}$`);

export const routes: Route[] = [
  { method: 'GET', pattern: api('/myself'), handler: myself },
  { method: 'GET', pattern: api('/user'), handler: getUser },
  { method: 'GET', pattern: api('/user/bulk'), handler: getUsersBulk },
  { method: 'GET', pattern: api('/user/search'), handler: searchUsers },
  { method: 'GET', pattern: api('/user/groups'), handler: getUserGroups },
  { method: 'GET', pattern: api('/groups/picker'), handler: groupsPicker },
  { method: 'GET', pattern: api('/mypermissions'), handler: myPermissions },
  { method: 'POST', pattern: api('/permissions/check'), handler: checkPermissions },
  { method: 'GET', pattern: api('/search/jql'), handler: searchGet },
  { method: 'POST', pattern: api('/search/jql'), handler: searchPost },
  { method: 'POST', pattern: api('/issue/bulkfetch'), handler: issueBulkFetch },
  { method: 'POST', pattern: api('/changelog/bulkfetch'), handler: changelogBulkFetch },
  { method: 'GET', pattern: api('/issue/([^/]+)/changelog'), handler: issueChangelog },
  { method: 'GET', pattern: api('/status'), handler: listStatuses },
  { method: 'GET', pattern: api('/field'), handler: listFields },
  { method: 'GET', pattern: api('/statuscategory'), handler: listStatusCategories },
  // Before /filter/{id}, which would take "search" for an id.
  { method: 'GET', pattern: api('/filter/search'), handler: searchFilters },
  { method: 'GET', pattern: api('/filter/([^/]+)'), handler: getFilter },
  { method: 'GET', pattern: api('/project/search'), handler: searchProjects },
];
