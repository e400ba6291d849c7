import { rewriteJqlForOwner } from '../../../src/jira';

const OWNER = '5b10ac8d82e05b22cc7d4ef5';

describe('rewriteJqlForOwner', () => {
  it('replaces currentUser() with the owner account id, in any case and spacing', () => {
    expect(rewriteJqlForOwner('assignee = currentUser() OR reporter in (CurrentUser ( ), x)', OWNER)).toBe(
      `assignee = "${OWNER}" OR reporter in ("${OWNER}", x)`,
    );
  });

  it('leaves quoted text alone', () => {
    expect(rewriteJqlForOwner('summary ~ "currentUser()" AND assignee = currentUser()', OWNER)).toBe(`summary ~ "currentUser()" AND assignee = "${OWNER}"`);
  });

  it.each(['issue in watchedIssues()', 'issuekey in issueHistory()', 'filter = 10001', 'savedFilter in (1, 2)'])('refuses caller-dependent JQL: %s', (jql) => {
    expect(() => rewriteJqlForOwner(jql, OWNER)).toThrow(expect.objectContaining({ code: 'JIRA_BAD_REQUEST' }) as Error);
  });
});
