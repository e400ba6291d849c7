// A saved parameter set's parameters as the dialog edits them: one `name=value` line each,
// as they would appear in a query string (lists comma-separated). Pure, so it is tested
// without a page; the server checks the parameters themselves with the REST API's parser.

export interface ParsedParamLines {
  params: Record<string, string>;
  /** Lines that are not `name=value`, or repeat a name: "Line 3: ...". */
  problems: string[];
}

export function paramsFromText(text: string): ParsedParamLines {
  const params: Record<string, string> = {};
  const problems: string[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const at = line.indexOf('=');
    const name = at < 0 ? '' : line.slice(0, at).trim();
    if (at < 0 || name === '') {
      problems.push(`Line ${index + 1}: write it as name=value, such as projectKey=ABC.`);
      return;
    }
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined) {
      problems.push(`Line ${index + 1}: ${name} is already given on line ${earlier}; give each parameter once.`);
      return;
    }
    seen.set(name.toLowerCase(), index + 1);
    params[name] = line.slice(at + 1).trim();
  });
  return { params, problems };
}

export function textFromParams(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}
