// What changed between two states of a token, field by field, as the audit log keeps it:
// instants as ISO 8601, notes with anything shaped like a token blanked out (a user may
// paste a token into a note; the log must never hold one).
import { isoInstant } from '../kernel/time';
import type { TokenRecord } from '../storage/token-repository';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** A compact JWS: three base64url parts. Ours are ~300 characters; anything alike is hidden. */
const TOKEN_SHAPED = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

export function withoutTokenText(text: string): string {
  return text.replace(TOKEN_SHAPED, '[token removed]');
}

/** The audited fields of a token: what an owner, admin or the sweep can change. */
export function auditedFields(token: Pick<TokenRecord, 'active' | 'expiresAt' | 'notes' | 'keyId'>): Record<string, unknown> {
  return { active: token.active, expiresAt: isoInstant(token.expiresAt), notes: withoutTokenText(token.notes), keyId: token.keyId };
}

/** Each field whose value differs, with before and after. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[field] ?? null;
    const is = after[field] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(is)) changes[field] = { before: was, after: is };
  }
  return changes;
}
