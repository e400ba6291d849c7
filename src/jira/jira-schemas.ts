// zod schemas for the parts of Jira's answers the data access reads. Jira adds fields
// over time, so objects are not strict; what we rely on is required.
import { z } from 'zod';

export const searchIdsPageSchema = z.object({
  issues: z.array(z.object({ id: z.string() })),
  nextPageToken: z.string().optional(),
  isLast: z.boolean().optional(),
});

export const permissionGrantsSchema = z.object({
  globalPermissions: z.array(z.string()),
  projectPermissions: z.array(z.object({ permission: z.string(), issues: z.array(z.number()).default([]), projects: z.array(z.number()).default([]) })),
});

export const bulkIssuesSchema = z.object({
  issues: z
    .array(
      z.object({
        id: z.string(),
        key: z.string(),
        fields: z.record(z.string(), z.unknown()).default({}),
        // expand=names,schema (IssueBean): each present field's name and value schema.
        names: z.record(z.string(), z.string()).optional(),
        schema: z.record(z.string(), z.object({ type: z.string().optional(), items: z.string().optional() })).optional(),
      }),
    )
    .default([]),
  issueErrors: z.array(z.object({ id: z.string().optional(), errorMessage: z.string().optional() })).default([]),
});

// Jira sends null for an empty side of a change; the OpenAPI document omits it. Accept both.
const changeItemSchema = z.object({
  field: z.string(),
  fieldId: z.string().optional(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});

export const changeHistorySchema = z.object({
  id: z.string(),
  created: z.string(),
  author: z.object({ accountId: z.string(), displayName: z.string().optional() }).nullish(),
  items: z.array(changeItemSchema),
});

export const bulkChangelogSchema = z.object({
  issueChangeLogs: z.array(z.object({ issueId: z.string(), changeHistories: z.array(changeHistorySchema).default([]) })).default([]),
  nextPageToken: z.string().optional(),
});

export const statusListSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    statusCategory: z.object({ key: z.string() }).optional(),
    // Team-managed projects' statuses: scope PROJECT, the project named by id (a key is read when Jira sends one).
    scope: z.object({ type: z.string(), project: z.object({ id: z.string(), key: z.string().optional() }).optional() }).optional(),
  }),
);

/** GET /rest/api/3/project/search?id=...: the keys of projects named by id. */
export const projectKeysPageSchema = z.object({ values: z.array(z.object({ id: z.string(), key: z.string() })).default([]) });

export const filterSchema = z.object({
  id: z.string(),
  name: z.string(),
  jql: z.string().default(''),
  owner: z.object({ accountId: z.string() }).optional(),
  sharePermissions: z
    .array(
      z.object({
        type: z.string(),
        group: z.object({ name: z.string().optional(), groupId: z.string().nullish() }).optional(),
        project: z.object({ id: z.string() }).optional(),
        user: z.object({ accountId: z.string().optional() }).optional(),
      }),
    )
    .default([]),
});

export const groupListSchema = z.array(z.object({ name: z.string(), groupId: z.string().nullish() }));

/** The issue fields the engine needs, as bulk fetch returns them. */
export const historyFieldsSchema = z.object({
  created: z.string(),
  status: z.object({ id: z.string() }),
  assignee: z.object({ accountId: z.string() }).nullish(),
});

/** GET /rest/api/3/field: every field's id, name and value schema (custom fields have no system key). */
export const fieldListSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    schema: z.object({ type: z.string(), items: z.string().optional(), custom: z.string().optional() }).optional(),
  }),
);
