// Issue 12: POST /rest/token/rotate. The new text works, the old one stops at once, the
// token id and settings stay, the expiry is the same lifetime again or the one asked for,
// once a minute per token, with an audit event that never holds token text.
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { createAuditRepository } from '../../../src/storage/audit-repository';
import { startTestHost, type TestHost } from '../../support/host-client';
import { openApiValidator, type OpenApiValidator } from './openapi-validator';

const { bob } = DEMO_ACCOUNTS;
const DAY = 86_400_000;
let t: TestHost;
let openapi: OpenApiValidator;
beforeAll(async () => {
  t = await startTestHost();
  openapi = openApiValidator(await (await t.rest('/openapi.json')).json());
});
afterAll(async () => {
  await t.close();
});

interface Rotated {
  token: string;
  tokenId: string;
  expiresAt: string;
}

const rotate = (token: string, body?: string) =>
  t.rest('/rest/token/rotate', { token, method: 'POST', ...(body ? { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}) });

it('hands out a new text for the same token; the old text stops working at once', async () => {
  const created = await t.call(bob, 'tokens/create', { expiresAt: new Date(Date.now() + 30 * DAY).toISOString(), notes: 'ci' });
  const response = await rotate(created.token);
  expect(response.status).toBe(200);
  const rotated = (await response.json()) as Rotated;
  expect(openapi.problems('RotatedToken', rotated)).toBe('');
  expect(rotated.tokenId).toBe(created.tokenInfo.id);
  expect(rotated.token).not.toBe(created.token);
  // The same lifetime again (30 days), from now.
  expect(Math.abs(Date.parse(rotated.expiresAt) - (Date.now() + 30 * DAY))).toBeLessThan(60_000);

  expect((await t.rest('/rest/whoami', { token: created.token })).status).toBe(401);
  expect((await t.rest('/rest/whoami', { token: rotated.token })).status).toBe(200);
  const view = (await t.call(bob, 'tokens/list', {})).tokens.find((candidate) => candidate.id === created.tokenInfo.id);
  expect(view?.notes).toBe('ci');
  expect(view?.expiresAt).toBe(rotated.expiresAt);

  // Once a minute per token.
  const again = await rotate(rotated.token);
  expect(again.status).toBe(429);
  expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await t.rest('/rest/whoami', { token: rotated.token })).status).toBe(200);

  // The audit event records the expiry change and no token text.
  const events = await createAuditRepository(t.host.db).listForToken(created.tokenInfo.id);
  const rotation = events.filter((event) => event.action === 'token.rotated');
  expect(rotation).toHaveLength(1);
  expect(rotation[0]).toMatchObject({
    actorAccountId: bob,
    subjectAccountId: bob,
    ip: '127.0.0.1',
    detail: { changes: { expiresAt: { after: rotated.expiresAt } } },
  });
  const text = JSON.stringify(events);
  expect(text).not.toContain(created.token);
  expect(text).not.toContain(rotated.token);
});

it('takes expiresAt from a form body and refuses a past one or an unknown parameter, naming it', async () => {
  const created = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31' });
  const past = await rotate(created.token, 'expiresAt=2001-01-01');
  expect(past.status).toBe(400);
  expect(JSON.stringify(await past.json())).toContain('expiresAt');
  const unknown = await rotate(created.token, 'lifetime=30');
  expect(unknown.status).toBe(400);
  expect(JSON.stringify(await unknown.json())).toContain('lifetime');
  // Neither refusal rotated the token.
  expect((await t.rest('/rest/whoami', { token: created.token })).status).toBe(200);

  const response = await rotate(created.token, 'expiresAt=2098-06-30');
  expect(response.status).toBe(200);
  expect(((await response.json()) as Rotated).expiresAt).toBe('2098-07-01T00:00:00.000Z');
});

it('is POST only', async () => {
  const created = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31' });
  const response = await t.rest('/rest/token/rotate', { token: created.token });
  expect(response.status).toBe(405);
});
