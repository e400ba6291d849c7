// Resolvers the user page calls: the caller's own tokens and the app context.
import * as contract from '../../contract/tokens';
import type { ResolverTable } from './define';

export const userPageResolvers: ResolverTable = {
  'app/context': {
    schema: contract.emptyPayload,
    async run(services, caller) {
      const [users, isJiraAdmin, restBaseUrl] = await Promise.all([
        services.users.getUsers([caller.accountId]),
        services.users.isJiraAdmin(caller.accountId),
        services.ports.restBaseUrl(),
      ]);
      const displayName = users.get(caller.accountId)?.displayName ?? caller.accountId;
      return { accountId: caller.accountId, displayName, isJiraAdmin, restBaseUrl };
    },
  },
  'tokens/list': {
    schema: contract.emptyPayload,
    run: async (services, caller) => ({ tokens: await services.tokens.listMine(caller) }),
  },
  'tokens/create': {
    schema: contract.createTokenPayload,
    run: (services, caller, payload) => services.tokens.create(caller, payload),
  },
  'tokens/update': {
    schema: contract.updateTokenPayload,
    run: (services, caller, payload) => services.tokens.update(caller, payload),
  },
  'tokens/regenerate': {
    schema: contract.tokenIdPayload,
    run: (services, caller, payload) => services.tokens.regenerate(caller, payload),
  },
  'tokens/delete': {
    schema: contract.tokenIdPayload,
    run: (services, caller, payload) => services.tokens.remove(caller, payload),
  },
};
