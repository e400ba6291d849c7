// The Jira data access: what code outside src/jira imports (a dependency rule checks it).
export { createIssueDataAccess, type IssueDataAccess } from './report-data-access';
export { SEARCH_MAX_PAGE } from './page-position';
export type { IssueStream, StreamedIssue } from './issue-stream';
export type { IssueWithHistory } from './issue-history-fetch';
export { jqlString, type IssueSelection } from './issue-selection';
export { rewriteJqlForOwner } from './jql-rewrite';
export { jiraRuntimeOn, type JiraRuntime } from './jira-runtime';
export { cachedUserDirectory, OWNER_STATE_FRESH_MS } from './cached-user-directory';
export { createJiraUserDirectory } from './jira-user-directory';
export type { UserDirectory } from './user-directory';
export { DEFAULT_MAX_IN_FLIGHT } from './adaptive-limiter';
export { createJiraProjectDirectory, type ProjectDirectory } from './project-directory';
