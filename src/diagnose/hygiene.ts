import type { CheckResult, Suggestion } from '../model.js';
import { redirectFacts } from './redirect-judge.js';
import { hostIsOrUnder } from './rules.js';
import { MOBILE_HOSTS, MOBILE_WIKI_PROJECTS, SITE_TRACKING_PARAMS, TRACKING_PARAMS, TRACKING_PARAM_PREFIXES } from './rules/hygiene-tables.js';
import { parseUrl, readUrl } from '../util/url.js';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const HTTP_SCHEME = /^http:/i;
const EMPTY_QUERY = /\?$/;
const FRAGMENT_PART = /#.*$/;

/** Follow-up key of the https variant of an `http:` URL. */
export const HTTPS_FOLLOW_UP = 'https';

/**
 * Suggestions that improve a working link (never failures). In order, each building on the one before, so the
 * last one is the best URL: `moved` (or `https` when a permanent redirect only changed the scheme) for a
 * permanent redirect; `https` when the https variant of an `http:` link answered; `clean` without tracking
 * parameters and on the canonical (non-mobile) host. `fragment` (without `#`) is kept on every suggested URL.
 */
export function hygieneSuggestions(url: string, result: CheckResult, followUps: Record<string, CheckResult>, fragment?: string): Suggestion[] {
  const suggestions: Suggestion[] = [];
  let best = url;
  const redirect = redirectFacts(result);
  if (redirect.permanentTarget !== undefined && redirect.permanentTarget !== url) {
    const target = redirect.permanentTarget;
    const schemeOnly = sameExceptScheme(url, target);
    suggestions.push({
      kind: schemeOnly ? 'https' : 'moved',
      url: withFragment(target, fragment),
      note: schemeOnly ? 'the server redirects permanently to https' : `moved permanently (${result.redirects[0]?.status ?? 301})`,
    });
    best = target;
  } else if (url.startsWith('http:') && result.redirects.length > 0 && sameExceptScheme(url, result.finalUrl)) {
    best = result.finalUrl;
    suggestions.push({ kind: 'https', url: withFragment(best, fragment), note: 'the server redirects to https' });
  } else if (url.startsWith('http:') && result.finalUrl.startsWith('http:') && httpsVariantWorks(url, followUps[HTTPS_FOLLOW_UP])) {
    best = httpsVariant(url);
    suggestions.push({ kind: 'https', url: withFragment(best, fragment), note: 'the https address answers too' });
  }
  const cleaned = cleanUrl(best);
  if (cleaned !== undefined && cleaned !== best) {
    suggestions.push({ kind: 'clean', url: withFragment(cleaned, fragment), note: cleanNote(best, cleaned) });
  }
  return suggestions;
}

export function httpsVariant(url: string): string {
  return url.replace(HTTP_SCHEME, 'https:');
}

/** The https variant counts when it answered 2xx and stayed on https. */
function httpsVariantWorks(url: string, probe: CheckResult | undefined): boolean {
  if (probe === undefined || probe.error !== undefined || probe.status === undefined) return false;
  if (probe.status < 200 || probe.status >= 300) return false;
  return probe.url === httpsVariant(url) && probe.finalUrl.startsWith('https:');
}

function sameExceptScheme(from: string, to: string): boolean {
  const a = readUrl(from);
  const b = readUrl(to);
  if (a === undefined || b === undefined) return false;
  if (a.protocol !== 'http:' || b.protocol !== 'https:') return false;
  const strip = (u: URL): string => `${u.hostname}${u.pathname.replace(/\/$/, '')}${u.search}`;
  return strip(a) === strip(b);
}

/** The URL without tracking parameters and on its canonical host; undefined when it does not parse. */
export function cleanUrl(url: string): string | undefined {
  const read = readUrl(url);
  if (read === undefined) return undefined;
  const host = read.hostname.toLowerCase();
  const mobile = canonicalHost(host);
  // Most links: no query and no mobile host, nothing to clean (and no URL of our own to build).
  if (mobile === undefined && read.search === '') return read.href;
  const parsed = parseUrl(url);
  if (parsed === undefined) return undefined;
  if (mobile !== undefined) parsed.hostname = mobile;
  const siteParams = Object.entries(SITE_TRACKING_PARAMS)
    .filter(([site]) => hostIsOrUnder(host, site))
    .flatMap(([, names]) => names);
  const names = [...parsed.searchParams.keys()];
  let removed = false;
  for (const name of new Set(names)) {
    const lower = name.toLowerCase();
    if (TRACKING_PARAMS.includes(lower) || TRACKING_PARAM_PREFIXES.some((prefix) => lower.startsWith(prefix)) || siteParams.includes(lower)) {
      parsed.searchParams.delete(name);
      removed = true;
    }
  }
  if (!removed) return parsed.href === url ? url : parsed.href;
  let href = parsed.href;
  if (parsed.search === '') href = href.replace(EMPTY_QUERY, '');
  return href;
}

/** `en.m.wikipedia.org`-style hosts of each wiki project, compiled once. */
const MOBILE_WIKI_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = MOBILE_WIKI_PROJECTS.map((project) => [
  project,
  new RegExp(`^(?:([a-z0-9-]+)\\.)?m\\.${project.replace(/\./g, '\\.')}$`),
]);

/** The canonical host of a mobile host (`m.youtube.com` → `www.youtube.com`, `en.m.wikipedia.org` → `en.wikipedia.org`). */
export function canonicalHost(host: string): string | undefined {
  const direct = MOBILE_HOSTS[host];
  if (direct !== undefined) return direct;
  // Every mobile wiki host starts with `m.` or has `.m.` in it: most hosts need no pattern at all.
  if (!host.startsWith('m.') && !host.includes('.m.')) return undefined;
  for (const [project, pattern] of MOBILE_WIKI_PATTERNS) {
    const match = pattern.exec(host);
    if (match !== null) return match[1] === undefined ? project : `${match[1]}.${project}`;
  }
  return undefined;
}

function cleanNote(before: string, after: string): string {
  const a = readUrl(before);
  const b = readUrl(after);
  const parts: string[] = [];
  if (a !== undefined && b !== undefined && a.hostname !== b.hostname) parts.push(`canonical host ${b.hostname}`);
  if (a !== undefined && b !== undefined && a.search !== b.search) parts.push('without tracking parameters');
  return parts.join(', ') || 'cleaned URL';
}

export function withFragment(url: string, fragment: string | undefined): string {
  if (fragment === undefined || fragment === '') return url;
  return `${url.replace(FRAGMENT_PART, '')}#${fragment}`;
}
