// The token use cases behind the resolvers. The caller's account id always comes from
// the Forge context, never from a payload; admin calls check Jira's ADMINISTER permission
// here, whichever page made them.
import { randomUUID } from 'node:crypto';
import { requireJiraAdmin, type Caller } from '../access/guards';
import { AppError, FieldError, RetryLaterError } from '../kernel/errors';
import type { Clock } from '../kernel/ports';
import { isoInstant } from '../kernel/time';
import {
  ADMIN_PAGE_SIZE_MAX,
  parseExpiry,
  type AdminListPayload,
  type AdminSetActivePayload,
  type CreateTokenPayload,
  type IssuedToken,
  type TokenIdPayload,
  type TokenPage,
  type TokenView,
  type UpdateTokenPayload,
} from '../contract/tokens';
import { readIpLines } from '../contract/ip-lines';
import type { ProjectView } from '../contract/token-restrictions';
import type { ProjectDirectory, UserDirectory } from '../jira';
import type { FieldProblem } from '../kernel/errors';
import type { AuditRepository } from '../storage/audit-repository';
import type { TokenFilter, TokenRepository } from '../storage/token-repository';
import { hashToken, signToken } from './jwt-codec';
import type { SigningKeys } from './signing-keys';
import { tokenRefusalOf } from './token-model';
import { toTokenViews } from './token-view';

export interface TokenServiceDeps {
  tokens: TokenRepository;
  audit: AuditRepository;
  keys: SigningKeys;
  users: UserDirectory;
  /** Projects an owner may browse: a token's project scope must lie within them. */
  projects: ProjectDirectory;
  clock: Clock;
}

interface RestrictionInput {
  allowedIps?: readonly string[] | undefined;
  projectKeys?: readonly string[] | undefined;
}

export const MAX_TOKENS_PER_USER = 50;
/** Self-rotation: at most once a minute per token, so a looping script cannot churn keys. */
export const ROTATION_INTERVAL_MS = 60_000;

export interface RotatedToken {
  token: string;
  tokenId: string;
  /** Epoch ms. */
  expiresAt: number;
}
const DEFAULT_ADMIN_PAGE_SIZE = 25;

function expiryOrThrow(text: string): number {
  const instant = parseExpiry(text);
  // The contract schema has already checked the text; this guards direct callers.
  if (instant === undefined) throw new FieldError([{ field: 'expiresAt', message: 'is not a date' }], { message: 'expiresAt is not a date' });
  return instant;
}

function optionalInstant(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  const instant = parseExpiry(text) ?? Date.parse(text);
  if (Number.isNaN(instant)) throw new FieldError([{ field, message: 'is not a date' }], { message: `${field} is not a date` });
  return instant;
}

const notFound = (): FieldError =>
  new FieldError([{ field: 'id', message: 'does not name a token of yours' }], {
    code: 'NOT_FOUND',
    message: 'No such token: it does not exist or is not yours.',
  });

