// Turns a report's issue selection into the JQL the app sends, with the owner's view of
// it: currentUser() is the owner, and a saved filter must be one the owner may see.
import type { JiraClient } from './jira-client';
import { JiraAccessError } from '../kernel/errors';
import { readJson } from './jira-json';
import { filterSchema } from './jira-schemas';
import { filtersVisibleTo } from './filter-visibility';
import { refuseUnavailableKeys } from './issue-key-references';
import { rewriteJqlForOwner } from './jql-rewrite';

export type IssueSelection =
  { kind: 'jql'; jql: string } | { kind: 'filter'; filterId: string } | { kind: 'project'; projectKey: string } | { kind: 'issue'; issueKey: string };

/** JQL quoting: a double-quoted string with backslash escapes. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function filterNotVisible(filterId: string): JiraAccessError {
  return new JiraAccessError('JIRA_NOT_FOUND', `The saved filter ${filterId} does not exist or is not shared with the token owner.`, { status: 404 });
}

/** The JQL, once every issue key it names is one the owner may browse (issue-key-references.ts). */
async function withAvailableKeys(client: JiraClient, jql: string, ownerAccountId: string): Promise<string> {
  await refuseUnavailableKeys(client, jql, ownerAccountId);
  return jql;
}

export async function resolveSelectionJql(client: JiraClient, selection: IssueSelection, ownerAccountId: string): Promise<string> {
  switch (selection.kind) {
    case 'project':
      return `project = ${jqlString(selection.projectKey)}`;
    case 'issue':
      return `key = ${jqlString(selection.issueKey)}`;
    case 'jql':
      return withAvailableKeys(client, rewriteJqlForOwner(selection.jql, ownerAccountId), ownerAccountId);
    case 'filter': {
      if (!/^\d+$/.test(selection.filterId)) throw filterNotVisible(selection.filterId);
      // The app reads the filter with overrideSharePermissions, then applies the owner's view.
      const response = await client.send(
        `/rest/api/3/filter/${selection.filterId}?overrideSharePermissions=true`,
        { method: 'GET' },
        'the saved filter lookup',
      );
      if (response.status === 400 || response.status === 404) throw filterNotVisible(selection.filterId);
      const filter = await readJson(response, filterSchema, 'the saved filter lookup');
      if ((await filtersVisibleTo(client, [filter], ownerAccountId)).length === 0) throw filterNotVisible(selection.filterId);
      return withAvailableKeys(client, rewriteJqlForOwner(filter.jql, ownerAccountId), ownerAccountId);
    }
  }
}
