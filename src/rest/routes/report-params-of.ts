// The report parameters of one request: query string and body merged, names folded to
// their canonical spelling, a saved parameter set (paramSetId) underneath.
import type { FieldProblem } from '../../kernel/errors';
import type { ParamSetService } from '../../report-settings/param-sets';
import { canonicalParams, overlayParams, parseReportParams, PARAMETERS, type RawParams, type ReportParams } from '../../reporting/report-params';
import type { RestRequest } from '../http';
import { requestPairs } from '../request-params';

/** The raw parameters with the saved set already laid underneath, and what was wrong. */
export async function resolvedRawParams(
  request: RestRequest,
  paramSets: ParamSetService,
  fixed: RawParams = {},
): Promise<{ raw: RawParams; problems: FieldProblem[] }> {
  // The token was read by authentication.ts (header, query or body); a client may send it in
  // more than one place, so it is left out here rather than refused as given twice.
  const pairs = requestPairs(request).filter(([name]) => name.toLowerCase() !== 'tisjwt');
  const { params, problems } = canonicalParams(pairs);
  let saved: RawParams = {};
  const setId = params.paramSetId?.[0];
  if (setId !== undefined && PARAMETERS.paramSetId.schema.safeParse(setId).success) {
    const found = await paramSets.savedParams(setId);
    if (found) saved = found;
    else problems.push({ field: 'paramSetId', message: `there is no saved parameter set '${setId}'` });
  }
  return { raw: overlayParams(overlayParams(saved, params), fixed), problems };
}

export async function reportParamsOf(request: RestRequest, paramSets: ParamSetService, fixed: RawParams = {}): Promise<ReportParams> {
  const { raw, problems } = await resolvedRawParams(request, paramSets, fixed);
  return parseReportParams(raw, problems);
}
