// The saved filters one Jira user may see, for the report builder's picker. The app
// searches filters by name as itself (GET /filter/search with overrideSharePermissions,
// which it may read in full), then keeps the ones the user may see under Jira's sharing
// rules (filter-visibility.ts), the same rule a report's jqlfilter selection applies.
import { z } from 'zod';
import type { JiraHttp } from '../kernel/ports';
import { filtersVisibleTo } from './filter-visibility';
import { createJiraClient, type JiraClientOptions } from './jira-client';
import { filterSchema } from './jira-schemas';

/** Jira's page cap for /filter/search. */
const FILTER_PAGE = 100;
/** Filters a picker lists at most; typing more of the name narrows it. */
export const FILTER_LIST_MAX = 50;
/** Pages read at most to fill the list (filters shared with others are skipped). */
const FILTER_PAGES_MAX = 5;

const filterPageSchema = z.object({
  values: z.array(filterSchema.extend({ owner: z.object({ accountId: z.string(), displayName: z.string().optional() }).optional() })),
  isLast: z.boolean().optional(),
});

export interface VisibleFilter {
  id: string;
  name: string;
  /** The owner's display name, when Jira gives it. */
  ownerName?: string;
}

export interface FilterDirectory {
  /** Filters the account may see whose names match `query` (all when empty), by name; at most FILTER_LIST_MAX. */
  visibleTo(accountId: string, query: string): Promise<VisibleFilter[]>;
}

export function createFilterDirectory(http: JiraHttp, options: JiraClientOptions = {}): FilterDirectory {
  const client = createJiraClient(http, options);
  return {
    async visibleTo(accountId, query) {
      const found: VisibleFilter[] = [];
      for (let page = 0; page < FILTER_PAGES_MAX && found.length < FILTER_LIST_MAX; page += 1) {
        const params = new URLSearchParams({
          overrideSharePermissions: 'true',
          expand: 'owner,sharePermissions',
          orderBy: 'name',
          startAt: String(page * FILTER_PAGE),
          maxResults: String(FILTER_PAGE),
        });
        if (query.trim() !== '') {
          params.set('filterName', query.trim());
          params.set('isSubstringMatch', 'true');
        }
        const answer = await client.get(`/rest/api/3/filter/search?${params.toString()}`, filterPageSchema, 'the saved filter search');
        for (const filter of await filtersVisibleTo(client, answer.values, accountId)) {
          found.push({ id: filter.id, name: filter.name, ...(filter.owner?.displayName ? { ownerName: filter.owner.displayName } : {}) });
        }
        if (answer.isLast !== false || answer.values.length === 0) break;
      }
      return found.slice(0, FILTER_LIST_MAX);
    },
  };
}
