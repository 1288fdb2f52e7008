import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { RunSettings } from '../config/index.js';
import { LinkrotError } from '../errors.js';
import { isState, SUGGESTION_KINDS, type FailOn, type SuggestionKind } from '../model.js';
import { parseShard, type Shard } from '../pipeline/shard.js';
import { parseDuration } from '../util/duration.js';
import { parseUrl } from '../util/url.js';

export type Command = 'check' | 'extract' | 'merge' | 'help' | 'version';
export type Format = NonNullable<RunSettings['format']>;
export const FORMATS: readonly Format[] = ['text', 'json', 'markdown', 'github', 'html'];

/** What the user said on the command line: only the flags given are set (defaults and config fill the rest). */
export interface Flags extends RunSettings {
  output?: string;
  quiet?: boolean;
  verbose?: boolean;
  cache?: string | false;
  /** `true` for a bare `--fix`: the config file's `fix` kinds, else every kind. */
  fix?: SuggestionKind[] | true;
  dryRun?: boolean;
  config?: string;
  changedSince?: string;
  onlyNewLinks?: boolean;
  shard?: Shard;
  color?: boolean;
  debug?: boolean;
  saveAlive?: boolean;
  saveOlderThanMs?: number;
}

export interface Invocation {
  command: Command;
  inputs: string[];
  flags: Flags;
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  concurrency: { type: 'string' },
  'per-host': { type: 'string' },
  interval: { type: 'string' },
  timeout: { type: 'string' },
  retries: { type: 'string' },
  'max-redirects': { type: 'string' },
  exclude: { type: 'string', multiple: true },
  'allow-private': { type: 'boolean' },
  insecure: { type: 'boolean' },
  'user-agent': { type: 'string' },
  header: { type: 'string', multiple: true, short: 'H' },
  'fail-on': { type: 'string' },
  'confirm-after': { type: 'string' },
  'confirm-span': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
  'no-archive': { type: 'boolean' },
  'archive-url': { type: 'string' },
  'no-fragments': { type: 'boolean' },
  'no-content-checks': { type: 'boolean' },
  cache: { type: 'string' },
  'no-cache': { type: 'boolean' },
  'max-age': { type: 'string' },
  fix: { type: 'string' },
  'dry-run': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'changed-since': { type: 'string' },
  'only-new-links': { type: 'boolean' },
  shard: { type: 'string' },
  'base-url': { type: 'string' },
  'root-dir': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean' },
  'save-alive': { type: 'boolean' },
  'save-older-than': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const satisfies ParseArgsConfig['options'];

/** Options whose value is optional: `--cache` alone means the default file, `--fix` alone means every kind. */
const OPTIONAL_VALUE = new Set(['--cache', '--fix']);

function usage(message: string): LinkrotError {
  return new LinkrotError('LINKROT_USAGE', message);
}

function integer(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < min) throw usage(`--${name} expects a whole number ≥ ${min}, got \`${text}\``);
  return Number(text);
}

function duration(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined) throw usage(`--${name} expects a duration such as 10s, 500ms, 12h or 1d, got \`${text}\``);
  return ms;
}

function httpUrl(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const protocol = parseUrl(text)?.protocol;
  if (protocol === 'http:' || protocol === 'https:') return text;
  throw usage(`--${name} expects an http(s) URL, got \`${text}\``);
}

export function parseStates(text: string, where = '--fail-on'): FailOn[] {
  const states = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const state of states) {
    if (!isState(state) && state !== 'confirmed') {
      throw usage(`${where}: unknown state \`${state}\` (expected some of alive, redirected, dead, suspicious, unreachable, blocked, skipped, confirmed)`);
    }
  }
  return states as FailOn[];
}

export function parseFixKinds(text: string): SuggestionKind[] {
  if (text === 'all') return [...SUGGESTION_KINDS];
  const kinds = text.split(',').map((part) => part.trim());
  for (const kind of kinds) {
    if (!(SUGGESTION_KINDS as readonly string[]).includes(kind)) throw usage(`--fix: unknown kind \`${kind}\` (expected some of ${SUGGESTION_KINDS.join(', ')})`);
  }
  return kinds as SuggestionKind[];
}

export function parseHeader(text: string): [string, string] {
  const colon = text.indexOf(':');
  const name = colon > 0 ? text.slice(0, colon).trim() : '';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw usage(`--header expects \`Name: value\`, got \`${text}\``);
  const value = text.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) throw usage(`--header \`${name}\`: the value may not contain line breaks`);
  return [name, value];
}

