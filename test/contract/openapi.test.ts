// /openapi.json is a valid OpenAPI 3.1 document (by @readme/openapi-parser, which checks
// the document against the official schema and resolves every $ref) and describes every
// route the router serves and every parameter the parser accepts.
import { validate } from '@readme/openapi-parser';
import { PARAM_NAMES } from '../../src/reporting/report-params';
import { openApiDocument } from '../../src/rest/openapi-document';
import { ROUTE_PATTERNS } from '../../src/rest/router';

describe('the REST API description', () => {
  const document = openApiDocument('https://example.atlassian-dev.net/x1/abc');

  it('validates as OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('the validator does catch a broken document (so a green run means something)', async () => {
    const broken = structuredClone(document) as Record<string, unknown>;
    (broken.paths as Record<string, unknown>)['/rest/whoami'] = { get: { responses: { '200': { content: 'not an object' } } } };
    const result = await validate(broken as never);
    expect(result.valid).toBe(false);
  });

  it('lists every endpoint and every report parameter', () => {
    const paths = Object.keys(document.paths as Record<string, unknown>).sort();
    expect(paths).toEqual([...ROUTE_PATTERNS].sort());
    expect(paths).toContain('/rest/export/{id}/download');
    const list = (document.paths as Record<string, { get: { parameters: Array<{ name: string }> } }>)['/rest/list']!;
    expect(list.get.parameters.map((p) => p.name).sort()).toEqual(PARAM_NAMES.filter((n) => n !== 'tisjwt').sort());
  });
});
