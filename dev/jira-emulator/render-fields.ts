// The issue fields beyond the ones the engine reads (priority, labels, components, fix
// versions, parent, custom fields) in the JSON shapes Jira's REST API v3 gives them, and
// GET /rest/api/3/field (every field with its id, name and schema).
import type { DatasetCustomField } from './dataset';
import { ok, selfUrl, type EmulatorRequest, type EmulatorResponse } from './http';
import type { IndexedIssue } from './model';
import { renderUserDetails } from './render';

/** A stable id for a component or version name: its position among all names of its kind in the dataset. */
function namedIds(names: Iterable<string>, first: number): Map<string, string> {
  return new Map([...new Set(names)].sort().map((name, index) => [name, String(first + index)]));
}

const idCache = new WeakMap<object, { components: Map<string, string>; versions: Map<string, string> }>();

function idsOf(request: EmulatorRequest): { components: Map<string, string>; versions: Map<string, string> } {
  const dataset = request.model.dataset;
  let ids = idCache.get(dataset);
  if (!ids) {
    ids = {
      components: namedIds(
        dataset.issues.flatMap((i) => i.components),
        10000,
      ),
      versions: namedIds(
        dataset.issues.flatMap((i) => i.fixVersions),
        10000,
      ),
    };
    idCache.set(dataset, ids);
  }
  return ids;
}

export function renderPriority(request: EmulatorRequest, id: string | null): Record<string, unknown> | null {
  const priority = id === null ? undefined : request.model.dataset.priorities.find((p) => p.id === id);
  if (!priority) return null;
  return {
    self: selfUrl(request, `/rest/api/3/priority/${priority.id}`),
    iconUrl: selfUrl(request, `/images/icons/priorities/${priority.name.toLowerCase()}.svg`),
    name: priority.name,
    id: priority.id,
  };
}

function renderCustomValue(request: EmulatorRequest, field: DatasetCustomField, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Dataset values are JSON scalars or lists of them (customFields in dataset.ts).
  const scalar = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));
  const option = (id: unknown): Record<string, unknown> | null => {
    const found = field.options.find((o) => o.id === scalar(id));
    return found ? { self: selfUrl(request, `/rest/api/3/customFieldOption/${found.id}`), value: found.value, id: found.id } : null;
  };
  switch (field.type) {
    case 'number':
      return Number(value);
    case 'string':
    case 'date':
      return scalar(value);
    case 'datetime':
      return new Date(scalar(value)).toISOString().replace('Z', '+0000');
    case 'option':
      return option(value);
    case 'user': {
      const user = request.model.usersById.get(scalar(value));
      return user ? renderUserDetails(request, user) : null;
    }
    case 'array-option':
      return (Array.isArray(value) ? value : [value]).map(option).filter((o) => o !== null);
    case 'array-string':
      return (Array.isArray(value) ? value : [value]).map(scalar);
  }
}

/** Renderers of the fields this module owns, by field id. */
export function extraFieldRenderers(request: EmulatorRequest, indexed: IndexedIssue): Record<string, () => unknown> {
  const { issue } = indexed;
  const ids = idsOf(request);
  const renderers: Record<string, () => unknown> = {
    priority: () => renderPriority(request, issue.priorityId),
    labels: () => [...issue.labels],
    components: () =>
      issue.components.map((name) => ({ self: selfUrl(request, `/rest/api/3/component/${ids.components.get(name)}`), id: ids.components.get(name), name })),
    fixVersions: () =>
      issue.fixVersions.map((name) => ({
        self: selfUrl(request, `/rest/api/3/version/${ids.versions.get(name)}`),
        id: ids.versions.get(name),
        name,
        archived: false,
        released: false,
      })),
    parent: () => {
      const parent = issue.parentKey === null ? undefined : request.model.findIssue(issue.parentKey);
      if (!parent) return undefined;
      return {
        id: parent.issue.id,
        key: parent.issue.key,
        self: selfUrl(request, `/rest/api/3/issue/${parent.issue.id}`),
        fields: { summary: parent.issue.summary, priority: renderPriority(request, parent.issue.priorityId) },
      };
    },
  };
  for (const field of request.model.dataset.customFields) {
    renderers[field.id] = () => renderCustomValue(request, field, issue.customFields[field.id]);
  }
  return renderers;
}

/** The display text Jira puts in a changelog item's fromString / toString for these fields. */
export function changeDisplay(request: EmulatorRequest, field: string, value: string): string {
  if (field === 'priority') return request.model.dataset.priorities.find((p) => p.id === value)?.name ?? value;
  const custom = request.model.dataset.customFields.find((f) => f.id === field);
  if (custom?.type === 'option') return custom.options.find((o) => o.id === value)?.value ?? value;
  if (custom?.type === 'user') return request.model.usersById.get(value)?.displayName ?? value;
  return value;
}

