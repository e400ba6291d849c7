// Checks and translations the admin use cases share: who may act, and how a storage
// conflict reads to the person who caused it.
import type { UserDirectory } from '../jira/user-directory';
import { DuplicateNameError } from '../storage/document-repository';
import { AppError } from '../kernel/errors';

/** Throws FORBIDDEN with `message` unless the account holds Jira's ADMINISTER permission. */
export async function requireJiraAdmin(users: UserDirectory, accountId: string, message: string): Promise<void> {
  if (!(await users.isJiraAdmin(accountId))) throw new AppError('FORBIDDEN', message);
}

/** A `.catch` handler: a taken name becomes CONFLICT on `field`; anything else passes on. */
export function conflictOnDuplicateName(field: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof DuplicateNameError) throw new AppError('CONFLICT', `The name "${error.documentName}" is already taken.`, { field });
    throw error;
  };
}
