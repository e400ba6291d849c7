// Issue 16, item 6: nextPageToken is signed with a per-installation key and bound to the
// owner, the token id, the query's parameters and an expiry. A token from one query sent
// with another, from another token, hand-made, altered or expired is a 400 naming
// nextPageToken; the right one still continues, filtered by the owner's permissions.
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { startTestHost, type TestHost } from '../../support/host-client';

let now = Date.UTC(2026, 11, 3, 10, 0);
let t: TestHost;
let bobToken: string;
let bobOther: string;
let carolToken: string;
beforeAll(async () => {
  t = await startTestHost({ clock: { now: () => now }, restRateLimit: { limit: 10_000, windowSeconds: 60 } });
  bobToken = (await t.call(DEMO_ACCOUNTS.bob, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  bobOther = (await t.call(DEMO_ACCOUNTS.bob, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  carolToken = (await t.call(DEMO_ACCOUNTS.carol, 'tokens/create', { expiresAt: '2099-12-31' })).token;
});
afterAll(async () => {
  await t.close();
});

type Page = { results: Array<{ Key: string }>; nextPageToken?: string };
const QUERY = { customjql: 'project = SCRUM ORDER BY key ASC', pageSize: '5', outputType: 'jsonSimplified' };

async function page(params: Record<string, string>, token = bobToken): Promise<{ status: number; body: Page & { messages?: string[] } }> {
  const response = await t.rest(`/rest/list2?${new URLSearchParams(params)}`, { token });
  return { status: response.status, body: (await response.json()) as Page & { messages?: string[] } };
}

async function firstToken(): Promise<string> {
  const first = await page(QUERY);
  expect(first.status).toBe(200);
  expect(first.body.nextPageToken).toBeDefined();
  return first.body.nextPageToken!;
}

const refusedNamingToken = (answer: { status: number; body: { messages?: string[] } }): void => {
  expect(answer.status).toBe(400);
  expect(answer.body.messages).toHaveLength(1);
  expect(answer.body.messages![0]).toMatch(/^nextPageToken: /);
};

it('continues the same query for the same token', async () => {
  const next = await page({ ...QUERY, nextPageToken: await firstToken() });
  expect(next.status).toBe(200);
  expect(next.body.results).toHaveLength(5);
});

it('refuses a page token sent with another query', async () => {
  refusedNamingToken(await page({ ...QUERY, customjql: 'project = OPS ORDER BY key ASC', nextPageToken: await firstToken() }));
  refusedNamingToken(await page({ ...QUERY, columnsBy: 'statusCount', nextPageToken: await firstToken() }));
});

it('refuses a page token sent by another token, of the same owner or another', async () => {
  refusedNamingToken(await page({ ...QUERY, nextPageToken: await firstToken() }, bobOther));
  refusedNamingToken(await page({ ...QUERY, nextPageToken: await firstToken() }, carolToken));
});

it('refuses a hand-made token and an altered one', async () => {
  const handMade = Buffer.from(JSON.stringify({ v: 2, jql: 'assignee = currentUser()', size: 5, skip: 0 })).toString('base64url');
  refusedNamingToken(await page({ ...QUERY, nextPageToken: handMade }));
  const real = await firstToken();
  const altered = `${real.slice(0, -2)}${real.endsWith('AA') ? 'BB' : 'AA'}`;
  refusedNamingToken(await page({ ...QUERY, nextPageToken: altered }));
});

it('refuses an expired page token', async () => {
  const token = await firstToken();
  now += 2 * 3_600_000;
  try {
    refusedNamingToken(await page({ ...QUERY, nextPageToken: token }));
  } finally {
    now -= 2 * 3_600_000;
  }
});
