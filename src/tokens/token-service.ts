// The token use cases behind the resolvers. The caller's account id always comes from
// the Forge context, never from a payload; admin calls check Jira's ADMINISTER permission
// and token-manager calls the policy's manager groups here, whichever page made them. The
// token policy (policy/) bounds creation, lifetimes, notes and how many tokens one holds.
import { randomUUID } from 'node:crypto';
import { requireJiraAdmin, type Caller } from '../access/guards';
import { AppError, FieldError, RetryLaterError } from '../kernel/errors';
import type { Clock } from '../kernel/ports';
import { isoInstant } from '../kernel/time';
import {
  ADMIN_PAGE_SIZE_MAX,
  parseExpiry,
  parseInstantBound,
  type AdminListPayload,
  type AdminSetActivePayload,
  type CreateTokenPayload,
  type IssuedToken,
  type TokenIdPayload,
  type TokenPage,
  type TokenView,
  type UpdateTokenPayload,
} from '../contract/tokens';
import { latestAllowedExpiry } from '../contract/lifetime-limit';
import type { CapResult, ManagerCreatePayload, Policy } from '../contract/policy';
import type { AuditRecorder } from '../audit/audit-recorder';
import type { ProjectDirectory, UserDirectory } from '../jira';
import type { ManagerRole, PolicyService } from '../policy/policy-service';
import { readIpLines } from '../contract/ip-lines';
import type { ProjectView } from '../contract/token-restrictions';
import type { FieldProblem } from '../kernel/errors';
import type { AuditRepository } from '../storage/audit-repository';
import type { DeactivatedBy, TokenFilter, TokenRecord, TokenRepository } from '../storage/token-repository';
import { hashToken, signToken } from './jwt-codec';
import type { SigningKeys } from './signing-keys';
import { tokenRefusalOf } from './token-model';
import { toTokenViews } from './token-view';

export interface TokenServiceDeps {
  tokens: TokenRepository;
  audit: AuditRepository;
  recorder: AuditRecorder;
  keys: SigningKeys;
  users: UserDirectory;
  policy: PolicyService;
  /** Projects an owner may browse: a token's project scope must lie within them. */
  projects: ProjectDirectory;
  /** The expiry warning window (days), for the tables' "expires within the window" filter. */
  expiryWarningDays: () => Promise<number>;
  clock: Clock;
}

interface RestrictionInput {
  allowedIps?: readonly string[] | undefined;
  projectKeys?: readonly string[] | undefined;
}

/** Self-rotation: at most once a minute per token, so a looping script cannot churn keys. */
export const ROTATION_INTERVAL_MS = 60_000;

export interface RotatedToken {
  token: string;
  tokenId: string;
  /** Epoch ms. */
  expiresAt: number;
}
const DEFAULT_ADMIN_PAGE_SIZE = 25;
/** Tokens beyond the maximum lifetime the Policy tab lists at once. */
const OVER_LIMIT_LIST_MAX = 100;
const DAY_MS = 86_400_000;

function expiryOrThrow(text: string): number {
  const instant = parseExpiry(text);
  // The contract schema has already checked the text; this guards direct callers.
  if (instant === undefined) throw new FieldError([{ field: 'expiresAt', message: 'is not a date' }], { message: 'expiresAt is not a date' });
  return instant;
}

/** A new expiry must lie ahead: a token born expired would be refused at its first use. */
function requireFuture(expiresAt: number, now: number): void {
  if (expiresAt <= now) throw new FieldError([{ field: 'expiresAt', message: 'must be in the future' }], { message: 'expiresAt must be in the future' });
}

/** A filter bound; a date covers its whole day (`from` its midnight, `to` the next one). */
function optionalBound(text: string | undefined, field: string, side: 'from' | 'to'): number | undefined {
  if (text === undefined) return undefined;
  const instant = parseInstantBound(text, side);
  if (instant === undefined) throw new FieldError([{ field, message: 'is not a date' }], { message: `${field} is not a date` });
  return instant;
}

/** Refuses an expiry past the policy's maximum lifetime, naming the limit. */
function checkLifetime(policy: Policy, expiresAt: number, now: number, field = 'expiresAt'): void {
  const limit = latestAllowedExpiry(policy.maxLifetimeDays, now);
  if (limit === undefined || expiresAt <= limit) return;
  const message = `must be at most ${policy.maxLifetimeDays} days from today (the token policy's maximum lifetime): ${isoInstant(limit).slice(0, 10)} or earlier`;
  throw new FieldError([{ field, message }], { message: `${field} ${message}.` });
}

