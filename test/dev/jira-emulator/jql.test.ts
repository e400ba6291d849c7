import { demoDataset, DEMO_ACCOUNTS, STATUS_IDS } from '../../../dev/jira-emulator';
import { compileJql } from '../../../dev/jira-emulator/jql/evaluate';
import { parseJql } from '../../../dev/jira-emulator/jql/parser';
import { EmulatorModel, type Caller } from '../../../dev/jira-emulator/model';

const NOW = Date.UTC(2025, 5, 2);
const model = new EmulatorModel(demoDataset({ now: NOW }));
const app: Caller = { kind: 'app' };

function keys(jql: string, caller: Caller = app): string[] {
  const compiled = compileJql(parseJql(jql), { model, caller, now: NOW });
  return model.issues
    .filter((i) => model.canBrowseIssue(caller, i) && compiled.matches(i))
    .sort((a, b) => compiled.compare(a, b))
    .map((i) => i.issue.key);
}
function all(predicate: (i: (typeof model.issues)[number]) => boolean): string[] {
  return model.issues
    .filter(predicate)
    .sort((a, b) => b.idNumber - a.idNumber)
    .map((i) => i.issue.key);
}

describe('emulator JQL subset', () => {
  it('filters by project, status, category and issue type', () => {
    expect(keys('project = SCRUM')).toEqual(all((i) => i.project.key === 'SCRUM'));
    expect(keys('project in (SEC, "OPS") AND status = "In Progress"')).toEqual(
      all((i) => ['SEC', 'OPS'].includes(i.project.key) && i.status.id === STATUS_IDS.inProgress),
    );
    expect(keys('statusCategory != Done')).toEqual(all((i) => i.status.categoryKey !== 'done'));
    expect(keys('NOT statusCategory = done')).toEqual(all((i) => i.status.categoryKey !== 'done'));
    expect(keys('issuetype = Bug OR issuetype = Story')).toEqual(all((i) => ['10002', '10003'].includes(i.issue.issueTypeId)));
  });

  it('handles users, EMPTY and currentUser()', () => {
    expect(keys('assignee IS EMPTY')).toEqual(all((i) => i.issue.assignee === null));
    expect(keys('assignee != EMPTY')).toEqual(all((i) => i.issue.assignee !== null));
    expect(keys(`assignee = ${DEMO_ACCOUNTS.bob}`)).toEqual(all((i) => i.issue.assignee === DEMO_ACCOUNTS.bob));
    expect(keys(`assignee not in (${DEMO_ACCOUNTS.bob}, ${DEMO_ACCOUNTS.alice})`)).toEqual(
      all((i) => i.issue.assignee !== null && i.issue.assignee !== DEMO_ACCOUNTS.bob && i.issue.assignee !== DEMO_ACCOUNTS.alice),
    );
    const bob = model.usersById.get(DEMO_ACCOUNTS.bob);
    if (!bob) throw new Error('no bob');
    // SCRUM issues behind the Management level stay hidden from Bob even when his.
    expect(keys('assignee = currentUser()', { kind: 'user', user: bob })).toEqual(
      all((i) => i.issue.assignee === DEMO_ACCOUNTS.bob && model.canBrowseIssue({ kind: 'user', user: bob }, i)),
    );
    expect(keys('assignee = currentUser()')).toEqual([]);
  });

  it('compares dates, absolute and relative, and orders', () => {
    const cutoff = NOW - 30 * 86_400_000;
    expect(keys('created >= -30d')).toEqual(all((i) => i.created >= cutoff));
    expect(keys('updated < "2025-05-01" and resolved is not empty')).toEqual(all((i) => i.updated < Date.UTC(2025, 4, 1) && i.resolved !== null));
    expect(keys('created > startOfMonth(-1)')).toEqual(all((i) => i.created > Date.UTC(2025, 4, 1)));
    const ordered = keys('project = SCRUM ORDER BY created ASC');
    expect(ordered).toEqual(all((i) => i.project.key === 'SCRUM').reverse());
  });

  it('applies the caller permissions and issue security', () => {
    const carol = model.usersById.get(DEMO_ACCOUNTS.carol);
    if (!carol) throw new Error('no carol');
    expect(keys('project in (SCRUM, OPS)', { kind: 'user', user: carol })).toEqual(
      all((i) => ['SCRUM', 'OPS'].includes(i.project.key) && i.issue.securityLevelId === null),
    );
    expect(() => keys('project = SEC', { kind: 'user', user: carol })).toThrow("The value 'SEC' does not exist for the field 'project'.");
  });

  it.each([
    ['project = ', 'Expecting either a value, list or function'],
    ['project = SCRUM AND', 'Expecting a field name'],
    ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
    ['status = Blocked', "The value 'Blocked' does not exist for the field 'status'."],
    ['key = SCRUM-99999', "An issue with key 'SCRUM-99999' does not exist"],
    ['priority = High', "The field 'priority' in the clause 'priority = High' is not supported by the Jira emulator"],
    ['summary ~ "login"', "The operator '~' (text search) in the clause starting with 'summary' is not supported"],
    ['status WAS Done', "The history operator 'WAS'"],
    ['assignee in membersOf("jira-admins")', "Function 'membersOf' is not supported"],
    ['created > "last tuesday"', "Date value 'last tuesday' for field 'created' is invalid"],
    ['project = SCRUM ORDER BY priority', "Field 'priority' cannot be used in ORDER BY"],
    ['project = "SCRUM', 'has not been completed'],
  ])('refuses %s', (jql, message) => {
    expect(() => keys(jql)).toThrow(message);
  });
});
