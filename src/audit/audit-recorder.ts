// Writes the audit log: one method per kind of event, each one row, so a use case records
// an event with one call. Rows hold who acted, whose token, which token, when, the caller's
// address where there is one, and each changed field before and after; never token text
// (the token record has only its hash, and notes pass through withoutTokenText).
import { ANONYMOUS_ACTOR, SYSTEM_ACTOR, type AuditEventType } from '../contract/audit-events';
import type { AuditRepository } from '../storage/audit-repository';
import type { TokenRecord } from '../storage/token-repository';
import { auditedFields, diffFields } from './audit-diff';

export interface Actor {
  accountId: string;
  /** The caller's address: REST calls have one, Custom UI resolver calls do not. */
  ip?: string | null;
}

export const SYSTEM: Actor = { accountId: SYSTEM_ACTOR };

type TokenFacts = Pick<TokenRecord, 'id' | 'ownerAccountId' | 'active' | 'expiresAt' | 'notes' | 'keyId'>;

export interface AuditRecorder {
  tokenCreated(actor: Actor, token: TokenFacts): Promise<void>;
  /** An edit: token.deactivated / token.reactivated when the switch moved, else token.updated. */
  tokenChanged(actor: Actor, before: TokenFacts, after: TokenFacts): Promise<void>;
  tokenRegenerated(actor: Actor, before: TokenFacts, after: TokenFacts): Promise<void>;
  tokenRotated(actor: Actor, before: TokenFacts, after: TokenFacts): Promise<void>;
  tokenDeleted(actor: Actor, before: TokenFacts): Promise<void>;
  restrictionsChanged(actor: Actor, token: TokenFacts, before: Record<string, unknown>, after: Record<string, unknown>): Promise<void>;
  policyChanged(actor: Actor, setting: string, before: Record<string, unknown>, after: Record<string, unknown>): Promise<void>;
  keyCreated(actor: Actor, kid: string): Promise<void>;
  keyRetired(actor: Actor, kid: string, tokenCount: number): Promise<void>;
  bulk(actor: Actor, type: 'bulk.lifetimes-capped' | 'bulk.deactivated-all', detail: Record<string, unknown>): Promise<void>;
  /** A change the daily sweep made to one token. */
  swept(
    type: 'sweep.stale-deactivated' | 'sweep.owner-inactive-deactivated' | 'sweep.owner-inactive-deleted',
    before: TokenFacts,
    after: TokenFacts | null,
    why: Record<string, unknown>,
  ): Promise<void>;
  eventsRemoved(count: number, before: number): Promise<void>;
  /** A refused REST use, counted in its token's row for the hour, reason and address. */
  refused(use: { at: number; tokenId: string | null; ownerAccountId: string | null; reason: string; ip: string | null }): Promise<void>;
  newAddress(token: Pick<TokenRecord, 'id' | 'ownerAccountId'>, ip: string, at: number): Promise<void>;
}

export function createAuditRecorder(deps: { audit: AuditRepository; clock: { now(): number } }): AuditRecorder {
  const { audit, clock } = deps;

  const write = (
    actor: Actor,
    type: AuditEventType,
    token: Pick<TokenFacts, 'id' | 'ownerAccountId'> | null,
    detail: Record<string, unknown>,
    at = clock.now(),
  ) =>
    audit.append({
      at,
      actorAccountId: actor.accountId,
      action: type,
      tokenId: token?.id ?? null,
      subjectAccountId: token?.ownerAccountId ?? null,
      ip: actor.ip ?? null,
      detail,
    });

  const changes = (before: TokenFacts | null, after: TokenFacts | null) => diffFields(before ? auditedFields(before) : {}, after ? auditedFields(after) : {});

  return {
    tokenCreated: (actor, token) => write(actor, 'token.created', token, { changes: changes(null, token) }),
    tokenChanged(actor, before, after) {
      const type = before.active === after.active ? 'token.updated' : after.active ? 'token.reactivated' : 'token.deactivated';
      return write(actor, type, after, { changes: changes(before, after) });
    },
    tokenRegenerated: (actor, before, after) => write(actor, 'token.regenerated', after, { changes: changes(before, after) }),
    tokenRotated: (actor, before, after) => write(actor, 'token.rotated', after, { changes: changes(before, after) }),
    tokenDeleted: (actor, before) => write(actor, 'token.deleted', before, { changes: changes(before, null) }),
    restrictionsChanged: (actor, token, before, after) => write(actor, 'token.restrictions-changed', token, { changes: diffFields(before, after) }),
    policyChanged: (actor, setting, before, after) => write(actor, 'policy.changed', null, { setting, changes: diffFields(before, after) }),
    keyCreated: (actor, kid) => write(actor, 'key.created', null, { kid }),
    keyRetired: (actor, kid, tokenCount) => write(actor, 'key.retired', null, { kid, tokensRefusedFromNow: tokenCount }),
    bulk: (actor, type, detail) => write(actor, type, null, detail),
    swept: (type, before, after, why) => write(SYSTEM, type, before, { ...why, changes: changes(before, after) }),
    eventsRemoved: (count, before) => write(SYSTEM, 'sweep.events-removed', null, { count, olderThan: new Date(before).toISOString() }),
    refused: (use) => audit.countRefusal({ ...use, actorAccountId: ANONYMOUS_ACTOR }),
    newAddress: (token, ip, at) => write({ accountId: token.ownerAccountId, ip }, 'token.new-address', token, { address: ip }, at),
  };
}
