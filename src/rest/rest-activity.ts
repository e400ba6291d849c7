// The REST request log and what it serves: the per-token request rate, the record of
// each authenticated request, the admin's activity view and each owner's view of their
// own token's requests. The limit counts admitted
// requests per token in fixed windows, in the database, checked and counted in one
// statement: every container sees the same count (Forge runs many), and concurrent
// requests cannot all pass a count that none of them has raised yet.
import { requireJiraAdmin, type Caller } from '../access/guards';
import type { ActivityListPayload, RestActivityPage, RestActivityView, TokenActivity } from '../contract/rest-activity';
import type { TokenIdPayload } from '../contract/tokens';
import type { UserDirectory } from '../jira';
import { scrubbed } from '../kernel/echo';
import { FieldError } from '../kernel/errors';
import type { Clock } from '../kernel/ports';
import { isoInstant } from '../kernel/time';
import type { RateWindowRepository } from '../storage/rate-window-repository';
import type { LoggedRestRequest, RestRequestRecord, RestRequestRepository } from '../storage/rest-request-repository';
import type { TokenRepository } from '../storage/token-repository';

export interface RateLimit {
  /** Requests a token may send per window. */
  limit: number;
  windowSeconds: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 120, windowSeconds: 60 };
/** A failure's message is kept to this many characters (the log is for reading, not replaying). */
export const ACTIVITY_MESSAGE_MAX = 500;
/** Activity rows are kept this long. */
export const ACTIVITY_RETENTION_MS = 30 * 86_400_000;

const DEFAULT_ACTIVITY_PAGE_SIZE = 50;
/** The owner sees this many of a token's newest requests. */
export const TOKEN_ACTIVITY_SIZE = 20;

export interface RestActivity {
  /** undefined when the request may run; otherwise how long to wait. */
  admit(tokenId: string): Promise<(RateLimit & { retryAfterSeconds: number }) | undefined>;
  /** Starts timing a request; `finish` records it with its duration. */
  start(): { finish(entry: Omit<RestRequestRecord, 'at' | 'durationMs'>): Promise<void> };
  /** Requests newest first, for Jira administrators. */
  list(caller: Caller, payload: ActivityListPayload): Promise<RestActivityPage>;
  /** One token's newest requests, for its owner only (refused ones with which check failed). */
  tokenActivity(caller: Caller, payload: TokenIdPayload): Promise<TokenActivity>;
}

function viewOf(row: LoggedRestRequest): RestActivityView {
  return {
    at: isoInstant(row.at),
    tokenId: row.tokenId,
    ownerAccountId: row.accountId,
    endpoint: row.endpoint,
    method: row.method,
    issueCount: row.issueCount,
    status: row.status,
    durationMs: row.durationMs,
    clientIp: row.clientIp ?? null,
    refusal: row.refusal ?? null,
    message: row.message ?? null,
  };
}

export function createRestActivity(deps: {
  log: RestRequestRepository;
  windows: RateWindowRepository;
  clock: Clock;
  users: UserDirectory;
  tokens: Pick<TokenRepository, 'findById'>;
  rateLimit?: RateLimit;
}): RestActivity {
  const rate = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
  let recorded = 0;
  async function record(entry: Omit<RestRequestRecord, 'at'>): Promise<void> {
    const now = deps.clock.now();
    try {
      // The second fence: a message already echoes input through echo(); nothing token-shaped is stored whatever a route wrote.
      const message = entry.message ? scrubbed(entry.message, ACTIVITY_MESSAGE_MAX) : null;
      await deps.log.append({ ...entry, message, at: now });
      // Prune now and then rather than on a schedule: one DELETE per 200 requests.
      recorded += 1;
      if (recorded % 200 === 1) {
        await deps.log.deleteBefore(now - ACTIVITY_RETENTION_MS);
        await deps.windows.deleteBefore(now - 2 * rate.windowSeconds * 1000);
      }
    } catch (error) {
      // The answer matters more than its log line; say what failed, not the request.
      console.error('REST activity record failed', error instanceof Error ? error.name : typeof error);
    }
  }
  return {
    async admit(tokenId) {
      const now = deps.clock.now();
      const windowMs = rate.windowSeconds * 1000;
      const windowStart = now - (now % windowMs);
      if (await deps.windows.admit(tokenId, windowStart, rate.limit)) return undefined;
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
      return { ...rate, retryAfterSeconds };
    },
    start() {
      const started = deps.clock.now();
      return { finish: (entry) => record({ ...entry, durationMs: deps.clock.now() - started }) };
    },
    async list(caller, payload) {
      await requireJiraAdmin(deps.users, caller.accountId, 'Only Jira administrators can see REST API activity.');
      const page = payload.page ?? 1;
      const pageSize = payload.pageSize ?? DEFAULT_ACTIVITY_PAGE_SIZE;
      const { rows, total } = await deps.log.list({ ...(payload.tokenId ? { tokenId: payload.tokenId } : {}), offset: (page - 1) * pageSize, limit: pageSize });
      return { page, pageSize, total, requests: rows.map(viewOf) };
    },
    async tokenActivity(caller, payload) {
      // The same answer for a token that is not there and one that is someone else's, admins
      // included: they read every token's requests through admin/activity/list.
      const token = await deps.tokens.findById(payload.id);
      if (token?.ownerAccountId !== caller.accountId) {
        throw new FieldError([{ field: 'id', message: 'does not name a token of yours' }], {
          code: 'NOT_FOUND',
          message: 'No such token: it does not exist or is not yours.',
        });
      }
      const { rows, total } = await deps.log.list({ tokenId: token.id, offset: 0, limit: TOKEN_ACTIVITY_SIZE });
      return { total, requests: rows.map(viewOf) };
    },
  };
}
