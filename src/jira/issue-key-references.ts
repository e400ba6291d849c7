// Issue keys a JQL names (`key = SEC-1`, `issue in (A-1, "B-2")`) must not tell the token
// owner whether an issue they may not browse exists. The app searches as itself, so Jira
// refuses a key that does not exist (400) but answers one the owner cannot see with an
// empty result: an existence oracle. Before the search, the named keys are looked up as
// the app, then checked against the owner's permissions in bulk, and every key that is
// missing *or* hidden is refused with the one message: as Jira itself answers the owner.
// Both cases make the same Jira requests (a bulk fetch, one permission check), so response
// time tells no more than the body. A moved issue answers under its new key only: its old
// key is refused like a missing one (naming the current key works).
import { echo } from '../kernel/echo';
import { JiraAccessError } from '../kernel/errors';
import { PRIORITY, type JiraClient } from './jira-client';
import { ISSUE_BULKFETCH_BATCH } from './issue-history-fetch';
import { bulkIssuesSchema } from './jira-schemas';
import { keepBrowsableIssues } from './owner-permissions';
import { chunk, mapBounded } from './semaphore';

const KEY_FIELDS = new Set(['key', 'issuekey', 'issue', 'id']);
const KEY_TEXT = /^(?:[A-Za-z][A-Za-z0-9_]*-\d+|\d+)$/;
/** Keys looked up per query: more than any hand-written JQL names. */
const MAX_KEYS = 1000;

export const unavailableKeyMessage = (key: string): string => `An issue with key '${echo(key)}' does not exist or the token owner may not browse it.`;

/** The issue keys and ids the JQL compares key fields with, upper-cased, each once, in order. */
export function referencedIssueKeys(jql: string): string[] {
  const keys: string[] = [];
  const tokens = jql.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|!=|<=|>=|[=<>(),]|[A-Za-z0-9_.-]+/g) ?? [];
  const literal = (token: string | undefined): string | undefined => {
    if (token === undefined) return undefined;
    const text = /^["']/.test(token) ? token.slice(1, -1) : token;
    return KEY_TEXT.test(text) ? text.toUpperCase() : undefined;
  };
  for (let i = 0; i < tokens.length; i += 1) {
    if (!KEY_FIELDS.has(tokens[i]!.toLowerCase())) continue;
    let j = i + 1;
    if (tokens[j]?.toLowerCase() === 'not') j += 1;
    const operator = tokens[j]?.toLowerCase();
    if (operator === 'in') {
      if (tokens[j + 1] !== '(') continue;
      for (j += 2; j < tokens.length && tokens[j] !== ')'; j += 1) {
        const key = literal(tokens[j]);
        if (key !== undefined) keys.push(key);
      }
    } else if (operator !== undefined && ['=', '!=', '<', '<=', '>', '>='].includes(operator)) {
      const key = literal(tokens[j + 1]);
      if (key !== undefined) keys.push(key);
    }
  }
  return [...new Set(keys)].slice(0, MAX_KEYS);
}

/** The ids of `keys` as the app sees them; a key Jira does not know is absent. */
async function lookUp(client: JiraClient, keys: readonly string[]): Promise<Map<string, string>> {
  // The bulk fetch names unknown keys in issueErrors instead of refusing the request (as a
  // search does), so a missing key and a hidden one cost the same requests: one per 100 keys.
  const pages = await mapBounded(chunk(keys, ISSUE_BULKFETCH_BATCH), 1, (batch) =>
    client.post('/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: batch, fields: ['summary'] }, bulkIssuesSchema, 'the issue key lookup', PRIORITY.search),
  );
  const found = new Map<string, string>();
  for (const page of pages) {
    for (const issue of page.issues) {
      found.set(issue.key.toUpperCase(), issue.id);
      found.set(issue.id, issue.id);
    }
  }
  return found;
}

/** Refuses the JQL, naming each key that is missing or hidden from the owner, alike. */
export async function refuseUnavailableKeys(client: JiraClient, jql: string, ownerAccountId: string): Promise<void> {
  const keys = referencedIssueKeys(jql);
  if (keys.length === 0) return;
  const found = await lookUp(client, keys);
  // One permission check whether or not any key was found, so timing tells nothing either.
  const browsable = new Set(await keepBrowsableIssues(client, ownerAccountId, [...new Set(found.values())], 1, { askEvenIfNone: true }));
  const unavailable = keys.filter((key) => !found.has(key) || !browsable.has(found.get(key)!));
  if (unavailable.length === 0) return;
  const messages = unavailable.map(unavailableKeyMessage);
  throw new JiraAccessError('JIRA_BAD_REQUEST', messages.join(' '), { status: 400, jiraMessages: messages });
}
