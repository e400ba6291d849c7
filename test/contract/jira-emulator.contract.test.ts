// Every exchange the app has with Jira (through the emulator) must fit the Jira
// platform OpenAPI document: the request bodies the app sends and the answers the
// emulator gives, errors included.
import { DEMO_ACCOUNTS, DEMO_FILTER_IDS, demoDataset, type Dataset } from '../../dev/jira-emulator';
import { createFilterDirectory, createIssueDataAccess, createJiraUserDirectory, type IssueSelection } from '../../src/jira';
import { useJiraEmulator, TEST_NOW } from '../support/jira-emulator';
import { fakeRuntime } from '../support/jira-fakes';
import { JiraOpenApi, type Exchange } from '../support/jira-openapi';
import { recordingHttp } from '../support/jira-recording-http';
import { createJiraOverHttp } from '../../dev/host/jira-over-http';

function datasetWithShares(): Dataset {
  const base = demoDataset({ now: TEST_NOW });
  const scrum = base.projects.find((p) => p.key === 'SCRUM')!;
  return {
    ...base,
    // A team-managed project's own status: /status scopes it to the project.
    statuses: [...base.statuses, { id: '20001', name: 'Team Review', categoryKey: 'indeterminate', scopeProjectId: scrum.id }],
    filters: [
      ...base.filters,
      {
        id: '10002',
        name: 'Team board',
        jql: 'project = SCRUM',
        owner: DEMO_ACCOUNTS.alice,
        description: '',
        sharePermissions: [
          { type: 'group', group: 'jira-software-users' },
          { type: 'project', projectKey: 'SCRUM' },
          { type: 'user', accountId: DEMO_ACCOUNTS.carol },
          { type: 'loggedin' },
        ],
      },
      // Shared with a group only: the owner's groups are looked up.
      {
        id: '10003',
        name: 'Builders',
        jql: 'project = SCRUM',
        owner: DEMO_ACCOUNTS.alice,
        description: '',
        sharePermissions: [{ type: 'group', group: 'jira-software-users' }],
      },
    ],
  };
}

