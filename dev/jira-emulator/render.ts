// Jira-shaped JSON for users and groups (the User and GroupName schemas of the OpenAPI
// document), so every route renders them the same way.
import type { DatasetUser } from './dataset';
import { type EmulatorRequest, selfUrl } from './http';

function avatarUrls(accountId: string): Record<string, string> {
  const base = `https://avatar-management.example.com/${encodeURIComponent(accountId)}`;
  return { '48x48': `${base}/48`, '24x24': `${base}/24`, '16x16': `${base}/16`, '32x32': `${base}/32` };
}

export function renderUser(request: EmulatorRequest, user: DatasetUser): Record<string, unknown> {
  const rendered: Record<string, unknown> = {
    self: selfUrl(request, `/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`),
    accountId: user.accountId,
    accountType: 'atlassian',
    avatarUrls: avatarUrls(user.accountId),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    locale: 'en_US',
  };
  if (user.emailAddress !== undefined) rendered.emailAddress = user.emailAddress;
  return rendered;
}

export function renderAppUser(request: EmulatorRequest): Record<string, unknown> {
  const app = request.model.dataset.app;
  return {
    self: selfUrl(request, `/rest/api/3/user?accountId=${encodeURIComponent(app.accountId)}`),
    accountId: app.accountId,
    accountType: 'app',
    avatarUrls: avatarUrls(app.accountId),
    displayName: app.displayName,
    active: true,
    timeZone: 'UTC',
    locale: 'en_US',
  };
}

/** Compact user as it appears inside issue fields and changelog authors (UserDetails). */
export function renderUserDetails(request: EmulatorRequest, user: DatasetUser): Record<string, unknown> {
  return {
    self: selfUrl(request, `/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`),
    accountId: user.accountId,
    accountType: 'atlassian',
    avatarUrls: avatarUrls(user.accountId),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
  };
}

export function renderGroup(request: EmulatorRequest, name: string): Record<string, unknown> {
  const group = request.model.dataset.groups.find((g) => g.name === name);
  return {
    name,
    groupId: group?.groupId ?? null,
    self: selfUrl(request, `/rest/api/3/group?groupId=${encodeURIComponent(group?.groupId ?? name)}`),
  };
}
