// Saved REST parameter sets (`paramSetId`): named bundles of report parameters that
// Jira administrators manage and every token can use. Parameter names and values are
// checked on the server by the REST API's own parser, so a saved set can never hold a
// parameter a report would refuse.
import { z } from 'zod';

export const PARAM_SET_NAME_MAX = 200;
export const PARAM_SET_DESCRIPTION_MAX = 1000;
export const PARAM_SET_MAX_PARAMS = 50;

export const paramSetBody = z.strictObject({
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(PARAM_SET_NAME_MAX),
  description: z.string().max(PARAM_SET_DESCRIPTION_MAX).optional(),
  /** Parameter name -> value as it would appear in a query string (lists comma-separated). */
  params: z
    .record(z.string().min(1).max(100), z.string().max(20_000))
    .refine((params) => Object.keys(params).length <= PARAM_SET_MAX_PARAMS, { message: `must hold at most ${PARAM_SET_MAX_PARAMS} parameters` }),
});

const paramSetId = z.string().uuid({ message: 'must be a parameter set id (a UUID)' });
export const createParamSetPayload = z.strictObject({ paramSet: paramSetBody });
export const updateParamSetPayload = z.strictObject({ id: paramSetId, paramSet: paramSetBody });
export const paramSetIdPayload = z.strictObject({ id: paramSetId });

export type ParamSetBody = z.infer<typeof paramSetBody>;

export interface ParamSetView extends ParamSetBody {
  id: string;
  updatedAt: string;
  /** Account id of the admin who saved it last. */
  updatedBy: string;
}
