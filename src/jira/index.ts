// The Jira data access: what code outside src/jira imports (a dependency rule checks it).
export { createIssueDataAccess, SEARCH_MAX_PAGE, type IssueDataAccess } from './report-data-access';
export type { IssueWithHistory } from './issue-history-fetch';
export { jqlString, type IssueSelection } from './issue-selection';
export { rewriteJqlForOwner } from './jql-rewrite';
export { jiraRuntimeOn, type JiraRuntime } from './jira-runtime';
export { createJiraUserDirectory } from './jira-user-directory';
export type { UserDirectory } from './user-directory';
