// Reading Jira's JSON answers: parse as unknown, narrow with a zod schema, and turn
// non-2xx answers into JiraAccessError carrying Jira's own errorMessages.
import { z } from 'zod';
import type { JiraHttpResponse } from '../kernel/ports';
import { JiraAccessError, type JiraErrorCode } from '../kernel/errors';

const errorCollectionSchema = z.object({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
});

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new JiraAccessError('JIRA_UNEXPECTED_RESPONSE', `Jira answered ${what} with something that is not JSON`, { cause });
  }
}

function codeFor(status: number): JiraErrorCode {
  if (status === 400) return 'JIRA_BAD_REQUEST';
  if (status === 404) return 'JIRA_NOT_FOUND';
  if (status === 401 || status === 403) return 'JIRA_FORBIDDEN';
  if (status === 429) return 'JIRA_RATE_LIMITED';
  if (status >= 500) return 'JIRA_UNAVAILABLE';
  return 'JIRA_UNEXPECTED_RESPONSE';
}

/** Builds the typed error for a non-2xx answer, quoting Jira's messages when it sent some. */
export async function errorFromResponse(response: JiraHttpResponse, what: string): Promise<JiraAccessError> {
  const text = await response.text().catch(() => '');
  let jiraMessages: string[] = [];
  let jiraErrors: Record<string, string> = {};
  try {
    const parsed = errorCollectionSchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      jiraMessages = parsed.data.errorMessages ?? [];
      jiraErrors = parsed.data.errors ?? {};
    }
  } catch {
    // Not JSON (a proxy's HTML page): keep the status only.
  }
  const quoted = [...jiraMessages, ...Object.entries(jiraErrors).map(([k, v]) => `${k}: ${v}`)];
  const message = quoted.length > 0 ? `Jira rejected ${what}: ${quoted.join(' ')}` : `Jira answered ${what} with HTTP ${response.status}`;
  return new JiraAccessError(codeFor(response.status), message, { status: response.status, jiraMessages, jiraErrors });
}

/** Narrows a 2xx body with `schema`; anything else becomes a JiraAccessError. */
export async function readJson<S extends z.ZodType>(response: JiraHttpResponse, schema: S, what: string): Promise<z.infer<S>> {
  if (response.status < 200 || response.status > 299) throw await errorFromResponse(response, what);
  const parsed = schema.safeParse(parseJson(await response.text(), what));
  if (!parsed.success) {
    throw new JiraAccessError('JIRA_UNEXPECTED_RESPONSE', `Jira's answer to ${what} has an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
