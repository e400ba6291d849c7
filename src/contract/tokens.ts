// Token resolvers: payload schemas (checked on the server) and result shapes (read by the
// UI). Instants travel as ISO 8601 strings in UTC.
import { z } from 'zod';
import { INSTANT_FORMS, parseExpiry, parseInstantBound } from './instant-text';
import { isWellFormedText, LONE_SURROGATE_MESSAGE } from './well-formed-text';

export { parseExpiry, parseInstantBound } from './instant-text';
import { allowedIpsField, projectKeysField } from './token-restrictions';

export const NOTES_MAX_LENGTH = 500;
/** Far-future expiry the UI offers as "no practical expiry". */
export const FAR_FUTURE_EXPIRY = '2099-12-31';

const expiresAt = z.string().refine((text) => parseExpiry(text) !== undefined, { message: `must be ${INSTANT_FORMS}` });
const notes = z
  .string()
  .max(NOTES_MAX_LENGTH, { message: `must be at most ${NOTES_MAX_LENGTH} characters` })
  .refine(isWellFormedText, { message: LONE_SURROGATE_MESSAGE });
const tokenId = z.string().uuid({ message: 'must be a token id (a UUID)' });

/** Restrictions: `allowedIps` one address or CIDR range a line ([] any), `projectKeys` ([] every browsable project). */
export const createTokenPayload = z.strictObject({
  /** Without `expiresAt`, the policy's default lifetime applies. */
  expiresAt: expiresAt.optional(),
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

const instantFilter = z.string().refine((text) => parseInstantBound(text, 'from') !== undefined, { message: `must be ${INSTANT_FORMS}` });

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
  /** Only tokens that have not expired and expire within the expiry warning window (a hygiene setting). */
  expiresWithinWindow: z.boolean().optional(),
  /** Server-side order of the paged admin table; newest first when absent. */
  sortBy: z.enum(['created', 'expires', 'lastUsed', 'uses', 'notes']).optional(),
  sortOrder: z.enum(['ASC', 'DESC']).optional(),
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
  /** False when the policy's "who may use tokens" groups leave the owner out: the token is refused. */
  allowedByPolicy: boolean;
  /** The token manager or admin who created the token for its owner; null when the owner did. */
  createdBy: { accountId: string; displayName: string } | null;
  /** Set when an administrator or token manager deactivated it: only they can reactivate it. */
  deactivatedBy: 'administrator' | null;
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
  /** What the token policy allows this caller. */
  governance: CallerGovernance;
}

/** What the user page needs to know about the token policy for its caller. */
export interface CallerGovernance {
  mayCreate: boolean;
  /** Why not, naming the groups; null when the caller may create. */
  createRefusal: string | null;
  isTokenManager: boolean;
  maxLifetimeDays: number | null;
  defaultLifetimeDays: number;
  notesRequired: boolean;
  maxActiveTokensPerUser: number;
}
