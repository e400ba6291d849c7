// The local host's HTTP layer answers like the web trigger: query names that are members of
// Object.prototype reach the app's handler, and an oversized URL gets the JSON error shape.
import { startTestHost, type TestHost } from '../../support/host-client';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => host.close());

test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('a query parameter named %s gets the app answer, not a host 500', async (name) => {
  const response = await host.rest(`/rest/whoami?${name}=1`);
  expect(response.status).not.toBe(500);
  const body = (await response.json()) as { status: number; message: string; messages: string[] };
  // No token: the app's own handler answers 401 in its error shape.
  expect(response.status).toBe(401);
  expect(body.status).toBe(401);
  expect(Array.isArray(body.messages)).toBe(true);
});

test('a URL over 16 KB gets a 431 with the JSON error shape', async () => {
  const response = await fetch(`${host.host.url}/webtrigger/rest-api/rest/whoami?x=${'a'.repeat(17 * 1024)}`);
  expect(response.status).toBe(431);
  const body = (await response.json()) as { status: number; message: string; messages: string[] };
  expect(body.status).toBe(431);
  expect(body.message).toBe('Request Header Fields Too Large');
  expect(body.messages.join(' ')).toContain('16 KB');
});

test('the 404 body does not repeat the requested path (a token pasted into a path stays out of the answer)', async () => {
  const pasted = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
  const response = await host.rest(`/rest/${pasted}`);
  expect(response.status).toBe(404);
  const text = await response.text();
  expect(text).not.toContain(pasted);
  expect(text).not.toContain('eyJ');
});
