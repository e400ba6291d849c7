// Ready-to-paste requests, built from this installation's REST base URL: the one source of
// the show-once dialog's examples and the report builder's copied requests (curl, Power
// Query M for Power BI and Excel, Python requests, a plain URL). Each takes the report
// parameters as name/value pairs, exactly as a REST client sends them.

/** Report parameters in order, as a query string carries them (lists comma-separated). */
export type RequestParams = ReadonlyArray<readonly [string, string]>;

/** Stands in for the token where the page does not hold its text (it is shown only once). */
export const TOKEN_PLACEHOLDER = '<your token>';

// The first report (the show-once dialog's, and where the builder it opens starts): a CSV list of the issues updated in the last 30 days, the smallest
// request that is useful. Works on any site: no project key that only some sites have.
const SAMPLE_JQL = 'updated >= -30d';
export const FIRST_REPORT_PARAMS: RequestParams = [
  ['filterType', 'customjql'],
  ['customjql', SAMPLE_JQL],
  ['columnsBy', 'statusDuration'],
  ['viewFormat', 'days'],
  ['outputType', 'csv'],
];

const REPORT_PATH = 'rest/list';

function outputTypeOf(params: RequestParams): string {
  return [...params].reverse().find(([name]) => name.toLowerCase() === 'outputtype')?.[1] ?? 'json';
}

/** The GET URL of a report: what the curl example calls and what a browser tool can take. */
export function requestUrl(restBaseUrl: string, params: RequestParams): string {
  const query = new URLSearchParams(params.map(([name, value]) => [name, value]));
  return `${restBaseUrl}/${REPORT_PATH}?${query.toString()}`;
}

export function curlRequest(restBaseUrl: string, token: string, params: RequestParams): string {
  // The URL holds only percent-encoded text, so double quotes are safe in every shell.
  return [`curl -sS \\`, `  -H "Authorization: TISJWT ${token}" \\`, `  "${requestUrl(restBaseUrl, params)}"`].join('\n');
}

/** An M text literal: quotes doubled, line breaks and "#(" escaped as M writes them. */
function mText(text: string): string {
  const escaped = text.replace(/#\(/g, '#(#)(').replace(/"/g, '""').replace(/\r/g, '#(cr)').replace(/\n/g, '#(lf)').replace(/\t/g, '#(tab)');
  return `"${escaped}"`;
}

/** An M record field name: quoted unless it is a plain identifier. */
function mName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `#${mText(name)}`;
}

/** How each output type becomes a table in Power Query. */
function mReport(outputType: string): { source: string[]; report: string } {
  switch (outputType.toLowerCase()) {
    case 'csv':
      return { source: ['    Source = Csv.Document('], report: '    Report = Table.PromoteHeaders(Source, [PromoteAllScalars = true])' };
    case 'jsonsimplified':
      return { source: ['    Source = Json.Document('], report: '    Report = Table.FromRecords(Source[results])' };
    default:
      // The JSON table nests its cells; each row stays a record to expand in the editor.
      return { source: ['    Source = Json.Document('], report: '    Report = Table.FromList(Source[table][body][rows], Splitter.SplitByNothing(), {"Row"})' };
  }
}

/** Power BI and Excel both run Power Query (M): Get Data > Blank query > Advanced editor. */
export function powerQueryRequest(restBaseUrl: string, token: string, params: RequestParams): string {
  const outputType = outputTypeOf(params);
  const { source, report } = mReport(outputType);
  const fields = params.map(([name, value], index) => `                    ${mName(name)} = ${mText(value)}${index < params.length - 1 ? ',' : ''}`);
  const csv = outputType.toLowerCase() === 'csv';
  return [
    'let',
    ...source,
    '        Web.Contents(',
    `            ${mText(restBaseUrl)},`,
    '            [',
    `                RelativePath = ${mText(REPORT_PATH)},`,
    '                Query = [',
    ...fields,
    '                ],',
    `                Headers = [Authorization = ${mText(`TISJWT ${token}`)}]`,
    '            ]',
    csv ? '        ),' : '        )',
    ...(csv ? ['        [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]'] : []),
    '    ),',
    report,
    'in',
    '    Report',
  ].join('\n');
}

/** Python with requests: the parameters as a dict, the body as text (CSV) or parsed JSON. */
export function pythonRequest(restBaseUrl: string, token: string, params: RequestParams): string {
  // A JSON string literal is a valid Python string literal for any text.
  const py = (text: string) => JSON.stringify(text);
  const csv = outputTypeOf(params).toLowerCase() === 'csv';
  return [
    'import requests',
    '',
    'response = requests.get(',
    `    ${py(`${restBaseUrl}/${REPORT_PATH}`)},`,
    `    headers={"Authorization": ${py(`TISJWT ${token}`)}},`,
    '    params={',
    ...params.map(([name, value]) => `        ${py(name)}: ${py(value)},`),
    '    },',
    '    timeout=60,',
    ')',
    'response.raise_for_status()',
    csv ? 'print(response.text)' : 'report = response.json()',
    ...(csv ? [] : ['print(report)']),
  ].join('\n');
}

export function reportUrl(restBaseUrl: string): string {
  return requestUrl(restBaseUrl, FIRST_REPORT_PARAMS);
}

export function curlExample(restBaseUrl: string, token: string): string {
  return curlRequest(restBaseUrl, token, FIRST_REPORT_PARAMS);
}

export function powerQueryExample(restBaseUrl: string, token: string): string {
  return powerQueryRequest(restBaseUrl, token, FIRST_REPORT_PARAMS);
}
