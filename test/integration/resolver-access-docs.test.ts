// The README's resolver table says who may call each key; the code must agree (issue 16,
// item 15). Every read-only key that takes `{}` is called by an ordinary user and by a Jira
// admin: "Jira admins only" must be FORBIDDEN for the first, anything else must answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '../../dev/jira-emulator';
import type { ResolverKey } from '../../src/contract/resolvers';
import { ADMIN_PAGE, startTestHost, type TestHost } from '../support/host-client';

const { bob: ordinary, alice: admin } = DEMO_ACCOUNTS;
const READ_ONLY_KEYS = [
  'app/context',
  'tokens/list',
  'admin/tokens/list',
  'admin/calendars/list',
  'admin/status-groups/list',
  'admin/statuses/list',
  'paramsets/list',
  'admin/activity/list',
] as const satisfies readonly ResolverKey[];

/** Who the README says may call each key: the access cell, per verb when a row has several. */
function documentedAccess(): Map<string, 'admins' | 'everyone'> {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const access = new Map<string, 'admins' | 'everyone'>();
  for (const line of readme.split('\n')) {
    const row = /^\| `([a-z/-]+(?:\\\|[a-z-]+)*)` \| [^|]* \| (.*) \|$/.exec(line);
    if (!row) continue;
    const [first, ...more] = (row[1] ?? '').split('\\|');
    const prefix = first!.slice(0, first!.lastIndexOf('/') + 1);
    const verbs = [first!.slice(prefix.length), ...more];
    const cell = row[2] ?? '';
    for (const verb of verbs) {
      // "list: everyone; create, update, delete: Jira admins only" names each verb's access.
      const segment = cell.split(';').find((part) => new RegExp(`^\\s*(?:[a-z-]+, )*${verb}(?:, [a-z-]+)*:`).test(part)) ?? cell;
      const who = segment.replace(/^\s*[a-z, -]+:\s*/, '');
      access.set(`${prefix}${verb}`, /^\s*Jira admins/i.test(who) ? 'admins' : 'everyone');
    }
  }
  return access;
}

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(async () => {
  await t.close();
});

it.each(READ_ONLY_KEYS)('%s: the README and the code agree on who may call it', async (key) => {
  const documented = documentedAccess().get(key);
  expect(documented).toBeDefined();
  const asOrdinary = await t.invoke(ordinary, key, {}, ADMIN_PAGE);
  const asAdmin = await t.invoke(admin, key, {}, ADMIN_PAGE);
  expect(asAdmin.ok).toBe(true);
  if (documented === 'admins') expect(asOrdinary).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  else expect(asOrdinary.ok).toBe(true);
});
