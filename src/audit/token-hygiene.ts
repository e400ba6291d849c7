// The daily sweep and the emergency switch. The sweep removes audit events older than the
// retention, deactivates tokens unused for staleAfterDays (no successful use since creation
// or the last use), deactivates the tokens of owners Jira reports inactive and, if set,
// deletes them N days after; every change is an audit event. Each write is conditional, so
// a token used while the sweep runs is not deactivated on stale facts.
import { requireJiraAdmin, type Caller } from '../access/guards';
import type { DeactivateAllPayload, HygieneSweepResult } from '../contract/audit';
import type { UserDirectory } from '../jira';
import type { Clock } from '../kernel/ports';
import { isoInstant } from '../kernel/time';
import type { AuditRepository } from '../storage/audit-repository';
import type { TokenAddressRepository } from '../storage/token-address-repository';
import type { TokenHygieneRepository } from '../storage/token-hygiene-repository';
import type { TokenRepository } from '../storage/token-repository';
import type { AuditRecorder } from './audit-recorder';
import type { HygieneSettingsService } from './hygiene-settings';

const DAY_MS = 86_400_000;
/** Owners asked of Jira per request. */
const OWNER_BATCH = 100;

export interface TokenHygiene {
  sweep(): Promise<HygieneSweepResult>;
  /** The emergency switch: every token inactive at once (typed confirmation checked by the schema). */
  deactivateAll(caller: Caller, payload: DeactivateAllPayload): Promise<{ deactivated: number }>;
}

export function createTokenHygiene(deps: {
  audit: AuditRepository;
  addresses: TokenAddressRepository;
  tokens: TokenRepository;
  hygiene: TokenHygieneRepository;
  settings: HygieneSettingsService;
  users: UserDirectory;
  clock: Clock;
  recorder: AuditRecorder;
}): TokenHygiene {
  const { tokens, hygiene, recorder, clock } = deps;

  async function inactiveOwners(): Promise<string[]> {
    const owners = await hygiene.owners();
    const inactive: string[] = [];
    for (let i = 0; i < owners.length; i += OWNER_BATCH) {
      const batch = owners.slice(i, i + OWNER_BATCH);
      const known = await deps.users.getUsers(batch);
      // Unknown to Jira counts as inactive, as the verifier refuses such an owner's tokens.
      inactive.push(...batch.filter((accountId) => known.get(accountId)?.active !== true));
    }
    return inactive;
  }

  return {
    async sweep() {
      const now = clock.now();
      const settings = await deps.settings.current();
      const result: HygieneSweepResult = { eventsRemoved: 0, staleDeactivated: [], ownerInactiveDeactivated: [], ownerInactiveDeleted: [] };

      const retentionCutoff = now - settings.auditRetentionDays * DAY_MS;
      result.eventsRemoved = await deps.audit.deleteBefore(retentionCutoff);
      if (result.eventsRemoved > 0) await recorder.eventsRemoved(result.eventsRemoved, retentionCutoff);
      // Where a token was used from is kept as long as the events are.
      await deps.addresses.deleteSeenBefore(retentionCutoff);

      if (settings.staleAfterDays !== null) {
        const cutoff = now - settings.staleAfterDays * DAY_MS;
        for (const id of await hygiene.unusedSince(cutoff, now)) {
          const before = await tokens.findById(id);
          if (!before || !(await hygiene.deactivateIfUnused(id, cutoff, now))) continue;
          result.staleDeactivated.push(id);
          await recorder.swept(
            'sweep.stale-deactivated',
            before,
            { ...before, active: false },
            {
              staleAfterDays: settings.staleAfterDays,
              lastUsedAt: before.lastUsedAt === null ? null : isoInstant(before.lastUsedAt),
            },
          );
        }
      }

      const deleteCutoff = settings.deleteDeactivatedOwnersAfterDays === null ? undefined : now - settings.deleteDeactivatedOwnersAfterDays * DAY_MS;
      for (const owner of await inactiveOwners()) {
        const before = await tokens.listByOwner(owner);
        for (const id of await hygiene.deactivateOwned(owner, now)) {
          const token = before.find((candidate) => candidate.id === id);
          if (!token) continue;
          result.ownerInactiveDeactivated.push(id);
          await recorder.swept(
            'sweep.owner-inactive-deactivated',
            token,
            { ...token, active: false },
            { reason: 'the owner is no longer an active Jira user' },
          );
        }
        if (deleteCutoff === undefined) continue;
        for (const id of await hygiene.inactiveOwnedSince(owner, deleteCutoff)) {
          const token = await tokens.findById(id);
          if (!token || !(await tokens.deleteAny(id))) continue;
          await deps.addresses.deleteForToken(id);
          result.ownerInactiveDeleted.push(id);
          await recorder.swept('sweep.owner-inactive-deleted', token, null, { deleteDeactivatedOwnersAfterDays: settings.deleteDeactivatedOwnersAfterDays });
        }
      }
      return result;
    },

    async deactivateAll(caller) {
      await requireJiraAdmin(deps.users, caller.accountId, 'Only Jira administrators can deactivate every token.');
      const deactivated = await hygiene.deactivateAll(clock.now());
      await recorder.bulk(caller, 'bulk.deactivated-all', { deactivated });
      return { deactivated };
    },
  };
}
