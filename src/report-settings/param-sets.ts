// Saved parameter sets (`paramSetId`). Choice (docs/rest-api.md): sets are admin-managed
// and shared: names are unique per site, every signed-in user and every token may list
// and use them, and only Jira administrators create, change or delete them. A set holds
// parameters only; the report still runs with the token owner's permissions, so sharing
// a set never shares data. Its parameters are checked by the REST API's own parser.
import { paramSetBody, type ParamSetBody, type ParamSetView } from '../contract/param-sets';
import type { UserDirectory } from '../jira';
import { FieldError } from '../kernel/errors';
import type { Clock } from '../kernel/ports';
import { canonicalParams, parseReportParams, type RawParams } from '../reporting/report-params';
import { createDocumentRepository } from '../storage/document-repository';
import type { Db } from '../storage/schema';
import { createDocuments, type Documents } from './documents';

/** Parameters that make no sense saved: the token, paging state, another set. */
const NOT_SAVABLE = new Set(['tisjwt', 'nextpagetoken', 'paramsetid', 'startissueindex']);

const savedParamsOf = (body: ParamSetBody): RawParams => canonicalParams(Object.entries(body.params)).params;

function checkParams(body: ParamSetBody): ParamSetBody {
  const entries = Object.entries(body.params);
  const { params, problems } = canonicalParams(entries);
  for (const [name] of entries) {
    if (NOT_SAVABLE.has(name.toLowerCase())) problems.push({ field: name, message: 'cannot be saved in a parameter set' });
  }
  try {
    parseReportParams(params, problems);
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    throw new FieldError(error.problems.map((p) => ({ field: `paramSet.params.${p.field}`, message: p.message })));
  }
  return body;
}

export interface ParamSetService extends Documents<ParamSetView, ParamSetBody> {
  /** The saved parameters of a set, for the REST API; undefined when there is none. */
  savedParams(id: string): Promise<RawParams | undefined>;
}

export function createParamSetService(deps: { db: Db; users: UserDirectory; clock: Clock }): ParamSetService {
  const repository = createDocumentRepository(deps.db, 'param-set', paramSetBody);
  const documents = createDocuments({
    repository,
    users: deps.users,
    clock: deps.clock,
    noun: 'parameter set',
    adminOnly: 'Only Jira administrators can change saved parameter sets.',
    nameField: 'paramSet.name',
    validate: checkParams,
    view: (document, updatedAt): ParamSetView => ({ ...document.body, id: document.id, updatedAt, updatedBy: document.updatedBy }),
  });
  return {
    ...documents,
    async savedParams(id) {
      const document = await repository.get(id);
      return document && savedParamsOf(document.body);
    },
  };
}
