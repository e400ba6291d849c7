// The Jira data access: what services import from src/jira.
export { createIssueDataAccess, SEARCH_MAX_PAGE, type IssueDataAccess, type IssueDataAccessOptions, type IssuePage, type IssuePageRequest } from './report-data-access';
export type { IssueWithHistory } from './issue-history-fetch';
export type { IssueSelection } from './issue-selection';
export { resolveSelectionJql, jqlString } from './issue-selection';
export { rewriteJqlForOwner } from './jql-rewrite';
export { createJiraClient, type JiraClient, type JiraClientOptions } from './jira-client';
export { jiraRuntimeOn, systemRuntime, type JiraRuntime } from './jira-runtime';
export { createJiraUserDirectory } from './jira-user-directory';
export type { JiraUser, UserDirectory } from './user-directory';
