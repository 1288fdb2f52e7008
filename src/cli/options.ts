import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_CACHE_FILE } from '../cache/index.js';
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
  drift: { type: 'boolean' },
  'save-older-than': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const satisfies ParseArgsConfig['options'];

/**
 * Options whose value is optional, and the rule for when the next word is that value (`--cache FILE`, `--fix
 * KINDS`) rather than an input: for `--cache`, a word ending in `.json` (a post or folder to check never does);
 * for `--fix`, a word made only of fix kinds. `--cache=FILE` and `--fix=KINDS` always work.
 */
const OPTIONAL_VALUE: Record<string, (word: string) => boolean> = {
  '--cache': (word) => /\.json$/i.test(word),
  '--fix': (word) => word.split(',').every((kind) => kind === 'all' || (SUGGESTION_KINDS as readonly string[]).includes(kind)),
};

/** Words that, after a flag that takes no value, show the user meant to give it one (`--insecure true`). */
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', '1', '0', 'always', 'never', 'auto']);

/**
 * A plain number in a duration flag is seconds (as in lychee and curl), but linkinator and markdown-link-check
 * take milliseconds: above these a plain number is far more likely meant as milliseconds, and is refused.
 * `--max-age` takes no plain number (but 0): `--max-age 7` is as likely meant as days as seconds.
 */
const PLAIN_SECONDS_MAX: Record<string, number> = { timeout: 300, interval: 60, 'max-age': 0 };

function usage(message: string): LinkrotError {
  return new LinkrotError('LINKROT_USAGE', message);
}

function integer(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < min) throw usage(`--${name} expects a whole number ≥ ${min}, got \`${text}\``);
  return Number(text);
}

function duration(name: string, text: string | undefined, min = 0): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined) throw usage(`--${name} expects a duration such as 10s, 500ms, 12h or 1d, got \`${text}\``);
  // `1M` would read as one minute: months are no unit here.
  if (/\dM\s*$/.test(text)) throw usage(`--${name} ${text}: m is minutes and months are no unit; write ${text.replace(/M\s*$/, 'm')} for minutes, or days such as 30d`);
  const plainMax = PLAIN_SECONDS_MAX[name];
  if (plainMax !== undefined && /^\s*[\d.]+\s*$/.test(text) && ms > plainMax * 1000) {
    const amount = text.trim();
    if (plainMax === 0) throw usage(`--${name} ${amount}: give a unit, e.g. ${amount}d for days or ${amount}s for seconds`);
    throw usage(
      `--${name} ${amount}: a plain number means seconds (${amount} s is ${Math.round(ms / 60_000)} minutes); ` +
        `for milliseconds write --${name} ${amount}ms (= ${Number(amount) / 1000}s)`,
    );
  }
  if (ms < min) throw usage(`--${name} must be at least ${min}ms, got \`${text}\``);
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

/**
 * Attach a bare optional-value option's value: `--cache x.json` → `--cache=x.json`; a bare `--cache` followed by
 * anything else → `--cache=` (the default). A following word that is neither the value nor something that can be
 * an input (an existing path, a glob, a Markdown file name) is refused, so `--cache mycache` is not read as a post.
 */
function attachOptionalValues(args: string[], cwd: string): string[] {
  const out: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      out.push(...args.slice(index));
      break;
    }
    const isValue = OPTIONAL_VALUE[arg];
    if (!isValue) {
      out.push(arg);
      continue;
    }
    const next = args[index + 1];
    if (next === undefined || next.startsWith('-')) {
      out.push(`${arg}=`);
      continue;
    }
    const exists = existsSync(resolve(cwd, next));
    if (isValue(next)) {
      if (exists && arg === '--fix') throw usage(`--fix ${next}: \`${next}\` is both a fix kind and a path; write --fix=${next}, or ./${next} for the path`);
      out.push(`${arg}=${next}`);
      index++;
    } else {
      if (!exists && !/[*?[\]{}]/.test(next) && !/\.(md|markdown|mdx)$/i.test(next)) {
        throw usage(`${arg} ${next}: \`${next}\` is no file or folder to check; write ${arg}=${next} if it is the ${arg === '--cache' ? 'cache file' : 'kinds to fix'}`);
      }
      out.push(`${arg}=`);
    }
  }
  return out;
}

