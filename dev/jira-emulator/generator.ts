// A seeded generator of realistic Jira history: issues move forward through
// To Do -> In Progress -> In Review -> Done, bounce back from review, get reassigned,
// and get reopened, over several years. The same seed always gives the same dataset.
import type { ChangelogEntry, Dataset, DatasetIssue, DatasetProject } from './dataset';
import { DEMO_ACCOUNTS, ISSUE_TYPE_IDS, STATUS_IDS, siteBase } from './site';

export interface GenerateOptions {
  seed: number;
  issues: number;
  /** "Now" for the generated site; history ends before it. Default: today 00:00 UTC. */
  now?: number;
  /** How far back issues are created. Default 3 years. */
  spanDays?: number;
  /** Extra generated active users besides the demo people. Default 20. */
  extraUsers?: number;
  /** Project count (1-26). The first is restricted to admins and security-team. Default 3. */
  projects?: number;
  /** Share of issues in the first open project behind the 'Management' level. Default 0.05. */
  securedShare?: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

const LABELS = ['backend', 'frontend', 'customer', 'tech-debt'];

const FIRST_NAMES = [
  'Erin',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Lena',
  'Mateo',
  'Nora',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Uma',
  'Victor',
  'Wen',
  'Yusuf',
];
const LAST_NAMES = ['Anders', 'Bauer', 'Costa', 'Dubois', 'Eze', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jensen'];
const PROJECT_NAMES = ['Security', 'Scrum Team', 'Operations', 'Platform', 'Mobile', 'Data', 'Website', 'Support'];
const PROJECT_KEYS = ['SEC', 'SCRUM', 'OPS', 'PLAT', 'MOB', 'DATA', 'WEB', 'SUP'];
const VERBS = ['Fix', 'Add', 'Refactor', 'Investigate', 'Document', 'Upgrade', 'Remove', 'Speed up'];
const NOUNS = [
  'login page',
  'export job',
  'billing report',
  'search index',
  'webhook retries',
  'audit log',
  'dashboard',
  'API pagination',
  'CSV import',
  'email digest',
];

function hexId(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += Math.floor(random() * 16).toString(16);
  return out;
}

export function generateDataset(options: GenerateOptions): Dataset {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const now = options.now ?? startOfUtcDay(Date.now());
  const span = (options.spanDays ?? 3 * 365) * DAY;
  const base = siteBase();

  const users = [...base.users];
  for (let i = 0; i < (options.extraUsers ?? 20); i += 1) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length] ?? 'User';
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Person';
    users.push({
      accountId: `5e${hexId(random, 22)}`,
      displayName: `${first} ${last}${i >= FIRST_NAMES.length * LAST_NAMES.length ? ` ${i}` : ''}`,
      emailAddress: `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com`,
      active: true,
      groups: ['jira-software-users'],
      timeZone: 'UTC',
    });
  }
  // Dave left 90 days ago: he appears in older history only, like a real leaver.
  const daveLeft = now - 90 * DAY;
  const activeIds = users.filter((u) => u.active).map((u) => u.accountId);

  const projectCount = Math.max(1, Math.min(options.projects ?? 3, PROJECT_KEYS.length));
  const projects: DatasetProject[] = [];
  for (let i = 0; i < projectCount; i += 1) {
    projects.push({
      id: String(10000 + i),
      key: PROJECT_KEYS[i] ?? `P${i}`,
      name: PROJECT_NAMES[i] ?? `Project ${i}`,
      browse:
        i === 0 && projectCount > 1
          ? { anyone: false, groups: ['jira-admins', 'security-team'], users: [] }
          : { anyone: false, groups: ['jira-software-users'], users: [] },
    });
  }
  const securedProjectKey = projects[1]?.key;

  const createdTimes: number[] = [];
  for (let i = 0; i < options.issues; i += 1) createdTimes.push(now - Math.floor(random() * span) - HOUR);
  createdTimes.sort((a, b) => a - b);

