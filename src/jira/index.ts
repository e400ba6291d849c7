// The Jira data access: what code outside src/jira imports (a dependency rule checks it).
export { createIssueDataAccess, type IssueDataAccess } from './report-data-access';
export { SEARCH_MAX_PAGE } from './page-position';
export type { IssueStream, StreamedIssue } from './issue-stream';
export { MAX_HISTORY_FIELDS, type IssueWithHistory, type JiraField } from './issue-history-fetch';
export { jqlString, type IssueSelection } from './issue-selection';
export { rewriteJqlForOwner } from './jql-rewrite';
export { jiraRuntimeOn, type JiraRuntime } from './jira-runtime';
export { cachedUserDirectory, OWNER_STATE_FRESH_MS } from './cached-user-directory';
export { createJiraUserDirectory } from './jira-user-directory';
export { createProjectDirectory, type ProjectDirectory } from './browsable-projects';
export { createFilterDirectory, type FilterDirectory } from './saved-filters';
export type { UserDirectory } from './user-directory';
export { DEFAULT_MAX_IN_FLIGHT } from './adaptive-limiter';
export { createJiraGroupDirectory, type GroupDirectory } from './group-directory';
export { cachedGroupDirectory, GROUP_MEMBERSHIP_FRESH_MS, GROUP_MEMBERSHIP_STALE_LIMIT_MS } from './cached-group-membership';
