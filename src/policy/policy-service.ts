// The token policy use case: Jira admins read and change it (validated as a whole, every
// change recorded as a 'policy.changed' audit event with before and after); the token
// service, the verifier and the pages ask it who may create, use and manage tokens.
// Group membership comes from Jira through a cache (jira/cached-group-membership.ts); the
// stored policy itself is kept per container for POLICY_FRESH_MS, so a warm verification
// reads no settings row. Saving forgets this container's copy (the change applies here at
// once); other containers see it within POLICY_FRESH_MS. The admin's own view and the audit
// event's "before" always read the row.
import { z } from 'zod';
import { requireJiraAdmin, type Caller } from '../access/guards';
import { policySchema, type GroupView, type Policy, type PolicyView } from '../contract/policy';
import type { CallerGovernance } from '../contract/tokens';
import type { GroupDirectory, UserDirectory } from '../jira';
import { FieldError } from '../kernel/errors';
import { freshFor } from '../kernel/fresh-for';
import type { Clock } from '../kernel/ports';
import { isoInstant } from '../kernel/time';
import type { AuditRepository } from '../storage/audit-repository';
import type { PolicyStore } from './policy-store';

export interface PolicyServiceDeps {
  store: PolicyStore;
  audit: AuditRepository;
  users: UserDirectory;
  /** Cached: verification asks on every request. */
  groups: GroupDirectory;
  clock: Clock;
}

/** How long a container keeps the stored policy before reading it again (README says so). */
export const POLICY_FRESH_MS = 30_000;

/** What a group picker shows at most per search. */
const GROUP_SEARCH_LIMIT = 20;

export type ManagerRole = 'admin' | 'manager';

const ADMIN_ONLY = 'Only Jira administrators can see or change the token policy.';

function quoteGroups(groups: readonly string[]): string {
  return groups.map((group) => `"${group}"`).join(', ');
}

function crossFieldProblem(raw: unknown): { field: string; message: string } | undefined {
  const numbers = z.object({ maxLifetimeDays: z.number(), defaultLifetimeDays: z.number() }).safeParse(raw);
  if (!numbers.success || numbers.data.defaultLifetimeDays <= numbers.data.maxLifetimeDays) return undefined;
  return { field: 'policy.defaultLifetimeDays', message: `must not exceed the maximum lifetime (${numbers.data.maxLifetimeDays} days)` };
}

/** Every problem of a policy at once, as FieldError problems named `policy.<field>`. */
function parsePolicy(raw: unknown): Policy {
  const parsed = policySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') return { field: 'policy', message: `has unknown fields: ${issue.keys.join(', ')}` };
    return { field: path ? `policy.${path}` : 'policy', message: issue.message };
  });
  // zod skips the schema's cross-field check while a field is invalid; say it here too.
  const cross = crossFieldProblem(raw);
  if (cross && !problems.some((problem) => problem.field === cross.field)) problems.push(cross);
  const summary = problems.map((problem) => `${problem.field} ${problem.message}`).join('; ');
  throw new FieldError(problems, { message: `The policy is not valid: ${summary}.` });
}

