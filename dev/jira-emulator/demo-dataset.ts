// The demo site the local host starts with: the four demo people, three projects
// (Carol may not browse SEC), a 'Management' security level on some SCRUM issues,
// about forty issues with six months of history, and two saved filters.
import type { Dataset } from './dataset';
import { generateDataset, startOfUtcDay } from './generator';
import { DEMO_ACCOUNTS } from './site';

export interface DemoOptions {
  /** History ends before this instant. Default: today 00:00 UTC, so the data stays recent. */
  now?: number;
}

export const DEMO_FILTER_IDS = { openWork: '10000', bobsPrivate: '10001' } as const;

export function demoDataset(options: DemoOptions = {}): Dataset {
  const generated = generateDataset({
    seed: 20240501,
    issues: 40,
    now: options.now ?? startOfUtcDay(Date.now()),
    spanDays: 180,
    extraUsers: 0,
    projects: 3,
    securedShare: 0.15,
  });
  return {
    ...generated,
    filters: [
      {
        id: DEMO_FILTER_IDS.openWork,
        name: 'All open work',
        jql: 'statusCategory != Done ORDER BY created DESC',
        owner: DEMO_ACCOUNTS.alice,
        description: 'Everything not done yet, shared with everyone',
        sharePermissions: [{ type: 'global' }],
      },
      {
        id: DEMO_FILTER_IDS.bobsPrivate,
        name: "Bob's open work",
        jql: 'assignee = currentUser() AND statusCategory != Done',
        owner: DEMO_ACCOUNTS.bob,
        description: 'Private to Bob',
        sharePermissions: [],
      },
    ],
  };
}
