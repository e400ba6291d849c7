// Input the REST API refuses instead of ignoring or choking on (issue 16, items 9, 13, 14):
// huge list parameters are one clear 400 with a small body, repeated problems are reported
// once, unknown parameters are refused on every endpoint, /rest/issue refuses another
// filterType, and no message repeats a token or more than a short prefix of a value.
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { MAX_PROBLEMS } from '../../../src/kernel/errors';
import { startTestHost, type TestHost } from '../../support/host-client';

let t: TestHost;
let token: string;
beforeAll(async () => {
  t = await startTestHost({ restRateLimit: { limit: 10_000, windowSeconds: 60 } });
  token = (await t.call(DEMO_ACCOUNTS.bob, 'tokens/create', { expiresAt: '2099-12-31' })).token;
});
afterAll(async () => {
  await t.close();
});

const form = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

async function answer(response: Response): Promise<{ status: number; text: string; body: { messages: string[] } }> {
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { messages: string[] } };
}

it('statuses= with 200,000 items is a 400 naming statuses, not a 500', async () => {
  // 400 KB: under the 1 MiB body limit.
  const statuses = Array.from({ length: 200_000 }, () => 'a').join(',');
  const { status, body, text } = await answer(await t.rest('/rest/list', { ...form(`projectKey=SCRUM&statuses=${statuses}`), token }));
  expect(status).toBe(400);
  expect(body.messages).toEqual(['statuses: has 200000 values; at most 1000 are accepted']);
  expect(text.length).toBeLessThan(1000);
});

it('120,000 identical unknown statuses: each problem once, at most MAX_PROBLEMS, a small answer', async () => {
  const same = Array.from({ length: 1000 }, () => 'Nope').join(',');
  const distinct = Array.from({ length: 1000 }, (_, n) => `Nope${n}`).join(',');
  for (const statuses of [same, distinct]) {
    const { status, body, text } = await answer(await t.rest('/rest/list', { ...form(`projectKey=SCRUM&statuses=${statuses}`), token }));
    expect(status).toBe(400);
    expect(new Set(body.messages).size).toBe(body.messages.length);
    expect(body.messages.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
    expect(text.length).toBeLessThan(10_000);
  }
});

it.each([
  ['/rest/whoami', 'GET'],
  ['/rest/calendar', 'GET'],
  ['/rest/calendar/normalHours', 'GET'],
  ['/rest/export/00000000-0000-4000-8000-000000000001', 'GET'],
  ['/rest/export/00000000-0000-4000-8000-000000000001/download', 'GET'],
])('%s refuses an unknown parameter with a 400 naming it', async (path, method) => {
  const { status, body } = await answer(await t.rest(`${path}?bogus=1&tisjwt=${token}`, { method }));
  expect(status).toBe(400);
  expect(body.messages).toEqual([expect.stringMatching(/^bogus: is not a parameter of /)]);
  // Known ones still work.
  expect((await t.rest(`${path.startsWith('/rest/export') ? '/rest/whoami' : path}?tisjwt=${token}`)).status).toBe(200);
});

it('/rest/issue refuses filterType=bogus and any filterType but issue; issue itself is fine', async () => {
  const bogus = await answer(await t.rest('/rest/issue?issueKey=SCRUM-1&filterType=bogus', { token }));
  expect(bogus.status).toBe(400);
  expect(bogus.body.messages[0]).toMatch(/^filterType: /);
  const other = await answer(await t.rest('/rest/issue?issueKey=SCRUM-1&filterType=project', { token }));
  expect(other.status).toBe(400);
  expect(other.body.messages).toEqual(['filterType: this endpoint reports one issue; leave filterType out or give issue']);
  expect((await t.rest('/rest/issue?issueKey=SCRUM-1&filterType=Issue', { token })).status).toBe(200);
});

it('no answer repeats a token or a long value sent in a parameter', async () => {
  const long = 'x'.repeat(5000);
  for (const [name, value] of [
    ['columnsBy', token],
    ['columnsBy', long],
    ['statuses', token],
    ['calendar', token],
    [token, '1'],
    ['outputType', long],
    ['filterType', long],
    ['fields', long],
    ['groupByFields', token],
  ] as const) {
    const query = new URLSearchParams({ projectKey: 'SCRUM', [name]: value });
    const { status, text } = await answer(await t.rest(`/rest/list?${query}`, { token }));
    expect(status).toBe(400);
    expect(text).not.toContain(token.slice(0, 30));
    expect(text).not.toContain('x'.repeat(50));
  }
  const { text } = await answer(await t.rest(`/rest/export/${token}`, { token }));
  expect(text).not.toContain(token.slice(0, 30));
});