export function parseInvocation(argv: string[]): Invocation {
  const args = argv.map((arg) => (OPTIONAL_VALUE.has(arg) ? `${arg}=` : arg));
  let command: Command = 'check';
  const first = args[0];
  if (first === 'check' || first === 'extract' || first === 'merge' || first === 'help') {
    command = first;
    args.shift();
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usage(`${(error as Error).message.split('\n')[0]!.replace(/\. To specify a positional.*$/, '')} (see linkrot --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help || command === 'help') return { command: 'help', inputs: positionals, flags: {} };
  if (values.version) return { command: 'version', inputs: [], flags: {} };

  const flags: Flags = {};
  if (values.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(values.format)) throw usage(`--format expects one of ${FORMATS.join(', ')}, got \`${values.format}\``);
    flags.format = values.format as Format;
  }
  const set = <K extends keyof Flags>(key: K, value: Flags[K] | undefined): void => {
    if (value !== undefined) flags[key] = value;
  };
  set('output', values.output);
  set('concurrency', integer('concurrency', values.concurrency, 1));
  set('perHost', integer('per-host', values['per-host'], 1));
  set('intervalMs', duration('interval', values.interval));
  set('timeoutMs', duration('timeout', values.timeout));
  set('retries', integer('retries', values.retries, 0));
  set('maxRedirects', integer('max-redirects', values['max-redirects'], 0));
  if (values.exclude) {
    for (const pattern of values.exclude) {
      try {
        new RegExp(pattern);
      } catch {
        throw usage(`--exclude: \`${pattern}\` is not a valid regular expression`);
      }
    }
    flags.exclude = values.exclude;
  }
  set('allowPrivate', values['allow-private']);
  set('insecure', values.insecure);
  set('userAgent', values['user-agent']);
  if (values.header) flags.headers = Object.fromEntries(values.header.map(parseHeader));
  if (values['fail-on'] !== undefined) flags.failOn = parseStates(values['fail-on']);
  set('confirmAfter', integer('confirm-after', values['confirm-after'], 1));
  set('confirmSpanMs', duration('confirm-span', values['confirm-span']));
  set('quiet', values.quiet);
  set('verbose', values.verbose);
  if (values['no-archive']) flags.archive = false;
  set('archiveBaseUrl', httpUrl('archive-url', values['archive-url']));
  if (values['no-fragments']) flags.fragments = false;
  if (values['no-content-checks']) flags.contentChecks = false;
  if (values['no-cache'] && values.cache !== undefined) throw usage('--cache and --no-cache cannot be used together');
  if (values.cache !== undefined) flags.cache = values.cache === '' ? '.linkrot-cache.json' : values.cache;
  if (values['no-cache']) flags.cache = false;
  set('maxAgeMs', duration('max-age', values['max-age']));
  if (values.fix !== undefined) flags.fix = values.fix === '' ? true : parseFixKinds(values.fix);
  set('dryRun', values['dry-run']);
  if (flags.dryRun && !flags.fix) throw usage('--dry-run goes with --fix (it prints the diff --fix would apply)');
  set('config', values.config);
  set('changedSince', values['changed-since']);
  set('onlyNewLinks', values['only-new-links']);
  if (flags.onlyNewLinks && !flags.changedSince) throw usage('--only-new-links needs --changed-since REF');
  if (values.shard !== undefined) {
    const shard = parseShard(values.shard);
    if (!shard) throw usage(`--shard expects K/N with 1 ≤ K ≤ N, got \`${values.shard}\``);
    flags.shard = shard;
  }
  set('baseUrl', httpUrl('base-url', values['base-url']));
  set('rootDir', values['root-dir']);
  if (values.color && values['no-color']) throw usage('--color and --no-color cannot be used together');
  if (values.color) flags.color = true;
  if (values['no-color']) flags.color = false;
  set('debug', values.debug);
  set('saveAlive', values['save-alive']);
  set('saveOlderThanMs', duration('save-older-than', values['save-older-than']));
  if (flags.saveOlderThanMs !== undefined && !flags.saveAlive) throw usage('--save-older-than goes with --save-alive');
  if (flags.saveAlive && flags.archive === false) throw usage('--save-alive cannot be used with --no-archive');
  if (flags.quiet && flags.verbose) throw usage('--quiet and --verbose cannot be used together');
  if (flags.fix && flags.shard) throw usage('--fix cannot be used with --shard (each job sees only some hosts)');

  if (command === 'extract') {
    const allowed = new Set(['format', 'output', 'baseUrl', 'color', 'debug', 'quiet', 'config', 'changedSince']);
    const extra = Object.keys(flags).filter((key) => !allowed.has(key));
    if (extra.length > 0) throw usage(`extract does not check links; it takes --format, --output and --base-url (not ${extra.map(kebab).join(', ')})`);
    if (flags.format !== undefined && flags.format !== 'text' && flags.format !== 'json') throw usage('extract --format expects text or json');
  }
  if (command === 'merge') {
    const allowed = new Set(['format', 'output', 'failOn', 'color', 'debug', 'quiet', 'verbose']);
    const extra = Object.keys(flags).filter((key) => !allowed.has(key));
    if (extra.length > 0) throw usage(`merge combines JSON reports; it takes --format, --output and --fail-on (not ${extra.map(kebab).join(', ')})`);
  }
  return { command, inputs: positionals, flags };
}

function kebab(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/-ms$/, '')}`;
}
