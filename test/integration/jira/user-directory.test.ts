import { APP_ACCOUNT_ID, DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { createJiraUserDirectory } from '../../../src/jira/jira-user-directory';
import { useJiraEmulator } from '../../support/jira-emulator';

describe('Jira user directory against the emulator', () => {
  const jira = useJiraEmulator();

  it('finds users by account id, including deactivated ones, and omits unknown ids', async () => {
    const directory = createJiraUserDirectory(jira().http);
    const users = await directory.getUsers([DEMO_ACCOUNTS.alice, DEMO_ACCOUNTS.dave, 'no-such-account', DEMO_ACCOUNTS.alice]);
    expect(users.size).toBe(2);
    expect(users.get(DEMO_ACCOUNTS.alice)).toEqual({ accountId: DEMO_ACCOUNTS.alice, displayName: 'Alice Admin', active: true });
    expect(users.get(DEMO_ACCOUNTS.dave)).toEqual({ accountId: DEMO_ACCOUNTS.dave, displayName: 'Dave Departed', active: false });
  });

  it('returns an empty map for no ids without calling Jira', async () => {
    const before = jira().emulator.requestCount();
    const users = await createJiraUserDirectory(jira().http).getUsers([]);
    expect(users.size).toBe(0);
    expect(jira().emulator.requestCount()).toBe(before);
  });

  it('knows who administers Jira', async () => {
    const directory = createJiraUserDirectory(jira().http);
    await expect(directory.isJiraAdmin(DEMO_ACCOUNTS.alice)).resolves.toBe(true);
    await expect(directory.isJiraAdmin(DEMO_ACCOUNTS.bob)).resolves.toBe(false);
    await expect(directory.isJiraAdmin(DEMO_ACCOUNTS.carol)).resolves.toBe(false);
    await expect(directory.isJiraAdmin('no-such-account')).resolves.toBe(false);
  });

  it('batches large lookups into few requests', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => (i === 0 ? DEMO_ACCOUNTS.bob : `unknown-${i}`));
    const before = jira().emulator.requestCount();
    const users = await createJiraUserDirectory(jira().http).getUsers(ids);
    expect([...users.keys()]).toEqual([DEMO_ACCOUNTS.bob]);
    expect(jira().emulator.requestCount() - before).toBe(3);
  });
});

describe('Jira emulator identity and permission endpoints', () => {
  const jira = useJiraEmulator();

  async function getJson(
    http: ReturnType<typeof jira>['http'],
    path: string,
    init?: Parameters<ReturnType<typeof jira>['http']['fetch']>[1],
  ): Promise<{ status: number; body: unknown }> {
    const response = await http.fetch(path, init);
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  }

  it('answers /myself as the app without a user header, and as a user with one', async () => {
    const app = await getJson(jira().http, '/rest/api/3/myself');
    expect(app.body).toMatchObject({ accountId: APP_ACCOUNT_ID, accountType: 'app' });
    const bob = await getJson(jira().httpAs(DEMO_ACCOUNTS.bob), '/rest/api/3/myself');
    expect(bob.body).toMatchObject({ accountId: DEMO_ACCOUNTS.bob, displayName: 'Bob Builder', accountType: 'atlassian' });
  });

  it('lists a user groups and 404s an unknown user in Jira shape', async () => {
    const groups = await getJson(jira().http, `/rest/api/3/user/groups?accountId=${DEMO_ACCOUNTS.alice}`);
    expect(groups.body).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'jira-admins' })]));
    const missing = await getJson(jira().http, '/rest/api/3/user?accountId=nobody');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
  });

  it('reports ADMINISTER through /mypermissions for the calling user', async () => {
    const alice = await getJson(jira().httpAs(DEMO_ACCOUNTS.alice), '/rest/api/3/mypermissions?permissions=ADMINISTER');
    expect(alice.body).toMatchObject({ permissions: { ADMINISTER: { havePermission: true, type: 'GLOBAL' } } });
    const carol = await getJson(jira().httpAs(DEMO_ACCOUNTS.carol), '/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS&projectKey=SCRUM');
    expect(carol.body).toMatchObject({ permissions: { ADMINISTER: { havePermission: false }, BROWSE_PROJECTS: { havePermission: true } } });
    const hidden = await getJson(jira().httpAs(DEMO_ACCOUNTS.carol), '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=SEC');
    expect(hidden.status).toBe(404);
  });

  it('checks BROWSE_PROJECTS per issue with project grants and issue security', async () => {
    const dataset = jira().emulator.dataset;
    const secIssue = dataset.issues.find((i) => i.projectKey === 'SEC');
    const securedIssue = dataset.issues.find((i) => i.securityLevelId !== null);
    const openIssue = dataset.issues.find((i) => i.projectKey === 'SCRUM' && i.securityLevelId === null);
    if (!secIssue || !securedIssue || !openIssue) throw new Error('demo dataset lacks the needed issues');
    const ids = [secIssue.id, securedIssue.id, openIssue.id].map(Number);
    const check = async (accountId: string): Promise<unknown> =>
      (
        await getJson(jira().http, '/rest/api/3/permissions/check', {
          method: 'POST',
          body: JSON.stringify({ accountId, projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ids }] }),
        })
      ).body;
    expect(await check(DEMO_ACCOUNTS.carol)).toEqual({
      globalPermissions: [],
      projectPermissions: [{ permission: 'BROWSE_PROJECTS', issues: [Number(openIssue.id)], projects: [] }],
    });
    expect(await check(DEMO_ACCOUNTS.bob)).toEqual({
      globalPermissions: [],
      projectPermissions: [{ permission: 'BROWSE_PROJECTS', issues: [Number(secIssue.id), Number(openIssue.id)], projects: [] }],
    });
    expect(await check(DEMO_ACCOUNTS.alice)).toMatchObject({ projectPermissions: [{ issues: ids }] });
    // Deactivated users hold no permissions at all.
    expect(await check(DEMO_ACCOUNTS.dave)).toMatchObject({ projectPermissions: [{ issues: [] }] });
  });

  it('refuses more than 1000 issues in one permission check', async () => {
    const result = await getJson(jira().http, '/rest/api/3/permissions/check', {
      method: 'POST',
      body: JSON.stringify({
        accountId: DEMO_ACCOUNTS.alice,
        projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: Array.from({ length: 1001 }, (_, i) => 10000 + i) }],
      }),
    });
    expect(result.status).toBe(400);
  });
});
