import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { loadAjv } from '../util/load-ajv.js';
import { packageFile } from '../util/package-root.js';

const compiled = new Map<string, ValidateFunction>();

function validatorFor(file: string): ValidateFunction {
  let validate = compiled.get(file);
  if (validate === undefined) {
    // ajv is loaded on first use (merge, tests): a check run never needs it.
    const schema = JSON.parse(readFileSync(packageFile('schema', file), 'utf8')) as object;
    const Ajv = loadAjv();
    validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    compiled.set(file, validate);
  }
  return validate;
}

/** Errors of a value against `schema/report.schema.json`, one readable line each; `[]` when it is valid. */
export function validateReport(value: unknown): string[] {
  return describeErrors(validatorFor('report.schema.json'), value);
}

/** Errors of a value against `schema/extract.schema.json` (the `linkrot extract` JSON). */
export function validateExtractReport(value: unknown): string[] {
  return describeErrors(validatorFor('extract.schema.json'), value);
}

function describeErrors(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map(describeError);
}

export function describeError(error: ErrorObject): string {
  const at = error.instancePath === '' ? 'the top level' : `\`${error.instancePath}\``;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown field \`${String(error.params['additionalProperty'])}\` at ${at}`;
    case 'required':
      return `missing field \`${String(error.params['missingProperty'])}\` at ${at}`;
    case 'enum':
      return `${at} must be one of ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${at} ${error.message ?? 'is invalid'}`;
  }
}
