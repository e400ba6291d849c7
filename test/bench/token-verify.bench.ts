// Token verifications per second on one core against SQLite (issue 11's proof, target at
// least 5,000/s): jose HS256, the token hash, the row by jti, the usability rule, the
// last-use recorder, owner state from the verifier's short cache (warm).
//   - without policy: the default policy, no IP allow-list anywhere;
//   - with policy: a use policy limited to a group (the stored policy through its 30 s
//     cache, membership through the 5-minute cache, both warm), each token with its own IP
//     allow-list (a dozen IPv4 and IPv6 ranges) and an installation-wide list on top.
// Before the second figure is measured, an outsider's token and a call from outside the
// lists are shown refused, so the checks are known to run. Beside them, the plain verifier
// with an in-process owner lookup per call: the cost the owner cache saves is Jira's round
// trip, which this bench leaves out.
import { openSqliteDatabase } from '../../dev/host/sqlite-database';
import { DEFAULT_POLICY } from '../../src/contract/policy';
import { createAppServices } from '../../src/entry/composition/app-services';
import type { GroupDirectory } from '../../src/jira';
import type { JiraUser, UserDirectory } from '../../src/jira/user-directory';
import { systemClock, type SecretStore } from '../../src/kernel/ports';
import { createTokenRepository } from '../../src/storage/token-repository';
import { createLastUseRecorder } from '../../src/tokens/last-use-recorder';
import { createSigningKeys } from '../../src/tokens/signing-keys';
import { TokenRejectedError } from '../../src/tokens/token-rejected-error';
import { createTokenVerifier } from '../../src/tokens/token-verifier';

const VERIFICATIONS = 20_000;
const WARM_UP = 2_000;
const TOKENS = 50;
const INSTALLATION = 'ari:cloud:jira::site/bench';
const USE_GROUP = 'bench-users';
const ADMIN = { accountId: 'bench-admin', installationId: INSTALLATION };

function inProcessDirectory(): UserDirectory & { lookups: number } {
  const directory = {
    lookups: 0,
    async getUsers(ids: readonly string[]) {
      directory.lookups += 1;
      return new Map<string, JiraUser>(ids.map((id) => [id, { accountId: id, displayName: `User ${id}`, active: true }]));
    },
    isJiraAdmin: async (id: string) => id === ADMIN.accountId,
  };
  return directory;
}

/** Every owner-N is in the use group; 'outsider' is in none. */
function inProcessGroups(): GroupDirectory & { lookups: number } {
  const directory = {
    lookups: 0,
    async groupsOf(accountId: string) {
      directory.lookups += 1;
      return new Set(accountId.startsWith('owner-') ? [USE_GROUP] : []);
    },
    search: async (query: string) => (USE_GROUP.includes(query) ? [{ name: USE_GROUP, groupId: null }] : []),
  };
  return directory;
}

/**
 * Verifications per wall second, and per second of this process's CPU time: on a shared
 * machine the second says what one core of its own would do.
 */
async function rate(verify: (token: string) => Promise<unknown>, tokens: string[]): Promise<{ wall: number; cpu: number }> {
  // Warm: keys, caches and the JIT, so the first figure is not the one that pays for it.
  for (let i = 0; i < WARM_UP; i += 1) await verify(tokens[i % tokens.length] as string);
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  for (let i = 0; i < VERIFICATIONS; i += 1) await verify(tokens[i % tokens.length] as string);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  return { wall: VERIFICATIONS / seconds, cpu: VERIFICATIONS / ((cpu.user + cpu.system) / 1e6) };
}

async function refusalOf(verify: Promise<unknown>): Promise<string> {
  try {
    await verify;
    return 'accepted';
  } catch (error) {
    return error instanceof TokenRejectedError ? error.reason : String(error);
  }
}

