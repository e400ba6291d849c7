// Issue 14: the report example the show-once dialog offers must answer 200 as pasted, on any
// site (no project key only some sites have).
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { curlExample, reportUrl } from '../../../static/src/user-page/rest-examples';
import { startTestHost, type TestHost } from '../../support/host-client';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(async () => {
  await t.close();
});

it('the curl example of the show-once dialog answers 200 with CSV rows, as pasted', async () => {
  const { token } = await t.call(DEMO_ACCOUNTS.bob, 'tokens/create', { expiresAt: '2099-12-31' });
  const base = `${t.host.url}/webtrigger/rest-api`;
  const example = curlExample(base, token);
  // The URL exactly as the example quotes it.
  const url = /"(https?:\/\/[^"]+)"/.exec(example)?.[1];
  expect(url).toBe(reportUrl(base));
  const response = await fetch(url!, { headers: { Authorization: `TISJWT ${token}` } });
  expect(response.status).toBe(200);
  const csv = await response.text();
  expect(csv.trim().split('\n').length).toBeGreaterThan(1);
});
