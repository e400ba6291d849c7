// Jira-shaped issues, statuses and changelogs. Instants use Jira's own format
// ("2025-01-02T09:00:00.000+0000"), which clients must parse as Jira sends it.
import type { ChangelogEntry, DatasetStatus } from './dataset';
import { selfUrl, type EmulatorRequest } from './http';
import type { IndexedIssue } from './model';
import { renderUserDetails } from './render';
import { changeDisplay, changeFieldName, describeRenderedFields, extraFieldRenderers } from './render-fields';

export function jiraInstant(iso: string | number): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

export const STATUS_CATEGORIES = [
  { id: 1, key: 'undefined', colorName: 'medium-gray', name: 'No Category' },
  { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  { id: 3, key: 'done', colorName: 'green', name: 'Done' },
] as const;

export function renderStatusCategory(request: EmulatorRequest, key: string): Record<string, unknown> {
  const category = STATUS_CATEGORIES.find((c) => c.key === key) ?? STATUS_CATEGORIES[0];
  return {
    self: selfUrl(request, `/rest/api/3/statuscategory/${category.id}`),
    id: category.id,
    key: category.key,
    colorName: category.colorName,
    name: category.name,
  };
}

export function renderStatus(request: EmulatorRequest, status: DatasetStatus): Record<string, unknown> {
  return {
    self: selfUrl(request, `/rest/api/3/status/${status.id}`),
    description: '',
    iconUrl: selfUrl(request, '/images/icons/statuses/generic.png'),
    name: status.name,
    untranslatedName: status.name,
    id: status.id,
    statusCategory: renderStatusCategory(request, status.categoryKey),
    // Jira names a team-managed status's project by id only.
    ...(status.scopeProjectId === undefined ? {} : { scope: { type: 'PROJECT', project: { id: status.scopeProjectId } } }),
  };
}

const NAVIGABLE_FIELDS = [
  'summary',
  'status',
  'assignee',
  'reporter',
  'created',
  'updated',
  'resolutiondate',
  'resolution',
  'issuetype',
  'project',
  'security',
  'priority',
  'labels',
  'components',
  'fixVersions',
  'parent',
];

/**
 * Which fields to render for a `fields` parameter: explicit names, `*all` / `*navigable`,
 * and `-name` exclusions, as Jira reads them. Unknown names are ignored, as in Jira.
 */
export function selectFields(requested: readonly string[] | undefined, fallback: 'all' | 'none'): string[] {
  const parts = (requested ?? [])
    .flatMap((f) => f.split(','))
    .map((f) => f.trim())
    .filter((f) => f !== '');
  const selected = new Set<string>(parts.length === 0 && fallback === 'all' ? NAVIGABLE_FIELDS : []);
  for (const part of parts) {
    if (part === '*all' || part === '*navigable') NAVIGABLE_FIELDS.forEach((f) => selected.add(f));
    else if (part.startsWith('-')) selected.delete(part.slice(1));
    else if (NAVIGABLE_FIELDS.includes(part) || /^customfield_\d+$/.test(part)) selected.add(part);
  }
  return [...selected];
}

export function renderIssue(
  request: EmulatorRequest,
  indexed: IndexedIssue,
  fields: readonly string[],
  expand: readonly string[] = [],
): Record<string, unknown> {
  const { issue } = indexed;
  const { model } = request;
  const user = (accountId: string | null): Record<string, unknown> | null => {
    const found = accountId === null ? undefined : model.usersById.get(accountId);
    return found ? renderUserDetails(request, found) : null;
  };
  const all: Record<string, () => unknown> = {
    ...extraFieldRenderers(request, indexed),
    summary: () => issue.summary,
    status: () => renderStatus(request, indexed.status),
    assignee: () => user(issue.assignee),
    reporter: () => user(issue.reporter),
    created: () => jiraInstant(issue.created),
    updated: () => jiraInstant(issue.updated),
    resolutiondate: () => (issue.resolutiondate === null ? null : jiraInstant(issue.resolutiondate)),
    resolution: () =>
      issue.resolutiondate === null
        ? null
        : { self: selfUrl(request, '/rest/api/3/resolution/10000'), id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
    issuetype: () => {
      const type = model.dataset.issueTypes.find((t) => t.id === issue.issueTypeId);
      return {
        self: selfUrl(request, `/rest/api/3/issuetype/${issue.issueTypeId}`),
        id: issue.issueTypeId,
        name: type?.name ?? '',
        subtask: false,
        hierarchyLevel: 0,
      };
    },
    project: () => ({
      self: selfUrl(request, `/rest/api/3/project/${indexed.project.id}`),
      id: indexed.project.id,
      key: indexed.project.key,
      name: indexed.project.name,
      projectTypeKey: 'software',
      simplified: false,
    }),
    security: () => {
      const level = model.dataset.securityLevels.find((l) => l.id === issue.securityLevelId);
      return level ? { self: selfUrl(request, `/rest/api/3/securitylevel/${level.id}`), id: level.id, name: level.name, description: '' } : null;
    },
  };
  const rendered: Record<string, unknown> = {};
  for (const name of fields) {
    const render = all[name];
    const value = render?.();
    if (value !== undefined) rendered[name] = value;
  }
  const described = expand.includes('names') || expand.includes('schema') ? describeRenderedFields(request, Object.keys(rendered)) : undefined;
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: selfUrl(request, `/rest/api/3/issue/${issue.id}`),
    key: issue.key,
    fields: rendered,
    ...(described && expand.includes('names') ? { names: described.names } : {}),
    ...(described && expand.includes('schema') ? { schema: described.schema } : {}),
  };
}

/** A changelog entry, its items limited to `fieldIds` when given. Null from/to are omitted: the OpenAPI document types them as plain strings. */
export function renderHistory(request: EmulatorRequest, entry: ChangelogEntry, fieldIds?: ReadonlySet<string>): Record<string, unknown> {
  const { model } = request;
  const display = (field: string, value: string | null): string | null => {
    if (value === null) return null;
    if (field === 'status') return model.statusesById.get(value)?.name ?? value;
    if (field === 'assignee') return model.usersById.get(value)?.displayName ?? value;
    if (field === 'resolution') return 'Done';
    return changeDisplay(request, field, value);
  };
  const items = entry.items
    .filter((item) => fieldIds === undefined || fieldIds.has(item.field))
    .map((item) => {
      // Built from entries: a `toString` property on an object literal type clashes with Object's.
      const entries: Array<[string, string | null]> = [
        ['field', changeFieldName(request, item.field)],
        ['fieldtype', item.field.startsWith('customfield_') ? 'custom' : 'jira'],
        ['fieldId', item.field],
        ['from', item.from],
        ['fromString', display(item.field, item.from)],
        ['to', item.to],
        ['toString', display(item.field, item.to)],
      ];
      return Object.fromEntries(entries.filter(([, value]) => value !== null));
    });
  const author = model.usersById.get(entry.author);
  const rendered: Record<string, unknown> = { id: entry.id, created: jiraInstant(entry.created), items };
  if (author) rendered.author = renderUserDetails(request, author);
  return rendered;
}
