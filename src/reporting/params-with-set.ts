// The raw report parameters of one request, whoever sent it (a REST client or the user
// page's report builder): names folded to their canonical spelling, a saved parameter set
// (paramSetId) laid underneath, fixed parameters on top. One function, so the builder's
// preview and the REST API can never read the same parameters differently.
import { echo } from '../kernel/echo';
import type { FieldProblem } from '../kernel/errors';
import { canonicalParams, overlayParams, PARAMETERS, type ParamName, type RawParams } from './report-params';

const FIXED_MESSAGES: Partial<Record<ParamName, string>> = {
  filterType: 'this endpoint reports one issue; leave filterType out or give issue',
};

/** A saved set's parameters by id; undefined when there is no such set. */
export type SavedParamsLookup = (id: string) => Promise<RawParams | undefined>;

export async function paramsWithSet(
  pairs: ReadonlyArray<readonly [string, string]>,
  savedParams: SavedParamsLookup,
  fixed: RawParams = {},
): Promise<{ raw: RawParams; problems: FieldProblem[] }> {
  const { params, problems } = canonicalParams(pairs);
  let saved: RawParams = {};
  const setId = params.paramSetId?.[0];
  if (setId !== undefined && PARAMETERS.paramSetId.schema.safeParse(setId).success) {
    const found = await savedParams(setId);
    if (found) saved = found;
    else problems.push({ field: 'paramSetId', message: `there is no saved parameter set '${echo(setId)}'` });
  }
  // A fixed parameter (filterType=issue on /rest/issue) is not silently replaced: the
  // request may repeat it, in any case, or leave it out.
  for (const name of Object.keys(fixed) as ParamName[]) {
    const wanted = fixed[name]?.[0]?.toLowerCase();
    if (params[name]?.some((value) => value.trim().toLowerCase() !== wanted)) {
      problems.push({ field: name, message: FIXED_MESSAGES[name] ?? `this endpoint fixes ${name} to ${fixed[name]?.[0] ?? ''}; leave it out` });
    }
  }
  return { raw: overlayParams(overlayParams(saved, params), fixed), problems };
}