export function createTokenService(deps: TokenServiceDeps) {
  const { tokens, audit, keys, users, clock } = deps;

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
    const [view] = await toTokenViews([row], users, now);
    if (!view) throw notFound();
    return view;
  }

  const requireAdmin = (caller: Caller): Promise<void> => requireJiraAdmin(users, caller.accountId, 'Only Jira administrators can manage other users’ tokens.');

  async function issue(caller: Caller, tokenId: string, now: number): Promise<{ token: string; hash: string; kid: string }> {
    const key = await keys.current();
    const token = await signToken({ installationId: caller.installationId, accountId: caller.accountId, tokenId, issuedAt: now }, key);
    return { token, hash: hashToken(token), kid: key.kid };
  }

  return {
    async listMine(caller: Caller): Promise<TokenView[]> {
      return toTokenViews(await tokens.listByOwner(caller.accountId), users, clock.now());
    },

    /** Projects the caller may browse, for the project scope picker. */
    async listMyProjects(caller: Caller): Promise<ProjectView[]> {
      return (await deps.projects.browsableBy(caller.accountId)).map((project) => ({ key: project.key, name: project.name }));
    },

    async create(caller: Caller, payload: CreateTokenPayload): Promise<IssuedToken> {
      const now = clock.now();
      const expiresAt = expiryOrThrow(payload.expiresAt);
      if (expiresAt <= now) throw new FieldError([{ field: 'expiresAt', message: 'must be in the future' }], { message: 'expiresAt must be in the future' });
      const restrictions = await restrictionsOf(caller.accountId, payload);
      const owned = await tokens.listByOwner(caller.accountId);
      if (owned.length >= MAX_TOKENS_PER_USER) {
        throw new AppError('LIMIT_REACHED', `You already have ${MAX_TOKENS_PER_USER} tokens; delete one you no longer use first.`);
      }
      const id = randomUUID();
      const issued = await issue(caller, id, now);
      await tokens.insert({
        id,
        ownerAccountId: caller.accountId,
        tokenHash: issued.hash,
        keyId: issued.kid,
        active: true,
        notes: payload.notes ?? '',
        createdAt: now,
        updatedAt: now,
        expiresAt,
        ...restrictions,
      });
      await audit.append({
        at: now,
        actorAccountId: caller.accountId,
        action: 'token.created',
        tokenId: id,
        subjectAccountId: caller.accountId,
        detail: { expiresAt, ...restrictions },
      });
      return { token: issued.token, tokenInfo: await viewOf(id, now) };
    },

    async update(caller: Caller, payload: UpdateTokenPayload): Promise<TokenView> {
      const now = clock.now();
      // An expiry in the past is accepted on edit: it is how an owner retires a token.
      const changes = {
        active: payload.active,
        notes: payload.notes,
        expiresAt: payload.expiresAt === undefined ? undefined : expiryOrThrow(payload.expiresAt),
        ...(await restrictionsOf(caller.accountId, payload)),
      };
      if (!(await tokens.updateOwned(payload.id, caller.accountId, changes, now))) throw notFound();
      await audit.append({
        at: now,
        actorAccountId: caller.accountId,
        action: 'token.updated',
        tokenId: payload.id,
        subjectAccountId: caller.accountId,
        detail: { ...changes, notes: changes.notes === undefined ? undefined : 'changed' },
      });
      return viewOf(payload.id, now);
    },

    async regenerate(caller: Caller, payload: TokenIdPayload): Promise<IssuedToken> {
      const now = clock.now();
      const current = await tokens.findById(payload.id);
      if (current?.ownerAccountId !== caller.accountId) throw notFound();
      const issued = await issue(caller, payload.id, now);
      // A new hash in the same row: the old text no longer matches, settings stay. The update
      // holds only while the hash read above is still stored, so of concurrent regenerations
      // exactly one hands out a working text.
      if (!(await tokens.replaceHash(payload.id, caller.accountId, current.tokenHash, issued.hash, issued.kid, now))) {
        if ((await tokens.findById(payload.id))?.ownerAccountId !== caller.accountId) throw notFound();
        throw new AppError('CONFLICT', 'The token was regenerated concurrently by another request; reload the page to see its current state.');
      }
      await audit.append({
        at: now,
        actorAccountId: caller.accountId,
        action: 'token.regenerated',
        tokenId: payload.id,
        subjectAccountId: caller.accountId,
        detail: {},
      });
      return { token: issued.token, tokenInfo: await viewOf(payload.id, now) };
    },

    /**
     * Self-rotation over REST: a new text for the same token id and settings, asked for with
     * the current text (already verified). The expiry is the one asked for, or the same
     * lifetime again from now (measured from the last rotation, else creation). Once a
     * minute per token; the old text stops working at once (the conditional hash update).
     */
    async rotate(caller: Caller, tokenId: string, expiresAtText: string | undefined): Promise<RotatedToken> {
      const now = clock.now();
      const current = await tokens.findById(tokenId);
      if (current?.ownerAccountId !== caller.accountId) throw notFound();
      const lastRotation = (await audit.listForToken(tokenId)).filter((event) => event.action === 'token.rotated').at(-1);
      if (lastRotation && now - lastRotation.at < ROTATION_INTERVAL_MS) {
        const wait = Math.ceil((lastRotation.at + ROTATION_INTERVAL_MS - now) / 1000);
        throw new RetryLaterError('RATE_LIMITED', `A token can rotate once a minute; retry after ${wait} seconds.`, wait);
      }
      const lifetimeFrom = lastRotation?.at ?? current.createdAt;
      const expiresAt = expiresAtText === undefined ? now + (current.expiresAt - lifetimeFrom) : expiryOrThrow(expiresAtText);
      if (expiresAt <= now) throw new FieldError([{ field: 'expiresAt', message: 'must be in the future' }], { message: 'expiresAt must be in the future' });
      const issued = await issue(caller, tokenId, now);
      if (!(await tokens.replaceHash(tokenId, caller.accountId, current.tokenHash, issued.hash, issued.kid, now, expiresAt))) {
        throw new AppError('CONFLICT', 'The token was rotated or regenerated concurrently by another request; use the text that request received.');
      }
      await audit.append({
        at: now,
        actorAccountId: caller.accountId,
        action: 'token.rotated',
        tokenId,
        subjectAccountId: caller.accountId,
        detail: { expiresAt: { before: isoInstant(current.expiresAt), after: isoInstant(expiresAt) } },
      });
      return { token: issued.token, tokenId, expiresAt };
    },

    async remove(caller: Caller, payload: TokenIdPayload): Promise<{ id: string }> {
      const now = clock.now();
      if (!(await tokens.deleteOwned(payload.id, caller.accountId))) throw notFound();
      await audit.append({
        at: now,
        actorAccountId: caller.accountId,
        action: 'token.deleted',
        tokenId: payload.id,
        subjectAccountId: caller.accountId,
        detail: {},
      });
      return { id: payload.id };
    },

    /**
     * Whether a token still works for its owner, and its project scope as stored now: an
     * export job stops when the token no longer works and obeys the scope of the moment.
     */
    async accessOf(tokenId: string, ownerAccountId: string): Promise<{ projectKeys: readonly string[] } | undefined> {
      const token = await tokens.findById(tokenId);
      const usable = token !== undefined && token.ownerAccountId === ownerAccountId && tokenRefusalOf(token, clock.now(), true) === undefined;
      return usable ? { projectKeys: token.projectKeys } : undefined;
    },

    async adminList(caller: Caller, payload: AdminListPayload): Promise<TokenPage> {
      await requireAdmin(caller);
      const now = clock.now();
      const page = payload.page ?? 1;
      const pageSize = Math.min(payload.pageSize ?? DEFAULT_ADMIN_PAGE_SIZE, ADMIN_PAGE_SIZE_MAX);
      const filter: TokenFilter = {
        accountIds: payload.accountIds,
        notesContains: payload.notesContains,
        createdFrom: optionalInstant(payload.createdFrom, 'createdFrom'),
        createdTo: optionalInstant(payload.createdTo, 'createdTo'),
        lastUsedFrom: optionalInstant(payload.lastUsedFrom, 'lastUsedFrom'),
        lastUsedTo: optionalInstant(payload.lastUsedTo, 'lastUsedTo'),
        expiresFrom: optionalInstant(payload.expiresFrom, 'expiresFrom'),
        expiresTo: optionalInstant(payload.expiresTo, 'expiresTo'),
        states: payload.states,
      };
      const { rows, total } = await tokens.page(filter, now, (page - 1) * pageSize, pageSize);
      return { tokens: await toTokenViews(rows, users, now), page, pageSize, total };
    },

    async adminSetActive(caller: Caller, payload: AdminSetActivePayload): Promise<TokenView> {
      await requireAdmin(caller);
      const now = clock.now();
      const row = await tokens.findById(payload.id);
      if (!row || !(await tokens.setActive(payload.id, payload.active, now))) throw notFound();
      await audit.append({
        at: now,
        actorAccountId: caller.accountId,
        action: 'token.admin-set-active',
        tokenId: payload.id,
        subjectAccountId: row.ownerAccountId,
        detail: { active: payload.active },
      });
      return viewOf(payload.id, now);
    },

    async adminRemove(caller: Caller, payload: TokenIdPayload): Promise<{ id: string }> {
      await requireAdmin(caller);
      const now = clock.now();
      const row = await tokens.findById(payload.id);
      if (!row || !(await tokens.deleteAny(payload.id))) throw notFound();
      await audit.append({
        at: now,
        actorAccountId: caller.accountId,
        action: 'token.admin-deleted',
        tokenId: payload.id,
        subjectAccountId: row.ownerAccountId,
        detail: {},
      });
      return { id: payload.id };
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
