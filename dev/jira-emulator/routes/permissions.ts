// /mypermissions and /permissions/check: global permissions (ADMINISTER) and
// BROWSE_PROJECTS per project and per issue, with issue security levels honoured.
import { z } from 'zod';
import type { Caller, EmulatorModel } from '../model';
import { JiraError, ok, requireParam, type EmulatorRequest, type EmulatorResponse } from '../http';

/** Jira's documented cap for one permissions/check call. */
export const PERMISSION_CHECK_MAX_ISSUES = 1000;
export const PERMISSION_CHECK_MAX_PROJECTS = 1000;

const GLOBAL_PERMISSIONS: Record<string, { id: string; name: string; description: string }> = {
  ADMINISTER: {
    id: '0',
    name: 'Administer Jira',
    description:
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
  },
  SYSTEM_ADMIN: {
    id: '44',
    name: 'Jira System Administrators',
    description: 'Ability to perform most administration functions (excluding Import & Export, SMTP Configuration, etc.).',
  },
  USER_PICKER: {
    id: '27',
    name: 'Browse users and groups',
    description:
      'View and select users or groups from the user picker, and share issues. Users with this permission can see the names of all users and groups on your site.',
  },
};
// The emulator models one project permission; asking for another is refused rather
// than answered wrongly.
const PROJECT_PERMISSIONS: Record<string, { id: string; name: string; description: string }> = {
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', description: 'Ability to browse projects and the issues within them.' },
};

function callerFor(model: EmulatorModel, request: EmulatorRequest, accountId: string | undefined): Caller {
  if (accountId === undefined) return request.caller;
  const user = model.usersById.get(accountId);
  if (!user) throw new JiraError(400, [`The user with account ID '${accountId}' does not exist.`]);
  // Checking someone else needs ADMINISTER (apps calling from their backend are exempt).
  if (request.caller.kind === 'user' && request.caller.user.accountId !== accountId && !model.hasGlobalPermission(request.caller, 'ADMINISTER')) {
    throw new JiraError(403, ['You must have the Administer Jira permission to check permissions of other users.']);
  }
  return { kind: 'user', user };
}

export function myPermissions(request: EmulatorRequest): EmulatorResponse {
  const { model, query, caller } = request;
  const keys = requireParam(query, 'permissions')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  const projectRef = query.get('projectKey') ?? query.get('projectId');
  const issueRef = query.get('issueKey') ?? query.get('issueId');
  const issue = issueRef === null ? undefined : model.findIssue(issueRef);
  if (issueRef !== null && (issue === undefined || !model.canBrowseIssue(caller, issue))) {
    throw new JiraError(404, ['Issue does not exist or you do not have permission to see it.']);
  }
  const project = projectRef === null ? undefined : (model.projectsByKey.get(projectRef) ?? model.projectsById.get(projectRef));
  if (projectRef !== null && (project === undefined || !model.canBrowseProject(caller, project))) {
    throw new JiraError(404, [`No project could be found with key '${projectRef}'.`]);
  }
  const permissions: Record<string, unknown> = {};
  for (const key of keys) {
    const global = GLOBAL_PERMISSIONS[key];
    const projectPermission = PROJECT_PERMISSIONS[key];
    if (global) {
      permissions[key] = {
        id: global.id,
        key,
        name: global.name,
        type: 'GLOBAL',
        description: global.description,
        havePermission: model.hasGlobalPermission(caller, key),
      };
    } else if (projectPermission) {
      let have: boolean;
      if (issue) have = model.canBrowseIssue(caller, issue);
      else if (project) have = model.canBrowseProject(caller, project);
      else have = model.dataset.projects.some((p) => model.canBrowseProject(caller, p));
      permissions[key] = {
        id: projectPermission.id,
        key,
        name: projectPermission.name,
        type: 'PROJECT',
        description: projectPermission.description,
        havePermission: have,
      };
    } else {
      throw new JiraError(400, [
        `The permission key '${key}' is not supported by the Jira emulator (supported: ${[...Object.keys(GLOBAL_PERMISSIONS), ...Object.keys(PROJECT_PERMISSIONS)].join(', ')}).`,
      ]);
    }
  }
  return ok({ permissions });
}

// Jira ignores nulls inside these lists; ids arrive as JSON numbers (int64).
const idList = z.array(z.union([z.number().int(), z.null()])).optional();
const checkBodySchema = z.object({
  accountId: z.string().optional(),
  globalPermissions: z.array(z.union([z.string(), z.null()])).optional(),
  projectPermissions: z.array(z.object({ permissions: z.array(z.string()), issues: idList, projects: idList })).optional(),
});

export function checkPermissions(request: EmulatorRequest): EmulatorResponse {
  const parsed = checkBodySchema.safeParse(request.body ?? {});
  if (!parsed.success) throw new JiraError(400, [`Invalid request payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`]);
  const { model } = request;
  const caller = callerFor(model, request, parsed.data.accountId);
  const globalGranted = (parsed.data.globalPermissions ?? [])
    .filter((k): k is string => k !== null)
    .filter((k) => {
      if (!GLOBAL_PERMISSIONS[k])
        throw new JiraError(400, [`Unrecognized global permission '${k}' (the Jira emulator supports ${Object.keys(GLOBAL_PERMISSIONS).join(', ')}).`]);
      return model.hasGlobalPermission(caller, k);
    });
  const entries = parsed.data.projectPermissions ?? [];
  const issueCount = entries.reduce((n, e) => n + (e.issues ?? []).filter((i) => i !== null).length, 0);
  const projectCount = entries.reduce((n, e) => n + (e.projects ?? []).filter((i) => i !== null).length, 0);
  if (issueCount > PERMISSION_CHECK_MAX_ISSUES)
    throw new JiraError(400, [`A maximum of ${PERMISSION_CHECK_MAX_ISSUES} issues can be checked; got ${issueCount}.`]);
  if (projectCount > PERMISSION_CHECK_MAX_PROJECTS)
    throw new JiraError(400, [`A maximum of ${PERMISSION_CHECK_MAX_PROJECTS} projects can be checked; got ${projectCount}.`]);
  const projectGrants: Array<{ permission: string; issues: number[]; projects: number[] }> = [];
  for (const entry of entries) {
    for (const permission of entry.permissions.filter((p) => p !== '')) {
      if (!PROJECT_PERMISSIONS[permission])
        throw new JiraError(400, [
          `Unrecognized project permission '${permission}' (the Jira emulator supports ${Object.keys(PROJECT_PERMISSIONS).join(', ')}).`,
        ]);
      const issues = [...new Set((entry.issues ?? []).filter((i): i is number => i !== null))].filter((id) => {
        const issue = model.issuesById.get(String(id));
        return issue !== undefined && model.canBrowseIssue(caller, issue);
      });
      const projects = [...new Set((entry.projects ?? []).filter((i): i is number => i !== null))].filter((id) => {
        const project = model.projectsById.get(String(id));
        return project !== undefined && model.canBrowseProject(caller, project);
      });
      projectGrants.push({ permission, issues, projects });
    }
  }
  return ok({ globalPermissions: globalGranted, projectPermissions: projectGrants });
}
