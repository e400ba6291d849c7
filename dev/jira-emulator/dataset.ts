// The emulator's dataset: everything a Jira Cloud site knows that Status Clock reads.
// The format is documented in README.md; files are validated with zod on load because
// a dataset is hand-edited input, and a wrong one must fail loudly, not emulate nonsense.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const isoInstant = z.iso.datetime({ offset: true });

export const datasetUserSchema = z.object({
  accountId: z.string().min(1).max(128),
  displayName: z.string().min(1),
  emailAddress: z.string().optional(),
  active: z.boolean(),
  groups: z.array(z.string()).default([]),
  timeZone: z.string().default('UTC'),
});

export const datasetGroupSchema = z.object({
  groupId: z.string().min(1),
  name: z.string().min(1),
});

/** Who holds a permission: members of any listed group, any listed user, or anyone active. */
export const grantSchema = z.object({
  anyone: z.boolean().default(false),
  groups: z.array(z.string()).default([]),
  users: z.array(z.string()).default([]),
});

export const datasetProjectSchema = z.object({
  id: z.string().regex(/^\d+$/),
  key: z.string().regex(/^[A-Z][A-Z0-9_]+$/),
  name: z.string().min(1),
  /** BROWSE_PROJECTS: who may see the project's issues. */
  browse: grantSchema,
});

export const securityLevelSchema = z.object({
  id: z.string().regex(/^\d+$/),
  name: z.string().min(1),
  members: grantSchema,
});

export const statusCategoryKeySchema = z.enum(['new', 'indeterminate', 'done']);

export const datasetStatusSchema = z.object({
  id: z.string().regex(/^\d+$/),
  name: z.string().min(1),
  categoryKey: statusCategoryKeySchema,
  /** A team-managed project's own status: that project's id (Jira's scope PROJECT); absent for company-wide ones. */
  scopeProjectId: z.string().regex(/^\d+$/).optional(),
});

export const issueTypeSchema = z.object({
  id: z.string().regex(/^\d+$/),
  name: z.string().min(1),
});

/** One changed field inside a changelog entry; ids (status id, account id), not display strings. */
export const changeItemSchema = z.object({
  /** A system field, or a custom field id (customfield_NNNNN); values as the field's JSON holds them (ids, option ids, text). */
  field: z.union([z.enum(['status', 'assignee', 'resolution', 'priority', 'labels']), z.string().regex(/^customfield_\d+$/)]),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const changelogEntrySchema = z.object({
  id: z.string().regex(/^\d+$/),
  author: z.string(),
  created: isoInstant,
  items: z.array(changeItemSchema).min(1),
});

export const datasetIssueSchema = z.object({
  id: z.string().regex(/^\d+$/),
  key: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/),
  projectKey: z.string(),
  issueTypeId: z.string(),
  summary: z.string(),
  created: isoInstant,
  updated: isoInstant,
  /** Set while the issue is resolved (status category done). */
  resolutiondate: isoInstant.nullable().default(null),
  statusId: z.string(),
  assignee: z.string().nullable(),
  reporter: z.string(),
  securityLevelId: z.string().nullable().default(null),
  /** A priority id from `priorities` (null: the issue has none). */
  priorityId: z.string().nullable().default('3'),
  labels: z.array(z.string()).default([]),
  /** Component and fix version names (ids are given by the model, stable per dataset). */
  components: z.array(z.string()).default([]),
  fixVersions: z.array(z.string()).default([]),
  parentKey: z.string().nullable().default(null),
  /** Custom field id -> value in its simple form (see customFieldSchema): number, text, option id, account id, or a list. */
  customFields: z.record(z.string().regex(/^customfield_\d+$/), z.unknown()).default({}),
  /** Oldest first; the last status / assignee change must match the current fields. */
  changelog: z.array(changelogEntrySchema).default([]),
});

export const prioritySchema = z.object({ id: z.string().regex(/^\d+$/), name: z.string().min(1) });

/** A custom field and how its values are rendered (Jira's schema.type / items / custom key). */
export const customFieldSchema = z.object({
  id: z.string().regex(/^customfield_\d+$/),
  name: z.string().min(1),
  type: z.enum(['number', 'string', 'date', 'datetime', 'option', 'user', 'array-option', 'array-string']),
  /** option fields: the options by id. */
  options: z.array(z.object({ id: z.string().regex(/^\d+$/), value: z.string() })).default([]),
});

/** Jira's default priorities. */
export const DEFAULT_PRIORITIES = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
];

export const shareSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('global') }),
  z.object({ type: z.literal('loggedin') }),
  z.object({ type: z.literal('group'), group: z.string() }),
  z.object({ type: z.literal('project'), projectKey: z.string() }),
  z.object({ type: z.literal('user'), accountId: z.string() }),
]);

export const datasetFilterSchema = z.object({
  id: z.string().regex(/^\d+$/),
  name: z.string().min(1),
  jql: z.string(),
  owner: z.string(),
  description: z.string().default(''),
  sharePermissions: z.array(shareSchema).default([]),
});

export const appUserSchema = z.object({
  accountId: z.string().min(1),
  displayName: z.string().min(1),
  globalPermissions: z.array(z.string()).default([]),
});

