// Audit log, token history, hygiene settings, signing keys and the emergency switch:
// payload schemas (checked on the server) and result shapes (read by the pages).
import { z } from 'zod';
import { AUDIT_EVENT_TYPES, AUDIT_PAGE_SIZE_MAX, DEACTIVATE_ALL_CONFIRMATION } from './audit-events';
import { parseExpiry } from './tokens';

const instant = z.string().refine((text) => parseExpiry(text) !== undefined || !Number.isNaN(Date.parse(text)), {
  message: 'must be an ISO 8601 date or date-time',
});

/** A full token id, or the first 8 characters the tables show. */
const tokenIdOrShort = z.string().regex(/^[0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/i, {
  message: 'must be a token id or its first 8 characters',
});

const auditFilterFields = {
  actorAccountIds: z.array(z.string().min(1).max(128)).max(100).optional(),
  ownerAccountIds: z.array(z.string().min(1).max(128)).max(100).optional(),
  tokenId: tokenIdOrShort.optional(),
  types: z.array(z.enum(AUDIT_EVENT_TYPES)).optional(),
  /** Inclusive lower bound; a date means its start (UTC). */
  from: instant.optional(),
  /** Exclusive upper bound; a date means the end of that day (UTC). */
  to: instant.optional(),
};

export const auditListPayload = z.strictObject({
  ...auditFilterFields,
  page: z.number().int().min(1).optional(),
  pageSize: z.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).optional(),
});
export const auditExportPayload = z.strictObject({ ...auditFilterFields, format: z.enum(['csv', 'json']) });
export const tokenHistoryPayload = z.strictObject({ id: z.string().uuid({ message: 'must be a token id (a UUID)' }) });

export type AuditListPayload = z.infer<typeof auditListPayload>;
export type AuditExportPayload = z.infer<typeof auditExportPayload>;
export type AuditFilterPayload = Omit<AuditListPayload, 'page' | 'pageSize'>;
export type TokenHistoryPayload = z.infer<typeof tokenHistoryPayload>;

export interface AuditEventView {
  id: string;
  at: string;
  type: string;
  actorAccountId: string;
  ownerAccountId: string | null;
  tokenId: string | null;
  ip: string | null;
  /** How many times: more than 1 only for aggregated refused uses. */
  count: number;
  /** What changed ({ field: { before, after } }) or what happened; never token text. */
  detail: Record<string, unknown>;
}

export interface AuditPage {
  events: AuditEventView[];
  page: number;
  pageSize: number;
  total: number;
}

export interface AuditExport {
  format: 'csv' | 'json';
  fileName: string;
  contentType: string;
  /** The file's text. */
  content: string;
  count: number;
  /** True when the filter matched more than AUDIT_EXPORT_MAX events. */
  truncated: boolean;
}

export interface AddressSeen {
  address: string;
  firstSeen: string;
  lastSeen: string;
}

export interface TokenHistory {
  events: AuditEventView[];
  /** The last 5 distinct addresses the token was used from, most recent first. */
  addresses: AddressSeen[];
}

/** Hygiene settings: retention, the stale sweep, departed owners, the expiry warning window. */
export const hygieneSettingsSchema = z.strictObject({
  auditRetentionDays: z.number().int().min(1).max(3650),
  /** null: the sweep never deactivates unused tokens. */
  staleAfterDays: z.number().int().min(1).max(3650).nullable(),
  /** null: tokens of owners Jira reports inactive are deactivated, never deleted. */
  deleteDeactivatedOwnersAfterDays: z.number().int().min(1).max(3650).nullable(),
  expiryWarningDays: z.number().int().min(1).max(365),
});
export type HygieneSettings = z.infer<typeof hygieneSettingsSchema>;
export const DEFAULT_HYGIENE_SETTINGS: HygieneSettings = {
  auditRetentionDays: 365,
  staleAfterDays: null,
  deleteDeactivatedOwnersAfterDays: null,
  expiryWarningDays: 14,
};
export const hygieneUpdatePayload = hygieneSettingsSchema.partial().strict();
export type HygieneUpdatePayload = z.infer<typeof hygieneUpdatePayload>;

export interface SigningKeyView {
  kid: string;
  createdAt: string | null;
  /** Tokens whose current text this key signed. */
  tokenCount: number;
  current: boolean;
  retired: boolean;
  retiredAt: string | null;
}

export interface SigningKeyList {
  keys: SigningKeyView[];
}

const kid = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { message: 'must be a key id' });
/** Without `confirmCount` the answer is the count; with it (equal to the current count) the key is retired. */
export const retireKeyPayload = z.strictObject({ kid, confirmCount: z.number().int().min(0).optional() });
export type RetireKeyPayload = z.infer<typeof retireKeyPayload>;

export interface RetireKeyResult {
  kid: string;
  /** Tokens that stop (or stopped) working with this key. */
  tokenCount: number;
  retired: boolean;
}

export const deactivateAllPayload = z.strictObject({
  confirmation: z.literal(DEACTIVATE_ALL_CONFIRMATION, { message: `type ${DEACTIVATE_ALL_CONFIRMATION} to confirm` }),
});
export type DeactivateAllPayload = z.infer<typeof deactivateAllPayload>;

export interface HygieneSweepResult {
  eventsRemoved: number;
  staleDeactivated: string[];
  ownerInactiveDeactivated: string[];
  ownerInactiveDeleted: string[];
}
