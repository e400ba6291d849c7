// The token lifecycle end to end on the local host: resolvers through POST /__forge/invoke
// exactly as the bridge calls them, the web trigger through HTTP, the Jira emulator for
// users and permissions, SQLite for storage.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_INSTALLATION } from '../../dev/host/local-composition';
import { DEMO_ACCOUNTS } from '../../dev/jira-emulator';
import { toResolverError } from '../../src/entry/resolvers/define';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../support/host-client';
import { APP_VERSION } from '../../src/kernel/app-version';
import { ERROR_TIME, UNAUTHORIZED_BODY } from '../support/refusal-body';

const UNAUTHORIZED = UNAUTHORIZED_BODY;

const { alice, bob, carol, dave } = DEMO_ACCOUNTS;
const PAST = '2020-01-01T00:00:00Z';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(async () => {
  await t.close();
});

async function whoamiStatus(token: string): Promise<number> {
  return (await t.rest('/rest/whoami', { token })).status;
}

describe('token lifecycle', () => {
  it('a created token authenticates until it is deactivated, expired or deleted', async () => {
    const { token, tokenInfo } = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31', notes: 'Power BI' });
    expect(tokenInfo).toMatchObject({ ownerAccountId: bob, ownerDisplayName: 'Bob Builder', active: true, notes: 'Power BI', useCount: 0, lastUsedAt: null });
    expect(tokenInfo.expiresAt).toBe('2100-01-01T00:00:00.000Z');

    const whoami = await t.rest('/rest/whoami', { token });
    expect(whoami.status).toBe(200);
    expect(await whoami.json()).toEqual({ accountId: bob, displayName: 'Bob Builder', tokenId: tokenInfo.id, expiresAt: '2100-01-01T00:00:00.000Z' });

    await t.call(bob, 'tokens/update', { id: tokenInfo.id, active: false });
    expect(await whoamiStatus(token)).toBe(401);
    await t.call(bob, 'tokens/update', { id: tokenInfo.id, active: true });
    expect(await whoamiStatus(token)).toBe(200);

    const expired = await t.call(bob, 'tokens/update', { id: tokenInfo.id, expiresAt: PAST });
    expect(expired.expired).toBe(true);
    const expiredResponse = await t.rest('/rest/whoami', { token });
    expect(expiredResponse.status).toBe(401);
    expect(await expiredResponse.json()).toEqual(UNAUTHORIZED);
    await t.call(bob, 'tokens/update', { id: tokenInfo.id, expiresAt: '2099-12-31T23:59:59Z' });
    expect(await whoamiStatus(token)).toBe(200);

    await t.call(bob, 'tokens/delete', { id: tokenInfo.id });
    expect(await whoamiStatus(token)).toBe(401);
    expect((await t.call(bob, 'tokens/list', {})).tokens.map((view) => view.id)).not.toContain(tokenInfo.id);
  });

  it('accepts the token as TISJWT or Bearer in any case, or as ?tisjwt=, and refuses a missing one', async () => {
    const { token } = await t.call(carol, 'tokens/create', { expiresAt: '2099-12-31' });
    for (const authorization of [`TISJWT ${token}`, `tisjwt ${token}`, `Bearer ${token}`, `bearer ${token}`]) {
      expect((await t.rest('/rest/whoami', { headers: { authorization } })).status).toBe(200);
    }
    expect((await t.rest(`/rest/whoami?tisjwt=${encodeURIComponent(token)}`)).status).toBe(200);
    const missing = await t.rest('/rest/whoami');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual(UNAUTHORIZED);
    expect((await t.rest('/rest/whoami', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('refuses forged, altered and foreign tokens', async () => {
    const { token } = await t.call(carol, 'tokens/create', { expiresAt: '2099-12-31' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const otherUser = Buffer.from(JSON.stringify({ ...claims, sub: alice })).toString('base64url');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    for (const bad of [flipped, `${header}.${otherUser}.${signature}`, none, 'not-a-token', `${token}x`, 'a'.repeat(5000)]) {
      const response = await t.rest('/rest/whoami', { token: bad });
      expect(response.status).toBe(401);
      const body = await response.text();
      expect(body).not.toContain(bad.slice(0, 40));
    }
  });

  it('refuses the token of a user Jira has deactivated', async () => {
    // Dave may no longer call resolvers, so his token is issued through the service directly,
    // as if it had been created before Jira deactivated him.
    const { token } = await t.host.services.tokens.create({ accountId: dave, installationId: LOCAL_INSTALLATION }, { expiresAt: '2099-12-31' });
    const response = await t.rest('/rest/whoami', { token });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { messages: string[] }).messages).toEqual(['tisjwt is required for authentication.']);
  });

  it('records last use (time, IP, count) on the token', async () => {
    const { token, tokenInfo } = await t.call(carol, 'tokens/create', { expiresAt: '2099-12-31', notes: 'usage' });
    await t.rest('/rest/whoami', { token });
    await t.rest('/rest/whoami', { token });
    const view = (await t.call(carol, 'tokens/list', {})).tokens.find((candidate) => candidate.id === tokenInfo.id);
    expect(view?.lastUsedAt).not.toBeNull();
    expect(view?.lastUsedIp).toBe('127.0.0.1');
    // The second use within a minute is counted in memory, not written: one write so far.
    expect(view?.useCount).toBe(1);
  });

  it('records the address the edge saw, not one the client wrote into X-Forwarded-For', async () => {
    const { token, tokenInfo } = await t.call(carol, 'tokens/create', { expiresAt: '2099-12-31', notes: 'forged' });
    const response = await t.rest('/rest/whoami', { token, headers: { 'X-Forwarded-For': '203.0.113.66' } });
    expect(response.status).toBe(200);
    const view = (await t.call(carol, 'tokens/list', {})).tokens.find((candidate) => candidate.id === tokenInfo.id);
    expect(view?.lastUsedIp).toBe('127.0.0.1');
  });

  it('regenerates: the old text stops working, the new one works, settings stay', async () => {
    const first = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31', notes: 'excel' });
    const second = await t.call(bob, 'tokens/regenerate', { id: first.tokenInfo.id });
    expect(second.token).not.toBe(first.token);
    expect(second.tokenInfo).toMatchObject({ id: first.tokenInfo.id, notes: 'excel', expiresAt: first.tokenInfo.expiresAt });
    expect(await whoamiStatus(first.token)).toBe(401);
    expect(await whoamiStatus(second.token)).toBe(200);
  });
});

describe('concurrent regeneration (issue 16 item 4)', () => {
  it('lets exactly one of 10 simultaneous regenerations succeed; the others get CONFLICT and the winner works', async () => {
    const { tokenInfo } = await t.call(carol, 'tokens/create', { expiresAt: '2099-12-31', notes: 'race' });
    // Straight to the service: the host's HTTP layer would let one call finish before the next
    // starts, and sequential regenerations all rightly succeed.
    const caller = { accountId: carol, installationId: LOCAL_INSTALLATION };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.host.services.tokens.regenerate(caller, { id: tokenInfo.id }).then(
          (data) => ({ ok: true as const, data }),
          (error: unknown) => ({ ok: false as const, error: toResolverError(error) }),
        ),
      ),
    );
    const winners = results.flatMap((result) => (result.ok ? [result.data] : []));
    expect(winners).toHaveLength(1);
    for (const result of results.filter((candidate) => !candidate.ok)) {
      expect(result).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: 'The token was regenerated concurrently by another request; reload the page to see its current state.' },
      });
    }
    expect(await whoamiStatus(winners[0]?.token ?? '')).toBe(200);
  });
});

