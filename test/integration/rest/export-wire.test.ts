// /rest/export in the TISJWT wire format (the vendor's "Get status of a single export",
// "Abort an export" pages): status words, created in epoch ms, completed/total as issue
// counts, statusLink beside downloadLink, the 404 body with pluginVersion, time and
// exportId; GET /rest/export lists the caller's exports, DELETE aborts one; xlsx exports.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { DEMO_ACCOUNTS, generateDataset } from '../../../dev/jira-emulator';
import { neutraliseCell } from '../../../src/reporting/output/csv';
import type { ExportStatusView } from '../../../src/rest/routes/export-routes';
import { startTestHost, type TestHost } from '../../support/host-client';
import { openApiValidator, type OpenApiValidator } from './openapi-validator';

let t: TestHost;
let aliceToken: string;
let bobToken: string;
let openApi: OpenApiValidator;
const ISSUES = 600;

beforeAll(async () => {
  const now = Date.now();
  t = await startTestHost({
    clock: { now: () => now },
    dataset: generateDataset({ seed: 5, issues: ISSUES, projects: 3 }),
    exportSettings: { softMs: 0, pageIssues: 100, retryDelaySeconds: 0 },
    restRateLimit: { limit: 100_000, windowSeconds: 60 },
  });
  aliceToken = (await t.call(DEMO_ACCOUNTS.alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  bobToken = (await t.call(DEMO_ACCOUNTS.bob, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  openApi = openApiValidator(await (await t.rest('/openapi.json')).json());
});
afterAll(async () => {
  await t.close();
});
afterEach(() => t.host.emulator!.setFaults({}));

const JQL = 'project in (SEC, SCRUM, OPS) ORDER BY key ASC';
const form = (params: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(params).toString(),
});

async function start(params: Record<string, string>, token = aliceToken): Promise<ExportStatusView> {
  const response = await t.rest('/rest/export', { ...form(params), token });
  expect(response.status).toBe(202);
  const view = (await response.json()) as ExportStatusView;
  expect(openApi.problems('ExportStatus', view)).toBe('');
  return view;
}

async function poll(view: ExportStatusView, token = aliceToken): Promise<ExportStatusView> {
  for (let i = 0; i < 600; i += 1) {
    // The client follows statusLink, as the vendor's start answer tells it to.
    const response = await fetch(view.statusLink, { headers: { authorization: `TISJWT ${token}` } });
    expect(response.status).toBe(200);
    const now = (await response.json()) as ExportStatusView;
    expect(openApi.problems('ExportStatus', now)).toBe('');
    if (now.status !== 'Queued' && now.status !== 'Running') return now;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  throw new Error('export did not end');
}

describe('the export status document', () => {
  it('has the vendor fields: Successful, created epoch ms, completed/total issue counts, statusLink and downloadLink', async () => {
    const started = await start({ customjql: JQL, outputType: 'csv' });
    const base = `${t.host.url}/webtrigger/rest-api/rest/export/${started.exportId}`;
    expect(started).toEqual({
      exportId: started.exportId,
      status: 'Queued',
      created: started.created,
      completed: 0,
      total: 0,
      message: null,
      statusLink: base,
      downloadLink: null,
      finished: null,
      parts: null,
      downloadLinks: [],
    });
    expect(Math.abs(started.created - Date.now())).toBeLessThan(60_000);
    const done = await poll(started);
    expect(done).toMatchObject({
      status: 'Successful',
      created: started.created,
      completed: ISSUES,
      total: ISSUES,
      message: null,
      downloadLink: `${base}/download`,
    });
    expect(done.finished).toBeGreaterThanOrEqual(done.created);
  });

  it('an unknown, malformed or other user’s export is 404 with the documented body', async () => {
    const alices = await start({ customjql: JQL });
    for (const [id, token] of [
      ['19f95f82-63ce-4d48-87d9-458c388d197a', aliceToken],
      [alices.exportId, bobToken],
    ] as const) {
      const response = await t.rest(`/rest/export/${id}`, { token });
      expect(response.status).toBe(404);
      const body = (await response.json()) as Record<string, unknown>;
      expect(openApi.problems('Error', body)).toBe('');
      expect(body).toEqual({
        status: 404,
        message: 'Not found',
        messages: ['The export could not be found or you do not have permission to view it.'],
        pluginVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
        time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
        exportId: id,
      });
    }
    await poll(alices);
  });

  it('GET /rest/export lists the caller’s exports, newest first, and nobody else’s', async () => {
    const bobs = await start({ customjql: 'project = SCRUM' }, bobToken);
    const list = await t.rest('/rest/export', { token: bobToken });
    expect(list.status).toBe(200);
    const views = (await list.json()) as ExportStatusView[];
    for (const view of views) expect(openApi.problems('ExportStatus', view)).toBe('');
    expect(views.map((v) => v.exportId)).toEqual([bobs.exportId]);
    const second = await start({ customjql: 'project = SCRUM' }, bobToken);
    const again = (await (await t.rest('/rest/export', { token: bobToken })).json()) as ExportStatusView[];
    // The suite's clock stands still: both were created at the same ms, and the id breaks the tie.
    expect(again.map((v) => v.exportId)).toEqual([second.exportId, bobs.exportId].sort());
    const alices = (await (await t.rest('/rest/export', { token: aliceToken })).json()) as ExportStatusView[];
    expect(alices.map((v) => v.exportId)).not.toContain(bobs.exportId);
    await poll(bobs, bobToken);
    await poll(second, bobToken);
  });
});

describe('DELETE /rest/export/{id}', () => {
  it('aborts a running export: Aborted, no download, the job stops, and it frees the slot', async () => {
    t.host.emulator!.setFaults({ latencyMs: 100 });
    const started = await start({ customjql: JQL });
    const response = await t.rest(`/rest/export/${started.exportId}`, { method: 'DELETE', token: aliceToken });
    expect(response.status).toBe(200);
    const aborted = (await response.json()) as ExportStatusView;
    expect(openApi.problems('ExportStatus', aborted)).toBe('');
    expect(aborted).toMatchObject({ exportId: started.exportId, status: 'Aborted', downloadLink: null, message: 'Aborted by its owner.' });
    expect(aborted.finished).not.toBeNull();
    t.host.emulator!.setFaults({});
    // Whatever invocation was running ends without completing it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const later = (await (await fetch(started.statusLink, { headers: { authorization: `TISJWT ${aliceToken}` } })).json()) as ExportStatusView;
    expect(later.status).toBe('Aborted');
    const download = await t.rest(`/rest/export/${started.exportId}/download`, { token: aliceToken });
    expect(download.status).toBe(409);
    // Aborting again answers the same status.
    const twice = await t.rest(`/rest/export/${started.exportId}`, { method: 'DELETE', token: aliceToken });
    expect(twice.status).toBe(200);
    expect(((await twice.json()) as ExportStatusView).status).toBe('Aborted');
  });

  it('another user cannot abort it, and a finished export is not aborted (404 naming the export)', async () => {
    const started = await start({ customjql: 'project = SCRUM' });
    const byBob = await t.rest(`/rest/export/${started.exportId}`, { method: 'DELETE', token: bobToken });
    expect(byBob.status).toBe(404);
    const done = await poll(started);
    expect(done.status).toBe('Successful');
    const late = await t.rest(`/rest/export/${started.exportId}`, { method: 'DELETE', token: aliceToken });
    expect(late.status).toBe(404);
    const body = (await late.json()) as { messages: string[]; exportId: string };
    expect(body.exportId).toBe(started.exportId);
    expect(body.messages[0]).toContain('already ended (Successful)');
  });
});

function csvCells(text: string): string[][] {
  const rows: string[][] = parse(text, { relax_column_count: true });
  return rows;
}

/**
 * The workbook a client of the deployed app receives: a Forge web trigger body is text, so
 * the file comes as base64 text marked Content-Transfer-Encoding: base64 (the local host
 * passes the body on as Forge does), and the client decodes it.
 */
async function downloadedWorkbook(response: Response): Promise<ArrayBuffer> {
  expect(response.headers.get('content-transfer-encoding')).toBe('base64');
  const text = await response.text();
  expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
  const bytes = Buffer.from(text, 'base64');
  expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // a zip: xlsx
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

async function workbookCells(bytes: ArrayBuffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      const value = row.getCell(c).value;
      // Text cells are never formulas in a workbook; the csv neutralises the same cells.
      const text = typeof value === 'string' || typeof value === 'number' ? String(value) : value === null || value === undefined ? '' : JSON.stringify(value);
      cells.push(neutraliseCell(text));
    }
    rows.push(cells);
  });
  return rows;
}

describe('xlsx files', () => {
  it('an xlsx export downloads a workbook equal to the csv export cell for cell', async () => {
    const params = { customjql: 'project = SCRUM ORDER BY key ASC', viewFormat: 'hours' };
    const [xlsx, csv] = [await poll(await start({ ...params, outputType: 'xlsx' })), await poll(await start({ ...params, outputType: 'csv' }))];
    const file = await fetch(xlsx.downloadLink!, { headers: { authorization: `TISJWT ${aliceToken}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="status-clock-export-${xlsx.exportId}.xlsx"`);
    const text = await (await fetch(csv.downloadLink!, { headers: { authorization: `TISJWT ${aliceToken}` } })).text();
    const expected = csvCells(text);
    expect(expected.length).toBeGreaterThan(10);
    expect(await workbookCells(await downloadedWorkbook(file))).toEqual(expected);
  });
});

describe('GET /rest/smallexport', () => {
  it.each(['GET', 'POST'])('%s: csv by default and xlsx on request, the same cells, as attachments', async (method) => {
    const params = {
      filterType: 'customjql',
      customjql: 'project = SCRUM ORDER BY key',
      columnsBy: 'statusDuration',
      viewFormat: 'days',
      dayLength: '24HourDays',
    };
    const fetchFile = (extra: Record<string, string>) =>
      method === 'GET'
        ? t.rest(`/rest/smallexport?${new URLSearchParams({ ...params, ...extra }).toString()}`, { token: aliceToken })
        : t.rest('/rest/smallexport', { ...form({ ...params, ...extra, tisjwt: aliceToken }) });
    const csv = await fetchFile({});
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="status-clock-report.csv"');
    const cells = csvCells(await csv.text());
    const scrum = t.host.emulator!.dataset.issues.filter((issue) => issue.key.startsWith('SCRUM-')).length;
    expect(cells.length).toBe(scrum + 1);
    const xlsx = await fetchFile({ outputType: 'XLSX' });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="status-clock-report.xlsx"');
    expect(await workbookCells(await downloadedWorkbook(xlsx))).toEqual(cells);
    // The synchronous list answers the same rows.
    const list = await t.rest(`/rest/list?${new URLSearchParams({ ...params, outputType: 'csv' }).toString()}`, { token: aliceToken });
    expect(csvCells(await list.text())).toEqual(cells);
  });

  it('xlsx is refused on the page endpoints, naming outputType, before any issue is read', async () => {
    for (const [path, select] of [
      ['/rest/list', 'projectKey=SCRUM'],
      ['/rest/list2', 'projectKey=SCRUM'],
      ['/rest/issues/v2', 'projectKey=SCRUM'],
      ['/rest/issue', 'issueKey=SCRUM-1'],
    ]) {
      const response = await t.rest(`${path}?${select}&outputType=xlsx`, { token: aliceToken });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { messages: string[] }).messages[0]).toMatch(/^outputType: xlsx is a file: use GET \/rest\/smallexport/);
    }
  });

  it('pageSize asks for a page of the file, and X-Next-Page-Token names the next', async () => {
    const big = await t.rest(`/rest/smallexport?customjql=${encodeURIComponent(JQL)}&pageSize=50`, { token: aliceToken });
    expect(big.status).toBe(200);
    expect(big.headers.get('x-next-page-token')).toBeTruthy();
    expect(csvCells(await big.text()).length).toBe(51);
  });
});
