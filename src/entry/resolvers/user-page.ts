// Resolvers the user page calls: the app context, the caller's own tokens (and their REST
// requests), and the report
// builder (a preview run as the caller, and the projects the caller may browse).
import { filterSearchPayload, reportPreviewPayload } from '../../contract/report-builder';
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
  'tokens/activity': {
    schema: contract.tokenIdPayload,
    run: (services, caller, payload) => services.restActivity.tokenActivity(caller, payload),
  },
  'reports/preview': {
    schema: reportPreviewPayload,
    run: (services, caller, payload) => services.reportPreview.preview(caller, payload),
  },
  'builder/projects': {
    schema: contract.emptyPayload,
    run: (services, caller) => services.reportPreview.projects(caller),
  },
  'builder/filters': {
    schema: filterSearchPayload,
    run: (services, caller, payload) => services.reportPreview.filters(caller, payload),
  },
  'builder/options': {
    schema: contract.emptyPayload,
    run: (services, caller) => services.reportPreview.options(caller),
  },
  'projects/list': {
    schema: contract.emptyPayload,
    run: async (services, caller) => ({ projects: await services.tokens.listMyProjects(caller) }),
  },
};
