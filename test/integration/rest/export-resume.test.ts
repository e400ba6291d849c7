// An export survives invocations that die: on every storage target (SQLite, MariaDB, and
// the real @forge/sql SDK over MariaDB) the queue is driven by hand, one invocation is
// killed between writing its chunks and saving its progress, a status poll re-queues the
// orphaned job, and the result still holds every issue exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileSecrets } from '../../../dev/host/file-secrets';
import { createJiraOverHttp } from '../../../dev/host/jira-over-http';
import { DEMO_ACCOUNTS, generateDataset, startJiraEmulator, type RunningEmulator } from '../../../dev/jira-emulator';
import { createAppServices, type AppServices } from '../../../src/entry/composition/app-services';
import { storageTargets, type OpenedStorage } from '../../support/storage-targets';

const ISSUES = 1200;
const PAGE_ISSUES = 400;
const JQL = 'project in (SEC, SCRUM, OPS) ORDER BY key ASC';

let emulator: RunningEmulator;
let secretsDir: string;
beforeAll(async () => {
  emulator = await startJiraEmulator({ dataset: generateDataset({ seed: 23, issues: ISSUES, projects: 3 }), port: 0 });
  secretsDir = mkdtempSync(join(tmpdir(), 'status-clock-export-'));
});
afterAll(async () => {
  await emulator.close();
  rmSync(secretsDir, { recursive: true, force: true });
});

