// The dataset indexed for fast lookups, plus the permission rules Jira applies:
// project BROWSE grants, issue security levels, global permissions, and "deactivated
// users hold no permissions at all".
import type { Dataset, DatasetFilter, DatasetIssue, DatasetProject, DatasetStatus, DatasetUser, Grant } from './dataset';

/** Who a request acts as: the app (no user header), or a Jira user. */
export type Caller = { kind: 'app' } | { kind: 'user'; user: DatasetUser };

export interface IndexedIssue {
  issue: DatasetIssue;
  idNumber: number;
  keyNumber: number;
  created: number;
  updated: number;
  resolved: number | null;
  project: DatasetProject;
  status: DatasetStatus;
}

export class EmulatorModel {
  readonly usersById = new Map<string, DatasetUser>();
  readonly projectsByKey = new Map<string, DatasetProject>();
  readonly projectsById = new Map<string, DatasetProject>();
  readonly statusesById = new Map<string, DatasetStatus>();
  readonly issuesById = new Map<string, IndexedIssue>();
  readonly issuesByKey = new Map<string, IndexedIssue>();
  readonly filtersById = new Map<string, DatasetFilter>();
  /** Issues in id order: the order search returns when a query has no ORDER BY clause. */
  readonly issues: IndexedIssue[] = [];

  constructor(readonly dataset: Dataset) {
    for (const u of dataset.users) this.usersById.set(u.accountId, u);
    for (const p of dataset.projects) {
      this.projectsByKey.set(p.key, p);
      this.projectsById.set(p.id, p);
    }
    for (const s of dataset.statuses) this.statusesById.set(s.id, s);
    for (const f of dataset.filters) this.filtersById.set(f.id, f);
    for (const issue of dataset.issues) {
      const project = this.projectsByKey.get(issue.projectKey);
      const status = this.statusesById.get(issue.statusId);
      if (!project || !status) throw new Error(`issue ${issue.key} references unknown data`);
      const indexed: IndexedIssue = {
        issue,
        idNumber: Number(issue.id),
        keyNumber: Number(issue.key.slice(issue.key.lastIndexOf('-') + 1)),
        created: Date.parse(issue.created),
        updated: Date.parse(issue.updated),
        resolved: issue.resolutiondate === null ? null : Date.parse(issue.resolutiondate),
        project,
        status,
      };
      this.issues.push(indexed);
      this.issuesById.set(issue.id, indexed);
      this.issuesByKey.set(issue.key, indexed);
    }
    this.issues.sort((a, b) => a.idNumber - b.idNumber);
  }

  findIssue(idOrKey: string): IndexedIssue | undefined {
    return this.issuesById.get(idOrKey) ?? this.issuesByKey.get(idOrKey.toUpperCase());
  }

  private granted(grant: Grant, user: DatasetUser): boolean {
    if (!user.active) return false;
    if (grant.anyone) return true;
    if (grant.users.includes(user.accountId)) return true;
    return user.groups.some((g) => grant.groups.includes(g));
  }

  hasGlobalPermission(caller: Caller, permission: string): boolean {
    if (caller.kind === 'app') return this.dataset.app.globalPermissions.includes(permission);
    const grant = this.dataset.globalPermissions[permission];
    return grant !== undefined && this.granted(grant, caller.user);
  }

  /** BROWSE_PROJECTS on the project. The app sees every project (its own grants, see README). */
  canBrowseProject(caller: Caller, project: DatasetProject): boolean {
    if (caller.kind === 'app') return true;
    return this.granted(project.browse, caller.user);
  }

  /** Browse the project and, when the issue has a security level, belong to that level. */
  canBrowseIssue(caller: Caller, indexed: IndexedIssue): boolean {
    if (!this.canBrowseProject(caller, indexed.project)) return false;
    const levelId = indexed.issue.securityLevelId;
    if (levelId === null || caller.kind === 'app') return true;
    const level = this.dataset.securityLevels.find((l) => l.id === levelId);
    return level !== undefined && this.granted(level.members, caller.user);
  }

  /** Jira's rule for saved filters: the owner, or a share that includes the caller. */
  canSeeFilter(caller: Caller, filter: DatasetFilter): boolean {
    if (caller.kind === 'app') return true;
    const user = caller.user;
    if (!user.active) return false;
    if (filter.owner === user.accountId) return true;
    return filter.sharePermissions.some((share) => {
      switch (share.type) {
        case 'global':
        case 'loggedin':
          return true;
        case 'group':
          return user.groups.includes(share.group);
        case 'user':
          return share.accountId === user.accountId;
        case 'project': {
          const project = this.projectsByKey.get(share.projectKey);
          return project !== undefined && this.canBrowseProject(caller, project);
        }
      }
    });
  }
}
