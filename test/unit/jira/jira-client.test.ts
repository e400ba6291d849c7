// The Jira client's in-flight limit: 8 by default, halved when Jira throttles and grown
// back one slot per window of good answers, critical-path requests first. A fake Jira
// that serves only two requests at a time and answers 429 to the rest shows that a
// throttling Jira gets fewer requests from us, not the same burst after each wait.
import { z } from 'zod';
import { AdaptiveLimiter } from '../../../src/jira/adaptive-limiter';
import { createJiraClient } from '../../../src/jira/jira-client';
import type { JiraHttp, JiraHttpResponse } from '../../../src/kernel/ports';
import { fakeRuntime } from '../../support/jira-fakes';

function answer(status: number, body: unknown, headers: Record<string, string> = {}): JiraHttpResponse {
  return { status, headers: new Headers(headers), text: async () => JSON.stringify(body) };
}

/** Serves `capacity` requests at once (each takes a few ms); the rest get 429 with Retry-After 0. */
function narrowJira(capacity: number): JiraHttp & { inFlight: number[]; throttled: number; served: number } {
  let active = 0;
  const jira = {
    inFlight: [] as number[],
    throttled: 0,
    served: 0,
    async fetch(): Promise<JiraHttpResponse> {
      jira.inFlight.push(active + 1);
      if (active >= capacity) {
        jira.throttled += 1;
        return answer(429, { errorMessages: ['Rate limit exceeded.'] }, { 'retry-after': '0' });
      }
      active += 1;
      await new Promise((resolve) => setTimeout(resolve, 3));
      active -= 1;
      jira.served += 1;
      return answer(200, { ok: true });
    },
  };
  return jira;
}

const okSchema = z.object({ ok: z.literal(true) });

describe('the adaptive in-flight limit', () => {
  it('sends at most 8 requests at once by default', async () => {
    const jira = narrowJira(1000);
    const client = createJiraClient(jira, { runtime: fakeRuntime() });
    await Promise.all(Array.from({ length: 40 }, (_, i) => client.get(`/rest/api/3/x/${i}`, okSchema, 'a read')));
    expect(Math.max(...jira.inFlight)).toBe(8);
    expect(jira.served).toBe(40);
  });

  it('backs off when Jira throttles, so Jira sees far fewer refused requests and every read still succeeds', async () => {
    const run = async (limiter: AdaptiveLimiter) => {
      const jira = narrowJira(2);
      const client = createJiraClient(jira, { runtime: fakeRuntime(), limiter, maxAttempts: 10 });
      const results = await Promise.allSettled(Array.from({ length: 64 }, (_, i) => client.get(`/rest/api/3/x/${i}`, okSchema, 'a read')));
      return { throttled: jira.throttled, failed: results.filter((r) => r.status === 'rejected').length };
    };
    // A fixed window of 8 (min = max) keeps sending 8 into a Jira that serves 2.
    const fixed = await run(new AdaptiveLimiter(8, 8));
    const adaptive = new AdaptiveLimiter();
    const backedOff = await run(adaptive);
    expect(fixed.throttled).toBeGreaterThan(100);
    expect(backedOff.failed).toBe(0);
    expect(backedOff.throttled).toBeLessThan(fixed.throttled / 3);
    expect(adaptive.limit()).toBeLessThanOrEqual(4);
  });

  it('grows back one slot per window of good answers once Jira stops throttling', async () => {
    const limiter = new AdaptiveLimiter(8);
    const throttled = await limiter.acquire();
    throttled.release('throttled');
    expect(limiter.limit()).toBe(4);
    for (let i = 0; i < 4; i += 1) (await limiter.acquire()).release('ok');
    expect(limiter.limit()).toBe(5);
    for (let i = 0; i < 200; i += 1) (await limiter.acquire()).release('ok');
    expect(limiter.limit()).toBe(8);
  });

  it('halves once per round trip, not once per refused request of the same burst', async () => {
    const limiter = new AdaptiveLimiter(8);
    const burst = await Promise.all(Array.from({ length: 8 }, () => limiter.acquire()));
    for (const slot of burst) slot.release('throttled');
    expect(limiter.limit()).toBe(4);
    (await limiter.acquire()).release('throttled');
    expect(limiter.limit()).toBe(2);
    (await limiter.acquire()).release('throttled');
    (await limiter.acquire()).release('throttled');
    expect(limiter.limit()).toBe(1);
  });

  it('starts waiting requests in priority order, the critical path first', async () => {
    const limiter = new AdaptiveLimiter(1);
    const first = await limiter.acquire(0);
    const order: string[] = [];
    const waiting = [
      limiter.acquire(3).then((slot) => (order.push('fields'), slot.release('ok'))),
      limiter.acquire(2).then((slot) => (order.push('changelog'), slot.release('ok'))),
      limiter.acquire(0).then((slot) => (order.push('search'), slot.release('ok'))),
      limiter.acquire(1).then((slot) => (order.push('permissions'), slot.release('ok'))),
    ];
    first.release('ok');
    await Promise.all(waiting);
    expect(order).toEqual(['search', 'permissions', 'changelog', 'fields']);
  });

  it('holds a capped priority to its cap while others fill the free slots', async () => {
    const limiter = new AdaptiveLimiter(8, 1, new Map([[2, 2]]));
    const changelogs = await Promise.all([limiter.acquire(2), limiter.acquire(2)]);
    let third = false;
    const waitingChangelog = limiter.acquire(2).then((slot) => ((third = true), slot));
    const fields = await Promise.all(Array.from({ length: 6 }, () => limiter.acquire(3)));
    expect(limiter.peakInFlight()).toBe(8);
    expect(third).toBe(false);
    changelogs[0].release('ok');
    (await waitingChangelog).release('ok');
    expect(third).toBe(true);
    for (const slot of [changelogs[1], ...fields]) slot.release('ok');
  });
});
