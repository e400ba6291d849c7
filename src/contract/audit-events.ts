// The audit log's constants, free of zod so the pages can import them without bundling
// the schemas (src/contract/audit.ts holds those).

/** Every kind of audit event, in the order the filter offers them. */
export const AUDIT_EVENT_TYPES = [
  'token.created',
  'token.updated',
  'token.deactivated',
  'token.reactivated',
  'token.regenerated',
  'token.rotated',
  'token.deleted',
  'token.restrictions-changed',
  'token.refused',
  'token.new-address',
  'policy.changed',
  'ip-allowlist.updated',
  'key.created',
  'key.retired',
  'bulk.lifetimes-capped',
  'bulk.deactivated-all',
  'sweep.stale-deactivated',
  'sweep.owner-inactive-deactivated',
  'sweep.owner-inactive-deleted',
  'sweep.events-removed',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/**
 * The events about one token, which token managers see (they may act on every token):
 * everything but policy, signing-key, bulk and retention events, which stay with Jira admins.
 */
export const TOKEN_EVENT_TYPES = AUDIT_EVENT_TYPES.filter((type) => type.startsWith('token.') || /^sweep\.(stale|owner-inactive)-/.test(type));

/** The actor of events no person caused. */
export const SYSTEM_ACTOR = 'system';
/** The actor of refused REST uses: whoever presented the token is not known. */
export const ANONYMOUS_ACTOR = 'anonymous';

/** The largest page of audit events one call answers. */
export const AUDIT_PAGE_SIZE_MAX = 200;

/** Exports stop at this many events: narrow the filters for more. */
export const AUDIT_EXPORT_MAX = 10_000;

/** The text to type to deactivate every token. */
export const DEACTIVATE_ALL_CONFIRMATION = 'DEACTIVATE ALL TOKENS';
