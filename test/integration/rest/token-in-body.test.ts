// The token in a form-encoded POST body (public clients post `tisjwt=` to /rest/list2), and
// the order when several are sent: Authorization header, then query string, then body.
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { startTestHost, type TestHost } from '../../support/host-client';

const { alice } = DEMO_ACCOUNTS;
let t: TestHost;
let token: string;

beforeAll(async () => {
  t = await startTestHost({ restRateLimit: { limit: 1000, windowSeconds: 60 } });
  token = (await t.call(alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
});
afterAll(async () => {
  await t.close();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  t.rest(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });

describe('tisjwt in a form-encoded POST body', () => {
  it.each(['/rest/list2', '/rest/list'])('%s accepts the token in the body and does not echo it', async (path) => {
    const response = await post(path, `projectKey=SCRUM&columnsBy=statusDuration&tisjwt=${encodeURIComponent(token)}`);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(token);
  });

  it('a body sent as text/plain (fetch without a content type) is read as a form', async () => {
    const response = await t.rest('/rest/list2', { method: 'POST', body: `projectKey=SCRUM&tisjwt=${token}` });
    expect(response.status).toBe(200);
  });

  it('the header wins over query and body; the query wins over the body', async () => {
    const headerWrong = await post(`/rest/list2?tisjwt=${token}`, `projectKey=SCRUM&tisjwt=${token}`, { authorization: 'TISJWT not.a.token' });
    expect(headerWrong.status).toBe(401);
    const queryWrong = await post('/rest/list2?tisjwt=not.a.token', `projectKey=SCRUM&tisjwt=${token}`);
    expect(queryWrong.status).toBe(401);
    const bodyWrong = await post(`/rest/list2?tisjwt=${token}`, 'projectKey=SCRUM&tisjwt=not.a.token');
    expect(bodyWrong.status).toBe(200);
  });

  it('a JSON body is not searched for the token (only form bodies are)', async () => {
    const response = await t.rest('/rest/list2', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ projectKey: 'SCRUM', tisjwt: token }),
    });
    expect(response.status).toBe(401);
  });

  it('POST /rest/export takes the body token and never stores or echoes it', async () => {
    const response = await post('/rest/export', `customjql=${encodeURIComponent('project = SCRUM')}&tisjwt=${token}`);
    const text = await response.text();
    expect(response.status).toBeLessThan(300);
    expect(text).not.toContain(token);
    const list = await t.rest('/rest/list2', { method: 'POST', body: `projectKey=SCRUM&tisjwt=${token}&bad=1` });
    expect(list.status).toBe(400);
    expect(await list.text()).not.toContain(token);
  });
});
