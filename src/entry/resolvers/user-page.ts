// Resolvers the user page calls: the app context and the caller's own tokens.
import * as contract from '../../contract/tokens';
import type { ResolverTable } from './define';

export const userPageResolvers: ResolverTable = {
  'app/context': {
    schema: contract.emptyPayload,
    run: (services, caller) => services.appContext.contextOf(caller),
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
  'projects/list': {
    schema: contract.emptyPayload,
    run: async (services, caller) => ({ projects: await services.tokens.listMyProjects(caller) }),
  },
};
