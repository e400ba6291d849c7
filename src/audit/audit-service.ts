// Reading the audit log: the admin's paged, filtered list and its CSV / JSON export, and
// each owner's history of their own tokens with the addresses they were used from.
import { stringify } from 'csv-stringify/sync';
import { requireJiraAdmin, type Caller } from '../access/guards';
import {
  type AuditEventView,
  type AuditExport,
  type AuditExportPayload,
  type AuditFilterPayload,
  type AuditListPayload,
  type AuditPage,
  type TokenHistory,
  type TokenHistoryPayload,
} from '../contract/audit';
import { AUDIT_EXPORT_MAX, TOKEN_EVENT_TYPES } from '../contract/audit-events';
import { parseExpiry } from '../contract/tokens';
import type { UserDirectory } from '../jira';
import type { PolicyService } from '../policy/policy-service';
import { AppError, FieldError } from '../kernel/errors';
import type { Clock } from '../kernel/ports';
import { isoInstant } from '../kernel/time';
import type { AuditEvent, AuditFilter, AuditRepository } from '../storage/audit-repository';
import type { TokenAddressRepository } from '../storage/token-address-repository';
import type { TokenRepository } from '../storage/token-repository';

const DEFAULT_PAGE_SIZE = 50;
/** The owner's panel shows this many events and distinct addresses. */
const HISTORY_EVENTS = 200;
const HISTORY_ADDRESSES = 5;
const DAY_MS = 86_400_000;

export function toAuditView(event: AuditEvent): AuditEventView {
  return {
    id: event.id,
    at: isoInstant(event.at),
    type: event.action,
    actorAccountId: event.actorAccountId,
    ownerAccountId: event.subjectAccountId,
    tokenId: event.tokenId,
    ip: event.ip,
    count: event.occurrences,
    detail: event.detail,
  };
}

/** `from` a date is its start; `to` a date is its end (parseExpiry reads a date as the next midnight). */
function boundOf(text: string | undefined, field: 'from' | 'to'): number | undefined {
  if (text === undefined) return undefined;
  const instant = parseExpiry(text) ?? Date.parse(text);
  if (Number.isNaN(instant)) throw new FieldError([{ field, message: 'is not a date' }]);
  return field === 'from' && /^\d{4}-\d{2}-\d{2}$/.test(text) ? instant - DAY_MS : instant;
}

function filterOf(payload: AuditFilterPayload): AuditFilter {
  const from = boundOf(payload.from, 'from');
  const to = boundOf(payload.to, 'to');
  if (from !== undefined && to !== undefined && from >= to) throw new FieldError([{ field: 'to', message: 'must be after from' }]);
  return {
    ...(payload.actorAccountIds ? { actorAccountIds: payload.actorAccountIds } : {}),
    ...(payload.ownerAccountIds ? { subjectAccountIds: payload.ownerAccountIds } : {}),
    ...(payload.tokenId ? { tokenIdPrefix: payload.tokenId } : {}),
    ...(payload.types ? { actions: payload.types } : {}),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}

const CSV_COLUMNS = ['at', 'type', 'actorAccountId', 'ownerAccountId', 'tokenId', 'ip', 'count', 'detail'] as const;

function csvOf(events: AuditEventView[]): string {
  return stringify(
    events.map((event) => [
      event.at,
      event.type,
      event.actorAccountId,
      event.ownerAccountId ?? '',
      event.tokenId ?? '',
      event.ip ?? '',
      event.count,
      JSON.stringify(event.detail),
    ]),
    { header: true, columns: [...CSV_COLUMNS] },
  );
}

export interface AuditService {
  list(caller: Caller, payload: AuditListPayload): Promise<AuditPage>;
  export(caller: Caller, payload: AuditExportPayload): Promise<AuditExport>;
  /** Token managers' view: the same filters over the events about a token only. */
  managerList(caller: Caller, payload: AuditListPayload): Promise<AuditPage>;
  /** The events of one of the caller's own tokens and where it was used from. */
  history(caller: Caller, payload: TokenHistoryPayload): Promise<TokenHistory>;
}

export function createAuditService(deps: {
  audit: AuditRepository;
  addresses: TokenAddressRepository;
  tokens: TokenRepository;
  users: UserDirectory;
  policy: Pick<PolicyService, 'managerRole'>;
  clock: Clock;
}): AuditService {
  const requireAdmin = (caller: Caller) => requireJiraAdmin(deps.users, caller.accountId, 'Only Jira administrators can read the audit log.');
  async function pageOf(filter: AuditFilter, payload: AuditListPayload): Promise<AuditPage> {
    const page = payload.page ?? 1;
    const pageSize = payload.pageSize ?? DEFAULT_PAGE_SIZE;
    const { rows, total } = await deps.audit.page(filter, (page - 1) * pageSize, pageSize);
    return { events: rows.map(toAuditView), page, pageSize, total };
  }
  return {
    async list(caller, payload) {
      await requireAdmin(caller);
      return pageOf(filterOf(payload), payload);
    },

    async managerList(caller, payload) {
      if (!(await deps.policy.managerRole(caller.accountId))) {
        throw new AppError('FORBIDDEN', 'Only token managers and Jira administrators can read the events of other users’ tokens.');
      }
      const filter = filterOf(payload);
      // Asked-for types outside the token events match nothing (an empty list would mean "all").
      const types = payload.types ? TOKEN_EVENT_TYPES.filter((type) => payload.types?.includes(type)) : TOKEN_EVENT_TYPES;
      if (types.length === 0) return { events: [], page: payload.page ?? 1, pageSize: payload.pageSize ?? DEFAULT_PAGE_SIZE, total: 0 };
      return pageOf({ ...filter, actions: types, withToken: true }, payload);
    },

    async export(caller, payload) {
      await requireAdmin(caller);
      const { format, ...filter } = payload;
      const { rows, total } = await deps.audit.page(filterOf(filter), 0, AUDIT_EXPORT_MAX);
      const events = rows.map(toAuditView);
      const stamp = isoInstant(deps.clock.now()).slice(0, 10);
      return {
        format,
        fileName: `status-clock-audit-${stamp}.${format}`,
        contentType: format === 'csv' ? 'text/csv' : 'application/json',
        content: format === 'csv' ? csvOf(events) : JSON.stringify(events, null, 2),
        count: events.length,
        truncated: total > events.length,
      };
    },

    async history(caller, payload) {
      const token = await deps.tokens.findById(payload.id);
      if (token?.ownerAccountId !== caller.accountId) {
        throw new FieldError([{ field: 'id', message: 'does not name a token of yours' }], {
          code: 'NOT_FOUND',
          message: 'No such token: it does not exist or is not yours.',
        });
      }
      const [{ rows }, addresses] = await Promise.all([
        deps.audit.page({ tokenIds: [token.id] }, 0, HISTORY_EVENTS),
        deps.addresses.recent(token.id, HISTORY_ADDRESSES),
      ]);
      return {
        events: rows.map(toAuditView),
        addresses: addresses.map((seen) => ({ address: seen.address, firstSeen: isoInstant(seen.firstSeen), lastSeen: isoInstant(seen.lastSeen) })),
      };
    },
  };
}
