// Fakes for the Jira client's runtime and the expected IssueHistory of dataset issues.
import type { Dataset } from '../../dev/jira-emulator';
import type { JiraRuntime } from '../../src/jira';
import type { IssueHistory } from '../../src/engine/issue-history';

/** Virtual time: sleeping advances the clock at once and is recorded. */
export function fakeRuntime(start = 1_000_000): JiraRuntime & { sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
  };
}

export function expectedHistory(dataset: Dataset, issueId: string): IssueHistory {
  const issue = dataset.issues.find((i) => i.id === issueId);
  if (!issue) throw new Error(`no issue ${issueId}`);
  return {
    issueId: issue.id,
    issueKey: issue.key,
    created: Date.parse(issue.created),
    status: issue.statusId,
    assignee: issue.assignee,
    changes: issue.changelog.flatMap((entry) =>
      entry.items
        .filter((item): item is typeof item & { field: 'status' | 'assignee' } => item.field === 'status' || item.field === 'assignee')
        .map((item) => {
          const author = dataset.users.find((u) => u.accountId === entry.author);
          const by = author ? { by: { accountId: author.accountId, displayName: author.displayName } } : {};
          return { changeId: entry.id, at: Date.parse(entry.created), field: item.field, from: item.from, to: item.to, ...by };
        }),
    ),
  };
}
