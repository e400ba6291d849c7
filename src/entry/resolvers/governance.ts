// Resolvers of token governance: the admin page's Policy tab (policy, group picker, tokens
// beyond the maximum lifetime) and the user page's Token manager tab. Authorisation is in
// the services: policy keys need Jira's ADMINISTER, manager keys a manager group or admin.
import * as policy from '../../contract/policy';
import * as contract from '../../contract/tokens';
import type { ResolverTable } from './define';

export const governanceResolvers: ResolverTable = {
  'admin/policy/get': {
    schema: contract.emptyPayload,
    run: (services, caller) => services.policy.get(caller),
  },
  'admin/policy/update': {
    schema: policy.updatePolicyPayload,
    run: (services, caller, payload) => services.policy.update(caller, payload.policy),
  },
  'admin/policy/over-limit': {
    schema: contract.emptyPayload,
    run: (services, caller) => services.tokens.adminOverLimit(caller),
  },
  'admin/policy/cap-lifetimes': {
    schema: contract.emptyPayload,
    run: (services, caller) => services.tokens.adminCapLifetimes(caller),
  },
  'groups/search': {
    schema: policy.groupSearchPayload,
    run: (services, caller, payload) => services.policy.searchGroups(caller, payload.query),
  },
  'manager/tokens/list': {
    schema: policy.managerListPayload,
    run: (services, caller, payload) => services.tokens.managerList(caller, payload),
  },
  'manager/tokens/create': {
    schema: policy.managerCreatePayload,
    run: (services, caller, payload) => services.tokens.managerCreate(caller, payload),
  },
  'manager/tokens/set-active': {
    schema: contract.adminSetActivePayload,
    run: (services, caller, payload) => services.tokens.managerSetActive(caller, payload),
  },
  'manager/tokens/delete': {
    schema: contract.tokenIdPayload,
    run: (services, caller, payload) => services.tokens.managerRemove(caller, payload),
  },
};