describe('who may do what', () => {
  it('lets only the owner see, edit, regenerate and delete a token', async () => {
    const { tokenInfo } = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31' });
    expect((await t.call(carol, 'tokens/list', {})).tokens.map((view) => view.id)).not.toContain(tokenInfo.id);
    for (const [key, payload] of [
      ['tokens/update', { id: tokenInfo.id, active: false }],
      ['tokens/regenerate', { id: tokenInfo.id }],
      ['tokens/delete', { id: tokenInfo.id }],
    ] as const) {
      const result = await t.invoke(carol, key, payload);
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND', field: 'id' }) });
    }
    expect((await t.call(bob, 'tokens/list', {})).tokens.find((view) => view.id === tokenInfo.id)?.active).toBe(true);
  });

  it('creates tokens only for the caller, whatever the payload says', async () => {
    const result = await t.invoke(carol, 'tokens/create', { expiresAt: '2099-12-31', ownerAccountId: bob });
    expect(result).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown field "ownerAccountId".', field: 'ownerAccountId' } });
  });

  it('lets a Jira admin list, deactivate and delete anyone’s token, from any page', async () => {
    const { token, tokenInfo } = await t.call(carol, 'tokens/create', { expiresAt: '2099-12-31', notes: 'governed' });
    const page = await t.call(alice, 'admin/tokens/list', { accountIds: [carol], notesContains: 'GOVERNED' }, ADMIN_PAGE);
    expect(page.tokens.map((view) => view.id)).toEqual([tokenInfo.id]);
    expect(page).toMatchObject({ page: 1, total: 1 });
    await t.call(alice, 'admin/tokens/set-active', { id: tokenInfo.id, active: false }, ADMIN_PAGE);
    expect(await whoamiStatus(token)).toBe(401);
    await t.call(alice, 'admin/tokens/set-active', { id: tokenInfo.id, active: true });
    expect(await whoamiStatus(token)).toBe(200);
    await t.call(alice, 'admin/tokens/delete', { id: tokenInfo.id });
    expect(await whoamiStatus(token)).toBe(401);
  });

  it('refuses admin calls from ordinary users, even from the admin page', async () => {
    const { tokenInfo } = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31' });
    for (const [key, payload] of [
      ['admin/tokens/list', {}],
      ['admin/tokens/set-active', { id: tokenInfo.id, active: false }],
      ['admin/tokens/delete', { id: tokenInfo.id }],
    ] as const) {
      const result = await t.invoke(carol, key, payload, ADMIN_PAGE);
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    }
    expect((await t.call(bob, 'tokens/list', {})).tokens.find((view) => view.id === tokenInfo.id)?.active).toBe(true);
  });

  it('pages the admin list', async () => {
    for (let i = 0; i < 3; i += 1) await t.call(alice, 'tokens/create', { expiresAt: '2099-12-31', notes: `paging-${i}` });
    const first = await t.call(alice, 'admin/tokens/list', { notesContains: 'paging-', pageSize: 2 });
    const second = await t.call(alice, 'admin/tokens/list', { notesContains: 'paging-', pageSize: 2, page: 2 });
    expect(first.total).toBe(3);
    expect(first.tokens).toHaveLength(2);
    expect(second.tokens).toHaveLength(1);
    expect(new Set([...first.tokens, ...second.tokens].map((view) => view.id)).size).toBe(3);
  });
});

