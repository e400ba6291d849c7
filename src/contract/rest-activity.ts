// The admin's view of REST API activity: one row per authenticated request.
import { z } from 'zod';
import { SHORT_TOKEN_ID } from './token-id';

export const ACTIVITY_PAGE_SIZE_MAX = 200;
export const activityListPayload = z.strictObject({
  page: z.number().int().min(1).optional(),
  pageSize: z.number().int().min(1).max(ACTIVITY_PAGE_SIZE_MAX).optional(),
  /** The whole id, or its first 8 characters as every table shows it. */
  tokenId: z
    .string()
    .refine((text) => z.uuid().safeParse(text).success || SHORT_TOKEN_ID.test(text), {
      message: 'must be a token ID: the whole UUID or its first 8 characters',
    })
    .optional(),
});
export type ActivityListPayload = z.infer<typeof activityListPayload>;

export interface RestActivityView {
  at: string;
  tokenId: string;
  ownerAccountId: string;
  /** The endpoint pattern, e.g. /rest/list or /rest/export/{id}. */
  endpoint: string;
  method: string;
  issueCount: number;
  status: number;
  durationMs: number;
  /** The caller's address as Forge's edge saw it; null when unknown. */
  clientIp: string | null;
  /** Why a genuine token was refused (IP: from outside an allow-list); null when the request ran. */
  refusal: string | null;
  /** What a failed request was told (a refusal: which check failed, in words); null when it succeeded. */
  message: string | null;
}

/** The owner's view of one token's requests: the newest, refused ones with their reason. */
export interface TokenActivity {
  requests: RestActivityView[];
  /** Every request of the token in the log (30 days), of which `requests` are the newest. */
  total: number;
}

export interface RestActivityPage {
  requests: RestActivityView[];
  page: number;
  pageSize: number;
  total: number;
}
