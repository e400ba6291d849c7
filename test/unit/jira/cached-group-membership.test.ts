import { cachedGroupDirectory, GROUP_MEMBERSHIP_FRESH_MS, GROUP_MEMBERSHIP_STALE_LIMIT_MS, type GroupDirectory } from '../../../src/jira';

function directory(groups: Record<string, string[]>) {
  const calls: string[] = [];
  let failing = false;
  const inner: GroupDirectory = {
    async groupsOf(accountId) {
      calls.push(accountId);
      if (failing) throw new Error('Jira unreachable');
      return new Set(groups[accountId] ?? []);
    },
    search: async () => [],
  };
  return { inner, calls, groups, fail: (value: boolean) => (failing = value) };
}

describe('cached group membership (the token policy)', () => {
  it('is at most 5 minutes fresh', () => {
    expect(GROUP_MEMBERSHIP_FRESH_MS).toBeLessThanOrEqual(5 * 60_000);
  });

  it('answers from the cache while fresh, then asks Jira again and sees a removal', async () => {
    let now = 1_000;
    const jira = directory({ bob: ['security-team'] });
    const cached = cachedGroupDirectory(jira.inner, { now: () => now });
    expect([...(await cached.groupsOf('bob'))]).toEqual(['security-team']);
    jira.groups.bob = [];
    now += GROUP_MEMBERSHIP_FRESH_MS - 1;
    expect([...(await cached.groupsOf('bob'))]).toEqual(['security-team']);
    expect(jira.calls).toHaveLength(1);
    now += 1;
    expect([...(await cached.groupsOf('bob'))]).toEqual([]);
    expect(jira.calls).toHaveLength(2);
  });

  it('shares one Jira call between concurrent cold lookups of an account', async () => {
    const jira = directory({ bob: ['a'] });
    const cached = cachedGroupDirectory(jira.inner, { now: () => 0 });
    await Promise.all([cached.groupsOf('bob'), cached.groupsOf('bob'), cached.groupsOf('bob')]);
    expect(jira.calls).toEqual(['bob']);
  });

  it('does not cache a failure', async () => {
    const jira = directory({ bob: ['a'] });
    const cached = cachedGroupDirectory(jira.inner, { now: () => 0 });
    jira.fail(true);
    await expect(cached.groupsOf('bob')).rejects.toThrow('Jira unreachable');
    jira.fail(false);
    expect([...(await cached.groupsOf('bob'))]).toEqual(['a']);
  });

  it('uses an answer up to the stale limit old when Jira fails, and rethrows when it has none or it is too old', async () => {
    let now = 0;
    const jira = directory({ bob: ['security-team'] });
    const cached = cachedGroupDirectory(jira.inner, { now: () => now });
    await cached.groupsOf('bob');
    jira.fail(true);
    now += GROUP_MEMBERSHIP_FRESH_MS;
    expect([...(await cached.groupsOf('bob'))]).toEqual(['security-team']);
    now = GROUP_MEMBERSHIP_STALE_LIMIT_MS - 1;
    expect([...(await cached.groupsOf('bob'))]).toEqual(['security-team']);
    await expect(cached.groupsOf('carol')).rejects.toThrow('Jira unreachable');
    now = GROUP_MEMBERSHIP_STALE_LIMIT_MS;
    await expect(cached.groupsOf('bob')).rejects.toThrow('Jira unreachable');
    // Jira back: a fresh answer again, kept from now on.
    jira.fail(false);
    jira.groups.bob = [];
    expect([...(await cached.groupsOf('bob'))]).toEqual([]);
  });

  it('a stale answer does not count as fresh: Jira is asked again on the next request', async () => {
    let now = 0;
    const jira = directory({ bob: ['a'] });
    const cached = cachedGroupDirectory(jira.inner, { now: () => now });
    await cached.groupsOf('bob');
    jira.fail(true);
    now += GROUP_MEMBERSHIP_FRESH_MS;
    await cached.groupsOf('bob');
    jira.fail(false);
    jira.groups.bob = ['b'];
    expect([...(await cached.groupsOf('bob'))]).toEqual(['b']);
    expect(jira.calls).toHaveLength(3);
  });
});

describe('group membership lookup budget', () => {
  it('gives up a lookup Jira does not answer in time, as a Jira time-out', async () => {
    const hanging: GroupDirectory = { groupsOf: () => new Promise(() => undefined), search: async () => [] };
    const cached = cachedGroupDirectory(hanging, { now: () => 0 }, 20);
    await expect(cached.groupsOf('bob')).rejects.toMatchObject({ code: 'JIRA_TIME_BUDGET_EXCEEDED' });
  });

  it('answers from a stale entry when the lookup runs out of time', async () => {
    let now = 0;
    let hang = false;
    const inner: GroupDirectory = {
      groupsOf: (id) => (hang ? new Promise(() => undefined) : Promise.resolve(new Set([`${id}-group`]))),
      search: async () => [],
    };
    const cached = cachedGroupDirectory(inner, { now: () => now }, 20);
    await cached.groupsOf('bob');
    hang = true;
    now += GROUP_MEMBERSHIP_FRESH_MS;
    expect([...(await cached.groupsOf('bob'))]).toEqual(['bob-group']);
  });

  it('with a stale entry at hand waits the short stale wait, not the budget, and a late answer refreshes the cache', async () => {
    let now = 0;
    let release: ((groups: ReadonlySet<string>) => void) | undefined;
    const calls: string[] = [];
    const inner: GroupDirectory = {
      groupsOf: (id) => {
        calls.push(id);
        return calls.length === 1 ? Promise.resolve(new Set(['old-group'])) : new Promise((resolve) => (release = resolve));
      },
      search: async () => [],
    };
    // A budget no test would wait out: the stale answer must come after the stale wait.
    const cached = cachedGroupDirectory(inner, { now: () => now }, 60_000, 10);
    await cached.groupsOf('bob');
    now += GROUP_MEMBERSHIP_FRESH_MS;
    expect([...(await cached.groupsOf('bob'))]).toEqual(['old-group']);
    release?.(new Set(['new-group']));
    await new Promise((resolve) => setImmediate(resolve));
    expect([...(await cached.groupsOf('bob'))]).toEqual(['new-group']);
    expect(calls).toHaveLength(2);
  });
});
