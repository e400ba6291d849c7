// Validates Jira exchanges against the Jira platform OpenAPI document with ajv: the
// request body schema of the operation, and the response schema for the status code
// (ErrorCollection for error answers the document leaves without a body schema).
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The operations the app calls and the emulator serves (scripts/jira-openapi-subset.mjs writes it). */
const OPENAPI_FILE = join(__dirname, 'jira-openapi-subset.json');

const mediaSchema = z.object({ schema: z.unknown().optional() }).passthrough();
const operationSchema = z
  .object({
    requestBody: z
      .object({ content: z.record(z.string(), mediaSchema).optional() })
      .passthrough()
      .optional(),
    responses: z.record(z.string(), z.object({ content: z.record(z.string(), mediaSchema).optional() }).passthrough()),
  })
  .passthrough();
const documentSchema = z
  .object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())), components: z.object({ schemas: z.record(z.string(), z.unknown()) }) })
  .passthrough();

export interface Exchange {
  method: string;
  path: string;
  requestBody?: unknown;
  status: number;
  responseBody?: unknown;
}

export interface ContractProblem {
  exchange: string;
  part: 'request' | 'response' | 'operation';
  errors: string;
}

export class JiraOpenApi {
  private readonly ajv: Ajv;
  private readonly templates: Array<{ template: string; pattern: RegExp; params: number }>;
  private readonly document: z.infer<typeof documentSchema>;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(file = OPENAPI_FILE) {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    this.document = documentSchema.parse(raw);
    // Jira's document is OpenAPI 3.0 (nullable, readOnly, xml, example): strict mode off.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'jira', components: this.document.components }, 'jira');
    this.templates = Object.keys(this.document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      .sort((a, b) => a.params - b.params);
  }

  /** Rewrites local refs so a fragment of the document compiles inside the 'jira' schema. */
  private validator(key: string, schema: unknown): ValidateFunction {
    let compiled = this.cache.get(key);
    if (!compiled) {
      const text = JSON.stringify(schema).replace(/"#\/components\//g, '"jira#/components/');
      const parsed: unknown = JSON.parse(text);
      compiled = this.ajv.compile(z.record(z.string(), z.unknown()).parse(parsed));
      this.cache.set(key, compiled);
    }
    return compiled;
  }

  operation(method: string, path: string): { template: string; operation: z.infer<typeof operationSchema> } | undefined {
    const found = this.templates.find((t) => t.pattern.test(path));
    const operation = found ? this.document.paths[found.template]?.[method.toLowerCase()] : undefined;
    if (!found || operation === undefined) return undefined;
    return { template: found.template, operation: operationSchema.parse(operation) };
  }

  /** `requests: false` for deliberately malformed requests a test sends to probe errors. */
  check(exchange: Exchange, options: { requests?: boolean } = {}): ContractProblem[] {
    const name = `${exchange.method} ${exchange.path} -> ${exchange.status}`;
    const found = this.operation(exchange.method, exchange.path);
    if (!found) return [{ exchange: name, part: 'operation', errors: 'no such operation in the OpenAPI document' }];
    const problems: ContractProblem[] = [];
    const { template, operation } = found;
    if (exchange.requestBody !== undefined && options.requests !== false) {
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      if (schema === undefined) problems.push({ exchange: name, part: 'request', errors: 'the operation takes no JSON body' });
      else {
        const validate = this.validator(`${template} ${exchange.method} request`, schema);
        if (!validate(exchange.requestBody)) problems.push({ exchange: name, part: 'request', errors: this.ajv.errorsText(validate.errors) });
      }
    }
    if (exchange.responseBody !== undefined) {
      const response = operation.responses[String(exchange.status)];
      let schema = response?.content ? Object.values(response.content)[0]?.schema : undefined;
      if (schema === undefined && exchange.status >= 400) schema = { $ref: '#/components/schemas/ErrorCollection' };
      if (schema === undefined) problems.push({ exchange: name, part: 'response', errors: `the document defines no body for status ${exchange.status}` });
      else {
        const validate = this.validator(`${template} ${exchange.method} ${exchange.status}`, schema);
        if (!validate(exchange.responseBody)) problems.push({ exchange: name, part: 'response', errors: this.ajv.errorsText(validate.errors) });
      }
    }
    return problems;
  }
}
