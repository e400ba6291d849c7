// Filter state of the admin token table and its translation into the resolver payload.
// Date ranges are sent as instants with an offset, computed in the admin's time zone, so
// "created on 3 March" means the admin's 3 March.
import { TOKEN_DISPLAY_STATE_FACTS } from '../../../src/contract/token-display-state';
import type { AdminListPayload, TokenState } from '../../../src/contract/tokens';
import type { UserOption } from './user-search';

const DAY_MS = 24 * 60 * 60 * 1000;

export type RangePreset = 'any' | 'last7' | 'last30' | 'last90' | 'next7' | 'next30' | 'next90' | 'custom';

export interface DateRange {
  preset: RangePreset;
  /** YYYY-MM-DD, inclusive; used when preset is 'custom'. */
  from: string;
  to: string;
}

export interface TokenFilters {
  users: readonly UserOption[];
  notes: string;
  created: DateRange;
  lastUsed: DateRange;
  expires: DateRange;
  states: TokenState[];
  /** Only tokens expiring within the expiry warning window (a hygiene setting), applied on the server. */
  expiresWithinWindow: boolean;
}

export const anyTime: DateRange = { preset: 'any', from: '', to: '' };
export const emptyFilters: TokenFilters = {
  users: [],
  notes: '',
  created: anyTime,
  lastUsed: anyTime,
  expires: anyTime,
  states: [],
  expiresWithinWindow: false,
};

/** The filter's words are the State lozenge's words, so a ticked box matches what the rows say. */
export const stateLabels: Record<TokenState, string> = {
  active: TOKEN_DISPLAY_STATE_FACTS.active.label,
  inactive: TOKEN_DISPLAY_STATE_FACTS.inactive.label,
  expired: TOKEN_DISPLAY_STATE_FACTS.expired.label,
};

function localMidnight(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).getTime();
}

/** [from, to) as ISO instants; either may be absent. */
export function rangeBounds(range: DateRange, now: number): { from?: string; to?: string } {
  const iso = (instant: number) => new Date(instant).toISOString();
  switch (range.preset) {
    case 'any':
      return {};
    case 'last7':
      return { from: iso(now - 7 * DAY_MS), to: iso(now) };
    case 'last30':
      return { from: iso(now - 30 * DAY_MS), to: iso(now) };
    case 'last90':
      return { from: iso(now - 90 * DAY_MS), to: iso(now) };
    case 'next7':
      return { from: iso(now), to: iso(now + 7 * DAY_MS) };
    case 'next30':
      return { from: iso(now), to: iso(now + 30 * DAY_MS) };
    case 'next90':
      return { from: iso(now), to: iso(now + 90 * DAY_MS) };
    case 'custom': {
      // The "to" day is included: the bound is the next local midnight (exclusive).
      const bounds: { from?: string; to?: string } = {};
      if (range.from) bounds.from = iso(localMidnight(range.from));
      if (range.to) bounds.to = iso(localMidnight(range.to) + DAY_MS);
      return bounds;
    }
  }
}

export function isFiltered(filters: TokenFilters): boolean {
  return (
    filters.users.length > 0 ||
    filters.notes.trim() !== '' ||
    filters.states.length > 0 ||
    filters.expiresWithinWindow ||
    [filters.created, filters.lastUsed, filters.expires].some((range) => range.preset !== 'any')
  );
}

export function toListPayload(filters: TokenFilters, page: number, pageSize: number, now: number): AdminListPayload {
  const payload: AdminListPayload = { page, pageSize };
  if (filters.users.length > 0) payload.accountIds = filters.users.map((user) => user.value);
  if (filters.notes.trim()) payload.notesContains = filters.notes.trim();
  if (filters.states.length > 0) payload.states = [...filters.states];
  const created = rangeBounds(filters.created, now);
  const lastUsed = rangeBounds(filters.lastUsed, now);
  const expires = rangeBounds(filters.expires, now);
  if (created.from) payload.createdFrom = created.from;
  if (created.to) payload.createdTo = created.to;
  if (lastUsed.from) payload.lastUsedFrom = lastUsed.from;
  if (lastUsed.to) payload.lastUsedTo = lastUsed.to;
  if (expires.from) payload.expiresFrom = expires.from;
  if (expires.to) payload.expiresTo = expires.to;
  if (filters.expiresWithinWindow) payload.expiresWithinWindow = true;
  return payload;
}
