// The REST request log on every database: append, the activity listing newest first
// with paging, pruning.
import { createRestRequestRepository } from '../../../src/storage/rest-request-repository';
import { storageTargets, type OpenedStorage } from '../../support/storage-targets';

const T0 = Date.UTC(2026, 10, 1);
const TOKEN_A = '00000000-0000-4000-8000-00000000000a';
const TOKEN_B = '00000000-0000-4000-8000-00000000000b';

describe.each(storageTargets)('rest request log on $name', (target) => {
  let storage: OpenedStorage;
  beforeAll(async () => {
    storage = await target.open();
  });
  afterAll(async () => {
    await storage.close();
  });

  it('appends, lists newest first and prunes', async () => {
    const log = createRestRequestRepository(storage.db);
    const base = { accountId: 'owner-a', endpoint: '/rest/list', method: 'GET', issueCount: 10, durationMs: 1234 };
    await log.append({ ...base, at: T0, tokenId: TOKEN_A, status: 200 });
    await log.append({ ...base, at: T0 + 1000, tokenId: TOKEN_A, status: 400, issueCount: 0 });
    await log.append({ ...base, at: T0 + 2000, tokenId: TOKEN_A, status: 429, issueCount: 0 });
    await log.append({ ...base, at: T0 + 3000, tokenId: TOKEN_B, status: 200, endpoint: '/rest/export/{id}' });

    const all = await log.list({ offset: 0, limit: 2 });
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.at)).toEqual([T0 + 3000, T0 + 2000]);
    expect(all.rows[0]).toMatchObject({
      tokenId: TOKEN_B,
      endpoint: '/rest/export/{id}',
      status: 200,
      issueCount: 10,
      durationMs: 1234,
      accountId: 'owner-a',
      method: 'GET',
    });
    const onlyA = await log.list({ tokenId: TOKEN_A, offset: 1, limit: 10 });
    expect(onlyA.total).toBe(3);
    expect(onlyA.rows.map((r) => r.status)).toEqual([400, 200]);

    // A refused use (a known token from outside its allow-list) keeps its address, reason and
    // message (which check failed; refused uses never reach the rate limit: admission follows
    // verification). A failure's message is kept to the column's 500 characters.
    const reason = 'The request came from an address outside the IP allow-list.';
    await log.append({ ...base, at: T0 + 4000, tokenId: TOKEN_B, status: 401, issueCount: 0, clientIp: '198.51.100.9', refusal: 'IP', message: reason });
    expect((await log.list({ tokenId: TOKEN_B, offset: 0, limit: 1 })).rows[0]).toMatchObject({
      status: 401,
      clientIp: '198.51.100.9',
      refusal: 'IP',
      message: reason,
    });
    expect((await log.list({ tokenId: TOKEN_A, offset: 0, limit: 1 })).rows[0]).toMatchObject({ clientIp: null, refusal: null, message: null });
    await log.append({ ...base, at: T0 + 5000, tokenId: TOKEN_A, status: 400, issueCount: 0, message: `pageSize: ${'é'.repeat(600)}` });
    expect((await log.list({ tokenId: TOKEN_A, offset: 0, limit: 1 })).rows[0]?.message).toBe(`pageSize: ${'é'.repeat(490)}`);
    expect(await log.deleteBefore(T0 + 1500)).toBe(2);
    expect((await log.list({ offset: 0, limit: 10 })).total).toBe(4);
  });
});
