// Resolvers the admin page calls. Each service call checks Jira's ADMINISTER permission
// itself: any page can invoke any key, so the page is never the authority.
import * as contract from '../contract/tokens';
import type { ResolverTable } from './resolver-handler';

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
