// Our nextPageToken: where a report stopped in Jira's result. Jira pages by token only, so
// a position is the Jira token of the search page it lies in (none: the first page), that
// page's size, and how many of its ids were already read. Resuming reads that one page
// again and skips the read ids, so a report may stop after any issue, not only at the end
// of a search page. The token passes through the client, so it is validated; tampering
// gains nothing, since every page is still cut down to the owner's permissions.
import { z } from 'zod';
import { JiraAccessError } from '../kernel/errors';

/** Jira's cap for ids-only enhanced search pages. */
export const SEARCH_MAX_PAGE = 5000;

export interface PagePosition {
  jql: string;
  /** Jira's nextPageToken of the page the position lies in; absent for the first page. */
  jira?: string;
  /** maxResults of that page (the same page must be read again to resume). */
  size: number;
  /** Ids of that page already read. */
  skip: number;
}

const positionSchema = z.object({
  v: z.literal(2),
  jql: z.string(),
  jira: z.string().optional(),
  size: z.number().int().min(1).max(SEARCH_MAX_PAGE),
  skip: z.number().int().min(0).max(SEARCH_MAX_PAGE),
});

export function encodePosition(position: PagePosition): string {
  const { jql, jira, size, skip } = position;
  return Buffer.from(JSON.stringify(jira === undefined ? { v: 2, jql, size, skip } : { v: 2, jql, jira, size, skip })).toString('base64url');
}

export function decodePosition(token: string): PagePosition {
  try {
    const parsed = positionSchema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    if (parsed.success) {
      const { jql, jira, size, skip } = parsed.data;
      return jira === undefined ? { jql, size, skip } : { jql, jira, size, skip };
    }
  } catch {
    // fall through to the typed error
  }
  throw new JiraAccessError('JIRA_BAD_REQUEST', 'The page token is not valid; start again from the first page.', { status: 400 });
}
