import { z } from 'zod';
import { DEMO_ACCOUNTS, DEMO_FILTER_IDS, generateDataset } from '../../../dev/jira-emulator';
import { TEST_NOW, useJiraEmulator } from '../../support/jira-emulator';
import { jiraJson, post } from '../../support/jira-json';

const searchPage = z.object({ issues: z.array(z.object({ id: z.string() })), nextPageToken: z.string().optional(), isLast: z.boolean() });
const changelogPage = z.object({
  issueChangeLogs: z.array(
    z.object({ issueId: z.string(), changeHistories: z.array(z.object({ id: z.string(), items: z.array(z.object({ field: z.string() })) })) }),
  ),
  nextPageToken: z.string().optional(),
});

describe('Jira emulator issue endpoints', () => {
  const jira = useJiraEmulator(() => generateDataset({ seed: 5, issues: 1200, now: TEST_NOW, spanDays: 400 }));

  it('pages search results with nextPageToken only, capping ids-only pages at 5000 and field pages at 100', async () => {
    const ids: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const answer = await jiraJson(
        jira().http,
        '/rest/api/3/search/jql',
        post({ jql: 'project in (SCRUM, OPS, SEC) ORDER BY key', maxResults: 500, nextPageToken: token }),
      );
      const page = searchPage.parse(answer.body);
      ids.push(...page.issues.map((i) => i.id));
      token = page.nextPageToken;
      pages += 1;
      expect(page.isLast).toBe(token === undefined);
    } while (token !== undefined);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(1200);
    const big = searchPage.parse((await jiraJson(jira().http, '/rest/api/3/search/jql?jql=project%3DSCRUM&maxResults=9000')).body);
    expect(big.issues.length).toBe(jira().emulator.dataset.issues.filter((i) => i.projectKey === 'SCRUM').length);
    const withFields = searchPage.parse(
      (await jiraJson(jira().http, '/rest/api/3/search/jql', post({ jql: 'project = SCRUM', maxResults: 1000, fields: ['status'] }))).body,
    );
    expect(withFields.issues.length).toBe(100);
  });

  it('answers Jira-shaped 400s for bad JQL, unbounded queries and stale tokens', async () => {
    const bad = await jiraJson(jira().http, '/rest/api/3/search/jql', post({ jql: 'project = ' }));
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ errorMessages: [expect.stringContaining('Error in the JQL Query')], errors: {} });
    const unbounded = await jiraJson(jira().http, '/rest/api/3/search/jql', post({ jql: 'ORDER BY created' }));
    expect(unbounded.body).toEqual({ errorMessages: [expect.stringContaining('Unbounded JQL')], errors: {} });
    const first = searchPage.parse((await jiraJson(jira().http, '/rest/api/3/search/jql', post({ jql: 'project = SCRUM', maxResults: 10 }))).body);
    const reused = await jiraJson(jira().http, '/rest/api/3/search/jql', post({ jql: 'project = OPS', nextPageToken: first.nextPageToken }));
    expect(reused.status).toBe(400);
    expect((await jiraJson(jira().http, '/rest/api/3/search?jql=project=SCRUM')).status).toBe(410);
  });

  it('bulk-fetches fields of at most 100 issues, reporting unknown ones as issueErrors', async () => {
    const issue = jira().emulator.dataset.issues[0];
    if (!issue) throw new Error('no issue');
    const answer = await jiraJson(
      jira().http,
      '/rest/api/3/issue/bulkfetch',
      post({ issueIdsOrKeys: [issue.id, 'NOPE-1'], fields: ['status', 'assignee', 'created'] }),
    );
    expect(answer.body).toMatchObject({
      issues: [
        {
          id: issue.id,
          key: issue.key,
          fields: { status: { id: issue.statusId, statusCategory: { key: expect.any(String) } }, created: expect.stringMatching(/\+0000$/) },
        },
      ],
      issueErrors: [{ id: 'NOPE-1' }],
    });
    const tooMany = await jiraJson(
      jira().http,
      '/rest/api/3/issue/bulkfetch',
      post({ issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => String(10000 + i)) }),
    );
    expect(tooMany.status).toBe(400);
  });

  it("bulk fetch with expand names and schema describes each rendered field (unknown ids ignored, as Jira's)", async () => {
    const issue = jira().emulator.dataset.issues[0]!;
    const answer = await jiraJson(
      jira().http,
      '/rest/api/3/issue/bulkfetch',
      post({ issueIdsOrKeys: [issue.id], fields: ['status', 'assignee', 'labels', 'customfield_99999'], expand: ['names', 'schema'] }),
    );
    const [rendered] = (answer.body as { issues: Array<{ fields: Record<string, unknown>; names: Record<string, string>; schema: Record<string, unknown> }> })
      .issues;
    expect(rendered!.names).toEqual({ status: 'Status', assignee: 'Assignee', labels: 'Labels' });
    expect(rendered!.schema).toEqual({
      status: { type: 'status', system: 'status' },
      assignee: { type: 'user', system: 'assignee' },
      labels: { type: 'array', items: 'string', system: 'labels' },
    });
    expect(Object.keys(rendered!.fields).sort()).toEqual(['assignee', 'labels', 'status']);
    const plain = await jiraJson(jira().http, '/rest/api/3/issue/bulkfetch', post({ issueIdsOrKeys: [issue.id], fields: ['status'] }));
    expect((plain.body as { issues: Array<Record<string, unknown>> }).issues[0]).not.toHaveProperty('names');
  });

  it('pages bulk changelogs by change histories, splitting an issue across pages when needed', async () => {
    const issues = jira().emulator.dataset.issues.slice(0, 300);
    const expected = issues.reduce((n, i) => n + i.changelog.filter((h) => h.items.some((it) => it.field === 'status' || it.field === 'assignee')).length, 0);
    let token: string | undefined;
    let histories = 0;
    let pages = 0;
    do {
      const answer = await jiraJson(
        jira().http,
        '/rest/api/3/changelog/bulkfetch',
        post({ issueIdsOrKeys: issues.map((i) => i.id), fieldIds: ['status', 'assignee'], maxResults: 250, nextPageToken: token }),
      );
      const page = changelogPage.parse(answer.body);
      for (const log of page.issueChangeLogs)
        for (const h of log.changeHistories) {
          histories += 1;
          for (const item of h.items) expect(['status', 'assignee']).toContain(item.field);
        }
      token = page.nextPageToken;
      pages += 1;
    } while (token !== undefined);
    expect(histories).toBe(expected);
    expect(pages).toBe(Math.ceil(expected / 250));
  });

  it('serves one issue changelog 100 at a time, statuses and status categories', async () => {
    const issue = jira().emulator.dataset.issues.find((i) => i.changelog.length > 3);
    if (!issue) throw new Error('no issue with history');
    const page = await jiraJson(jira().http, `/rest/api/3/issue/${issue.key}/changelog?maxResults=500`);
    expect(page.body).toMatchObject({ maxResults: 100, startAt: 0, total: issue.changelog.length, isLast: true });
    expect((await jiraJson(jira().http, '/rest/api/3/issue/NOPE-1/changelog')).status).toBe(404);
    const statuses = await jiraJson(jira().http, '/rest/api/3/status');
    expect(statuses.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: '10000', name: 'To Do', statusCategory: expect.objectContaining({ key: 'new' }) })]),
    );
    const categories = await jiraJson(jira().http, '/rest/api/3/statuscategory');
    expect(categories.body).toHaveLength(4);
  });
});

