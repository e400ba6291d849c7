// Makes user-written JQL mean the same thing when the app sends it: the app is the
// caller, so `currentUser()` becomes the owner's account id, and clauses whose meaning
// depends on the caller in ways we cannot restate (watchedIssues(), saved filters by
// reference, ...) are refused rather than answered for the app's account.
import { JiraAccessError } from '../kernel/errors';
import { echo } from '../kernel/echo';

/** Functions that silently mean "the app" when the app runs the query. */
const CALLER_FUNCTIONS = new Set([
  'watchedissues',
  'votedissues',
  'issuehistory',
  'currentlogin',
  'lastlogin',
  'myapproval',
  'mypending',
  'myapprovalhistory',
  'mypendinghistory',
  'projectswhereuserhaspermission',
  'projectswhereuserhasrole',
]);

/** Fields that pull in a saved filter, whose visibility must be checked for the owner. */
const FILTER_FIELDS = new Set(['filter', 'savedfilter', 'searchrequest', 'request']);

function refuse(message: string): never {
  throw new JiraAccessError('JIRA_BAD_REQUEST', message, { status: 400, jiraMessages: [message] });
}

export function rewriteJqlForOwner(jql: string, ownerAccountId: string): string {
  let out = '';
  let i = 0;
  while (i < jql.length) {
    const c = jql.charAt(i);
    if (c === '"' || c === "'") {
      // Copy a quoted string verbatim, escapes included.
      let j = i + 1;
      while (j < jql.length && jql.charAt(j) !== c) j += jql.charAt(j) === '\\' ? 2 : 1;
      out += jql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(jql.slice(i));
    if (word) {
      const name = word[0];
      const lower = name.toLowerCase();
      const after = jql.slice(i + name.length);
      const call = /^\s*\(\s*\)/.exec(after);
      const isCall = /^\s*\(/.test(after);
      if (lower === 'currentuser' && call) {
        out += JSON.stringify(ownerAccountId);
        i += name.length + call[0].length;
        continue;
      }
      if (isCall && CALLER_FUNCTIONS.has(lower))
        refuse(`The JQL function ${name}() depends on who runs the query and is not supported in reports; name the people or issues explicitly.`);
      if (FILTER_FIELDS.has(lower) && /^\s*(=|!=|\bin\b|\bnot\s+in\b)/i.test(after)) {
        refuse(`The JQL field '${echo(name)}' is not supported in reports; select the saved filter with the filter parameter instead.`);
      }
      out += name;
      i += name.length;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}
