// The raw report parameters of one request, whoever sent it (a REST client or the user
// page's report builder): names folded to their canonical spelling, a saved parameter set
// (paramSetId) laid underneath, fixed parameters on top. One function, so the builder's
// preview and the REST API can never read the same parameters differently.
import type { FieldProblem } from '../kernel/errors';
import { canonicalParams, overlayParams, PARAMETERS, type RawParams } from './report-params';

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
    else problems.push({ field: 'paramSetId', message: `there is no saved parameter set '${setId}'` });
  }
  return { raw: overlayParams(overlayParams(saved, params), fixed), problems };
}
