// Issue keys a JQL names (`key = SEC-1`, `issue in (A-1, "B-2")`) must not tell the token
// owner whether an issue they may not browse exists. The app searches as itself, so Jira
// refuses a key that does not exist (400) but answers one the owner cannot see with an
// empty result: an existence oracle. Before the search, the named keys are looked up as
// the app, then checked against the owner's permissions in bulk, and every key that is
// missing *or* hidden is refused with the one message: as Jira itself answers the owner.
import { z } from 'zod';
import { echo } from '../kernel/echo';
import { JiraAccessError } from '../kernel/errors';
import { PRIORITY, type JiraClient } from './jira-client';
import { keepBrowsableIssues } from './owner-permissions';

const KEY_FIELDS = new Set(['key', 'issuekey', 'issue', 'id']);
const KEY_TEXT = /^(?:[A-Za-z][A-Za-z0-9_]*-\d+|\d+)$/;
/** Keys looked up per query: more than any hand-written JQL names. */
const MAX_KEYS = 1000;
// Jira's refusal of a key it does not know (the app's view), in Jira's own wording.
const MISSING_KEY = /^An issue with key '(.+)' does not exist for field '[^']+'\.$/;

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

const keySearchSchema = z.object({ issues: z.array(z.object({ id: z.string(), key: z.string().optional() })) });

/** The ids of `keys` as the app sees them, and the keys Jira does not know. */
async function lookUp(client: JiraClient, keys: readonly string[]): Promise<{ found: Map<string, string>; missing: Set<string> }> {
  const missing = new Set<string>();
  let remaining = [...keys];
  // Jira names every unknown key in one refusal; a second try without them finds the rest.
  for (let attempt = 0; attempt < 3 && remaining.length > 0; attempt += 1) {
    try {
      const jql = `key in (${remaining.map((key) => JSON.stringify(key)).join(', ')})`;
      // The issue's key comes with any field asked for (the smallest is the summary).
      const result = await client.post(
        '/rest/api/3/search/jql',
        { jql, maxResults: remaining.length, fields: ['summary'] },
        keySearchSchema,
        'the issue key lookup',
        PRIORITY.search,
      );
      const found = new Map<string, string>();
      for (const issue of result.issues) if (issue.key !== undefined) found.set(issue.key.toUpperCase(), issue.id);
      return { found, missing };
    } catch (error) {
      const named =
        error instanceof JiraAccessError && error.code === 'JIRA_BAD_REQUEST' ? error.jiraMessages.map((m) => MISSING_KEY.exec(m)?.[1]?.toUpperCase()) : [];
      if (named.length === 0 || named.some((key) => key === undefined)) throw error;
      for (const key of named) if (key !== undefined) missing.add(key);
      remaining = remaining.filter((key) => !missing.has(key));
    }
  }
  return { found: new Map(), missing: new Set([...missing, ...remaining]) };
}

/** Refuses the JQL, naming each key that is missing or hidden from the owner, alike. */
export async function refuseUnavailableKeys(client: JiraClient, jql: string, ownerAccountId: string): Promise<void> {
  const keys = referencedIssueKeys(jql);
  if (keys.length === 0) return;
  const { found, missing } = await lookUp(client, keys);
  const browsable = new Set(await keepBrowsableIssues(client, ownerAccountId, [...new Set(found.values())], 1));
  // A moved issue answers under its new key: the old one is neither missing nor hidden.
  const unavailable = keys.filter((key) => missing.has(key) || (found.has(key) && !browsable.has(found.get(key)!)));
  if (unavailable.length === 0) return;
  const messages = unavailable.map(unavailableKeyMessage);
  throw new JiraAccessError('JIRA_BAD_REQUEST', messages.join(' '), { status: 400, jiraMessages: messages });
}
