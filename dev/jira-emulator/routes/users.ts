// /myself, /user, /user/bulk, /user/search, /user/groups.
import type { DatasetUser } from '../dataset';
import { JiraError, intParam, ok, requireParam, selfUrl, type EmulatorRequest, type EmulatorResponse } from '../http';
import { renderAppUser, renderGroup, renderUser } from '../render';

/** Jira Cloud caps /user/bulk pages at 200 users whatever maxResults asks for. */
export const USER_BULK_MAX_RESULTS = 200;
const USER_SEARCH_MAX_RESULTS = 1000;

function findUser(request: EmulatorRequest): DatasetUser {
  const accountId = requireParam(request.query, 'accountId');
  const user = request.model.usersById.get(accountId);
  if (!user) throw new JiraError(404, [`Specified user does not exist or you do not have required permissions`]);
  return user;
}

export function myself(request: EmulatorRequest): EmulatorResponse {
  if (request.caller.kind === 'app') return ok(renderAppUser(request));
  return ok(renderUser(request, request.caller.user));
}

export function getUser(request: EmulatorRequest): EmulatorResponse {
  const user = findUser(request);
  const body = renderUser(request, user);
  const expand = (request.query.get('expand') ?? '').split(',');
  if (expand.includes('groups')) {
    body.groups = { size: user.groups.length, items: user.groups.map((g) => renderGroup(request, g)), 'max-results': 200 };
  }
  return ok(body);
}

export function getUserGroups(request: EmulatorRequest): EmulatorResponse {
  const user = findUser(request);
  return ok(user.groups.map((g) => renderGroup(request, g)));
}

export function getUsersBulk(request: EmulatorRequest): EmulatorResponse {
  const ids = request.query.getAll('accountId');
  if (ids.length === 0) throw new JiraError(400, ['You must specify at least one of accountId, username or key.']);
  const startAt = Math.max(0, intParam(request.query, 'startAt', 0));
  const maxResults = Math.min(Math.max(1, intParam(request.query, 'maxResults', 10)), USER_BULK_MAX_RESULTS);
  const found = [...new Set(ids)].map((id) => request.model.usersById.get(id)).filter((u): u is DatasetUser => u !== undefined);
  const page = found.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= found.length;
  const query = new URLSearchParams(request.query);
  const body: Record<string, unknown> = {
    self: selfUrl(request, `/rest/api/3/user/bulk?${request.query.toString()}`),
    maxResults,
    startAt,
    total: found.length,
    isLast,
    values: page.map((u) => renderUser(request, u)),
  };
  if (!isLast) {
    query.set('startAt', String(startAt + page.length));
    query.set('maxResults', String(maxResults));
    body.nextPage = selfUrl(request, `/rest/api/3/user/bulk?${query.toString()}`);
  }
  return ok(body);
}

export function searchUsers(request: EmulatorRequest): EmulatorResponse {
  const text = (request.query.get('query') ?? '').trim().toLowerCase();
  const accountId = request.query.get('accountId');
  if (text === '' && !accountId) throw new JiraError(400, ['The query parameter or the accountId parameter must be provided.']);
  const startAt = Math.max(0, intParam(request.query, 'startAt', 0));
  const maxResults = Math.min(Math.max(0, intParam(request.query, 'maxResults', 50)), USER_SEARCH_MAX_RESULTS);
  const matches = request.model.dataset.users.filter((u) => {
    if (accountId) return u.accountId === accountId;
    // Jira matches the start of any word of the display name, or the email address.
    if (!u.active) return false;
    const words = u.displayName.toLowerCase().split(/\s+/);
    return words.some((w) => w.startsWith(text)) || u.displayName.toLowerCase().startsWith(text) || (u.emailAddress ?? '').toLowerCase().startsWith(text);
  });
  return ok(matches.slice(startAt, startAt + maxResults).map((u) => renderUser(request, u)));
}
