// Limits under concurrency on the local host (issue 16, item 3): 200 simultaneous
// /rest/list calls on one token admit exactly the rate limit, 10 simultaneous POST
// /rest/export by one user queue exactly the running-export limit, and simultaneous
// tokens/create stop at the 50-token cap. Each admission is one statement in SQL.
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { DEFAULT_RATE_LIMIT } from '../../../src/rest/rest-activity';
import { DEFAULT_EXPORT_SETTINGS } from '../../../src/reporting/export-jobs/export-service';
import { DEFAULT_POLICY } from '../../../src/contract/policy';
import { startTestHost, type TestHost } from '../../support/host-client';

const MAX_TOKENS_PER_USER = DEFAULT_POLICY.maxActiveTokensPerUser;

const { alice, bob, carol } = DEMO_ACCOUNTS;
// One instant for the whole suite, in the middle of a rate window: a window boundary
// passing during the burst would rightly admit more.
const NOW = Date.UTC(2026, 11, 3, 10, 0, 30);

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost({
    clock: { now: () => NOW },
    // Exports stay queued: the first page meets a throttled Jira and waits an hour.
    exportSettings: { softMs: 0, hardMs: 200, retryDelaySeconds: 3600 },
  });
});
afterAll(async () => {
  await t.close();
});

const countOf = (statuses: number[], status: number): number => statuses.filter((s) => s === status).length;

it(`200 simultaneous /rest/list calls on one token: exactly ${DEFAULT_RATE_LIMIT.limit} admitted, the rest 429`, async () => {
  const { token } = await t.call(bob, 'tokens/create', { expiresAt: '2099-12-31' });
  const query = new URLSearchParams({ filterType: 'customjql', customjql: 'key = SCRUM-1' });
  const statuses = await Promise.all(Array.from({ length: 200 }, async () => (await t.rest(`/rest/list?${query}`, { token })).status));
  expect(countOf(statuses, 200)).toBe(DEFAULT_RATE_LIMIT.limit);
  expect(countOf(statuses, 429)).toBe(200 - DEFAULT_RATE_LIMIT.limit);
}, 60_000);

it(`10 simultaneous POST /rest/export by one user: exactly ${DEFAULT_EXPORT_SETTINGS.maxUnfinishedPerOwner} queued, the rest 429`, async () => {
  const { token } = await t.call(alice, 'tokens/create', { expiresAt: '2099-12-31' });
  t.host.emulator!.setFaults({ rateLimit: { count: 1_000_000, retryAfterSeconds: 3600 }, pathPrefix: '/rest/api/3/search' });
  try {
    const body = new URLSearchParams({ filterType: 'customjql', customjql: 'project = SCRUM' }).toString();
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const response = await t.rest('/rest/export', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, token });
        return response.status;
      }),
    );
    expect(countOf(statuses, 202)).toBe(DEFAULT_EXPORT_SETTINGS.maxUnfinishedPerOwner);
    expect(countOf(statuses, 429)).toBe(10 - DEFAULT_EXPORT_SETTINGS.maxUnfinishedPerOwner);
  } finally {
    t.host.emulator!.setFaults({});
  }
}, 60_000);

it(`60 simultaneous tokens/create: exactly ${MAX_TOKENS_PER_USER} tokens, the rest refused`, async () => {
  const results = await Promise.all(Array.from({ length: 60 }, () => t.invoke(carol, 'tokens/create', { expiresAt: '2099-12-31' })));
  expect(results.filter((r) => r.ok)).toHaveLength(MAX_TOKENS_PER_USER);
  const refused = results.flatMap((r) => (r.ok ? [] : [r.error]));
  expect(refused).toHaveLength(60 - MAX_TOKENS_PER_USER);
  for (const error of refused)
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`already have ${MAX_TOKENS_PER_USER} tokens`) });
  expect((await t.call(carol, 'tokens/list', {})).tokens).toHaveLength(MAX_TOKENS_PER_USER);
}, 60_000);
