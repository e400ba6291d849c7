// IP allow-lists, per token and installation-wide, against the local host (which appends the
// socket's address to X-Forwarded-For as Forge's edge does). Requests leave from chosen
// loopback addresses (127.0.0.1 and 127.0.0.2 are both this machine on Linux), so "allowed"
// and "another address" are real sockets, and a client's own X-Forwarded-For entries are
// shown not to pass the list.
import { request as httpRequest } from 'node:http';
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../../support/host-client';

const { alice, bob } = DEMO_ACCOUNTS;
const ALLOWED = '127.0.0.2';
const OTHER = '127.0.0.1';
let t: TestHost;

beforeAll(async () => {
  t = await startTestHost({ restRateLimit: { limit: 10_000, windowSeconds: 60 } });
});
afterAll(async () => {
  await t.close();
});

/** GET /rest/whoami from `from`, with the client's own headers (a forged X-Forwarded-For among them). */
function whoamiFrom(from: string, token: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(`${t.host.url}/webtrigger/rest-api/rest/whoami`);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'GET', localAddress: from, headers: { authorization: `TISJWT ${token}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('a token with an IP allow-list', () => {
  let token: string;
  let tokenId: string;
  beforeAll(async () => {
    const issued = await t.call(alice, 'tokens/create', { expiresAt: '2099-12-31', allowedIps: [`${ALLOWED}`, '2001:db8::/32'] });
    token = issued.token;
    tokenId = issued.tokenInfo.id;
    expect(issued.tokenInfo.allowedIps).toEqual([ALLOWED, '2001:db8::/32']);
  });

  it('works from an allowed address', async () => {
    expect((await whoamiFrom(ALLOWED, token)).status).toBe(200);
  });

  it('is refused from another address with the ordinary 401', async () => {
    const answer = await whoamiFrom(OTHER, token);
    const unknown = await whoamiFrom(OTHER, 'not.a.token');
    expect(answer.status).toBe(401);
    // The same answer as for any other refusal: nothing tells a holder that the address was the problem.
    const untimed = (body: string): string => body.replace(/"time":"[^"]*"/, '"time":"<TIME>"');
    expect(untimed(answer.body)).toBe(untimed(unknown.body));
  });

  it.each([[ALLOWED], [`${ALLOWED}, ${ALLOWED}`], ['10.9.9.9, 127.0.0.2'], ['unknown']])(
    'is refused from another address whatever X-Forwarded-For the client writes (%s)',
    async (forged) => {
      const answer = await whoamiFrom(OTHER, token, { 'x-forwarded-for': forged, forwarded: `for=${ALLOWED}`, 'x-real-ip': ALLOWED });
      expect(answer.status).toBe(401);
    },
  );

  it('records each refusal as a refused use with the address the edge saw, and no use of the token', async () => {
    const before = (await t.call(alice, 'tokens/list', {})).tokens.find((row) => row.id === tokenId)!;
    await whoamiFrom(OTHER, token, { 'x-forwarded-for': ALLOWED });
    const page = await t.call(alice, 'admin/activity/list', { tokenId, pageSize: 50 }, ADMIN_PAGE);
    const refused = page.requests.filter((row) => row.status === 401);
    expect(refused.length).toBeGreaterThanOrEqual(6);
    for (const row of refused) expect(row).toMatchObject({ refusal: 'IP', clientIp: OTHER, endpoint: '/rest/whoami', ownerAccountId: alice });
    const allowed = page.requests.filter((row) => row.status === 200);
    expect(allowed.map((row) => row.clientIp)).toEqual([ALLOWED]);
    const after = (await t.call(alice, 'tokens/list', {})).tokens.find((row) => row.id === tokenId)!;
    expect(after.lastUsedIp).toBe(before.lastUsedIp);
    expect(after.lastUsedIp).toBe(ALLOWED);
  });

  it('follows an edit: a CIDR range that holds both addresses, then no list at all', async () => {
    await t.call(alice, 'tokens/update', { id: tokenId, allowedIps: ['127.0.0.0/30'] });
    expect((await whoamiFrom(OTHER, token)).status).toBe(200);
    await t.call(alice, 'tokens/update', { id: tokenId, allowedIps: ['127.0.0.4/30'] });
    expect((await whoamiFrom(ALLOWED, token)).status).toBe(401);
    await t.call(alice, 'tokens/update', { id: tokenId, allowedIps: [] });
    expect((await whoamiFrom(OTHER, token)).status).toBe(200);
  });
});

describe('restriction input', () => {
  it('names every bad line at once and creates nothing', async () => {
    const count = (await t.call(bob, 'tokens/list', {})).tokens.length;
    const result = await t.invoke(bob, 'tokens/create', {
      expiresAt: '2099-12-31',
      allowedIps: ['203.0.113.7', 'not-an-ip', '', '10.0.0.1/8', '2001:db8::/129', '0x7f.1'],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_REQUEST');
    const messages = (result.error.issues ?? []).map((issue) => `${issue.field}: ${issue.message}`);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(/^allowedIps: line 2 'not-an-ip' is not an IPv4 or IPv6 address/);
    expect(messages[1]).toMatch(/^allowedIps: line 4 '10\.0\.0\.1\/8' has host bits set; the range is 10\.0\.0\.0\/8/);
    expect(messages[2]).toMatch(/^allowedIps: line 5 .* prefix outside 0\.\.128/);
    expect(messages[3]).toMatch(/^allowedIps: line 6 '0x7f\.1'/);
    expect((await t.call(bob, 'tokens/list', {})).tokens).toHaveLength(count);
  });

  it('keeps lines in canonical form, without duplicates', async () => {
    const issued = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31', allowedIps: [' 2001:DB8:0:0::1 ', '2001:db8::1', '198.51.100.0/24'] });
    expect(issued.tokenInfo.allowedIps).toEqual(['2001:db8::1', '198.51.100.0/24']);
  });
});

describe('the installation-wide IP allow-list', () => {
  afterAll(async () => {
    await t.call(alice, 'admin/ip-allowlist/update', { allowedIps: [] }, ADMIN_PAGE);
  });

  it('is for Jira admins only, to read and to change', async () => {
    expect(await t.invoke(bob, 'admin/ip-allowlist/get', {}, ADMIN_PAGE)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.invoke(bob, 'admin/ip-allowlist/update', { allowedIps: ['127.0.0.1'] }, ADMIN_PAGE)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await t.call(alice, 'admin/ip-allowlist/get', {}, ADMIN_PAGE)).allowedIps).toEqual([]);
  });

  it('applies to every token on top of its own list, and names bad lines', async () => {
    const plain = (await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31' })).token;
    expect((await whoamiFrom(OTHER, plain)).status).toBe(200);

    const bad = await t.invoke(alice, 'admin/ip-allowlist/update', { allowedIps: ['127.0.0.2', 'localhost'] }, ADMIN_PAGE);
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'allowedIps' } });
    if (!bad.ok) expect(bad.error.message).toContain("line 2 'localhost'");

    const saved = await t.call(alice, 'admin/ip-allowlist/update', { allowedIps: [`${ALLOWED}/32`] }, ADMIN_PAGE);
    expect(saved).toMatchObject({ allowedIps: [`${ALLOWED}/32`], updatedBy: alice });
    expect(await t.call(alice, 'admin/ip-allowlist/get', {}, ADMIN_PAGE)).toEqual(saved);
    expect((await whoamiFrom(ALLOWED, plain)).status).toBe(200);
    expect((await whoamiFrom(OTHER, plain, { 'x-forwarded-for': ALLOWED })).status).toBe(401);

    // A token whose own list excludes the allowed address stays refused there.
    const ownList = (await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31', allowedIps: ['198.51.100.0/24'] })).token;
    expect((await whoamiFrom(ALLOWED, ownList)).status).toBe(401);

    await t.call(alice, 'admin/ip-allowlist/update', { allowedIps: [] }, ADMIN_PAGE);
    expect((await whoamiFrom(OTHER, plain)).status).toBe(200);

    // Each change is in the audit log, and the audit tab's type filter can pick it.
    const changes = await t.call(alice, 'admin/audit/list', { types: ['ip-allowlist.updated'] }, ADMIN_PAGE);
    expect(changes.events.length).toBeGreaterThanOrEqual(2);
    expect(changes.events.every((event) => event.type === 'ip-allowlist.updated' && event.actorAccountId === alice)).toBe(true);
  });
});
