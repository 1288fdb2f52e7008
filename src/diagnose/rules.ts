import { LinkrotError } from '../errors.js';
import { KNOWN_DEAD_FAMILIES } from './rules/known-dead-families.js';
import type { CheckResult } from '../model.js';
import type { CompiledFamily, KnownDeadFamily, RuleSet } from './types.js';
import { readUrl } from '../util/url.js';

const FAMILY_KEYS = new Set(['id', 'name', 'hosts', 'pathPattern', 'ended', 'explanation', 'source', 'sourceDate', 'applies', 'goneAnswer', 'state', 'suggest']);
const GONE_KEYS = new Set(['status', 'finalUrl', 'body']);
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const HOST_PATTERN = /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;

/**
 * The rule set: the built-in known-dead families plus the user's (validated; a user family with a built-in id
 * replaces it). Throws `LINKROT_CONFIG_INVALID` naming the entry and the problem.
 */
export function loadRules(extraFamilies: readonly unknown[] = []): RuleSet {
  const byId = new Map<string, CompiledFamily>();
  for (const family of KNOWN_DEAD_FAMILIES) byId.set(family.id, compileFamily(family));
  extraFamilies.forEach((raw, index) => {
    const family = validateFamily(raw, `knownDead[${index}]`);
    byId.set(family.id, compileFamily(family));
  });
  return { families: [...byId.values()] };
}

function compileFamily(family: KnownDeadFamily): CompiledFamily {
  const compiled: CompiledFamily = { ...family, hosts: family.hosts.map((host) => host.toLowerCase()) };
  if (family.pathPattern !== undefined) compiled.path = new RegExp(family.pathPattern, 'i');
  const gone = family.goneAnswer;
  if (gone !== undefined) {
    compiled.gone = {};
    if (gone.status !== undefined) compiled.gone.status = gone.status;
    if (gone.finalUrl !== undefined) compiled.gone.finalUrl = new RegExp(gone.finalUrl, 'i');
    if (gone.body !== undefined) compiled.gone.body = new RegExp(gone.body, 'i');
  }
  return compiled;
}

