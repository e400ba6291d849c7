// Checks real responses against the served /openapi.json with ajv (JSON Schema 2020-12,
// OpenAPI 3.1's dialect), so the document and the API cannot drift apart.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export interface OpenApiValidator {
  /** Returns ajv's errors as text, or '' when the value matches components.schemas[name]. */
  problems(schemaName: string, value: unknown): string;
}

export function openApiValidator(document: unknown): OpenApiValidator {
  // strict: false because the document carries OpenAPI keywords beside JSON Schema ones.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document as object, 'openapi');
  return {
    problems(schemaName, value) {
      const validate = ajv.getSchema(`openapi#/components/schemas/${schemaName}`);
      if (!validate) return `no schema ${schemaName}`;
      return validate(value) ? '' : ajv.errorsText(validate.errors);
    },
  };
}