export const datasetSchema = z.object({
  version: z.literal(1),
  /** The app's own account: what a caller without a user header acts as. */
  app: appUserSchema,
  groups: z.array(datasetGroupSchema),
  users: z.array(datasetUserSchema),
  /** Global permission key (e.g. ADMINISTER) -> who holds it. */
  globalPermissions: z.record(z.string(), grantSchema),
  projects: z.array(datasetProjectSchema),
  securityLevels: z.array(securityLevelSchema).default([]),
  statuses: z.array(datasetStatusSchema),
  issueTypes: z.array(issueTypeSchema),
  priorities: z.array(prioritySchema).default(DEFAULT_PRIORITIES),
  customFields: z.array(customFieldSchema).default([]),
  issues: z.array(datasetIssueSchema),
  filters: z.array(datasetFilterSchema).default([]),
});

export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetUser = Dataset['users'][number];
export type DatasetProject = Dataset['projects'][number];
export type DatasetIssue = Dataset['issues'][number];
export type DatasetStatus = Dataset['statuses'][number];
export type DatasetFilter = Dataset['filters'][number];
export type ChangelogEntry = DatasetIssue['changelog'][number];
export type DatasetCustomField = Dataset['customFields'][number];
export type Grant = z.infer<typeof grantSchema>;

/** Parses and cross-checks a dataset held as unknown (a file's JSON, a test literal). */
export function parseDataset(input: unknown): Dataset {
  const dataset = datasetSchema.parse(input);
  const problems = crossCheck(dataset);
  if (problems.length > 0) {
    throw new Error(`invalid dataset:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
  return dataset;
}

export function loadDataset(file: string): Dataset {
  const text = readFileSync(file, 'utf8');
  const json: unknown = JSON.parse(text);
  return parseDataset(json);
}

/** References between sections and history consistent with current fields. */
export function crossCheck(dataset: Dataset): string[] {
  const problems: string[] = [];
  const users = new Set(dataset.users.map((u) => u.accountId));
  const groups = new Set(dataset.groups.map((g) => g.name));
  const projects = new Set(dataset.projects.map((p) => p.key));
  const statuses = new Set(dataset.statuses.map((s) => s.id));
  const types = new Set(dataset.issueTypes.map((t) => t.id));
  const levels = new Set(dataset.securityLevels.map((l) => l.id));
  const priorities = new Set(dataset.priorities.map((p) => p.id));
  const customFields = new Set(dataset.customFields.map((f) => f.id));
  const projectIds = new Set(dataset.projects.map((p) => p.id));
  for (const status of dataset.statuses) {
    if (status.scopeProjectId !== undefined && !projectIds.has(status.scopeProjectId))
      problems.push(`status ${status.id} is scoped to project id ${status.scopeProjectId}, which the dataset does not have`);
  }
  const unique = (what: string, values: string[]): void => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) problems.push(`duplicate ${what} ${v}`);
      seen.add(v);
    }
  };
  unique(
    'account id',
    dataset.users.map((u) => u.accountId),
  );
  unique(
    'project key',
    dataset.projects.map((p) => p.key),
  );
  unique(
    'issue id',
    dataset.issues.map((i) => i.id),
  );
  unique(
    'issue key',
    dataset.issues.map((i) => i.key),
  );
  unique(
    'status id',
    dataset.statuses.map((s) => s.id),
  );
  for (const user of dataset.users) {
    for (const g of user.groups) if (!groups.has(g)) problems.push(`user ${user.accountId}: unknown group ${g}`);
  }
  const changeIds = new Set<string>();
  for (const issue of dataset.issues) {
    const at = `issue ${issue.key}`;
    if (!projects.has(issue.projectKey)) problems.push(`${at}: unknown project ${issue.projectKey}`);
    if (!issue.key.startsWith(`${issue.projectKey}-`)) problems.push(`${at}: key not in project ${issue.projectKey}`);
    if (!statuses.has(issue.statusId)) problems.push(`${at}: unknown status ${issue.statusId}`);
    if (!types.has(issue.issueTypeId)) problems.push(`${at}: unknown issue type ${issue.issueTypeId}`);
    if (issue.assignee !== null && !users.has(issue.assignee)) problems.push(`${at}: unknown assignee`);
    if (issue.securityLevelId !== null && !levels.has(issue.securityLevelId)) problems.push(`${at}: unknown security level`);
    if (issue.priorityId !== null && !priorities.has(issue.priorityId)) problems.push(`${at}: unknown priority ${issue.priorityId}`);
    for (const id of Object.keys(issue.customFields)) if (!customFields.has(id)) problems.push(`${at}: unknown custom field ${id}`);
    let status: string | null | undefined;
    let assignee: string | null | undefined;
    let previous = Date.parse(issue.created);
    for (const entry of issue.changelog) {
      if (changeIds.has(entry.id)) problems.push(`${at}: duplicate changelog id ${entry.id}`);
      changeIds.add(entry.id);
      const when = Date.parse(entry.created);
      if (when < previous) problems.push(`${at}: changelog ${entry.id} out of order`);
      previous = when;
      for (const item of entry.items) {
        if (item.field === 'status') {
          if (status !== undefined && item.from !== status) problems.push(`${at}: status change ${entry.id} does not start where the previous ended`);
          status = item.to;
        }
        if (item.field === 'assignee') {
          if (assignee !== undefined && item.from !== assignee) problems.push(`${at}: assignee change ${entry.id} does not start where the previous ended`);
          assignee = item.to;
        }
      }
    }
    if (status !== undefined && status !== issue.statusId) problems.push(`${at}: last status change does not match statusId`);
    if (assignee !== undefined && assignee !== issue.assignee) problems.push(`${at}: last assignee change does not match assignee`);
  }
  for (const filter of dataset.filters) {
    if (!users.has(filter.owner)) problems.push(`filter ${filter.id}: unknown owner`);
  }
  return problems;
}