describe('Jira emulator and Jira client against the OpenAPI document', () => {
  const jira = useJiraEmulator(datasetWithShares);
  let openApi: JiraOpenApi;
  beforeAll(() => {
    openApi = new JiraOpenApi();
  });

  function expectValid(exchanges: Exchange[], options: { requests?: boolean } = {}): void {
    expect(exchanges.length).toBeGreaterThan(0);
    const problems = exchanges.flatMap((e) => openApi.check(e, options));
    expect(problems).toEqual([]);
  }

  it('data access: search, permission check, bulk fetch, bulk changelog, status, filter, errors', async () => {
    const http = recordingHttp(jira().http);
    const access = createIssueDataAccess(http, { runtime: fakeRuntime() });
    const run = async (selection: IssueSelection, owner: string, pageSize = 1000): Promise<void> => {
      let pageToken: string | undefined;
      do {
        const page = await access.fetchIssuePage({
          selection,
          ownerAccountId: owner,
          fields: ['summary', 'issuetype', 'project', 'resolutiondate', 'security', 'reporter', 'updated', 'resolution'],
          pageSize,
          ...(pageToken === undefined ? {} : { pageToken }),
        });
        pageToken = page.nextPageToken;
      } while (pageToken !== undefined);
    };
    await run({ kind: 'project', projectKey: 'SCRUM' }, DEMO_ACCOUNTS.alice, 9);
    await run({ kind: 'jql', jql: 'assignee = currentUser() OR created >= -30d' }, DEMO_ACCOUNTS.carol);
    await run({ kind: 'filter', filterId: DEMO_FILTER_IDS.bobsPrivate }, DEMO_ACCOUNTS.bob);
    await run({ kind: 'filter', filterId: '10002' }, DEMO_ACCOUNTS.bob);
    await run({ kind: 'filter', filterId: '10003' }, DEMO_ACCOUNTS.bob);
    await run({ kind: 'filter', filterId: DEMO_FILTER_IDS.bobsPrivate }, DEMO_ACCOUNTS.carol).catch(() => undefined);
    await run({ kind: 'jql', jql: 'project = ' }, DEMO_ACCOUNTS.alice).catch(() => undefined);
    await run({ kind: 'project', projectKey: 'SEC' }, 'unknown-account').catch(() => undefined);
    await access.getStatuses();
    const directory = createJiraUserDirectory(http);
    await directory.getUsers([DEMO_ACCOUNTS.alice, DEMO_ACCOUNTS.dave, 'nobody']);
    await directory.isJiraAdmin(DEMO_ACCOUNTS.alice);
    await directory.isJiraAdmin('nobody');
    // The builder's filter picker: the app searches every filter, then applies the user's view.
    const filters = createFilterDirectory(http, { runtime: fakeRuntime() });
    expect((await filters.visibleTo(DEMO_ACCOUNTS.carol, 'team')).map((filter) => filter.name)).toEqual(['Team board']);
    expect((await filters.visibleTo(DEMO_ACCOUNTS.bob, '')).map((filter) => filter.id)).toEqual(['10000', '10001', '10003', '10002']);
    expect(new Set(http.exchanges.map((e) => e.path.replace(/\d+$/, '{id}')))).toEqual(
      new Set([
        '/rest/api/3/search/jql',
        '/rest/api/3/permissions/check',
        '/rest/api/3/issue/bulkfetch',
        '/rest/api/3/changelog/bulkfetch',
        '/rest/api/3/status',
        // The keys of team-managed statuses' projects (the dataset has one such status).
        '/rest/api/3/project/search',
        '/rest/api/3/filter/{id}',
        '/rest/api/3/filter/search',
        '/rest/api/3/user/groups',
        '/rest/api/3/user/bulk',
      ]),
    );
    expectValid(http.exchanges);
  });

  it('every other endpoint the emulator serves, answers and errors', async () => {
    const app = recordingHttp(jira().http);
    const bob = recordingHttp(createJiraOverHttp({ baseUrl: jira().emulator.url, headers: { 'x-emulator-account-id': DEMO_ACCOUNTS.bob } }));
    const issue = jira().emulator.dataset.issues.find((i) => i.changelog.length > 2);
    if (!issue) throw new Error('no issue');
    const post = (body: unknown) => ({ method: 'POST' as const, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const calls: Array<[typeof app, string, Parameters<typeof app.fetch>[1]?]> = [
      [app, '/rest/api/3/myself'],
      [bob, '/rest/api/3/myself'],
      [app, `/rest/api/3/user?accountId=${DEMO_ACCOUNTS.alice}&expand=groups`],
      [app, '/rest/api/3/user?accountId=nobody'],
      [app, `/rest/api/3/user/bulk?accountId=${DEMO_ACCOUNTS.alice}&accountId=${DEMO_ACCOUNTS.bob}&maxResults=1`],
      [app, '/rest/api/3/user/search?query=ca'],
      [app, `/rest/api/3/user/groups?accountId=${DEMO_ACCOUNTS.bob}`],
      [bob, '/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS&projectKey=SEC'],
      [bob, '/rest/api/3/mypermissions?permissions=EDIT_ISSUES'],
      [
        app,
        '/rest/api/3/permissions/check',
        post({
          accountId: DEMO_ACCOUNTS.carol,
          globalPermissions: ['ADMINISTER'],
          projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [10000, 10001], issues: [10000, 10001] }],
        }),
      ],
      [bob, '/rest/api/3/permissions/check', post({ accountId: DEMO_ACCOUNTS.carol, globalPermissions: ['ADMINISTER'] })],
      [app, '/rest/api/3/search/jql?jql=project%3DSCRUM&fields=*all&maxResults=3'],
      [app, '/rest/api/3/search/jql', post({ jql: 'status = Nope' })],
      [app, '/rest/api/3/search/jql', post({ jql: 'ORDER BY created' })],
      [app, '/rest/api/3/issue/bulkfetch', post({ issueIdsOrKeys: [issue.key, 'NOPE-1'] })],
      [app, '/rest/api/3/changelog/bulkfetch', post({ issueIdsOrKeys: [issue.id], maxResults: 2 })],
      [app, '/rest/api/3/changelog/bulkfetch', post({ issueIdsOrKeys: [] })],
      [app, `/rest/api/3/issue/${issue.key}/changelog?maxResults=2`],
      [app, '/rest/api/3/issue/NOPE-1/changelog'],
      [app, '/rest/api/3/statuscategory'],
      [app, '/rest/api/3/field'],
      [app, '/rest/api/3/issue/bulkfetch', post({ issueIdsOrKeys: [issue.key], fields: ['priority', 'labels', 'components', 'fixVersions', 'parent'] })],
      [app, '/rest/api/3/filter/10002'],
      [bob, `/rest/api/3/filter/${DEMO_FILTER_IDS.bobsPrivate}`],
      [app, '/rest/api/3/filter/424242'],
      [bob, '/rest/api/3/filter/search'],
      [bob, '/rest/api/3/filter/search?filterName=team&isSubstringMatch=true&expand=owner,sharePermissions,jql&maxResults=1'],
      [app, '/rest/api/3/filter/search?overrideSharePermissions=true&expand=owner,sharePermissions&orderBy=-id&startAt=1&maxResults=2'],
      [app, '/rest/api/3/filter/search?orderBy=sideways'],
      [app, '/rest/api/3/project/search?startAt=0&maxResults=2&orderBy=name'],
      [bob, '/rest/api/3/project/search?query=scr'],
      [app, '/rest/api/3/project/search?orderBy=issueCount'],
      [app, '/rest/api/3/project/search?startAt=0&maxResults=2&orderBy=key'],
      [bob, '/rest/api/3/project/search?startAt=1'],
      [app, `/rest/api/3/project/search?id=${jira().emulator.dataset.projects.find((p) => p.key === 'SCRUM')!.id}&maxResults=50`],
      [app, '/rest/api/3/status'],
      [app, '/rest/api/3/issue/bulkfetch', post({ issueIdsOrKeys: [issue.key], fields: ['assignee', 'labels'], expand: ['names', 'schema'] })],
    ];
    for (const [http, path, init] of calls) await http.fetch(path, init);
    expect(app.exchanges.some((e) => e.status >= 400)).toBe(true);
    // These requests are the test's own probes (some malformed on purpose): answers only.
    expectValid([...app.exchanges, ...bob.exchanges], { requests: false });
  });

  it('the checker itself catches wrong shapes', () => {
    expect(openApi.check({ method: 'GET', path: '/rest/api/3/myself', status: 200, responseBody: { accountId: 5 } })).toHaveLength(1);
    expect(
      openApi.check({
        method: 'POST',
        path: '/rest/api/3/changelog/bulkfetch',
        status: 200,
        requestBody: { issueIdsOrKeys: ['1'], fieldIds: Array.from({ length: 11 }, (_, i) => String(i)) },
      }),
    ).toHaveLength(1);
    expect(
      openApi.check({ method: 'GET', path: '/rest/api/3/issue/KEY-1/changelog', status: 200, responseBody: { values: [{ items: [{ from: null }] }] } }),
    ).toHaveLength(1);
    expect(openApi.check({ method: 'GET', path: '/rest/api/3/nowhere', status: 200 })).toHaveLength(1);
  });
});
