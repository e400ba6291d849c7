// The report parameters of one request: query string and body merged, names folded to
// their canonical spelling, a saved parameter set (paramSetId) underneath.
import type { AppServices } from '../../entry/composition/app-services';
import { canonicalParams, overlayParams, parseReportParams, PARAMETERS, type ParamProblem, type RawParams, type ReportParams } from '../../reporting/report-params';
import type { RestRequest } from '../http';
import { requestPairs } from '../request-params';

/** The raw parameters with the saved set already laid underneath, and what was wrong. */
export async function resolvedRawParams(request: RestRequest, services: AppServices, fixed: RawParams = {}): Promise<{ raw: RawParams; problems: ParamProblem[] }> {
  const { params, problems } = canonicalParams(requestPairs(request));
  let saved: RawParams = {};
  const setId = params.paramSetId?.[0];
  if (setId !== undefined && PARAMETERS.paramSetId.schema.safeParse(setId).success) {
    const found = await services.paramSets.savedParams(setId);
    if (found) saved = found;
    else problems.push({ param: 'paramSetId', message: `there is no saved parameter set '${setId}'` });
  }
  return { raw: overlayParams(overlayParams(saved, params), fixed), problems };
}

export async function reportParamsOf(request: RestRequest, services: AppServices, fixed: RawParams = {}): Promise<ReportParams> {
  const { raw, problems } = await resolvedRawParams(request, services, fixed);
  return parseReportParams(raw, problems);
}