describe.each(storageTargets)('an export on $name', (target) => {
  let storage: OpenedStorage;
  let services: AppServices;
  let aliceTokenId: string;
  let bobTokenId: string;
  const pushes: Array<{ exportId: string; delaySeconds: number | undefined }> = [];

  beforeAll(async () => {
    storage = await target.open();
    services = createAppServices(
      {
        db: storage.db,
        secrets: createFileSecrets(join(secretsDir, `${target.name.length}.json`)),
        jira: createJiraOverHttp({ baseUrl: emulator.url }),
        clock: { now: () => Date.now() },
        restBaseUrl: async () => 'https://example.invalid/x1/rest-api',
        exportQueue: { push: async (exportId, delaySeconds) => void pushes.push({ exportId, delaySeconds }) },
      },
      // One page per invocation; a job nobody holds is re-queued at the first poll.
      { exportSettings: { softMs: 0, pageIssues: PAGE_ISSUES, stallMs: 0 } },
    );
    const tokenOf = async (accountId: string): Promise<string> =>
      (await services.tokens.create({ accountId, installationId: 'ari:cloud:jira::site/test' }, { expiresAt: '2099-12-31' })).tokenInfo.id;
    aliceTokenId = await tokenOf(DEMO_ACCOUNTS.alice);
    bobTokenId = await tokenOf(DEMO_ACCOUNTS.bob);
  });
  afterAll(async () => {
    await storage.close();
  });

  const jobRow = (id: string) => storage.db.selectFrom('export_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('resumes after an invocation died between its chunks and its progress', async () => {
    const submitted = await services.exports.submit({
      ownerAccountId: DEMO_ACCOUNTS.alice,
      tokenId: aliceTokenId,
      raw: { customjql: [JQL], outputType: ['csv'] },
      problems: [],
    });
    expect(pushes.map((p) => p.exportId)).toEqual([submitted.id]);
    const id = submitted.id;

    expect(await services.exports.runInvocation(id)).toBe('continued');
    const afterFirst = await jobRow(id);
    expect(Number(afterFirst.issue_count)).toBe(PAGE_ISSUES);

    // The second invocation stores its chunks, then "dies": its progress never lands and
    // its lease is left behind, expired.
    expect(await services.exports.runInvocation(id)).toBe('continued');
    await storage.db
      .updateTable('export_jobs')
      .set({
        cursor: afterFirst.cursor,
        issue_count: afterFirst.issue_count,
        row_count: afterFirst.row_count,
        chunk_count: afterFirst.chunk_count,
        layout: afterFirst.layout,
        lease_until: Date.now() - 1,
        updated_at: Date.now() - 1,
      })
      .where('id', '=', id)
      .execute();
    const orphaned = await storage.db.selectFrom('export_chunks').select('seq').where('export_id', '=', id).execute();
    expect(orphaned.length).toBeGreaterThan(Number(afterFirst.chunk_count));

    // The queue lost the event; a status poll notices nobody holds the job and re-queues it.
    pushes.length = 0;
    const polled = await services.exports.status(id, DEMO_ACCOUNTS.alice);
    expect(polled?.status).toBe('running');
    expect(pushes.map((p) => p.exportId)).toEqual([id]);

    let outcome;
    for (let guard = 0; guard < 10 && outcome !== 'completed'; guard += 1) outcome = await services.exports.runInvocation(id);
    expect(outcome).toBe('completed');
    expect(await services.exports.runInvocation(id)).toBe('finished');

    const download = await services.exports.download(id, DEMO_ACCOUNTS.alice, 1);
    if (download.kind !== 'ok') throw new Error(`download: ${download.kind}`);
    const keys = download.rendered.body
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(keys).toHaveLength(ISSUES);
    expect(new Set(keys).size).toBe(ISSUES);
    expect((await services.exports.status(id, DEMO_ACCOUNTS.alice))?.issueCount).toBe(ISSUES);
  });

  it('stores chunks past MySQL TEXT’s 64 KB, and another owner gets nothing', async () => {
    const lengths = await storage.db.selectFrom('export_chunks').select('body').execute();
    expect(Math.max(...lengths.map((row) => Buffer.byteLength(row.body, 'utf8')))).toBeGreaterThan(65_535);
    const [job] = await storage.db.selectFrom('export_jobs').select('id').execute();
    expect(await services.exports.status(job!.id, DEMO_ACCOUNTS.bob)).toBeUndefined();
    expect((await services.exports.download(job!.id, DEMO_ACCOUNTS.bob, 1)).kind).toBe('not-found');
  });

  it('an invocation leaves a job alone while another holds its lease', async () => {
    const job = await services.exports.submit({ ownerAccountId: DEMO_ACCOUNTS.bob, tokenId: bobTokenId, raw: { projectKey: ['OPS'] }, problems: [] });
    await storage.db
      .updateTable('export_jobs')
      .set({ status: 'running', lease_until: Date.now() + 60_000 })
      .where('id', '=', job.id)
      .execute();
    pushes.length = 0;
    expect(await services.exports.runInvocation(job.id)).toBe('busy');
    expect(await services.exports.status(job.id, DEMO_ACCOUNTS.bob)).toMatchObject({ status: 'running', issueCount: 0 });
    expect(pushes).toEqual([]);
  });

  it('deactivating the token that started an export stops it at the next invocation', async () => {
    const job = await services.exports.submit({ ownerAccountId: DEMO_ACCOUNTS.alice, tokenId: aliceTokenId, raw: { customjql: [JQL] }, problems: [] });
    expect(await services.exports.runInvocation(job.id)).toBe('continued');
    await services.tokens.update({ accountId: DEMO_ACCOUNTS.alice, installationId: 'ari:cloud:jira::site/test' }, { id: aliceTokenId, active: false });
    expect(await services.exports.runInvocation(job.id)).toBe('failed');
    expect(await services.exports.status(job.id, DEMO_ACCOUNTS.alice)).toMatchObject({
      status: 'failed',
      issueCount: PAGE_ISSUES,
      message: expect.stringMatching(/token that started this export was deactivated/),
    });
    await services.tokens.update({ accountId: DEMO_ACCOUNTS.alice, installationId: 'ari:cloud:jira::site/test' }, { id: aliceTokenId, active: true });
  });

  it('expired exports are deleted with their chunks when the next one is submitted', async () => {
    const before = await storage.db.selectFrom('export_chunks').select('export_id').execute();
    expect(before.length).toBeGreaterThan(0);
    await storage.db
      .updateTable('export_jobs')
      .set({ created_at: Date.now() - 8 * 24 * 3_600_000 })
      .execute();
    const fresh = await services.exports.submit({ ownerAccountId: DEMO_ACCOUNTS.alice, tokenId: aliceTokenId, raw: { projectKey: ['SEC'] }, problems: [] });
    expect((await storage.db.selectFrom('export_jobs').select('id').execute()).map((row) => row.id)).toEqual([fresh.id]);
    expect(await storage.db.selectFrom('export_chunks').select('export_id').execute()).toEqual([]);
  });
});