describe('Jira emulator saved filters', () => {
  const jira = useJiraEmulator();

  it('shows shared filters to users, private ones to their owner only, and any filter to the app with overrideSharePermissions', async () => {
    const shared = await jiraJson(jira().httpAs(DEMO_ACCOUNTS.carol), `/rest/api/3/filter/${DEMO_FILTER_IDS.openWork}`);
    expect(shared.body).toMatchObject({ id: DEMO_FILTER_IDS.openWork, jql: expect.any(String), owner: { accountId: DEMO_ACCOUNTS.alice } });
    const hidden = await jiraJson(jira().httpAs(DEMO_ACCOUNTS.carol), `/rest/api/3/filter/${DEMO_FILTER_IDS.bobsPrivate}`);
    expect(hidden.status).toBe(400);
    expect((await jiraJson(jira().httpAs(DEMO_ACCOUNTS.bob), `/rest/api/3/filter/${DEMO_FILTER_IDS.bobsPrivate}`)).status).toBe(200);
    expect((await jiraJson(jira().http, `/rest/api/3/filter/${DEMO_FILTER_IDS.bobsPrivate}`)).status).toBe(400);
    const overridden = await jiraJson(jira().http, `/rest/api/3/filter/${DEMO_FILTER_IDS.bobsPrivate}?overrideSharePermissions=true`);
    expect(overridden.body).toMatchObject({ owner: { accountId: DEMO_ACCOUNTS.bob }, sharePermissions: [] });
  });
});
