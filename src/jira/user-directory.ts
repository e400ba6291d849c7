// The port through which services learn who a Jira user is and whether they administer
// Jira. Implemented over Jira's REST API (see jira-user-directory.ts).

export interface JiraUser {
  accountId: string;
  displayName: string;
  active: boolean;
}

export interface UserDirectory {
  /** Users by account id; ids Jira does not know are absent from the map. */
  getUsers(accountIds: readonly string[]): Promise<Map<string, JiraUser>>;
  /** True when the user holds Jira's ADMINISTER global permission. */
  isJiraAdmin(accountId: string): Promise<boolean>;
}
