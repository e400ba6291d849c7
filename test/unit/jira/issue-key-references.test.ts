// The issue keys a JQL names, which are checked for the owner before the search (issue 16, item 5).
import { referencedIssueKeys } from '../../../src/jira/issue-key-references';

it.each([
  ['key = SEC-1', ['SEC-1']],
  ['issuekey = "sec-2" AND project = SEC', ['SEC-2']],
  ['issue in (A-1, \'B-2\', "C-3") OR key != D-4', ['A-1', 'B-2', 'C-3', 'D-4']],
  ['id = 10001 OR key not in (E-5)', ['10001', 'E-5']],
  ['summary ~ "key = SEC-1" AND project = SCRUM', []],
  ['project = SCRUM ORDER BY key', []],
  ['key > SEC-10 AND key <= SEC-20', ['SEC-10', 'SEC-20']],
])('%s names %j', (jql, keys) => {
  expect(referencedIssueKeys(jql)).toEqual(keys);
});
