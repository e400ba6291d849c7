// Resolvers the admin page calls: everyone's tokens, REST activity, and the report
// settings (calendars, status groups, saved parameter sets). Authorisation is in the
// services, since any page may invoke any key: reading calendars, groups and sets is open
// to every signed-in user (reports name them), changing them needs Jira's ADMINISTER.
import * as sets from '../../contract/param-sets';
import * as config from '../../contract/report-config';
import { activityListPayload } from '../../contract/rest-activity';
import { updateIpAllowlistPayload } from '../../contract/token-restrictions';
import * as contract from '../../contract/tokens';
import type { ResolverTable } from './define';

export const adminPageResolvers: ResolverTable = {
  'admin/tokens/list': {
    schema: contract.adminListPayload,
    run: (services, caller, payload) => services.tokens.adminList(caller, payload),
  },
  'admin/tokens/set-active': {
    schema: contract.adminSetActivePayload,
    run: (services, caller, payload) => services.tokens.adminSetActive(caller, payload),
  },
  'admin/tokens/delete': {
    schema: contract.tokenIdPayload,
    run: (services, caller, payload) => services.tokens.adminRemove(caller, payload),
  },
  'admin/activity/list': {
    schema: activityListPayload,
    run: (services, caller, payload) => services.restActivity.list(caller, payload),
  },
  'admin/ip-allowlist/get': {
    schema: contract.emptyPayload,
    run: (services, caller) => services.ipAllowlist.get(caller),
  },
  'admin/ip-allowlist/update': {
    schema: updateIpAllowlistPayload,
    run: (services, caller, payload) => services.ipAllowlist.update(caller, payload),
  },
  'admin/calendars/list': {
    schema: contract.emptyPayload,
    run: async (services) => ({ calendars: await services.calendars.list() }),
  },
  'admin/calendars/create': {
    schema: config.createCalendarPayload,
    run: (services, caller, payload) => services.calendars.create(caller, payload.calendar),
  },
  'admin/calendars/update': {
    schema: config.updateCalendarPayload,
    run: (services, caller, payload) => services.calendars.update(caller, payload.id, payload.calendar),
  },
  'admin/calendars/delete': {
    schema: config.documentIdPayload,
    run: (services, caller, payload) => services.calendars.remove(caller, payload.id),
  },
  'admin/status-groups/list': {
    schema: contract.emptyPayload,
    run: async (services) => ({ groups: await services.statusGroups.list() }),
  },
  'admin/status-groups/create': {
    schema: config.createStatusGroupPayload,
    run: (services, caller, payload) => services.statusGroups.create(caller, payload.group),
  },
  'admin/status-groups/update': {
    schema: config.updateStatusGroupPayload,
    run: (services, caller, payload) => services.statusGroups.update(caller, payload.id, payload.group),
  },
  'admin/status-groups/delete': {
    schema: config.documentIdPayload,
    run: (services, caller, payload) => services.statusGroups.remove(caller, payload.id),
  },
  'admin/statuses/list': {
    schema: contract.emptyPayload,
    run: async (services, caller) => ({ statuses: await services.statuses.list(caller) }),
  },
  'paramsets/list': {
    schema: contract.emptyPayload,
    run: async (services) => ({ paramSets: await services.paramSets.list() }),
  },
  'paramsets/create': {
    schema: sets.createParamSetPayload,
    run: (services, caller, payload) => services.paramSets.create(caller, payload.paramSet),
  },
  'paramsets/update': {
    schema: sets.updateParamSetPayload,
    run: (services, caller, payload) => services.paramSets.update(caller, payload.id, payload.paramSet),
  },
  'paramsets/delete': {
    schema: sets.paramSetIdPayload,
    run: (services, caller, payload) => services.paramSets.remove(caller, payload.id),
  },
};
