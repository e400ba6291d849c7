// Who may act. Any page can invoke any resolver key, so every use case checks its caller
// here, on the server, whichever page made the call.
import type { UserDirectory } from '../jira';
import { AppError } from '../kernel/errors';

/** Who is calling, as the Forge context says, and for which installation. */
export interface Caller {
  accountId: string;
  installationId: string;
}

/** Throws FORBIDDEN with `message` unless the account holds Jira's ADMINISTER permission. */
export async function requireJiraAdmin(users: UserDirectory, accountId: string, message: string): Promise<void> {
  if (!(await users.isJiraAdmin(accountId))) throw new AppError('FORBIDDEN', message);
}
