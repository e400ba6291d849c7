// Ready-to-paste requests, built from this installation's REST base URL. The report call
// is a CSV list of the issues updated in the last 30 days: the smallest request that is useful.
// Works on any site: no project key that only some sites have.
const SAMPLE_JQL = 'updated >= -30d';

export function reportUrl(restBaseUrl: string): string {
  const query = new URLSearchParams({
    filterType: 'customjql',
    customjql: SAMPLE_JQL,
    columnsBy: 'statusDuration',
    viewFormat: 'days',
    outputType: 'csv',
  });
  return `${restBaseUrl}/rest/list?${query.toString()}`;
}

export function curlExample(restBaseUrl: string, token: string): string {
  return [`curl -sS \\`, `  -H "Authorization: TISJWT ${token}" \\`, `  "${reportUrl(restBaseUrl)}"`].join('\n');
}

function powerQueryString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Power BI and Excel both run Power Query (M): Get Data > Blank query > Advanced editor. */
export function powerQueryExample(restBaseUrl: string, token: string): string {
  return [
    'let',
    '    Source = Csv.Document(',
    '        Web.Contents(',
    `            ${powerQueryString(restBaseUrl)},`,
    '            [',
    '                RelativePath = "rest/list",',
    '                Query = [',
    '                    filterType = "customjql",',
    `                    customjql = ${powerQueryString(SAMPLE_JQL)},`,
    '                    columnsBy = "statusDuration",',
    '                    viewFormat = "days",',
    '                    outputType = "csv"',
    '                ],',
    `                Headers = [Authorization = ${powerQueryString(`TISJWT ${token}`)}]`,
    '            ]',
    '        ),',
    '        [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]',
    '    ),',
    '    Report = Table.PromoteHeaders(Source, [PromoteAllScalars = true])',
    'in',
    '    Report',
  ].join('\n');
}
