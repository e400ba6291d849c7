// The report parameters of one request: query string and body merged, names folded to
// their canonical spelling, a saved parameter set (paramSetId) underneath.
import type { FieldProblem } from '../../kernel/errors';
import type { ParamSetService } from '../../report-settings/param-sets';
import {
  canonicalParams,
  overlayParams,
  parseReportParams,
  PARAMETERS,
  type ParamName,
  type RawParams,
  type ReportParams,
} from '../../reporting/report-params';
import type { RestRequest } from '../http';
import { requestPairs } from '../request-params';
import { echo } from '../../kernel/echo';

const FIXED_MESSAGES: Partial<Record<ParamName, string>> = {
  filterType: 'this endpoint reports one issue; leave filterType out or give issue',
};

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
    else problems.push({ field: 'paramSetId', message: `there is no saved parameter set '${echo(setId)}'` });
  }
  // An endpoint's fixed parameter (filterType=issue on /rest/issue) is not silently
  // replaced: the request may repeat it, in any case, or leave it out.
  for (const name of Object.keys(fixed) as ParamName[]) {
    const wanted = fixed[name]?.[0]?.toLowerCase();
    if (params[name]?.some((value) => value.trim().toLowerCase() !== wanted)) {
      problems.push({ field: name, message: FIXED_MESSAGES[name] ?? `this endpoint fixes ${name} to ${fixed[name]?.[0] ?? ''}; leave it out` });
    }
  }
  return { raw: overlayParams(overlayParams(saved, params), fixed), problems };
}

export async function reportParamsOf(request: RestRequest, paramSets: ParamSetService, fixed: RawParams = {}): Promise<ReportParams> {
  const { raw, problems } = await resolvedRawParams(request, paramSets, fixed);
  return parseReportParams(raw, problems);
}