export function createPolicyService(deps: PolicyServiceDeps) {
  const { store, audit, users, groups, clock } = deps;
  const inForce = freshFor(async () => (await store.read()).policy, clock, POLICY_FRESH_MS);

  async function inAnyGroup(accountId: string, allowed: readonly string[]): Promise<boolean> {
    if (allowed.length === 0) return false;
    const mine = await groups.groupsOf(accountId);
    return allowed.some((group) => mine.has(group));
  }

  /** Every group name Jira does not know, per field, so a typo cannot lock everyone out. */
  async function unknownGroups(policy: Policy): Promise<Array<{ field: string; message: string }>> {
    const fields = { createGroups: policy.createGroups ?? [], useGroups: policy.useGroups ?? [], managerGroups: policy.managerGroups };
    const names = [...new Set(Object.values(fields).flat())];
    const known = new Set<string>();
    await Promise.all(
      names.map(async (name) => {
        if ((await groups.search(name, GROUP_SEARCH_LIMIT)).some((group) => group.name === name)) known.add(name);
      }),
    );
    return Object.entries(fields).flatMap(([field, list]) => {
      const missing = list.filter((name) => !known.has(name));
      return missing.length === 0 ? [] : [{ field: `policy.${field}`, message: `names groups Jira does not know: ${quoteGroups(missing)}` }];
    });
  }

  async function view(): Promise<PolicyView> {
    const stored = await store.read();
    const updater = stored.updatedBy === null ? undefined : (await users.getUsers([stored.updatedBy])).get(stored.updatedBy);
    return {
      policy: stored.policy,
      updatedAt: stored.updatedAt === null ? null : isoInstant(stored.updatedAt),
      updatedBy: stored.updatedBy === null ? null : { accountId: stored.updatedBy, displayName: updater?.displayName ?? stored.updatedBy },
    };
  }

  async function createRefusal(policy: Policy, accountId: string): Promise<string | null> {
    if (policy.createGroups === null || (await inAnyGroup(accountId, policy.createGroups))) return null;
    return `Your administrator allows only members of ${quoteGroups(policy.createGroups)} to create API tokens; ask them to add you, or ask a token manager to create one for you.`;
  }

  const service = {
    /** The policy in force, from this container's copy while fresh. */
    current: (): Promise<Policy> => inForce.get(),

    async get(caller: Caller): Promise<PolicyView> {
      await requireJiraAdmin(users, caller.accountId, ADMIN_ONLY);
      return view();
    },

    async update(caller: Caller, raw: unknown): Promise<PolicyView> {
      await requireJiraAdmin(users, caller.accountId, ADMIN_ONLY);
      const next = parsePolicy(raw);
      const unknown = await unknownGroups(next);
      if (unknown.length > 0) {
        throw new FieldError(unknown, { message: `The policy is not valid: ${unknown.map((problem) => `${problem.field} ${problem.message}`).join('; ')}.` });
      }
      const now = clock.now();
      const before = (await store.read()).policy;
      await store.write(next, now, caller.accountId);
      inForce.forget();
      await audit.append({
        at: now,
        actorAccountId: caller.accountId,
        action: 'policy.changed',
        tokenId: null,
        subjectAccountId: null,
        detail: { before, after: next },
      });
      return view();
    },

    async searchGroups(caller: Caller, query: string): Promise<{ groups: GroupView[] }> {
      await requireJiraAdmin(users, caller.accountId, ADMIN_ONLY);
      return { groups: await groups.search(query.trim(), GROUP_SEARCH_LIMIT) };
    },

    /** Whether the policy lets the account's tokens work (its "who may use tokens" groups). */
    async mayUse(accountId: string, policy?: Policy): Promise<boolean> {
      const useGroups = (policy ?? (await service.current())).useGroups;
      return useGroups === null || inAnyGroup(accountId, useGroups);
    },

    /** Why the account may not create tokens (naming the groups); null when it may. */
    async createRefusal(accountId: string, policy?: Policy): Promise<string | null> {
      return createRefusal(policy ?? (await service.current()), accountId);
    },

    /** 'admin' for Jira admins, 'manager' for members of the manager groups, else undefined. */
    async managerRole(accountId: string, policy?: Policy): Promise<ManagerRole | undefined> {
      if (await users.isJiraAdmin(accountId)) return 'admin';
      const managerGroups = (policy ?? (await service.current())).managerGroups;
      return (await inAnyGroup(accountId, managerGroups)) ? 'manager' : undefined;
    },

    async governanceOf(caller: Caller): Promise<CallerGovernance> {
      const policy = await service.current();
      const [refusal, role] = await Promise.all([createRefusal(policy, caller.accountId), service.managerRole(caller.accountId, policy)]);
      return {
        mayCreate: refusal === null,
        createRefusal: refusal,
        isTokenManager: role !== undefined,
        maxLifetimeDays: policy.maxLifetimeDays,
        defaultLifetimeDays: policy.defaultLifetimeDays,
        notesRequired: policy.notesRequired,
        maxActiveTokensPerUser: policy.maxActiveTokensPerUser,
      };
    },
  };
  return service;
}

export type PolicyService = ReturnType<typeof createPolicyService>;
