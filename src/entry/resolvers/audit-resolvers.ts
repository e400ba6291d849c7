// Issue 12's resolvers: the audit log, each owner's token history and expiry window, the
// hygiene settings, signing keys and "deactivate all tokens". Authorisation is in the
// services (Jira admin for admin/*, token managers for manager/*, the owner for tokens/*), since any page may call any key.
import * as audit from '../../contract/audit';
import { emptyPayload } from '../../contract/tokens';
import type { ResolverTable } from './define';

export const auditResolvers: ResolverTable = {
  'admin/audit/list': {
    schema: audit.auditListPayload,
    run: (services, caller, payload) => services.audit.list(caller, payload),
  },
  'admin/audit/export': {
    schema: audit.auditExportPayload,
    run: (services, caller, payload) => services.audit.export(caller, payload),
  },
  'manager/audit/list': {
    schema: audit.auditListPayload,
    run: (services, caller, payload) => services.audit.managerList(caller, payload),
  },
  'tokens/history': {
    schema: audit.tokenHistoryPayload,
    run: (services, caller, payload) => services.audit.history(caller, payload),
  },
  'tokens/expiry-window': {
    schema: emptyPayload,
    run: async (services) => ({ expiryWarningDays: await services.hygieneSettings.expiryWarningDays() }),
  },
  'admin/hygiene/get': {
    schema: emptyPayload,
    run: (services, caller) => services.hygieneSettings.get(caller),
  },
  'admin/hygiene/update': {
    schema: audit.hygieneUpdatePayload,
    run: (services, caller, payload) => services.hygieneSettings.update(caller, payload),
  },
  'admin/keys/list': {
    schema: emptyPayload,
    run: (services, caller) => services.signingKeys.list(caller),
  },
  'admin/keys/rotate': {
    schema: emptyPayload,
    run: (services, caller) => services.signingKeys.rotate(caller),
  },
  'admin/keys/retire': {
    schema: audit.retireKeyPayload,
    run: (services, caller, payload) => services.signingKeys.retire(caller, payload),
  },
  'admin/tokens/deactivate-all': {
    schema: audit.deactivateAllPayload,
    run: (services, caller, payload) => services.tokenHygiene.deactivateAll(caller, payload),
  },
};
