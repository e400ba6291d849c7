// The fixed part of every emulated site: the app account, the demo people, groups,
// statuses and issue types. The demo dataset and generated datasets share it, so the
// local host's user picker and the tests can rely on these account ids.
import { DEFAULT_PRIORITIES, type Dataset } from './dataset';

/** Jira-style account ids (24 hex-ish characters), fixed so tests and docs can name them. */
export const DEMO_ACCOUNTS = {
  alice: '5b10a2844c20165700ede21g',
  bob: '5b10ac8d82e05b22cc7d4ef5',
  carol: '5d53f3cbc6b9320d9ea5bdc2',
  dave: '5c9e7a1f0b3d2c4e6f8a9b01',
} as const;

/** Forge and Connect apps get an account of their own, with accountType 'app'. */
export const APP_ACCOUNT_ID = '712020:5f1c3a2b-8d4e-4f6a-9b0c-1d2e3f4a5b6c';

export const STATUS_IDS = {
  toDo: '10000',
  inProgress: '3',
  inReview: '10001',
  done: '10002',
} as const;

export const ISSUE_TYPE_IDS = { task: '10001', bug: '10002', story: '10003' } as const;

export function siteBase(): Pick<
  Dataset,
  'version' | 'app' | 'groups' | 'users' | 'globalPermissions' | 'statuses' | 'issueTypes' | 'priorities' | 'customFields'
> {
  return {
    version: 1,
    // Forge apps sit in atlassian-addons-admin, which holds ADMINISTER by default.
    app: { accountId: APP_ACCOUNT_ID, displayName: 'Status Clock', globalPermissions: ['ADMINISTER'] },
    groups: [
      { groupId: '5f0c4b9e-1a2b-4c3d-8e4f-a1b2c3d4e5f6', name: 'jira-admins' },
      { groupId: '7a1d2e3f-4b5c-4d6e-9f0a-b1c2d3e4f5a6', name: 'jira-software-users' },
      { groupId: '9c2e3f4a-5b6c-4d7e-8f9a-c1d2e3f4a5b6', name: 'security-team' },
    ],
    users: [
      {
        accountId: DEMO_ACCOUNTS.alice,
        displayName: 'Alice Admin',
        emailAddress: 'alice@example.com',
        active: true,
        groups: ['jira-admins', 'jira-software-users'],
        timeZone: 'Europe/London',
      },
      {
        accountId: DEMO_ACCOUNTS.bob,
        displayName: 'Bob Builder',
        emailAddress: 'bob@example.com',
        active: true,
        groups: ['jira-software-users', 'security-team'],
        timeZone: 'Europe/Berlin',
      },
      {
        accountId: DEMO_ACCOUNTS.carol,
        displayName: 'Carol Chen',
        emailAddress: 'carol@example.com',
        active: true,
        groups: ['jira-software-users'],
        timeZone: 'America/New_York',
      },
      {
        accountId: DEMO_ACCOUNTS.dave,
        displayName: 'Dave Departed',
        emailAddress: 'dave@example.com',
        active: false,
        groups: ['jira-software-users'],
        timeZone: 'UTC',
      },
    ],
    globalPermissions: {
      ADMINISTER: { anyone: false, groups: ['jira-admins'], users: [] },
    },
    statuses: [
      { id: STATUS_IDS.toDo, name: 'To Do', categoryKey: 'new' },
      { id: STATUS_IDS.inProgress, name: 'In Progress', categoryKey: 'indeterminate' },
      { id: STATUS_IDS.inReview, name: 'In Review', categoryKey: 'indeterminate' },
      { id: STATUS_IDS.done, name: 'Done', categoryKey: 'done' },
    ],
    priorities: DEFAULT_PRIORITIES,
    customFields: [],
    issueTypes: [
      { id: ISSUE_TYPE_IDS.task, name: 'Task' },
      { id: ISSUE_TYPE_IDS.bug, name: 'Bug' },
      { id: ISSUE_TYPE_IDS.story, name: 'Story' },
    ],
  };
}
