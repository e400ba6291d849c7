// Status groups (consolidated columns such as cycle time): admin-managed documents whose
// members must be statuses Jira knows.
import { statusGroupBody, type StatusGroupBody, type StatusGroupView, type StatusView } from '../contract/report-config';
import type { UserDirectory } from '../jira';
import { fieldError } from '../kernel/errors';
import type { Clock } from '../kernel/ports';
import { createDocumentRepository } from '../storage/document-repository';
import type { Db } from '../storage/schema';
import { createDocuments, type Documents } from './documents';

export type StatusGroupService = Documents<StatusGroupView, StatusGroupBody>;

export function createStatusGroupService(deps: { db: Db; users: UserDirectory; clock: Clock; statuses(): Promise<StatusView[]> }): StatusGroupService {
  return createDocuments({
    repository: createDocumentRepository(deps.db, 'status-group', statusGroupBody),
    users: deps.users,
    clock: deps.clock,
    noun: 'status group',
    adminOnly: 'Only Jira administrators can change report settings.',
    nameField: 'group.name',
    async validate(group: StatusGroupBody) {
      const known = new Set((await deps.statuses()).map((status) => status.id));
      const unknown = group.statusIds.filter((id) => !known.has(id));
      if (unknown.length > 0) throw fieldError('group.statusIds', `Jira has no status ${unknown.join(', ')}`);
      return group;
    },
    view: (document, updatedAt) => ({ ...document.body, id: document.id, updatedAt }),
  });
}