/** Check one user-supplied family; returns it typed or throws a one-line config error. */
export function validateFamily(raw: unknown, where: string): KnownDeadFamily {
  const fail = (problem: string): never => {
    throw new LinkrotError('LINKROT_CONFIG_INVALID', `Invalid known-dead family at \`${where}\`: ${problem}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('expected an object');
  const entry = raw as Record<string, unknown>;
  for (const key of Object.keys(entry)) if (!FAMILY_KEYS.has(key)) fail(`unknown key \`${key}\``);
  const { id, name, hosts, pathPattern, ended, explanation, source, sourceDate, applies, goneAnswer, state, suggest } = entry;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) fail('`id` must be a kebab-case string');
  if (typeof name !== 'string' || name.trim() === '') fail('`name` must be a non-empty string');
  if (!Array.isArray(hosts) || hosts.length === 0) fail('`hosts` must be a non-empty array of host names');
  for (const host of hosts as unknown[]) {
    if (typeof host !== 'string' || !HOST_PATTERN.test(host.toLowerCase())) fail(`\`hosts\` has an invalid host ${JSON.stringify(host)} (expected example.com or *.example.com)`);
  }
  checkPattern(pathPattern, '`pathPattern`', fail);
  if (ended !== undefined && (typeof ended !== 'string' || !DATE_PATTERN.test(ended))) fail('`ended` must be YYYY, YYYY-MM or YYYY-MM-DD');
  if (sourceDate !== undefined && (typeof sourceDate !== 'string' || !DATE_PATTERN.test(sourceDate))) fail('`sourceDate` must be YYYY, YYYY-MM or YYYY-MM-DD');
  if (typeof explanation !== 'string' || explanation.trim() === '') fail('`explanation` must be a non-empty string');
  if (source !== undefined && (typeof source !== 'string' || !/^https?:\/\//.test(source))) fail('`source` must be an http(s) URL');
  if (applies !== undefined && applies !== 'always' && applies !== 'on-failure' && applies !== 'on-gone-answer') {
    fail('`applies` must be "always", "on-failure" or "on-gone-answer"');
  }
  if ((applies === 'on-gone-answer') !== (goneAnswer !== undefined)) fail('`goneAnswer` goes with `applies: "on-gone-answer"`, and that needs a `goneAnswer`');
  if (goneAnswer !== undefined) validateGoneAnswer(goneAnswer, fail);
  if (state !== undefined && state !== 'dead' && state !== 'blocked' && state !== 'moved') fail('`state` must be "dead", "blocked" or "moved"');
  if (suggest !== undefined) {
    const s = suggest as Record<string, unknown>;
    if (typeof suggest !== 'object' || suggest === null || typeof s['url'] !== 'string' || !/^https?:\/\//.test(s['url'])) {
      fail('`suggest.url` must be an http(s) URL template');
    }
    for (const key of Object.keys(s)) if (key !== 'url' && key !== 'note') fail(`unknown key \`suggest.${key}\``);
    if (s['note'] !== undefined && typeof s['note'] !== 'string') fail('`suggest.note` must be a string');
  }
  return entry as unknown as KnownDeadFamily;
}

type Fail = (problem: string) => never;

function checkPattern(pattern: unknown, what: string, fail: Fail): void {
  if (pattern === undefined) return;
  if (typeof pattern !== 'string') fail(`${what} must be a regular expression string`);
  try {
    new RegExp(pattern as string);
  } catch {
    fail(`${what} is not a valid regular expression: ${JSON.stringify(pattern)}`);
  }
}

function validateGoneAnswer(raw: unknown, fail: Fail): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('`goneAnswer` must be an object');
  const gone = raw as Record<string, unknown>;
  for (const key of Object.keys(gone)) if (!GONE_KEYS.has(key)) fail(`unknown key \`goneAnswer.${key}\``);
  if (Object.keys(gone).length === 0) fail('`goneAnswer` needs at least one of `status`, `finalUrl`, `body`');
  const { status } = gone;
  if (status !== undefined && (!Array.isArray(status) || status.length === 0 || !status.every((code) => Number.isInteger(code) && code >= 100 && code <= 999))) {
    fail('`goneAnswer.status` must be a non-empty array of HTTP status codes');
  }
  checkPattern(gone['finalUrl'], '`goneAnswer.finalUrl`', fail);
  checkPattern(gone['body'], '`goneAnswer.body`', fail);
}

/**
 * Did the server give the family's "this item is gone" answer? Every condition of `goneAnswer` must hold: the
 * final status, where the redirects ended (only when there were redirects), and the body read.
 */
export function answersGone(family: CompiledFamily, result: CheckResult): boolean {
  const gone = family.gone;
  if (gone === undefined || result.error !== undefined || result.status === undefined) return false;
  if (gone.status !== undefined && !gone.status.includes(result.status)) return false;
  if (gone.finalUrl !== undefined && (result.redirects.length === 0 || !gone.finalUrl.test(result.finalUrl))) return false;
  if (gone.body !== undefined && (result.body === undefined || !gone.body.test(result.body.text))) return false;
  return true;
}

/** A family that decides on its own, whatever the page says: the link needs no body (HEAD is enough). */
export function judgesWithoutBody(family: CompiledFamily): boolean {
  return (family.applies ?? 'always') === 'always' && family.state !== 'moved';
}

/**
 * True when `host` is `pattern` or, for `*.suffix`, ends with `.suffix`. Patterns are lower case; the host may
 * not be. Called for every pattern of every rule on every link, so it allocates nothing for a lower-case host.
 */
export function hostMatches(host: string, pattern: string): boolean {
  const lower = lowerCaseHost(host);
  if (pattern.startsWith('*.')) return endsWithFrom(lower, pattern, 1);
  return lower === pattern;
}

/** True when `host` is `domain` or a name under it (`hostMatches` with `domain` and with `*.domain`). */
export function hostIsOrUnder(host: string, domain: string): boolean {
  const lower = lowerCaseHost(host);
  if (lower === domain) return true;
  const dot = lower.length - domain.length - 1;
  return dot >= 0 && lower.charCodeAt(dot) === 0x2e && lower.endsWith(domain);
}

/** Host names from a parsed URL are already lower case: no new string for them. */
function lowerCaseHost(host: string): string {
  return UPPER_CASE.test(host) ? host.toLowerCase() : host;
}

/** Hoisted: a regular-expression literal is a new object every time it is evaluated. */
const UPPER_CASE = /[A-Z]/;

/** Does `value` end with `pattern` from index `from` on (without slicing `pattern`)? */
function endsWithFrom(value: string, pattern: string, from: number): boolean {
  const length = pattern.length - from;
  const offset = value.length - length;
  if (offset < 0) return false;
  for (let i = 0; i < length; i += 1) if (value.charCodeAt(offset + i) !== pattern.charCodeAt(from + i)) return false;
  return true;
}

export interface FamilyMatch {
  family: CompiledFamily;
  groups: string[];
}

/** The first family matching a URL, with the path pattern's groups. */
export function matchFamily(url: string, rules: RuleSet): FamilyMatch | undefined {
  const parsed = readUrl(url);
  if (parsed === undefined) return undefined;
  const candidates = entriesForHost(parsed.hostname, rules.families);
  if (candidates === undefined) return undefined;
  const pathAndQuery = parsed.pathname + parsed.search;
  for (const index of candidates) {
    const family = rules.families[index]!;
    if (family.path === undefined) return { family, groups: [] };
    const found = family.path.exec(pathAndQuery);
    if (found !== null) return { family, groups: found.slice(1).map((group) => group ?? '') };
  }
  return undefined;
}

/** Entries by host pattern: `exact` by name, `under` by the domain of a `*.domain` pattern. */
interface HostIndex {
  exact: Map<string, number[]>;
  under: Map<string, number[]>;
}

/**
 * Built once per list (known-dead families, shorteners): a link is matched against every entry (41 families with
 * 93 host patterns built in), and trying each pattern in turn cost more than the rest of an alive link's diagnosis.
 */
const hostIndexes = new WeakMap<readonly { hosts: readonly string[] }[], HostIndex>();

function hostIndexOf(entries: readonly { hosts: readonly string[] }[]): HostIndex {
  const index = hostIndexes.get(entries);
  if (index !== undefined) return index;
  const built: HostIndex = { exact: new Map(), under: new Map() };
  entries.forEach((entry, position) => {
    for (const pattern of entry.hosts) {
      const [map, key] = pattern.startsWith('*.') ? [built.under, pattern.slice(2)] : [built.exact, pattern];
      const list = map.get(key) ?? [];
      if (list.at(-1) !== position) list.push(position);
      map.set(key, list);
    }
  });
  hostIndexes.set(entries, built);
  return built;
}

/**
 * The positions of the entries with a host pattern (lower case, exact or `*.domain`) that `host` matches, in list
 * order (`hostMatches` on each pattern in turn); undefined for none. The list must not change once asked about.
 */
export function entriesForHost(host: string, entries: readonly { hosts: readonly string[] }[]): readonly number[] | undefined {
  const index = hostIndexOf(entries);
  const name = lowerCaseHost(host);
  let found = index.exact.get(name);
  // `*.domain` matches every name under the domain: look the host's parent domains up.
  for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
    const under = index.under.get(name.slice(dot + 1));
    if (under !== undefined) found = found === undefined ? under : [...new Set([...found, ...under])].sort((a, b) => a - b);
  }
  return found;
}

/** Fill a family's suggestion template for a URL. */
export function expandSuggestion(template: string, url: string, groups: readonly string[]): string {
  const parsed = readUrl(url);
  if (parsed === undefined) return template;
  return template
    .replace(/\$([1-9])/g, (_, digit: string) => groups[Number(digit) - 1] ?? '')
    .replace(/\{host\}/g, parsed.host)
    .replace(/\{path\}/g, parsed.pathname)
    .replace(/\{search\}/g, parsed.search);
}
