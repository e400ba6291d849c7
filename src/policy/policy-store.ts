// The token policy as stored: one JSON value in the settings table, checked with the
// contract's schema when read back, the defaults while none was saved.
import { DEFAULT_POLICY, policySchema, type Policy } from '../contract/policy';
import type { SettingsRepository } from '../storage/settings-repository';

const POLICY_KEY = 'token-policy';

export interface StoredPolicy {
  policy: Policy;
  /** Epoch ms; null while the defaults apply. */
  updatedAt: number | null;
  updatedBy: string | null;
}

export interface PolicyStore {
  read(): Promise<StoredPolicy>;
  write(policy: Policy, now: number, actorAccountId: string): Promise<void>;
}

export function createPolicyStore(settings: SettingsRepository): PolicyStore {
  return {
    async read() {
      const entry = await settings.getEntry(POLICY_KEY, policySchema);
      return entry === undefined
        ? { policy: DEFAULT_POLICY, updatedAt: null, updatedBy: null }
        : { policy: entry.value, updatedAt: entry.updatedAt, updatedBy: entry.updatedBy };
    },
    write: (policy, now, actorAccountId) => settings.put(POLICY_KEY, policy, now, actorAccountId),
  };
}