/** The name a changelog item carries in `field` (Jira writes the field's name for custom fields). */
export function changeFieldName(request: EmulatorRequest, field: string): string {
  return request.model.dataset.customFields.find((f) => f.id === field)?.name ?? field;
}

const SYSTEM_FIELDS: Array<{ id: string; name: string; schema: Record<string, string> | undefined; clauseNames: string[] }> = [
  { id: 'summary', name: 'Summary', schema: { type: 'string', system: 'summary' }, clauseNames: ['summary'] },
  { id: 'issuetype', name: 'Issue Type', schema: { type: 'issuetype', system: 'issuetype' }, clauseNames: ['issuetype', 'type'] },
  { id: 'status', name: 'Status', schema: { type: 'status', system: 'status' }, clauseNames: ['status'] },
  { id: 'priority', name: 'Priority', schema: { type: 'priority', system: 'priority' }, clauseNames: ['priority'] },
  { id: 'assignee', name: 'Assignee', schema: { type: 'user', system: 'assignee' }, clauseNames: ['assignee'] },
  { id: 'reporter', name: 'Reporter', schema: { type: 'user', system: 'reporter' }, clauseNames: ['reporter'] },
  { id: 'labels', name: 'Labels', schema: { type: 'array', items: 'string', system: 'labels' }, clauseNames: ['labels'] },
  { id: 'components', name: 'Components', schema: { type: 'array', items: 'component', system: 'components' }, clauseNames: ['component'] },
  { id: 'fixVersions', name: 'Fix versions', schema: { type: 'array', items: 'version', system: 'fixVersions' }, clauseNames: ['fixVersion'] },
  { id: 'resolution', name: 'Resolution', schema: { type: 'resolution', system: 'resolution' }, clauseNames: ['resolution'] },
  { id: 'created', name: 'Created', schema: { type: 'datetime', system: 'created' }, clauseNames: ['created', 'createdDate'] },
  { id: 'updated', name: 'Updated', schema: { type: 'datetime', system: 'updated' }, clauseNames: ['updated', 'updatedDate'] },
  { id: 'resolutiondate', name: 'Resolved', schema: { type: 'datetime', system: 'resolutiondate' }, clauseNames: ['resolved', 'resolutiondate'] },
  { id: 'project', name: 'Project', schema: { type: 'project', system: 'project' }, clauseNames: ['project'] },
  { id: 'parent', name: 'Parent', schema: undefined, clauseNames: ['parent'] },
  { id: 'security', name: 'Security Level', schema: { type: 'securitylevel', system: 'security' }, clauseNames: ['level'] },
];

const CUSTOM_SCHEMA: Record<DatasetCustomField['type'], { type: string; items?: string; custom: string }> = {
  number: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' },
  string: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' },
  date: { type: 'date', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker' },
  datetime: { type: 'datetime', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datetime' },
  option: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' },
  user: { type: 'user', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:userpicker' },
  'array-option': { type: 'array', items: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multiselect' },
  'array-string': { type: 'array', items: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:labels' },
};

/** GET /rest/api/3/field: system fields, then the dataset's custom fields (FieldDetails). */
export function listFields(request: EmulatorRequest): EmulatorResponse {
  return ok(fieldDetails(request));
}

/**
 * What an issue's `expand: ['names', 'schema']` adds (IssueBean.names and .schema): the name
 * and the value schema of each field present on the rendered issue, as the field list gives them.
 */
export function describeRenderedFields(
  request: EmulatorRequest,
  fieldIds: Iterable<string>,
): { names: Record<string, string>; schema: Record<string, unknown> } {
  const byId = new Map(fieldDetails(request).map((f) => [f.id, f]));
  const names: Record<string, string> = {};
  const schema: Record<string, unknown> = {};
  for (const id of fieldIds) {
    const field = byId.get(id);
    if (!field) continue;
    names[id] = field.name;
    if (field.schema) schema[id] = field.schema;
  }
  return { names, schema };
}

function fieldDetails(request: EmulatorRequest): Array<{ id: string; name: string; schema?: Record<string, unknown> } & Record<string, unknown>> {
  const system = SYSTEM_FIELDS.map((f) => ({
    id: f.id,
    key: f.id,
    name: f.name,
    custom: false,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: f.clauseNames,
    ...(f.schema ? { schema: f.schema } : {}),
  }));
  const custom = request.model.dataset.customFields.map((f) => {
    const number = Number(f.id.slice('customfield_'.length));
    return {
      id: f.id,
      key: f.id,
      name: f.name,
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: [`cf[${number}]`, f.name],
      schema: { ...CUSTOM_SCHEMA[f.type], customId: number },
    };
  });
  return [...system, ...custom];
}
