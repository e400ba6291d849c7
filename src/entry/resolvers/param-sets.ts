// Resolvers for saved REST parameter sets and the REST activity view. Authorisation is
// in the services (any page may invoke any key): listing sets is open to every signed-in
// user, changing them and reading activity needs Jira's ADMINISTER permission.
import { requireJiraAdmin } from '../../access/guards';
import * as sets from '../../contract/param-sets';
import { activityListPayload } from '../../contract/rest-activity';
import { emptyPayload } from '../../contract/tokens';
import type { ResolverTable } from './define';

export const paramSetResolvers: ResolverTable = {
  'paramsets/list': {
    schema: emptyPayload,
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
  'admin/activity/list': {
    schema: activityListPayload,
    async run(services, caller, payload) {
      await requireJiraAdmin(services.users, caller.accountId, 'Only Jira administrators can see REST API activity.');
      const page = payload.page ?? 1;
      const pageSize = payload.pageSize ?? 50;
      const { rows, total } = await services.restRequests.list({ ...(payload.tokenId ? { tokenId: payload.tokenId } : {}), offset: (page - 1) * pageSize, limit: pageSize });
      return {
        page,
        pageSize,
        total,
        requests: rows.map((row) => ({
          at: new Date(row.at).toISOString(),
          tokenId: row.tokenId,
          ownerAccountId: row.accountId,
          endpoint: row.endpoint,
          method: row.method,
          issueCount: row.issueCount,
          status: row.status,
          durationMs: row.durationMs,
        })),
      };
    },
  },
};