/** Traps parseArgs lets through: a single-value option given twice (only the last counts), `--insecure true`. */
function refuseMisreadTokens(tokens: ReadonlyArray<{ kind: string; name?: string; value?: string | undefined; index: number }>, cwd: string): void {
  const given = new Map<string, string>();
  for (const [position, token] of tokens.entries()) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    const option = OPTIONS[token.name as keyof typeof OPTIONS] as { type: string; multiple?: boolean };
    if (option.type === 'string' && !option.multiple) {
      const earlier = given.get(token.name);
      if (earlier !== undefined) {
        throw usage(`--${token.name} is given twice (${earlier || '(bare)'}, then ${token.value || '(bare)'}) and only one would count; give it once${token.name === 'fail-on' || token.name === 'fix' ? ' with a comma-separated list' : ''}`);
      }
      given.set(token.name, token.value ?? '');
    }
    const next = tokens[position + 1];
    if (option.type === 'boolean' && next?.kind === 'positional' && next.value !== undefined && BOOLEAN_WORDS.has(next.value.toLowerCase()) && !existsSync(resolve(cwd, next.value))) {
      throw usage(`--${token.name} takes no value (\`${next.value}\` would be read as a post to check); write --${token.name} alone to turn it on, ${`no-${token.name}` in OPTIONS ? `--no-${token.name}` : 'leave it out'} to keep it off`);
    }
  }
}

/** The command word must come first: `linkrot -q extract post.md` would look for a post called extract. */
function refuseLateCommand(positionals: string[], cwd: string): void {
  const late = positionals.find((word) => COMMANDS.has(word) && !existsSync(resolve(cwd, word)));
  if (late !== undefined) throw usage(`\`${late}\` is a command: put it first, as in linkrot ${late} [options] <files…>`);
}

/** Refuse `--output` naming a file given as an input: the report would overwrite the post. */
function refuseOutputOverInput(output: string | undefined, inputs: string[], cwd: string): void {
  if (output === undefined) return;
  const target = resolve(cwd, output);
  if (inputs.some((input) => resolve(cwd, input) === target)) throw usage(`--output ${output} is also an input: the report would overwrite it; write the report to another file`);
}

const COMMANDS = new Set<string>(['check', 'extract', 'merge', 'help']);

export function parseInvocation(argv: string[], cwd = process.cwd()): Invocation {
  const args = attachOptionalValues(argv, cwd);
  let command: Command = 'check';
  const first = args[0];
  if (first === 'check' || first === 'extract' || first === 'merge' || first === 'help') {
    command = first;
    args.shift();
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw usage(`${(error as Error).message.split('\n')[0]!.replace(/\. To specify a positional.*$/, '')} (see linkrot --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help || command === 'help') return { command: 'help', inputs: positionals, flags: {} };
  if (values.version) return { command: 'version', inputs: [], flags: {} };
  refuseMisreadTokens(parsed.tokens, cwd);
  refuseLateCommand(positionals, cwd);
  refuseOutputOverInput(values.output, positionals, cwd);

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
  set('timeoutMs', duration('timeout', values.timeout, 1));
  set('retries', integer('retries', values.retries, 0));
  set('maxRedirects', integer('max-redirects', values['max-redirects'], 0));
  if (values.exclude) {
    for (const pattern of values.exclude) {
      try {
        new RegExp(pattern);
      } catch {
        // `*.pdf` and `**/x` are globs, the usual first try: say what the regular expression would be.
        const regex = /^\*|\*\*/.test(pattern) ? globToRegex(pattern) : '$';
        const glob = regex === '$' ? '' : ` (a regular expression, not a glob: for ${pattern} try ${regex})`;
        throw usage(`--exclude: \`${pattern}\` is not a valid regular expression${glob}`);
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
  if (values.cache !== undefined) flags.cache = values.cache === '' ? DEFAULT_CACHE_FILE : values.cache;
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
  set('drift', values.drift);
  if (flags.drift && flags.archive === false) throw usage('--drift compares pages with their archive.org captures: it cannot be used with --no-archive');
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

/** A rough regular expression for a glob, for the hint only. */
function globToRegex(glob: string): string {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\/?/g, '.*')
    .replace(/(?<!\.)\*/g, '[^/]*')
    .replace(/\?/g, '.');
  return `${body.replace(/^(\.\*|\[\^\/\]\*)+/, '')}$`;
}

function kebab(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/-ms$/, '')}`;
}
