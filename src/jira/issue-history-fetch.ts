// Fields and history of a set of issues in as few calls as Jira allows: bulk issue
// fetch (100 a call) for current fields, bulk changelog fetch (1000 issues, 10000
// histories a call) for every status and assignee change. Never one call per issue,
// never expand=changelog (Jira truncates it).
import type { ChangeAuthor, FieldChange, IssueHistory, OtherFieldChange } from '../engine';
import { PRIORITY, type JiraClient } from './jira-client';
import { JiraAccessError } from '../kernel/errors';
import { bulkChangelogSchema, bulkIssuesSchema, historyFieldsSchema } from './jira-schemas';
import { chunk, mapBounded } from './semaphore';

export const ISSUE_BULKFETCH_BATCH = 100;
export const CHANGELOG_BATCH_ISSUES = 1000;
export const CHANGELOG_MAX_RESULTS = 10000;
/** The fields IssueHistory is built from; always requested besides the report's own. */
export const HISTORY_FIELDS = ['created', 'status', 'assignee'] as const;

/** A Jira field as GET /rest/api/3/field, or an issue's expand=names,schema, describes it. */
export interface JiraField {
  id: string;
  name: string;
  /** schema.type (string, number, date, datetime, user, option, array, ...); undefined when Jira gives none. */
  type: string | undefined;
  /** schema.items for arrays. */
  items: string | undefined;
}

export interface IssueWithHistory {
  history: IssueHistory;
  /** The requested fields as Jira rendered them (held as unknown: the report narrows them). */
  fields: Record<string, unknown>;
  /**
   * With `describeFields`: the requested fields Jira named on this issue (expand=names,schema),
   * one map shared by the issues of a bulk fetch call, so a report needs no field list call.
   */
  fieldDescriptions?: ReadonlyMap<string, JiraField>;
}

export interface HistoryFetchOptions {
  /** Fields whose changelog items the histories carry besides status and assignee. */
  historyFields?: readonly string[];
  /** Ask Jira for the requested fields' names and schemas on the bulk fetch it sends anyway. */
  describeFields?: boolean;
}

function parseInstant(text: string, what: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new JiraAccessError('JIRA_UNEXPECTED_RESPONSE', `Jira sent an unreadable instant '${text}' in ${what}`);
  return ms;
}

async function fetchFields(client: JiraClient, ids: readonly string[], fields: readonly string[], concurrency: number, describe: boolean) {
  const wanted = [...new Set([...HISTORY_FIELDS, ...fields])];
  const body = (batch: string[]) => ({ issueIdsOrKeys: batch, fields: wanted, ...(describe ? { expand: ['names', 'schema'] } : {}) });
  const pages = await mapBounded(chunk(ids, ISSUE_BULKFETCH_BATCH), concurrency, (batch) =>
    client.post('/rest/api/3/issue/bulkfetch', body(batch), bulkIssuesSchema, 'the bulk issue fetch', PRIORITY.fields),
  );
  type Issue = (typeof pages)[number]['issues'][number];
  return pages.flatMap((page): Array<{ issue: Issue; described: ReadonlyMap<string, JiraField> | undefined }> => {
    if (!describe) return page.issues.map((issue) => ({ issue, described: undefined }));
    const described = new Map<string, JiraField>();
    for (const issue of page.issues) {
      for (const [id, name] of Object.entries(issue.names ?? {})) {
        if (!fields.includes(id) || described.has(id)) continue;
        const schema = issue.schema?.[id];
        described.set(id, { id, name, type: schema?.type, items: schema?.items });
      }
    }
    return page.issues.map((issue) => ({ issue, described }));
  });
}

/** Jira's bulk changelog takes at most 10 fieldIds: status and assignee, and up to 8 history fields. */
export const MAX_HISTORY_FIELDS = 8;

interface FetchedChanges {
  changes: Map<string, FieldChange[]>;
  others: Map<string, OtherFieldChange[]>;
}

