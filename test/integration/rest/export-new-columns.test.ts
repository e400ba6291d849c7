// /rest/export with the columns of issue 13 items 2 and 3: fields and columns found in the
// issues (transitionCount's transitions, timePeriodDurationByStatus's periods) over an
// export of several pages must give the same csv as the synchronous report of the same set.
import { DEMO_ACCOUNTS, generateDataset } from '../../../dev/jira-emulator';
import { startTestHost, type TestHost } from '../../support/host-client';

let t: TestHost;
let token: string;
const JQL = 'project in (SCRUM, OPS) ORDER BY key ASC';

beforeAll(async () => {
  // One instant for the suite, so the export and the synchronous report see the same now.
  const now = Date.now();
  t = await startTestHost({
    clock: { now: () => now },
    dataset: generateDataset({ seed: 13, issues: 400, projects: 3 }),
    exportSettings: { softMs: 0, pageIssues: 60, partMaxRows: 100_000, retryDelaySeconds: 0 },
    restRateLimit: { limit: 100_000, windowSeconds: 60 },
  });
  token = (await t.call(DEMO_ACCOUNTS.alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
});
afterAll(async () => {
  await t.close();
});

interface StatusView {
  exportId: string;
  status: string;
  downloadLink: string | null;
}

async function exportCsv(params: Record<string, string>): Promise<string> {
  const started = await t.rest('/rest/export', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
    token,
  });
  expect(started.status).toBe(202);
  const { exportId } = (await started.json()) as StatusView;
  for (let poll = 0; poll < 600; poll += 1) {
    const view = (await (await t.rest(`/rest/export/${exportId}`, { token })).json()) as StatusView;
    // The status words are the vendor's or this app's older ones, whichever is merged.
    if (/^(completed|successful)$/i.test(view.status)) {
      const download = await fetch(view.downloadLink!, { headers: { authorization: `TISJWT ${token}` } });
      expect(download.status).toBe(200);
      return download.text();
    }
    if (/^(failed|aborted)$/i.test(view.status)) throw new Error(`export ${exportId} ${view.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`export ${exportId} did not end`);
}

describe('exports of the new columns', () => {
  it.each<Record<string, string> & { fields: string }>([
    { columnsBy: 'statusDuration', fields: 'priority,labels,assignee' },
    { columnsBy: 'transitionCount', fields: 'priority' },
    { columnsBy: 'timePeriodDurationByStatus', fields: 'labels', timePeriod: 'quarter' },
  ])('$columnsBy with fields=$fields: the export equals the synchronous report', async (extra) => {
    const params = { customjql: JQL, outputType: 'csv', ...extra };
    const exported = await exportCsv(params);
    const synchronous = await (await t.rest(`/rest/list?${new URLSearchParams(params).toString()}`, { token })).text();
    expect(exported.split('\r\n').length).toBeGreaterThan(100);
    expect(exported.split('\r\n')[0]).toContain(extra.fields.startsWith('priority') ? 'Priority' : 'Labels');
    expect(exported).toBe(synchronous);
  });
});
