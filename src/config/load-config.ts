import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { LinkrotError } from '../errors.js';
import { parseDuration } from '../util/duration.js';
import { loadAjv } from '../util/load-ajv.js';
import { packageFile } from '../util/package-root.js';
import { describeConfigError } from './describe-error.js';
import { CONFIG_FILE_NAME } from './types.js';
import type { ConfigFile } from './types.js';

const SCHEMA_FILE = packageFile('schema', 'config.schema.json');

/** ajv is loaded only when a config file is there to validate (it is a fifth of the CLI's start-up). */
let validator: ValidateFunction | undefined;
function validate(value: unknown): ErrorObject[] {
  if (validator === undefined) {
    const Ajv = loadAjv();
    validator = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true }).compile(
      JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object,
    );
  }
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

/** The most useful error first: unknown keys and wrong types before the echoes ajv adds for them. */
function rank(error: ErrorObject): number {
  return ['additionalProperties', 'required', 'type', 'enum'].includes(error.keyword) ? 0 : error.keyword === 'if' ? 2 : 1;
}

/** Errors about the same key (ajv may report one problem under several keywords) count once. */
function problemKey(error: ErrorObject): string {
  const key = error.params['additionalProperty'] ?? error.params['propertyName'] ?? error.propertyName;
  return key === undefined ? error.instancePath : `${error.instancePath}/${String(key)}`;
}

function fail(file: string, problem: string): never {
  throw new LinkrotError('LINKROT_CONFIG_INVALID', `Invalid config \`${file}\`: ${problem}`);
}

/** "Unexpected token } in JSON at position 42" → "line 3, column 5". */
function jsonProblem(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (position === null) return `expected JSON (${message.split('\n')[0]})`;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `expected JSON, error at line ${line}, column ${column}`;
}

/** `maxAge`: milliseconds, or a duration with its unit (the schema requires the unit in a string). */
function maxAgeMs(value: string | number): number {
  return typeof value === 'number' ? value : (parseDuration(value) ?? 0);
}

/**
 * Load the configuration: the explicit `path` (which must exist), else `linkrot.config.json` in `cwd` (absent:
 * an empty config). The file is validated against `schema/config.schema.json`; any problem is one
 * `LINKROT_CONFIG_INVALID` line naming the file and the key. `maxAge` also sets `maxAgeMs`; `cache` (a file
 * name) and `rootDir` are made absolute against the config file's folder.
 */
export async function loadConfig(options: { path?: string; cwd: string }): Promise<{ config: ConfigFile; path?: string }> {
  const path = resolve(options.cwd, options.path ?? CONFIG_FILE_NAME);
  const shown = options.path ?? CONFIG_FILE_NAME;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && options.path === undefined) return { config: {} };
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'it is a directory' : `cannot be read (${code ?? 'error'})`;
    throw new LinkrotError('LINKROT_CONFIG_INVALID', `Cannot read config \`${shown}\`: ${why}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    fail(shown, jsonProblem(text, error));
  }
  const errors = validate(value).sort((a, b) => rank(a) - rank(b));
  const first = errors[0];
  if (first !== undefined) {
    const others = new Set(errors.map(problemKey)).size - 1;
    fail(shown, `${describeConfigError(first)}${others > 0 ? ` (and ${others} more problem${others === 1 ? '' : 's'})` : ''}`);
  }
  const config = value as ConfigFile;
  if (config.maxAge !== undefined && config.maxAgeMs !== undefined) fail(shown, 'set `maxAge` or `maxAgeMs`, not both');
  if (config.confirmSpan !== undefined && config.confirmSpanMs !== undefined) fail(shown, 'set `confirmSpan` or `confirmSpanMs`, not both');
  config.knownDead?.forEach((family, index) => {
    const patterns = { pathPattern: family.pathPattern, 'goneAnswer.finalUrl': family.goneAnswer?.finalUrl, 'goneAnswer.body': family.goneAnswer?.body };
    for (const [key, pattern] of Object.entries(patterns)) {
      if (pattern === undefined) continue;
      try {
        new RegExp(pattern);
      } catch {
        fail(shown, `\`knownDead[${index}].${key}\` is not a valid regular expression`);
      }
    }
  });
  const folder = dirname(path);
  const result: ConfigFile = { ...config };
  if (config.maxAge !== undefined) result.maxAgeMs = maxAgeMs(config.maxAge);
  if (config.confirmSpan !== undefined) result.confirmSpanMs = maxAgeMs(config.confirmSpan);
  if (typeof config.cache === 'string') result.cache = resolve(folder, config.cache);
  if (config.rootDir !== undefined) result.rootDir = resolve(folder, config.rootDir);
  return { config: result, path };
}
