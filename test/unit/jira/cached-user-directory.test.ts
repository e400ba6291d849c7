import { cachedUserDirectory, OWNER_STATE_FRESH_MS } from '../../../src/jira';
import type { JiraUser, UserDirectory } from '../../../src/jira/user-directory';

function directory(users: Record<string, JiraUser>) {
  const calls: string[][] = [];
  let failing = false;
  const inner: UserDirectory = {
    async getUsers(ids) {
      calls.push([...ids]);
      if (failing) throw new Error('Jira unreachable');
      return new Map(ids.flatMap((id) => (users[id] ? [[id, users[id]] as const] : [])));
    },
    isJiraAdmin: async () => false,
  };
  return { inner, calls, fail: (value: boolean) => (failing = value) };
}

describe('cached user directory (owner state for token verification)', () => {
  const bob: JiraUser = { accountId: 'bob', displayName: 'Bob', active: true };

  it('answers from the cache while fresh and asks Jira again after the fresh time', async () => {
    let now = 1_000;
    const jira = directory({ bob });
    const cached = cachedUserDirectory(jira.inner, { now: () => now });
    expect((await cached.getUsers(['bob'])).get('bob')).toEqual(bob);
    now += OWNER_STATE_FRESH_MS - 1;
    expect((await cached.getUsers(['bob'])).get('bob')).toEqual(bob);
    expect(jira.calls).toHaveLength(1);
    now += 1;
    await cached.getUsers(['bob']);
    expect(jira.calls).toHaveLength(2);
  });

  it('remembers that Jira does not know an account', async () => {
    const jira = directory({});
    const cached = cachedUserDirectory(jira.inner, { now: () => 0 });
    expect((await cached.getUsers(['ghost'])).has('ghost')).toBe(false);
    expect((await cached.getUsers(['ghost'])).has('ghost')).toBe(false);
    expect(jira.calls).toHaveLength(1);
  });

  it('uses a recent answer when Jira fails, and rethrows when it has none or it is too old', async () => {
    let now = 0;
    const jira = directory({ bob });
    const cached = cachedUserDirectory(jira.inner, { now: () => now });
    await cached.getUsers(['bob']);
    jira.fail(true);
    now += 5 * 60_000;
    expect((await cached.getUsers(['bob'])).get('bob')).toEqual(bob);
    await expect(cached.getUsers(['carol'])).rejects.toThrow('Jira unreachable');
    now += 20 * 60_000;
    await expect(cached.getUsers(['bob'])).rejects.toThrow('Jira unreachable');
  });
});

describe('owner lookup budget', () => {
  it('gives up a lookup Jira does not answer in time, as a Jira time-out', async () => {
    const hanging: UserDirectory = { getUsers: () => new Promise(() => undefined), isJiraAdmin: async () => false };
    const cached = cachedUserDirectory(hanging, { now: () => 0 }, 20);
    await expect(cached.getUsers(['bob'])).rejects.toMatchObject({ code: 'JIRA_TIME_BUDGET_EXCEEDED' });
  });

  it('with a stale answer at hand waits the short stale wait, not the budget, and a late answer refreshes the cache', async () => {
    let now = 0;
    let release: ((users: Map<string, JiraUser>) => void) | undefined;
    let calls = 0;
    const bob: JiraUser = { accountId: 'bob', displayName: 'Bob', active: true };
    const inner: UserDirectory = {
      getUsers: () => {
        calls += 1;
        return calls === 1 ? Promise.resolve(new Map([['bob', bob]])) : new Promise((resolve) => (release = resolve));
      },
      isJiraAdmin: async () => false,
    };
    // A budget no test would wait out: the stale answer must come after the stale wait.
    const cached = cachedUserDirectory(inner, { now: () => now }, 60_000, 10);
    await cached.getUsers(['bob']);
    now += OWNER_STATE_FRESH_MS;
    expect((await cached.getUsers(['bob'])).get('bob')).toEqual(bob);
    release?.(new Map([['bob', { ...bob, active: false }]]));
    await new Promise((resolve) => setImmediate(resolve));
    expect((await cached.getUsers(['bob'])).get('bob')?.active).toBe(false);
    expect(calls).toBe(2);
  });
});
