// Token verifications per second on one core against SQLite: jose HS256, the token hash,
// the row lookup by jti, the usability rule, the last-use recorder, and the owner state
// from the verifier's short cache (warm). Beside it, the same with every owner lookup
// going to a directory (in process, no network): the cost the cache saves is Jira's
// round trip, which this bench leaves out. Target (issue 15): at least 5,000/s warm.
import { openSqliteDatabase } from '../../dev/host/sqlite-database';
import { createAppServices } from '../../src/entry/composition/app-services';
import { DEFAULT_POLICY } from '../../src/contract/policy';
import type { GroupDirectory } from '../../src/jira';
import type { JiraUser, UserDirectory } from '../../src/jira/user-directory';
import { createPolicyStore } from '../../src/policy/policy-store';
import { createSettingsRepository } from '../../src/storage/settings-repository';
import { systemClock, type SecretStore } from '../../src/kernel/ports';
import { createTokenRepository } from '../../src/storage/token-repository';
import { createLastUseRecorder } from '../../src/tokens/last-use-recorder';
import { createSigningKeys } from '../../src/tokens/signing-keys';
import { createTokenVerifier } from '../../src/tokens/token-verifier';

const VERIFICATIONS = 20_000;
const TOKENS = 50;
const INSTALLATION = 'ari:cloud:jira::site/bench';

function inProcessDirectory(): UserDirectory & { lookups: number } {
  const directory = {
    lookups: 0,
    async getUsers(ids: readonly string[]) {
      directory.lookups += 1;
      return new Map<string, JiraUser>(ids.map((id) => [id, { accountId: id, displayName: `User ${id}`, active: true }]));
    },
    isJiraAdmin: async () => false,
  };
  return directory;
}

function inProcessGroups(): GroupDirectory & { lookups: number } {
  const directory = {
    lookups: 0,
    async groupsOf() {
      directory.lookups += 1;
      return new Set(['bench-users']);
    },
    search: async () => [],
  };
  return directory;
}

async function rate(verify: (token: string) => Promise<unknown>, tokens: string[]): Promise<number> {
  for (const token of tokens) await verify(token); // warm: keys, cache, JIT
  const started = process.hrtime.bigint();
  for (let i = 0; i < VERIFICATIONS; i += 1) await verify(tokens[i % tokens.length] as string);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return VERIFICATIONS / seconds;
}

export async function run(): Promise<void> {
  const db = await openSqliteDatabase(':memory:');
  const secrets = new Map<string, string>();
  const secretStore: SecretStore = { get: async (key) => secrets.get(key), set: async (key, value) => void secrets.set(key, value) };
  const users = inProcessDirectory();
  const groups = inProcessGroups();
  const services = createAppServices(
    {
      db,
      secrets: secretStore,
      jira: {
        fetch: () => {
          throw new Error('the token bench makes no Jira call');
        },
      },
      clock: systemClock,
      restBaseUrl: async () => 'http://localhost/bench',
      exportQueue: { push: async () => undefined },
    },
    { users, groups },
  );
  const tokens: string[] = [];
  for (let i = 0; i < TOKENS; i += 1) {
    const issued = await services.tokens.create({ accountId: `owner-${i % 10}`, installationId: INSTALLATION }, { expiresAt: '2099-12-31', notes: '' });
    tokens.push(issued.token);
  }
  const request = { installationId: INSTALLATION, ip: '203.0.113.7' };

  const before = users.lookups;
  const warm = await rate((token) => services.verifier.verify(token, request), tokens);
  const warmLookups = users.lookups - before;
  console.log(`token verifications, owner state cached (warm), SQLite, one core: ${Math.round(warm).toLocaleString('en')}/s (target >= 5,000/s)`);
  console.log(`  owner lookups, warm-up of ${TOKENS} tokens included, over ${VERIFICATIONS.toLocaleString('en')} verifications: ${warmLookups}`);

  // The same verifier without the cache: one directory lookup per verification.
  const repository = createTokenRepository(db);
  const uncached = createTokenVerifier({
    tokens: repository,
    keys: createSigningKeys(secretStore),
    users,
    clock: systemClock,
    lastUse: createLastUseRecorder(repository),
    mayUse: async () => true,
  });
  const cold = await rate((token) => uncached.verify(token, request), tokens);
  console.log(`  without the cache (an in-process directory, no Jira latency): ${Math.round(cold).toLocaleString('en')}/s`);

  // With a token policy that limits use to a group: the policy row read per request and
  // group membership from the 5-minute cache (warm: no group lookup per verification).
  await createPolicyStore(createSettingsRepository(db)).write({ ...DEFAULT_POLICY, useGroups: ['bench-users'] }, Date.now(), 'bench');
  const groupsBefore = groups.lookups;
  const withPolicy = await rate((token) => services.verifier.verify(token, request), tokens);
  console.log(
    `  with the use policy (group check, membership cached): ${Math.round(withPolicy).toLocaleString('en')}/s; group lookups: ${groups.lookups - groupsBefore}`,
  );
  await db.destroy();
}
