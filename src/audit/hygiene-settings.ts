// Hygiene settings (audit retention, the stale sweep, departed owners' tokens, the expiry
// warning window): one settings key, read by the sweep and the pages, changed by Jira
// administrators only, each change an audit event with before and after.
import { requireJiraAdmin, type Caller } from '../access/guards';
import { DEFAULT_HYGIENE_SETTINGS, hygieneSettingsSchema, type HygieneSettings, type HygieneUpdatePayload } from '../contract/audit';
import type { UserDirectory } from '../jira';
import { freshFor } from '../kernel/fresh-for';
import type { Clock } from '../kernel/ports';
import type { SettingsRepository } from '../storage/settings-repository';
import type { AuditRecorder } from './audit-recorder';

export const HYGIENE_SETTINGS_KEY = 'hygiene';
/** REST answers read the warning window through a cache this old at most: no SQL per request. */
const WINDOW_CACHE_MS = 60_000;

export interface HygieneSettingsService {
  /** The settings in force, for the sweep and the services (no caller check). */
  current(): Promise<HygieneSettings>;
  get(caller: Caller): Promise<HygieneSettings>;
  /** The expiry warning window in days, cached per container for a minute (the REST headers read it). */
  expiryWarningDays(): Promise<number>;
  update(caller: Caller, payload: HygieneUpdatePayload): Promise<HygieneSettings>;
}

export function createHygieneSettings(deps: {
  settings: SettingsRepository;
  users: UserDirectory;
  clock: Clock;
  recorder: AuditRecorder;
}): HygieneSettingsService {
  const requireAdmin = (caller: Caller) => requireJiraAdmin(deps.users, caller.accountId, 'Only Jira administrators can change the hygiene settings.');
  async function current(): Promise<HygieneSettings> {
    return (await deps.settings.get(HYGIENE_SETTINGS_KEY, hygieneSettingsSchema)) ?? DEFAULT_HYGIENE_SETTINGS;
  }
  const warningWindow = freshFor(async () => (await current()).expiryWarningDays, deps.clock, WINDOW_CACHE_MS);
  return {
    current,
    expiryWarningDays: () => warningWindow.get(),
    async get(caller) {
      await requireAdmin(caller);
      return current();
    },
    async update(caller, payload) {
      await requireAdmin(caller);
      const before = await current();
      // The payload schema checked each field; the whole is checked again as it will be read.
      const after = hygieneSettingsSchema.parse({ ...before, ...payload });
      await deps.settings.put(HYGIENE_SETTINGS_KEY, after, deps.clock.now(), caller.accountId);
      warningWindow.forget();
      await deps.recorder.policyChanged(caller, HYGIENE_SETTINGS_KEY, before, after);
      return after;
    },
  };
}
