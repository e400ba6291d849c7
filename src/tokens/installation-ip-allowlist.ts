// The installation-wide IP allow-list: a Jira admin sets it, every token obeys it on top of
// its own list. Stored as one settings key; the verifier reads it through a short cache, so
// a warm verification makes no extra query (a change reaches other containers within
// INSTALLATION_ALLOWLIST_FRESH_MS, this one at once).
import { z } from 'zod';
import { requireJiraAdmin, type Caller } from '../access/guards';
import { readIpLines } from '../contract/ip-lines';
import type { IpAllowlistView, UpdateIpAllowlistPayload } from '../contract/token-restrictions';
import type { UserDirectory } from '../jira';
import { FieldError } from '../kernel/errors';
import { freshFor } from '../kernel/fresh-for';
import type { Clock } from '../kernel/ports';
import { isoInstant } from '../kernel/time';
import type { AuditRepository } from '../storage/audit-repository';
import type { SettingsRepository } from '../storage/settings-repository';

export const IP_ALLOWLIST_SETTING = 'ip-allowlist';
export const INSTALLATION_ALLOWLIST_FRESH_MS = 30_000;

const storedSchema = z.object({ allowedIps: z.array(z.string()), updatedAt: z.number(), updatedBy: z.string() });

export interface InstallationIpAllowlist {
  get(caller: Caller): Promise<IpAllowlistView>;
  update(caller: Caller, payload: UpdateIpAllowlistPayload): Promise<IpAllowlistView>;
  /** The lines every token obeys ([]: no installation rule), cached briefly. */
  current(): Promise<readonly string[]>;
}

export function createInstallationIpAllowlist(deps: {
  settings: SettingsRepository;
  audit: AuditRepository;
  users: UserDirectory;
  clock: Clock;
}): InstallationIpAllowlist {
  const lines = freshFor(
    async (): Promise<readonly string[]> => (await deps.settings.get(IP_ALLOWLIST_SETTING, storedSchema))?.allowedIps ?? [],
    deps.clock,
    INSTALLATION_ALLOWLIST_FRESH_MS,
  );
  const requireAdmin = (caller: Caller): Promise<void> =>
    requireJiraAdmin(deps.users, caller.accountId, 'Only Jira administrators can change the IP allow-list.');

  async function read(): Promise<IpAllowlistView> {
    const stored = await deps.settings.get(IP_ALLOWLIST_SETTING, storedSchema);
    if (!stored) return { allowedIps: [], updatedAt: null, updatedBy: null };
    return { allowedIps: stored.allowedIps, updatedAt: isoInstant(stored.updatedAt), updatedBy: stored.updatedBy };
  }

  return {
    async get(caller) {
      await requireAdmin(caller);
      return read();
    },
    async update(caller, payload) {
      await requireAdmin(caller);
      const { canonical, problems } = readIpLines(payload.allowedIps, 'allowedIps');
      if (problems.length > 0) throw new FieldError(problems);
      const now = deps.clock.now();
      await deps.settings.put(IP_ALLOWLIST_SETTING, { allowedIps: canonical, updatedAt: now, updatedBy: caller.accountId }, now, caller.accountId);
      await deps.audit.append({
        at: now,
        actorAccountId: caller.accountId,
        action: 'ip-allowlist.updated',
        tokenId: null,
        subjectAccountId: null,
        detail: { allowedIps: canonical },
      });
      lines.forget();
      return read();
    },
    current: () => lines.get(),
  };
}
