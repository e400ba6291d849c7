// The floor a report's Jira reads can reach at a given in-flight limit: the pipeline's
// requests (search pages one after another; a permission check per 1000 ids of a page;
// per checked batch, bulk fields per 100 and one bulk changelog) scheduled round by round
// at a fixed latency, at most `concurrency` at once, the critical path first: exactly the
// order the app's limiter uses. Requests before the report (the token owner's lookup) run
// first, one after another; the status list runs beside the search. Bulk changelog calls
// are capped as the app caps them.

export interface FloorInput {
  issues: number;
  latencyMs: number;
  concurrency: number;
  /** Requests that must finish before the report starts, one after another. */
  serialBefore: number;
  searchPage?: number;
  /** Most bulk changelog calls in flight at once (the app's cap). */
  changelogCap?: number;
}

export interface Floor {
  ms: number;
  requests: number;
  rounds: number;
}

interface Task {
  priority: number;
  after: Task | undefined;
  doneAt?: number;
}

export function criticalPathFloor(input: FloorInput): Floor {
  const searchPage = input.searchPage ?? 5000;
  const tasks: Task[] = [];
  let previous: Task | undefined;
  for (let i = 0; i < input.serialBefore; i += 1) {
    previous = { priority: -1, after: previous };
    tasks.push(previous);
  }
  const start = previous;
  tasks.push({ priority: 1, after: start });
  let search = start;
  for (let from = 0; from < input.issues; from += searchPage) {
    search = { priority: 0, after: search };
    tasks.push(search);
    const inPage = Math.min(searchPage, input.issues - from);
    for (let batch = 0; batch < inPage; batch += 1000) {
      const check: Task = { priority: 1, after: search };
      tasks.push(check);
      const size = Math.min(1000, inPage - batch);
      tasks.push({ priority: 2, after: check });
      for (let f = 0; f < size; f += 100) tasks.push({ priority: 3, after: check });
    }
  }
  let round = 0;
  let left = tasks.length;
  while (left > 0) {
    const ready = tasks.filter((t) => t.doneAt === undefined && (t.after === undefined || (t.after.doneAt !== undefined && t.after.doneAt <= round)));
    ready.sort((a, b) => a.priority - b.priority);
    let started = 0;
    let changelogs = 0;
    for (const task of ready) {
      if (started >= input.concurrency) break;
      if (task.priority === 2 && changelogs >= (input.changelogCap ?? Number.POSITIVE_INFINITY)) continue;
      if (task.priority === 2) changelogs += 1;
      task.doneAt = round + 1;
      started += 1;
    }
    left -= started;
    round += 1;
  }
  return { ms: round * input.latencyMs, requests: tasks.length, rounds: round };
}
