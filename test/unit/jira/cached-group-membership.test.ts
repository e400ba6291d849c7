import { cachedGroupDirectory, GROUP_MEMBERSHIP_FRESH_MS, type GroupDirectory } from '../../../src/jira';

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
});
