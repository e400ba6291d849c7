// Saved parameter sets. Choice (docs/rest-api.md): sets are admin-managed and shared:
// names are unique per site (the documents table's rule), every signed-in user and every
// token may list and use them, and only Jira administrators create, change or delete
// them. A set holds parameters only; the report still runs with the token owner's
// permissions, so sharing a set never shares data.
import { randomUUID } from 'node:crypto';
import { AppError } from '../kernel/errors';
import { conflictOnDuplicateName, requireJiraAdmin } from '../access/guards';
import type { Clock } from '../kernel/ports';
import { paramSetBody, type ParamSetBody, type ParamSetView } from '../contract/param-sets';
import type { UserDirectory } from '../jira/user-directory';
import { createDocumentRepository, type StoredDocument } from '../storage/document-repository';
import type { Db } from '../storage/schema';
import type { Caller } from '../tokens/token-service';
import { canonicalParams, parseReportParams, ParamError, type RawParams } from '../reporting/report-params';

/** Parameters that make no sense saved: the token, paging state, another set. */
const NOT_SAVABLE = new Set(['tisjwt', 'nextpagetoken', 'paramsetid', 'startissueindex']);

export function savedParamsOf(body: ParamSetBody): RawParams {
  return canonicalParams(Object.entries(body.params)).params;
}

function checkParams(body: ParamSetBody): void {
  const entries = Object.entries(body.params);
  const { params, problems } = canonicalParams(entries);
  for (const [name] of entries) {
    if (NOT_SAVABLE.has(name.toLowerCase())) problems.push({ param: name, message: 'cannot be saved in a parameter set' });
  }
  try {
    parseReportParams(params, problems);
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    const issues = error.problems.map((p) => ({ field: `paramSet.params.${p.param}`, message: p.message }));
    throw new AppError('BAD_REQUEST', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { field: issues[0]?.field, issues });
  }
}

export function createParamSetService(deps: { db: Db; users: UserDirectory; clock: Clock }) {
  const documents = createDocumentRepository(deps.db, 'param-set', paramSetBody);
  const view = (doc: StoredDocument<ParamSetBody>): ParamSetView => ({ ...doc.body, id: doc.id, updatedAt: new Date(doc.updatedAt).toISOString(), updatedBy: doc.updatedBy });
  const notFound = (): AppError => new AppError('NOT_FOUND', 'No such parameter set.', { field: 'id' });
  const requireAdmin = (caller: Caller): Promise<void> =>
    requireJiraAdmin(deps.users, caller.accountId, 'Only Jira administrators can change saved parameter sets.');
  const duplicate = conflictOnDuplicateName('paramSet.name');
  return {
    async list(): Promise<ParamSetView[]> {
      return (await documents.list()).map(view);
    },
    /** The saved parameters of a set, for the REST API; undefined when there is none. */
    async savedParams(id: string): Promise<RawParams | undefined> {
      const doc = await documents.get(id);
      return doc && savedParamsOf(doc.body);
    },
    async create(caller: Caller, body: ParamSetBody): Promise<ParamSetView> {
      await requireAdmin(caller);
      checkParams(body);
      const id = randomUUID();
      await documents.insert({ id, name: body.name, body }, deps.clock.now(), caller.accountId).catch(duplicate);
      const doc = await documents.get(id);
      if (!doc) throw notFound();
      return view(doc);
    },
    async update(caller: Caller, id: string, body: ParamSetBody): Promise<ParamSetView> {
      await requireAdmin(caller);
      checkParams(body);
      const updated = await documents.update(id, { name: body.name, body }, deps.clock.now(), caller.accountId).catch(duplicate);
      const doc = updated ? await documents.get(id) : undefined;
      if (!doc) throw notFound();
      return view(doc);
    },
    async remove(caller: Caller, id: string): Promise<{ id: string }> {
      await requireAdmin(caller);
      if (!(await documents.remove(id))) throw notFound();
      return { id };
    },
  };
}

export type ParamSetService = ReturnType<typeof createParamSetService>;
