// /rest/export on the local host with the emulator: the job runs over many invocations of
// the queue consumer (one page each here), its result comes in parts with one header,
// equals what the synchronous report answers for the same set, and only its owner sees it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, generateDataset } from '../../../dev/jira-emulator';
import type { ExportStatusView } from '../../../src/rest/routes/export-routes';
import { startTestHost, type TestHost } from '../../support/host-client';
import { openApiValidator, type OpenApiValidator } from './openapi-validator';

let t: TestHost;
let aliceToken: string;
let bobToken: string;
let openApi: OpenApiValidator;

const ISSUES = 2500;
const PAGE_ISSUES = 300;
const PART_ROWS = 1000;
const JQL = 'project in (SEC, SCRUM, OPS) ORDER BY key ASC';

beforeAll(async () => {
  // One instant for the whole suite: an issue's current status counts up to "now", so the
  // export and the synchronous report must see the same now to be compared value by value.
  const now = Date.now();
  t = await startTestHost({
    clock: { now: () => now },
    dataset: generateDataset({ seed: 11, issues: ISSUES, projects: 3 }),
    // softMs 0: every invocation runs one page and queues the next one.
    exportSettings: { softMs: 0, pageIssues: PAGE_ISSUES, partMaxRows: PART_ROWS, retryDelaySeconds: 0 },
    // The tests poll every 50 ms; a real client polls every few seconds.
    restRateLimit: { limit: 100_000, windowSeconds: 60 },
  });
  aliceToken = (await t.call(DEMO_ACCOUNTS.alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  bobToken = (await t.call(DEMO_ACCOUNTS.bob, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  openApi = openApiValidator(await (await t.rest('/openapi.json')).json());
});
afterAll(async () => {
  await t.close();
});

const form = (params: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(params).toString(),
});

async function startExport(params: Record<string, string>, token = aliceToken): Promise<ExportStatusView> {
  const response = await t.rest('/rest/export', { ...form(params), token });
  const body = (await response.json()) as ExportStatusView;
  expect(response.status).toBe(202);
  expect(openApi.problems('ExportStatus', body)).toBe('');
  expect(response.headers.get('location')).toBe(`${t.host.url}/webtrigger/rest-api/rest/export/${body.exportId}`);
  return body;
}

async function waitForEnd(exportId: string, token = aliceToken): Promise<ExportStatusView> {
  for (let poll = 0; poll < 600; poll += 1) {
    const response = await t.rest(`/rest/export/${exportId}`, { token });
    expect(response.status).toBe(200);
    const view = (await response.json()) as ExportStatusView;
    expect(openApi.problems('ExportStatus', view)).toBe('');
    if (view.status === 'Successful' || view.status === 'Failed' || view.status === 'Aborted') return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`export ${exportId} did not end`);
}

async function downloadAll(view: ExportStatusView, token = aliceToken): Promise<Response[]> {
  const responses: Response[] = [];
  for (const link of view.downloadLinks) {
    const response = await fetch(link, { headers: { authorization: `TISJWT ${token}` } });
    expect(response.status).toBe(200);
    responses.push(response);
  }
  return responses;
}

const invocationsOf = async (exportId: string): Promise<number> =>
  Number((await t.host.db.selectFrom('export_jobs').select('invocations').where('id', '=', exportId).executeTakeFirstOrThrow()).invocations);

describe('an export of 2,500 issues', () => {
  it('runs over several invocations and downloads in CSV parts that share one header, each issue exactly once', async () => {
    const started = await startExport({ filterType: 'customjql', customjql: JQL, columnsBy: 'statusDuration', outputType: 'csv' });
    expect(started).toMatchObject({ status: 'Queued', total: 0, completed: 0, finished: null, downloadLink: null, parts: null, downloadLinks: [] });
    expect(started.statusLink).toBe(`${t.host.url}/webtrigger/rest-api/rest/export/${started.exportId}`);
    expect(Number.isSafeInteger(started.created)).toBe(true);

    const done = await waitForEnd(started.exportId);
    expect(done).toMatchObject({ status: 'Successful', completed: ISSUES, total: ISSUES, message: null, parts: 3 });
    expect(done.finished).toBeGreaterThanOrEqual(done.created);
    expect(done.downloadLink).toBe(`${t.host.url}/webtrigger/rest-api/rest/export/${started.exportId}/download`);
    expect(done.downloadLinks.slice(1)).toEqual([2, 3].map((n) => `${done.downloadLink}?part=${n}`));
    // One page per invocation: 2,500 / 300 = 9 pages.
    expect(await invocationsOf(started.exportId)).toBeGreaterThanOrEqual(Math.ceil(ISSUES / PAGE_ISSUES));

    const parts = await downloadAll(done);
    const headers = new Set<string>();
    const keys: string[] = [];
    for (const [index, response] of parts.entries()) {
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('x-export-part')).toBe(String(index + 1));
      expect(response.headers.get('x-export-parts')).toBe('3');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="status-clock-export-${started.exportId}-part-${index + 1}.csv"`);
      expect(response.headers.get('link')).toBe(index < 2 ? `<${done.downloadLink}?part=${index + 2}>; rel="next"` : null);
      const lines = (await response.text()).trimEnd().split('\r\n');
      headers.add(lines[0]!);
      const rows = lines.slice(1);
      expect(rows.length).toBeLessThanOrEqual(PART_ROWS);
      keys.push(...rows.map((line) => line.split(',')[0]!));
    }
    expect(headers.size).toBe(1);
    expect([...headers][0]).toMatch(/^Key,Summary,To Do,In Progress,In Review,Done/);
    expect(keys.length).toBe(ISSUES);
    expect(new Set(keys).size).toBe(ISSUES);
    expect([...keys].sort()).toEqual(t.host.emulator!.dataset.issues.map((issue) => issue.key).sort());
  });

  it.each(['assigneeDuration', 'statusDurationByAssignee', 'statusDuration'])(
    '%s in json equals the synchronous report of the same set, header and rows',
    async (columnsBy) => {
      const params = { filterType: 'customjql', customjql: JQL, columnsBy, outputType: 'json', viewFormat: 'hours' };
      const sync = await t.rest(`/rest/list?${new URLSearchParams(params).toString()}`, { token: aliceToken });
      expect(sync.status).toBe(200);
      type Doc = { table: { header: unknown; body: { rows: unknown[] } }; includedStatuses: unknown; nextPageToken?: string };
      const expected = (await sync.json()) as Doc;
      expect(expected.nextPageToken).toBeUndefined();

      const done = await waitForEnd((await startExport(params)).exportId);
      expect(done.status).toBe('Successful');
      const docs = await Promise.all((await downloadAll(done)).map(async (response) => (await response.json()) as Doc));
      for (const doc of docs) expect(openApi.problems('JsonTable', doc)).toBe('');
      // Assignee columns differ from page to page; every part still has the whole set's header.
      for (const doc of docs) {
        expect(doc.table.header).toEqual(expected.table.header);
        expect(doc.includedStatuses).toEqual(expected.includedStatuses);
        expect(doc.nextPageToken).toBeUndefined();
      }
      expect(docs.flatMap((doc) => doc.table.body.rows)).toEqual(expected.table.body.rows);
    },
  );

  it('jsonSimplified parts carry results only', async () => {
    const done = await waitForEnd((await startExport({ filterType: 'customjql', customjql: 'project = OPS', outputType: 'jsonSimplified' })).exportId);
    const opsIssues = t.host.emulator!.dataset.issues.filter((issue) => issue.key.startsWith('OPS-')).length;
    expect(done).toMatchObject({ status: 'Successful', total: opsIssues, parts: 1 });
    const [response] = await downloadAll(done);
    expect(response!.headers.get('content-disposition')).toBe(`attachment; filename="status-clock-export-${done.exportId}.json"`);
    const body = (await response!.json()) as { results: Array<{ Key: string }>; nextPageToken?: string };
    expect(body.results).toHaveLength(opsIssues);
    expect(openApi.problems('JsonSimplified', body)).toBe('');
    expect(body).not.toHaveProperty('nextPageToken');
  });

  it('an empty set completes with a header-only result', async () => {
    const done = await waitForEnd(
      (await startExport({ filterType: 'customjql', customjql: 'project = SEC AND created > "2099-01-01"', outputType: 'csv' })).exportId,
    );
    expect(done).toMatchObject({ status: 'Successful', total: 0, parts: 1 });
    const [response] = await downloadAll(done);
    expect((await response!.text()).split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('who sees an export', () => {
  let exportId: string;
  beforeAll(async () => {
    exportId = (await waitForEnd((await startExport({ filterType: 'customjql', customjql: 'project = SEC', outputType: 'csv' })).exportId)).exportId;
  });

  it('is 404 for another user, for status and download alike', async () => {
    for (const path of [`/rest/export/${exportId}`, `/rest/export/${exportId}/download`]) {
      const response = await t.rest(path, { token: bobToken });
      expect(response.status).toBe(404);
      const body = (await response.json()) as { status: number; messages: string[]; exportId: string };
      expect(body.status).toBe(404);
      expect(body.exportId).toBe(exportId);
    }
  });

  it('is visible to another token of the same owner', async () => {
    const second = (await t.call(DEMO_ACCOUNTS.alice, 'tokens/create', { expiresAt: '2099-12-31', notes: 'second' })).token;
    expect((await t.rest(`/rest/export/${exportId}/download`, { token: second })).status).toBe(200);
  });

  it('needs a token, and unknown or malformed ids are 404', async () => {
    expect((await t.rest(`/rest/export/${exportId}`)).status).toBe(401);
    expect((await t.rest('/rest/export/00000000-0000-4000-8000-000000000000', { token: aliceToken })).status).toBe(404);
    expect((await t.rest('/rest/export/not-an-id/download', { token: aliceToken })).status).toBe(404);
  });

  it('names a bad part, and a part past the end', async () => {
    const bad = await t.rest(`/rest/export/${exportId}/download?part=0`, { token: aliceToken });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { messages: string[] }).messages[0]).toMatch(/^part: /);
    const past = await t.rest(`/rest/export/${exportId}/download?part=2`, { token: aliceToken });
    expect(past.status).toBe(404);
    expect(((await past.json()) as { messages: string[] }).messages[0]).toMatch(/has 1 part; there is no part 2/);
  });

  it('never stores the token text', async () => {
    await startExport({ filterType: 'customjql', customjql: 'project = OPS', tisjwt: aliceToken });
    const data = readFileSync(join(t.dataDir, 'status-clock.sqlite'));
    expect(data.includes(Buffer.from(aliceToken))).toBe(false);
    const params = await t.host.db.selectFrom('export_jobs').select('params').execute();
    expect(params.some((row) => row.params.includes('tisjwt'))).toBe(false);
  });
});

describe('bad requests', () => {
  const messagesOf = async (response: Response): Promise<string[]> => {
    const body: unknown = await response.json();
    expect(openApi.problems('Error', body)).toBe('');
    return (body as { messages: string[] }).messages;
  };

  it('refuses what cannot run, naming the parameter, before queuing anything', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ columnsBy: 'statusDuration' }, /^filterType: /],
      [{ customjql: 'project = SEC', calendar: 'no-such-calendar' }, /^calendar: /],
      [{ customjql: 'project = SEC', nextPageToken: 'abc' }, /^nextPageToken: /],
      [{ customjql: 'project = SEC', startIssueIndex: '10' }, /^startIssueIndex: /],
      [{ customjql: 'project = SEC', columnsBy: 'everything' }, /^columnsBy: /],
      [{ customjql: 'project = SEC', colour: 'blue' }, /^colour: /],
    ];
    for (const [params, message] of cases) {
      const response = await t.rest('/rest/export', { ...form(params), token: aliceToken });
      expect(response.status).toBe(400);
      expect((await messagesOf(response))[0]).toMatch(message);
    }
  });

  it('POST starts an export and GET lists them; GET on a download is the only way to read one', async () => {
    const response = await t.rest('/rest/export', { method: 'PUT', token: aliceToken });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    const put = await t.rest('/rest/export/00000000-0000-4000-8000-000000000000/download', { method: 'PUT', token: aliceToken });
    expect(put.status).toBe(405);
  });

  it('a JQL error fails the job with a message naming customjql, and the download says so', async () => {
    const done = await waitForEnd((await startExport({ customjql: 'project = = SEC' })).exportId);
    expect(done.status).toBe('Failed');
    expect(done.message).toMatch(/^customjql: /);
    expect(done.downloadLink).toBeNull();
    const download = await t.rest(`/rest/export/${done.exportId}/download`, { token: aliceToken });
    expect(download.status).toBe(409);
    expect((await messagesOf(download))[0]).toContain('is Failed: customjql: ');
  });
});

describe('while Jira is slow or throttling', () => {
  afterEach(() => t.host.emulator!.setFaults({}));

  it('a download before the end is 409, and a user may run only a few exports at once', async () => {
    t.host.emulator!.setFaults({ latencyMs: 150 });
    const running = await Promise.all([1, 2, 3].map(() => startExport({ customjql: JQL, outputType: 'csv' })));
    const early = await t.rest(`/rest/export/${running[0]!.exportId}/download`, { token: aliceToken });
    expect(early.status).toBe(409);
    expect(early.headers.get('retry-after')).toBe('10');
    const fourth = await t.rest('/rest/export', { ...form({ customjql: JQL }), token: aliceToken });
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toBe('60');
    // Another user is not held back by Alice's exports.
    const bobs = await startExport({ customjql: 'project = SCRUM' }, bobToken);
    t.host.emulator!.setFaults({});
    for (const view of [...running, bobs]) expect((await waitForEnd(view.exportId, view === bobs ? bobToken : aliceToken)).status).toBe('Successful');
  });

  it('throttling past the retries of one invocation is retried by the next, and the result is still complete', async () => {
    // The data access retries a 429 itself; a long burst outlasts it and fails the invocation.
    t.host.emulator!.setFaults({ rateLimit: { count: 12, retryAfterSeconds: 0 }, pathPrefix: '/rest/api/3/changelog' });
    const done = await waitForEnd((await startExport({ customjql: JQL, outputType: 'csv' })).exportId);
    expect(done).toMatchObject({ status: 'Successful', total: ISSUES });
    // More invocations than pages: at least one gave up on Jira and the next one retried.
    expect(await invocationsOf(done.exportId)).toBeGreaterThan(Math.ceil(ISSUES / PAGE_ISSUES));
    const keys = (await Promise.all((await downloadAll(done)).map((r) => r.text()))).flatMap((text) =>
      text
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[0]),
    );
    expect(new Set(keys).size).toBe(ISSUES);
    expect(keys).toHaveLength(ISSUES);
  });
});
