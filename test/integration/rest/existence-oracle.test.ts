// Issue 16, item 5: for an ordinary user, a JQL naming an issue that exists but is hidden
// from them and one naming an issue that does not exist get the same answer (status and
// body, and the Jira requests that set the response time), alone or in a list with a
// visible issue; a visible key still reports.
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { startTestHost, type TestHost } from '../../support/host-client';

let t: TestHost;
let token: string;
let hiddenKey: string;
let visibleKey: string;
beforeAll(async () => {
  t = await startTestHost({ restRateLimit: { limit: 10_000, windowSeconds: 60 } });
  // Carol is in no group that may browse SEC.
  token = (await t.call(DEMO_ACCOUNTS.carol, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  const issues = t.host.emulator!.dataset.issues;
  hiddenKey = issues.find((i) => i.projectKey === 'SEC')!.key;
  visibleKey = issues.find((i) => i.projectKey === 'SCRUM' && i.securityLevelId === null)!.key;
  // Warm the owner and status caches, so the calls compared below differ only in their keys.
  expect((await answerTo(`key = ${visibleKey}`)).status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

async function answerTo(jql: string): Promise<{ status: number; body: string; jiraRequests: number }> {
  const before = t.host.emulator!.requestCount();
  const response = await t.rest(`/rest/list?${new URLSearchParams({ customjql: jql, outputType: 'jsonSimplified' })}`, { token });
  const body = await response.text();
  return { status: response.status, body, jiraRequests: t.host.emulator!.requestCount() - before };
}

/** The body with the key it names replaced, to compare the two answers' shapes. */
// The key masked, and the error body's time: two answers a second apart must still compare equal.
const withoutKey = (body: string, key: string): string =>
  body
    .split(key)
    .join('<KEY>')
    .replace(/"time":"[^"]*"/, '"time":"<TIME>"');

it('key = <hidden> and key = <missing> are indistinguishable', async () => {
  const missingKey = 'SEC-999999';
  const hidden = await answerTo(`key = ${hiddenKey}`);
  const missing = await answerTo(`key = ${missingKey}`);
  expect(hidden.status).toBe(400);
  expect(missing.status).toBe(hidden.status);
  expect(withoutKey(missing.body, missingKey)).toBe(withoutKey(hidden.body, hiddenKey));
  expect(hidden.body).toContain('does not exist or the token owner may not browse it');
  // Timing follows the Jira requests made: the same requests, the same time (within noise;
  // `npm run bench` shows both medians).
  expect(missing.jiraRequests).toBe(hidden.jiraRequests);
});

it('in a list with a visible issue, hidden and missing keys still answer alike; a visible key alone reports', async () => {
  const hidden = await answerTo(`key in (${visibleKey}, ${hiddenKey}) ORDER BY key`);
  const missing = await answerTo(`key in (${visibleKey}, SEC-999999) ORDER BY key`);
  expect(missing.status).toBe(hidden.status);
  expect(withoutKey(missing.body, 'SEC-999999')).toBe(withoutKey(hidden.body, hiddenKey));
  expect(missing.jiraRequests).toBe(hidden.jiraRequests);
  const visible = await answerTo(`issuekey = "${visibleKey}"`);
  expect(visible.status).toBe(200);
  expect(visible.body).toContain(visibleKey);
});
