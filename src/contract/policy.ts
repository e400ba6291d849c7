// Token governance: the installation's policy (who may create and use tokens, token
// managers, lifetimes, notes, how many tokens a user may hold), its resolver payloads and
// views, and the token manager's payloads. Shared with the pages, which check a policy
// with the same schema before they send it.
import { z } from 'zod';
import { adminListPayload, createTokenPayload } from './tokens';

/** Jira group names: Jira allows up to 255 characters. */
const groupName = z.string().trim().min(1, { message: 'must not be empty' }).max(255, { message: 'must be at most 255 characters' });
const GROUPS_MAX = 50;
const groupList = z.array(groupName).max(GROUPS_MAX, { message: `may name at most ${GROUPS_MAX} groups` });
/** The longest lifetime the policy may state: about 27 years, past FAR_FUTURE_EXPIRY. */
export const LIFETIME_DAYS_MAX = 10_000;
export const ACTIVE_TOKENS_PER_USER_MAX = 1_000;

const days = z
  .number()
  .int({ message: 'must be a whole number of days' })
  .min(1, { message: 'must be at least 1 day' })
  .max(LIFETIME_DAYS_MAX, {
    message: `must be at most ${LIFETIME_DAYS_MAX} days`,
  });

/**
 * `null` group lists mean everyone. `managerGroups` adds token managers to Jira admins, who
 * always are. Group names, as Jira's group picker shows them.
 */
export const policySchema = z
  .strictObject({
    createGroups: groupList.min(1, { message: 'name at least one group, or choose everyone' }).nullable(),
    useGroups: groupList.min(1, { message: 'name at least one group, or choose everyone' }).nullable(),
    managerGroups: groupList,
    maxLifetimeDays: days.nullable(),
    defaultLifetimeDays: days,
    notesRequired: z.boolean(),
    maxActiveTokensPerUser: z
      .number()
      .int({ message: 'must be a whole number' })
      .min(1, { message: 'must be at least 1' })
      .max(ACTIVE_TOKENS_PER_USER_MAX, { message: `must be at most ${ACTIVE_TOKENS_PER_USER_MAX}` }),
  })
  .superRefine((policy, context) => {
    if (policy.maxLifetimeDays !== null && policy.defaultLifetimeDays > policy.maxLifetimeDays) {
      context.addIssue({ code: 'custom', path: ['defaultLifetimeDays'], message: `must not exceed the maximum lifetime (${policy.maxLifetimeDays} days)` });
    }
  });

export type Policy = z.infer<typeof policySchema>;

/** What an installation starts with: today's behaviour (everyone, 50 tokens, no limit). */
export const DEFAULT_POLICY: Policy = {
  createGroups: null,
  useGroups: null,
  managerGroups: [],
  maxLifetimeDays: null,
  defaultLifetimeDays: 90,
  notesRequired: false,
  maxActiveTokensPerUser: 50,
};

export const updatePolicyPayload = z.strictObject({ policy: z.unknown() });
export const groupSearchPayload = z.strictObject({ query: z.string().max(255) });

export const managerCreatePayload = createTokenPayload.extend({
  ownerAccountId: z.string().min(1, { message: 'must name a Jira user' }).max(128),
});
export const managerListPayload = adminListPayload;

export type UpdatePolicyPayload = z.infer<typeof updatePolicyPayload>;
export type GroupSearchPayload = z.infer<typeof groupSearchPayload>;
export type ManagerCreatePayload = z.infer<typeof managerCreatePayload>;
export type ManagerListPayload = z.infer<typeof managerListPayload>;

export interface PolicyView {
  policy: Policy;
  /** ISO instant of the last change; null while the defaults apply. */
  updatedAt: string | null;
  updatedBy: { accountId: string; displayName: string } | null;
}

export interface GroupView {
  name: string;
  groupId: string | null;
}

export interface CapResult {
  capped: number;
  /** ISO instant the capped tokens now expire at. */
  expiresAt: string;
}