describe('bad input', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['an expiry that is not a date', { expiresAt: 'next year' }, 'expiresAt'],
    ['an impossible date', { expiresAt: '2030-02-30' }, 'expiresAt'],
    ['a date-time without an offset', { expiresAt: '2030-01-01T10:00' }, 'expiresAt'],
    ['notes over the limit', { expiresAt: '2099-12-31', notes: 'n'.repeat(501) }, 'notes'],
    ['notes of the wrong type', { expiresAt: '2099-12-31', notes: 42 }, 'notes'],
    ['an expiry in the past', { expiresAt: PAST }, 'expiresAt'],
  ];
  it.each(cases)('refuses %s, naming the field, and writes nothing', async (_, payload, field) => {
    const before = (await t.call(carol, 'tokens/list', {})).tokens.length;
    const result = await t.invoke(carol, 'tokens/create', payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_REQUEST');
      expect(result.error.field).toBe(field);
      expect(result.error.message).toContain(field);
    }
    expect((await t.call(carol, 'tokens/list', {})).tokens.length).toBe(before);
  });

  it('refuses an update with no change, an unknown id and a malformed id', async () => {
    const { tokenInfo } = await t.call(carol, 'tokens/create', { expiresAt: '2099-12-31' });
    expect(await t.invoke(carol, 'tokens/update', { id: tokenInfo.id })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await t.invoke(carol, 'tokens/update', { id: '00000000-0000-4000-8000-000000000000', active: false })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await t.invoke(carol, 'tokens/update', { id: 'abc', active: false })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'id' } });
    expect(await t.invoke(carol, 'tokens/update', { id: tokenInfo.id, active: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'active' },
    });
  });

  it('refuses a call with no signed-in user', async () => {
    const response = await fetch(`${t.host.url}/__forge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ functionKey: 'tokens/list', payload: {}, accountId: '', moduleKey: 'status-clock-user-page' }),
    });
    expect(response.status).toBe(400);
  });
});

describe('secrets stay secret', () => {
  it('never stores the token text, only its hash', async () => {
    const { token } = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31', notes: 'hash only' });
    const signature = token.split('.')[2] ?? '';
    for (const file of readdirSync(t.dataDir)) {
      const content = readFileSync(join(t.dataDir, file)).toString('latin1');
      expect(content).not.toContain(signature);
    }
  });
});

describe('one 401 body for every refusal (issue 16 item 8)', () => {
  it('answers the same body for a missing, malformed, forged, deactivated, expired and deleted token', async () => {
    const t2 = await startTestHost();
    try {
      const bodies = new Set<string>();
      const note = async (token?: string) => {
        const response = await t2.rest('/rest/whoami', token ? { token } : {});
        expect(response.status).toBe(401);
        // `time` is when the answer was written; everything else must be the same for every refusal.
        const { time, ...rest } = (await response.json()) as Record<string, unknown>;
        expect(time).toMatch(ERROR_TIME);
        bodies.add(JSON.stringify(rest));
      };
      const live = await t2.call(DEMO_ACCOUNTS.bob, 'tokens/create', { expiresAt: '2099-12-31' });
      await note();
      await note('not-a-token');
      await note(`${live.token.slice(0, -4)}AAAA`);
      await t2.call(DEMO_ACCOUNTS.bob, 'tokens/update', { id: live.tokenInfo.id, active: false });
      await note(live.token);
      await t2.call(DEMO_ACCOUNTS.bob, 'tokens/update', { id: live.tokenInfo.id, active: true, expiresAt: '2001-01-01' });
      await note(live.token);
      await t2.call(DEMO_ACCOUNTS.bob, 'tokens/delete', { id: live.tokenInfo.id });
      await note(live.token);
      expect([...bodies]).toEqual([
        JSON.stringify({ status: 401, message: 'Unauthorized access', messages: ['tisjwt is required for authentication.'], pluginVersion: APP_VERSION }),
      ]);
    } finally {
      await t2.close();
    }
  });
});