function listOf<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

async function fetchChanges(client: JiraClient, ids: readonly string[], concurrency: number, historyFields: readonly string[]): Promise<FetchedChanges> {
  const changes = new Map<string, FieldChange[]>();
  const others = new Map<string, OtherFieldChange[]>();
  const extra = new Set(historyFields.filter((f) => f !== 'status' && f !== 'assignee'));
  await mapBounded(chunk(ids, CHANGELOG_BATCH_ISSUES), concurrency, async (batch) => {
    let nextPageToken: string | undefined;
    do {
      const body: Record<string, unknown> = { issueIdsOrKeys: batch, fieldIds: ['status', 'assignee', ...extra], maxResults: CHANGELOG_MAX_RESULTS };
      if (nextPageToken !== undefined) body.nextPageToken = nextPageToken;
      const page = await client.post('/rest/api/3/changelog/bulkfetch', body, bulkChangelogSchema, 'the bulk changelog fetch', PRIORITY.changelog);
      for (const log of page.issueChangeLogs) {
        const list = listOf(changes, log.issueId);
        for (const history of log.changeHistories) {
          const at = parseInstant(history.created, 'a changelog');
          const by: ChangeAuthor | undefined = history.author
            ? { accountId: history.author.accountId, displayName: history.author.displayName ?? history.author.accountId }
            : undefined;
          for (const item of history.items) {
            const field = item.fieldId ?? item.field;
            if (field === 'status' || field === 'assignee') {
              list.push({ changeId: history.id, at, field, from: item.from ?? null, to: item.to ?? null, ...(by ? { by } : {}) });
            }
            if (historyFields.includes(field)) {
              listOf(others, log.issueId).push({
                changeId: history.id,
                at,
                fieldId: field,
                from: item.from ?? null,
                fromString: item.fromString ?? null,
                to: item.to ?? null,
                toString: item.toString ?? null,
                ...(by ? { by } : {}),
              });
            }
          }
        }
      }
      nextPageToken = page.nextPageToken;
    } while (nextPageToken !== undefined);
  });
  return { changes, others };
}

/** Issues in the order of `ids`; ids Jira no longer returns (deleted meanwhile) are dropped. */
export async function fetchIssueHistories(
  client: JiraClient,
  ids: readonly string[],
  fields: readonly string[],
  concurrency: number,
  options: HistoryFetchOptions = {},
): Promise<IssueWithHistory[]> {
  if (ids.length === 0) return [];
  const historyFields = options.historyFields ?? [];
  const [issues, { changes, others }] = await Promise.all([
    fetchFields(client, ids, fields, concurrency, options.describeFields === true),
    fetchChanges(client, ids, concurrency, historyFields),
  ]);
  const byId = new Map(issues.map((fetched) => [fetched.issue.id, fetched]));
  const result: IssueWithHistory[] = [];
  for (const id of ids) {
    const fetched = byId.get(id);
    if (!fetched) continue;
    const { issue, described } = fetched;
    const parsed = historyFieldsSchema.safeParse(issue.fields);
    if (!parsed.success)
      throw new JiraAccessError('JIRA_UNEXPECTED_RESPONSE', `Jira returned issue ${issue.key} without created, status or assignee fields`, {
        cause: parsed.error,
      });
    const requested: Record<string, unknown> = {};
    for (const name of fields) if (name in issue.fields) requested[name] = issue.fields[name];
    result.push({
      history: {
        issueId: issue.id,
        issueKey: issue.key,
        created: parseInstant(parsed.data.created, `issue ${issue.key}`),
        status: parsed.data.status.id,
        assignee: parsed.data.assignee?.accountId ?? null,
        changes: changes.get(issue.id) ?? [],
        ...(historyFields.length > 0 ? { otherChanges: others.get(issue.id) ?? [] } : {}),
      },
      fields: requested,
      ...(described ? { fieldDescriptions: described } : {}),
    });
  }
  return result;
}
