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
});
