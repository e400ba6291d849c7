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

/** The actor of events no person caused. */
export const SYSTEM_ACTOR = 'system';
/** The actor of refused REST uses: whoever presented the token is not known. */
export const ANONYMOUS_ACTOR = 'anonymous';

/** Exports stop at this many events: narrow the filters for more. */
export const AUDIT_EXPORT_MAX = 10_000;

/** The text to type to deactivate every token. */
export const DEACTIVATE_ALL_CONFIRMATION = 'DEACTIVATE ALL TOKENS';
