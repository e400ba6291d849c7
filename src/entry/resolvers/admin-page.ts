// Resolvers the admin page calls. Each service call checks Jira's ADMINISTER permission
// itself: any page can invoke any key, so the page is never the authority.
import * as config from '../../contract/report-config';
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
};

export const reportConfigResolvers: ResolverTable = {
  'admin/calendars/list': {
    schema: contract.emptyPayload,
    // Readable by every signed-in user: calendars are named in report calls.
    run: async (services) => ({ calendars: await services.reportConfig.listCalendars() }),
  },
  'admin/calendars/create': {
    schema: config.createCalendarPayload,
    run: (services, caller, payload) => services.reportConfig.createCalendar(caller, payload.calendar),
  },
  'admin/calendars/update': {
    schema: config.updateCalendarPayload,
    run: (services, caller, payload) => services.reportConfig.updateCalendar(caller, payload.id, payload.calendar),
  },
  'admin/calendars/delete': {
    schema: config.documentIdPayload,
    run: (services, caller, payload) => services.reportConfig.deleteCalendar(caller, payload.id),
  },
  'admin/status-groups/list': {
    schema: contract.emptyPayload,
    run: async (services) => ({ groups: await services.reportConfig.listStatusGroups() }),
  },
  'admin/status-groups/create': {
    schema: config.createStatusGroupPayload,
    run: (services, caller, payload) => services.reportConfig.createStatusGroup(caller, payload.group),
  },
  'admin/status-groups/update': {
    schema: config.updateStatusGroupPayload,
    run: (services, caller, payload) => services.reportConfig.updateStatusGroup(caller, payload.id, payload.group),
  },
  'admin/status-groups/delete': {
    schema: config.documentIdPayload,
    run: (services, caller, payload) => services.reportConfig.deleteStatusGroup(caller, payload.id),
  },
  'admin/statuses/list': {
    schema: contract.emptyPayload,
    run: async (services, caller) => ({ statuses: await services.reportConfig.listStatuses(caller) }),
  },
};
