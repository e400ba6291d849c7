// Token resolvers: payload schemas (checked on the server) and result shapes (read by the
// UI). Instants travel as ISO 8601 strings in UTC.
import { z } from 'zod';
import { allowedIpsField, projectKeysField } from './token-restrictions';

export const NOTES_MAX_LENGTH = 500;
/** Far-future expiry the UI offers as "no practical expiry". */
export const FAR_FUTURE_EXPIRY = '2099-12-31';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an expiry given as an ISO 8601 date (`2099-12-31`: the token works through that
 * UTC day, so it expires at the next midnight UTC) or a date-time with an offset. Returns
 * epoch ms, or undefined when the text is not such a date.
 */
export function parseExpiry(text: string): number | undefined {
  const date = ISO_DATE.exec(text);
  if (date) {
    const [, year, month, day] = date.map(Number) as [number, number, number, number];
    const start = Date.UTC(year, month - 1, day);
    const roundTrip = new Date(start);
    // Date.UTC rolls 2025-02-30 over to March: refuse instead of guessing.
    if (roundTrip.getUTCMonth() !== month - 1 || roundTrip.getUTCDate() !== day) return undefined;
    return start + 24 * 60 * 60 * 1000;
  }
  if (!ISO_DATE_TIME_WITH_OFFSET.test(text)) return undefined;
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? undefined : instant;
}

const expiresAt = z.string().refine((text) => parseExpiry(text) !== undefined, {
  message: 'must be an ISO 8601 date such as 2099-12-31 or a date-time with an offset such as 2099-12-31T23:59:59Z',
});
const notes = z.string().max(NOTES_MAX_LENGTH, { message: `must be at most ${NOTES_MAX_LENGTH} characters` });
const tokenId = z.string().uuid({ message: 'must be a token id (a UUID)' });

/** Restrictions: `allowedIps` one address or CIDR range a line ([] any), `projectKeys` ([] every browsable project). */
export const createTokenPayload = z.strictObject({
  expiresAt,
  notes: notes.optional(),
  allowedIps: allowedIpsField.optional(),
  projectKeys: projectKeysField.optional(),
});
export const updateTokenPayload = z
  .strictObject({
    id: tokenId,
    active: z.boolean().optional(),
    expiresAt: expiresAt.optional(),
    notes: notes.optional(),
    allowedIps: allowedIpsField.optional(),
    projectKeys: projectKeysField.optional(),
  })
  .refine((p) => p.active !== undefined || p.expiresAt !== undefined || p.notes !== undefined || p.allowedIps !== undefined || p.projectKeys !== undefined, {
    message: 'give at least one of active, expiresAt, notes, allowedIps, projectKeys',
  });
export const tokenIdPayload = z.strictObject({ id: tokenId });
export const emptyPayload = z.strictObject({});

export const tokenStates = ['active', 'inactive', 'expired'] as const;
export type TokenState = (typeof tokenStates)[number];

const instantFilter = z.string().refine((text) => parseExpiry(text) !== undefined || !Number.isNaN(Date.parse(text)), {
  message: 'must be an ISO 8601 date or date-time',
});

export const ADMIN_PAGE_SIZE_MAX = 100;
export const adminListPayload = z.strictObject({
  page: z.number().int().min(1).optional(),
  pageSize: z.number().int().min(1).max(ADMIN_PAGE_SIZE_MAX).optional(),
  accountIds: z.array(z.string().min(1).max(128)).max(100).optional(),
  notesContains: z.string().max(NOTES_MAX_LENGTH).optional(),
  createdFrom: instantFilter.optional(),
  createdTo: instantFilter.optional(),
  lastUsedFrom: instantFilter.optional(),
  lastUsedTo: instantFilter.optional(),
  expiresFrom: instantFilter.optional(),
  expiresTo: instantFilter.optional(),
  states: z.array(z.enum(tokenStates)).optional(),
});
export const adminSetActivePayload = z.strictObject({ id: tokenId, active: z.boolean() });

export type EmptyPayload = z.infer<typeof emptyPayload>;
export type CreateTokenPayload = z.infer<typeof createTokenPayload>;
export type UpdateTokenPayload = z.infer<typeof updateTokenPayload>;
export type TokenIdPayload = z.infer<typeof tokenIdPayload>;
export type AdminListPayload = z.infer<typeof adminListPayload>;
export type AdminSetActivePayload = z.infer<typeof adminSetActivePayload>;

/** One row of the token table; never holds the token text. */
export interface TokenView {
  id: string;
  ownerAccountId: string;
  /** Jira display name; the account id when Jira no longer knows the user. */
  ownerDisplayName: string;
  ownerActive: boolean;
  active: boolean;
  /** True when expiresAt has passed at the time of the response. */
  expired: boolean;
  notes: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  useCount: number;
  /** Addresses and CIDR ranges the token works from; [] means any address. */
  allowedIps: string[];
  /** Projects the token's reports are limited to; [] means every project the owner may browse. */
  projectKeys: string[];
}

/** The only response that ever carries the token text: show it once. */
export interface IssuedToken {
  token: string;
  tokenInfo: TokenView;
}

export interface TokenList {
  tokens: TokenView[];
}

export interface TokenPage {
  tokens: TokenView[];
  page: number;
  pageSize: number;
  total: number;
}

export interface AppContextView {
  accountId: string;
  displayName: string;
  isJiraAdmin: boolean;
  /** The REST API's base URL (the web trigger URL); clients append /rest/... */
  restBaseUrl: string;
}