  const nextKeyNumber = new Map<string, number>();
  let nextChangeId = 10000;
  const issues: DatasetIssue[] = [];
  for (const [index, created] of createdTimes.entries()) {
    // Busier projects first: the second project gets most work, like a main team board.
    const project = projects.length === 1 ? projects[0] : random() < 0.5 ? (projects[1] ?? projects[0]) : pick(projects);
    if (project === undefined) throw new Error('no project');
    const number = (nextKeyNumber.get(project.key) ?? 0) + 1;
    nextKeyNumber.set(project.key, number);
    const whoAt = (t: number): string => {
      const id = pick(activeIds);
      return t < daveLeft && random() < 0.1 ? DEMO_ACCOUNTS.dave : id;
    };
    let status: string = STATUS_IDS.toDo;
    let assignee: string | null = random() < 0.6 ? whoAt(created) : null;
    const reporter = whoAt(created);
    const changelog: ChangelogEntry[] = [];
    let resolutiondate: number | null = null;
    let t = created;
    // Mean gap grows with age so old issues carry long waits, recent ones short ones.
    for (let step = 0; step < 60; step += 1) {
      const gap = random() < 0.3 ? random() * 8 * HOUR : -Math.log(1 - random()) * 3 * DAY;
      t += Math.max(60_000, Math.floor(gap));
      if (t >= now) break;
      const items: ChangelogEntry['items'] = [];
      const move = (to: string): void => {
        items.push({ field: 'status', from: status, to });
        if (to === STATUS_IDS.done) {
          items.push({ field: 'resolution', from: null, to: '10000' });
          resolutiondate = t;
        } else if (status === STATUS_IDS.done) {
          items.push({ field: 'resolution', from: '10000', to: null });
          resolutiondate = null;
        }
        status = to;
      };
      const reassign = (): void => {
        const to = whoAt(t);
        if (to === assignee) return;
        items.push({ field: 'assignee', from: assignee, to });
        assignee = to;
      };
      const roll = random();
      if (assignee === DEMO_ACCOUNTS.dave && t >= daveLeft) reassign();
      else if (status === STATUS_IDS.toDo) {
        if (roll < 0.8) {
          if (assignee === null) reassign();
          move(STATUS_IDS.inProgress);
        } else if (roll < 0.85) move(STATUS_IDS.done);
        else reassign();
      } else if (status === STATUS_IDS.inProgress) {
        if (roll < 0.65) move(STATUS_IDS.inReview);
        else if (roll < 0.75) move(STATUS_IDS.toDo);
        else if (roll < 0.8) move(STATUS_IDS.done);
        else reassign();
      } else if (status === STATUS_IDS.inReview) {
        if (roll < 0.6) move(STATUS_IDS.done);
        else if (roll < 0.9) move(STATUS_IDS.inProgress);
        else reassign();
      } else if (roll < 0.12) move(random() < 0.5 ? STATUS_IDS.toDo : STATUS_IDS.inProgress);
      else break;
      if (items.length === 0) continue;
      nextChangeId += 1;
      changelog.push({ id: String(nextChangeId), author: assignee ?? reporter, created: new Date(t).toISOString(), items });
    }
    const last = changelog[changelog.length - 1];
    // Priority and labels come from a random source of their own, so datasets generated
    // before these fields existed keep every other value.
    const extra = seededRandom(options.seed * 7919 + index);
    const labels = LABELS.filter(() => extra() < 0.25);
    issues.push({
      id: String(10000 + index),
      key: `${project.key}-${number}`,
      projectKey: project.key,
      issueTypeId: pick([ISSUE_TYPE_IDS.task, ISSUE_TYPE_IDS.task, ISSUE_TYPE_IDS.bug, ISSUE_TYPE_IDS.story]),
      summary: `${pick(VERBS)} ${pick(NOUNS)}`,
      created: new Date(created).toISOString(),
      updated: last?.created ?? new Date(created).toISOString(),
      resolutiondate: resolutiondate === null ? null : new Date(resolutiondate).toISOString(),
      statusId: status,
      assignee,
      reporter,
      securityLevelId: project.key === securedProjectKey && random() < (options.securedShare ?? 0.05) ? '10100' : null,
      priorityId: String(1 + Math.floor(extra() * 5)),
      labels,
      components: [],
      fixVersions: [],
      parentKey: null,
      customFields: {},
      changelog,
    });
  }

  return {
    ...base,
    users,
    projects,
    securityLevels: [{ id: '10100', name: 'Management', members: { anyone: false, groups: ['jira-admins'], users: [] } }],
    issues,
    filters: [],
  };
}