const round = (value: number): string => Math.round(value).toLocaleString('en');
const perSecond = (value: { wall: number; cpu: number }): string => `${round(value.wall)}/s (${round(value.cpu)} per CPU second)`;

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
  const create = async (accountId: string, allowedIps?: string[]): Promise<string> =>
    (await services.tokens.create({ accountId, installationId: INSTALLATION }, { expiresAt: '2099-12-31', notes: '', ...(allowedIps ? { allowedIps } : {}) }))
      .token;
  const plain: string[] = [];
  for (let i = 0; i < TOKENS; i += 1) plain.push(await create(`owner-${i % 10}`));
  const ranges = ['198.51.100.0/24', '192.0.2.1', '2001:db8::/32', '10.0.0.0/8', '172.16.0.0/12', 'fd00::/8', '100.64.0.0/10', '203.0.114.0/24'];
  const restricted: string[] = [];
  // One range differs per token, so each row's list is parsed (and cached) on its own.
  for (let i = 0; i < TOKENS; i += 1) restricted.push(await create(`owner-${i % 10}`, [...ranges, `192.168.${i}.0/24`, '203.0.113.0/24']));
  const outsider = await create('outsider');
  const request = { installationId: INSTALLATION, ip: '203.0.113.7' };
  const verify = (token: string) => services.verifier.verify(token, request);

  const ownerLookups = users.lookups;
  const withoutPolicy = await rate(verify, plain);
  console.log(`token verifications without policy (default policy, no IP lists), warm, SQLite, one core: ${perSecond(withoutPolicy)} (target >= 5,000/s)`);
  console.log(`  owner lookups, warm-up included, over ${VERIFICATIONS.toLocaleString('en')} verifications: ${users.lookups - ownerLookups}`);

  await services.policy.update(ADMIN, { ...DEFAULT_POLICY, useGroups: [USE_GROUP] });
  await services.ipAllowlist.update(ADMIN, { allowedIps: ['203.0.113.0/24', '2001:db8::/32', '192.0.2.0/24'] });
  const checks = {
    outsider: await refusalOf(verify(outsider)),
    // Inside the token's list, outside the installation's; then the other way round.
    outsideInstallation: await refusalOf(services.verifier.verify(restricted[0] as string, { installationId: INSTALLATION, ip: '198.51.100.9' })),
    outsideToken: await refusalOf(services.verifier.verify(restricted[0] as string, { installationId: INSTALLATION, ip: '192.0.2.50' })),
    member: await refusalOf(verify(restricted[0] as string)),
  };
  if (checks.outsider !== 'POLICY' || checks.outsideInstallation !== 'IP' || checks.outsideToken !== 'IP' || checks.member !== 'accepted') {
    throw new Error(`the policy and IP checks did not run as expected: ${JSON.stringify(checks)}`);
  }
  const groupLookups = groups.lookups;
  const withPolicy = await rate(verify, restricted);
  console.log(
    `token verifications with policy (use group, ${ranges.length + 2} token IP ranges + 3 installation ranges), warm, SQLite, one core: ${perSecond(withPolicy)} (target >= 5,000/s)`,
  );
  console.log(
    `  checked first: outsider's token ${checks.outsider}, outside the installation list ${checks.outsideInstallation}, outside the token's list ${checks.outsideToken}, member ${checks.member}; group lookups, warm-up included: ${groups.lookups - groupLookups}`,
  );

  // The plain verifier without the owner cache: one directory lookup per verification.
  const repository = createTokenRepository(db);
  const uncached = createTokenVerifier({
    tokens: repository,
    keys: createSigningKeys(secretStore),
    users,
    clock: systemClock,
    lastUse: createLastUseRecorder(repository),
    mayUse: async () => true,
    installationIps: { current: async () => [] },
  });
  const cold = await rate((token) => uncached.verify(token, request), plain);
  console.log(`  without policy and without the owner cache (an in-process directory, no Jira latency): ${perSecond(cold)}`);
  await db.destroy();
}