function checkNotes(policy: Policy, notes: string | undefined): void {
  if (policy.notesRequired && (notes ?? '').trim() === '') {
    throw new FieldError([{ field: 'notes', message: 'are required by the token policy: say what the token is for' }], {
      message: 'notes are required by the token policy: say what the token is for.',
    });
  }
}

const managersOnly = 'Only token managers and Jira administrators can manage other users’ tokens.';

const notFound = (): FieldError =>
  new FieldError([{ field: 'id', message: 'does not name a token of yours' }], {
    code: 'NOT_FOUND',
    message: 'No such token: it does not exist or is not yours.',
  });

export function createTokenService(deps: TokenServiceDeps) {
  const { tokens, audit, recorder, keys, users, policy, clock } = deps;
  const viewDeps = { users, mayUse: (accountId: string) => policy.mayUse(accountId) };
  const views = (rows: readonly TokenRecord[], now: number): Promise<TokenView[]> => toTokenViews(rows, viewDeps, now);

  /**
   * Checks and canonicalises restrictions, every bad line and key at once: IP lines must
   * be addresses or CIDR ranges, project keys projects the owner may browse (Jira's key
   * spelling is kept). Absent fields stay absent, so an update leaves them as they were.
   */
  async function restrictionsOf(ownerAccountId: string, input: RestrictionInput): Promise<{ allowedIps?: string[]; projectKeys?: string[] }> {
    const problems: FieldProblem[] = [];
    const out: { allowedIps?: string[]; projectKeys?: string[] } = {};
    if (input.allowedIps !== undefined) {
      const read = readIpLines(input.allowedIps, 'allowedIps');
      problems.push(...read.problems);
      out.allowedIps = read.canonical;
    }
    if (input.projectKeys !== undefined) {
      const wanted = input.projectKeys.filter((key) => key.trim() !== '');
      const browsable =
        wanted.length === 0 ? new Map<string, string>() : new Map((await deps.projects.browsableBy(ownerAccountId)).map((p) => [p.key.toUpperCase(), p.key]));
      const keys: string[] = [];
      for (const key of wanted) {
        const known = browsable.get(key.toUpperCase());
        if (known === undefined) problems.push({ field: 'projectKeys', message: `${key} is not a project the token owner may browse` });
        else if (!keys.includes(known)) keys.push(known);
      }
      out.projectKeys = keys;
    }
    if (problems.length > 0) throw new FieldError(problems);
    return out;
  }

  async function viewOf(id: string, now: number): Promise<TokenView> {
    const row = await tokens.findById(id);
    if (!row) throw notFound();
    const [view] = await views([row], now);
    if (!view) throw notFound();
    return view;
  }

  async function requireManager(caller: Caller): Promise<ManagerRole> {
    const role = await policy.managerRole(caller.accountId);
    if (!role) throw new AppError('FORBIDDEN', managersOnly);
    return role;
  }

  /**
   * Issues a new token for `ownerAccountId` within the policy (expiry default and maximum,
   * notes, tokens per user). `actor` is who asked: the owner, or a manager creating it for them.
   */
  async function issueNew(
    actor: Caller,
    ownerAccountId: string,
    payload: { expiresAt?: string | undefined; notes?: string | undefined } & RestrictionInput,
    current: Policy,
  ): Promise<IssuedToken> {
    const now = clock.now();
    const expiresAt = payload.expiresAt === undefined ? now + current.defaultLifetimeDays * DAY_MS : expiryOrThrow(payload.expiresAt);
    requireFuture(expiresAt, now);
    checkLifetime(current, expiresAt, now);
    checkNotes(current, payload.notes);
    const restrictions = await restrictionsOf(ownerAccountId, payload);
    const id = randomUUID();
    const issued = await issue({ installationId: actor.installationId, accountId: ownerAccountId }, id, now);
    const createdBy = ownerAccountId === actor.accountId ? null : actor.accountId;
    const row = {
      id,
      ownerAccountId,
      tokenHash: issued.hash,
      keyId: issued.kid,
      active: true,
      notes: payload.notes ?? '',
      createdAt: now,
      updatedAt: now,
      expiresAt,
      createdBy,
      ...restrictions,
    };
    // The cap is checked and the row written in one statement, so concurrent creates cannot pass it.
    const limit = current.maxActiveTokensPerUser;
    if (!(await tokens.insertWithinCap(row, limit, now))) {
      const whose = ownerAccountId === actor.accountId ? 'You already have' : 'That user already has';
      throw new AppError('LIMIT_REACHED', `${whose} ${limit} tokens that have not expired (the token policy's limit); delete one no longer used first.`);
    }
    await recorder.tokenCreated(actor, row);
    return { token: issued.token, tokenInfo: await viewOf(id, now) };
  }

  async function setActiveAs(caller: Caller, payload: AdminSetActivePayload, by: DeactivatedBy): Promise<TokenView> {
    const now = clock.now();
    const row = await tokens.findById(payload.id);
    if (!row || !(await tokens.setActive(payload.id, payload.active, now, by))) throw notFound();
    await recorder.tokenChanged(caller, row, { ...row, active: payload.active });
    return viewOf(payload.id, now);
  }

  async function removeAny(caller: Caller, payload: TokenIdPayload): Promise<{ id: string }> {
    const row = await tokens.findById(payload.id);
    if (!row || !(await tokens.deleteAny(payload.id))) throw notFound();
    await recorder.tokenDeleted(caller, row);
    return { id: payload.id };
  }

  async function filteredPage(payload: AdminListPayload): Promise<TokenPage> {
    const now = clock.now();
    const page = payload.page ?? 1;
    const pageSize = Math.min(payload.pageSize ?? DEFAULT_ADMIN_PAGE_SIZE, ADMIN_PAGE_SIZE_MAX);
    const filter: TokenFilter = {
      accountIds: payload.accountIds,
      notesContains: payload.notesContains,
      createdFrom: optionalBound(payload.createdFrom, 'createdFrom', 'from'),
      createdTo: optionalBound(payload.createdTo, 'createdTo', 'to'),
      lastUsedFrom: optionalBound(payload.lastUsedFrom, 'lastUsedFrom', 'from'),
      lastUsedTo: optionalBound(payload.lastUsedTo, 'lastUsedTo', 'to'),
      expiresFrom: optionalBound(payload.expiresFrom, 'expiresFrom', 'from'),
      expiresTo: optionalBound(payload.expiresTo, 'expiresTo', 'to'),
      states: payload.states,
    };
    if (payload.expiresWithinWindow) {
      // (now, now + window]: the banner's tokens, intersected with any expiry range asked for.
      const windowEnd = now + (await deps.expiryWarningDays()) * DAY_MS + 1;
      filter.expiresFrom = Math.max(filter.expiresFrom ?? now + 1, now + 1);
      filter.expiresTo = Math.min(filter.expiresTo ?? windowEnd, windowEnd);
    }
    const sort = payload.sortBy ? { by: payload.sortBy, direction: payload.sortOrder === 'ASC' ? ('asc' as const) : ('desc' as const) } : undefined;
    const { rows, total } = await tokens.page(filter, now, (page - 1) * pageSize, pageSize, sort);
    return { tokens: await views(rows, now), page, pageSize, total };
  }

  const requireAdmin = (caller: Caller): Promise<void> => requireJiraAdmin(users, caller.accountId, 'Only Jira administrators can manage other users’ tokens.');

  async function issue(
    caller: Pick<Caller, 'accountId' | 'installationId'>,
    tokenId: string,
    now: number,
  ): Promise<{ token: string; hash: string; kid: string }> {
    const key = await keys.current();
    const token = await signToken({ installationId: caller.installationId, accountId: caller.accountId, tokenId, issuedAt: now }, key);
    return { token, hash: hashToken(token), kid: key.kid };
  }

  return {
    async listMine(caller: Caller): Promise<TokenView[]> {
      return views(await tokens.listByOwner(caller.accountId), clock.now());
    },

    /** Projects the caller may browse, for the project scope picker. */
    async listMyProjects(caller: Caller): Promise<ProjectView[]> {
      return (await deps.projects.browsableBy(caller.accountId)).map((project) => ({ key: project.key, name: project.name }));
    },

    async create(caller: Caller, payload: CreateTokenPayload): Promise<IssuedToken> {
      const current = await policy.current();
      const refusal = await policy.createRefusal(caller.accountId, current);
      if (refusal !== null) throw new AppError('FORBIDDEN', refusal);
      return issueNew(caller, caller.accountId, payload, current);
    },

    async update(caller: Caller, payload: UpdateTokenPayload): Promise<TokenView> {
      const now = clock.now();
      const current = await policy.current();
      // An expiry in the past is accepted on edit: it is how an owner retires a token.
      const changes = {
        active: payload.active,
        notes: payload.notes,
        expiresAt: payload.expiresAt === undefined ? undefined : expiryOrThrow(payload.expiresAt),
        ...(await restrictionsOf(caller.accountId, payload)),
      };
      if (changes.expiresAt !== undefined && changes.expiresAt > now) checkLifetime(current, changes.expiresAt, now);
      if (changes.notes !== undefined) checkNotes(current, changes.notes);
      const before = await tokens.findById(payload.id);
      if (before?.ownerAccountId !== caller.accountId) throw notFound();
      if (!(await tokens.updateOwned(payload.id, caller.accountId, changes, now))) {
        if ((await tokens.findById(payload.id))?.ownerAccountId !== caller.accountId) throw notFound();
        // The statement refused a reactivation: an admin's or manager's deactivation stands.
        throw new AppError('FORBIDDEN', 'An administrator or token manager deactivated this token; only they can reactivate it.');
      }
      const after = await tokens.findById(payload.id);
      if (after) {
        await recorder.tokenChanged(caller, before, after);
        const restrictionsOfRow = (row: TokenRecord) => ({ allowedIps: row.allowedIps, projectKeys: row.projectKeys });
        if (JSON.stringify(restrictionsOfRow(before)) !== JSON.stringify(restrictionsOfRow(after))) {
          await recorder.restrictionsChanged(caller, after, restrictionsOfRow(before), restrictionsOfRow(after));
        }
      }
      return viewOf(payload.id, now);
    },

    async regenerate(caller: Caller, payload: TokenIdPayload): Promise<IssuedToken> {
      const now = clock.now();
      const current = await tokens.findById(payload.id);
      if (current?.ownerAccountId !== caller.accountId) throw notFound();
      // The new text keeps the expiry: it must be within today's maximum lifetime.
      checkLifetime(await policy.current(), current.expiresAt, now);
      const issued = await issue(caller, payload.id, now);
      // A new hash in the same row: the old text no longer matches, settings stay. The update
      // holds only while the hash read above is still stored, so of concurrent regenerations
      // exactly one hands out a working text.
      if (!(await tokens.replaceHash(payload.id, caller.accountId, current.tokenHash, issued.hash, issued.kid, now))) {
        if ((await tokens.findById(payload.id))?.ownerAccountId !== caller.accountId) throw notFound();
        throw new AppError('CONFLICT', 'The token was regenerated concurrently by another request; reload the page to see its current state.');
      }
      await recorder.tokenRegenerated(caller, current, { ...current, keyId: issued.kid });
      return { token: issued.token, tokenInfo: await viewOf(payload.id, now) };
    },

    /**
     * Self-rotation over REST: a new text for the same token id and settings, asked for with
     * the current text (already verified). The expiry is the one asked for, or the same
     * lifetime again from now (measured from the last rotation, else creation). Once a
     * minute per token; the old text stops working at once (the conditional hash update).
     */
    async rotate(caller: Caller, tokenId: string, expiresAtText: string | undefined, ip: string | null = null): Promise<RotatedToken> {
      const now = clock.now();
      const current = await tokens.findById(tokenId);
      if (current?.ownerAccountId !== caller.accountId) throw notFound();
      const lastRotation = (await audit.listForToken(tokenId)).filter((event) => event.action === 'token.rotated').at(-1);
      if (lastRotation && now - lastRotation.at < ROTATION_INTERVAL_MS) {
        const wait = Math.ceil((lastRotation.at + ROTATION_INTERVAL_MS - now) / 1000);
        throw new RetryLaterError('RATE_LIMITED', `A token can rotate once a minute; retry after ${wait} seconds.`, wait);
      }
      const lifetimeFrom = lastRotation?.at ?? current.createdAt;
      const currentPolicy = await policy.current();
      const limit = latestAllowedExpiry(currentPolicy.maxLifetimeDays, now);
      // The same lifetime again, but never past the policy's maximum: a script that rotates
      // without naming an expiry keeps working when the limit is lowered.
      const sameLifetime = now + (current.expiresAt - lifetimeFrom);
      const expiresAt = expiresAtText === undefined ? Math.min(sameLifetime, limit ?? sameLifetime) : expiryOrThrow(expiresAtText);
      requireFuture(expiresAt, now);
      checkLifetime(currentPolicy, expiresAt, now);
      const issued = await issue(caller, tokenId, now);
      if (!(await tokens.replaceHash(tokenId, caller.accountId, current.tokenHash, issued.hash, issued.kid, now, expiresAt))) {
        throw new AppError('CONFLICT', 'The token was rotated or regenerated concurrently by another request; use the text that request received.');
      }
      await recorder.tokenRotated({ accountId: caller.accountId, ip }, current, { ...current, keyId: issued.kid, expiresAt });
      return { token: issued.token, tokenId, expiresAt };
    },

    async remove(caller: Caller, payload: TokenIdPayload): Promise<{ id: string }> {
      const before = await tokens.findById(payload.id);
      if (!before || !(await tokens.deleteOwned(payload.id, caller.accountId))) throw notFound();
      await recorder.tokenDeleted(caller, before);
      return { id: payload.id };
    },

    /**
     * Whether a token still works for its owner, and its project scope as stored now: an
     * export job stops when the token no longer works and obeys the scope of the moment.
     */
    async accessOf(tokenId: string, ownerAccountId: string): Promise<{ projectKeys: readonly string[] } | undefined> {
      const token = await tokens.findById(tokenId);
      const usable = token !== undefined && token.ownerAccountId === ownerAccountId && tokenRefusalOf(token, clock.now(), true) === undefined;
      return usable && (await policy.mayUse(ownerAccountId)) ? { projectKeys: token.projectKeys } : undefined;
    },

    async adminList(caller: Caller, payload: AdminListPayload): Promise<TokenPage> {
      await requireAdmin(caller);
      return filteredPage(payload);
    },

    async adminSetActive(caller: Caller, payload: AdminSetActivePayload): Promise<TokenView> {
      await requireAdmin(caller);
      return setActiveAs(caller, payload, 'admin');
    },

    async adminRemove(caller: Caller, payload: TokenIdPayload): Promise<{ id: string }> {
      await requireAdmin(caller);
      return removeAny(caller, payload);
    },

    /** Tokens expiring later than the policy's maximum lifetime allows from today. */
    async adminOverLimit(caller: Caller): Promise<TokenPage> {
      await requireAdmin(caller);
      const now = clock.now();
      const limit = latestAllowedExpiry((await policy.current()).maxLifetimeDays, now);
      if (limit === undefined) return { tokens: [], page: 1, pageSize: OVER_LIMIT_LIST_MAX, total: 0 };
      const { rows, total } = await tokens.listExpiringAfter(limit, now, OVER_LIMIT_LIST_MAX);
      return { tokens: await views(rows, now), page: 1, pageSize: OVER_LIMIT_LIST_MAX, total };
    },

    /** Moves every expiry past the maximum lifetime to the limit, in one statement. */
    async adminCapLifetimes(caller: Caller): Promise<CapResult> {
      await requireAdmin(caller);
      const now = clock.now();
      const current = await policy.current();
      const limit = latestAllowedExpiry(current.maxLifetimeDays, now);
      if (limit === undefined) {
        throw new AppError('CONFLICT', 'The token policy sets no maximum lifetime, so there is nothing to cap; set one on the Policy tab first.');
      }
      const capped = await tokens.capExpiry(limit, now);
      await recorder.bulk(caller, 'bulk.lifetimes-capped', { capped, expiresAt: isoInstant(limit), maxLifetimeDays: current.maxLifetimeDays });
      return { capped, expiresAt: isoInstant(limit) };
    },

    async managerList(caller: Caller, payload: AdminListPayload): Promise<TokenPage> {
      await requireManager(caller);
      return filteredPage(payload);
    },

    /**
     * A token for another user, who must be an active Jira user: it runs with their
     * permissions (its subject is theirs), records the manager as its creator, and its text
     * goes to the manager only, once. The creation groups do not apply: managers act for
     * people who may not create tokens themselves.
     */
    async managerCreate(caller: Caller, payload: ManagerCreatePayload): Promise<IssuedToken> {
      await requireManager(caller);
      const { ownerAccountId, ...rest } = payload;
      const owner = (await users.getUsers([ownerAccountId])).get(ownerAccountId);
      if (owner?.active !== true) {
        throw new FieldError([{ field: 'ownerAccountId', message: 'must name an active Jira user' }], {
          message: 'ownerAccountId must name an active Jira user.',
        });
      }
      const current = await policy.current();
      if (!(await policy.mayUse(ownerAccountId, current))) {
        throw new FieldError([{ field: 'ownerAccountId', message: 'is not in a group the token policy allows to use tokens' }], {
          message: `${owner.displayName} is not in a group the token policy allows to use tokens, so the token would not work.`,
        });
      }
      return issueNew(caller, ownerAccountId, rest, current);
    },

    async managerSetActive(caller: Caller, payload: AdminSetActivePayload): Promise<TokenView> {
      const role = await requireManager(caller);
      return setActiveAs(caller, payload, role);
    },

    async managerRemove(caller: Caller, payload: TokenIdPayload): Promise<{ id: string }> {
      await requireManager(caller);
      return removeAny(caller, payload);
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
