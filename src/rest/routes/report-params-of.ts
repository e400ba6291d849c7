// The report parameters of one request: query string and body merged, names folded to
// their canonical spelling, a saved parameter set (paramSetId) underneath.
import type { FieldProblem } from '../../kernel/errors';
import type { ParamSetService } from '../../report-settings/param-sets';
import { paramsWithSet } from '../../reporting/params-with-set';
import { parseReportParams, type RawParams, type ReportParams } from '../../reporting/report-params';
import type { RestRequest } from '../http';
import { requestPairs } from '../request-params';

/** The raw parameters with the saved set already laid underneath, and what was wrong. */
export function resolvedRawParams(
  request: RestRequest,
  paramSets: ParamSetService,
  fixed: RawParams = {},
): Promise<{ raw: RawParams; problems: FieldProblem[] }> {
  // The token was read by authentication.ts (header, query or body); a client may send it in
  // more than one place, so it is left out here rather than refused as given twice.
  const pairs = requestPairs(request).filter(([name]) => name.toLowerCase() !== 'tisjwt');
  return paramsWithSet(pairs, (id) => paramSets.savedParams(id), fixed);
}

export async function reportParamsOf(request: RestRequest, paramSets: ParamSetService, fixed: RawParams = {}): Promise<ReportParams> {
  const { raw, problems } = await resolvedRawParams(request, paramSets, fixed);
  return parseReportParams(raw, problems);
}
