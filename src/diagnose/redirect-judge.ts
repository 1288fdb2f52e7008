import type { CheckResult } from '../model.js';
import { hostMatches } from './rules.js';
import { LOGIN_HOSTS, LOGIN_PATH_PATTERN } from './rules/bot-wall-signs.js';
import { ERROR_PAGE_SEGMENT, NOT_FOUND_TARGET_PATTERN } from './rules/soft-404-signs.js';
import { readUrl } from '../util/url.js';

const PERMANENT = new Set([301, 308]);
/** Single path segments that name a listing page rather than content. */
const LISTING_SEGMENT = /^(?:courses|browse|catalog|catalogue|search|explore|home|homepage|index(?:\.(?:html?|php|aspx?|jsp|cfm))?|default(?:\.aspx?)?|categories|category|programs|products|topics|directory|welcome|start|main|portal|learn|discover)$/i;
/** ISO 639-1 language codes: a first path segment made of one of them (`/en/`, `/en-us/`, `/pt_BR/`) is a locale. */
const LANGUAGES = new Set(
  ('aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu ' +
    'fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ' +
    'ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os ' +
    'pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ' +
    'ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu').split(' '),
);
function isLocaleSegment(segment: string): boolean {
  const match = /^([a-z]{2})(?:[-_][a-z]{2,4})?$/i.exec(segment);
  return match !== null && LANGUAGES.has(match[1]!.toLowerCase());
}

export interface RedirectFacts {
  /** True when every hop was 301 or 308. */
  permanent: boolean;
  /** Where the leading run of permanent hops ends (the URL to update to), when the chain starts with one. */
  permanentTarget?: string;
}

/** Classify a redirect chain. */
export function redirectFacts(result: CheckResult): RedirectFacts {
  const hops = result.redirects;
  let index = 0;
  while (index < hops.length && PERMANENT.has(hops[index]?.status ?? 0)) index += 1;
  const facts: RedirectFacts = { permanent: hops.length > 0 && index === hops.length };
  if (index > 0) facts.permanentTarget = hops[index]?.url ?? result.finalUrl;
  return facts;
}

function contentSegments(url: URL): string[] {
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  if (segments.length > 0 && isLocaleSegment(segments[0] ?? '') && segments.length <= 2) return segments.slice(1);
  return segments;
}

/** A site root or a catalogue/listing page. */
export function isHomeOrListing(url: string): boolean {
  const parsed = readUrl(url);
  if (parsed === undefined) return false;
  const segments = contentSegments(parsed);
  if (segments.length === 0) return true;
  return segments.length === 1 && LISTING_SEGMENT.test(segments[0] ?? '');
}

/** A link to something below the site root (a path, or a query that selects a page). */
export function isDeepLink(url: string): boolean {
  const parsed = readUrl(url);
  if (parsed === undefined) return false;
  return parsed.pathname.replace(/\/+$/, '') !== '' || parsed.search !== '';
}

/** A deep link whose redirects end at the site root or a listing page: the retired-page pattern. */
export function redirectsToHomepage(originalUrl: string, result: CheckResult): boolean {
  if (result.redirects.length === 0) return false;
  if (!isDeepLink(originalUrl) || isHomeOrListing(originalUrl)) return false;
  const final = readUrl(result.finalUrl);
  if (final === undefined) return false;
  if (isHomeOrListing(result.finalUrl)) return true;
  // `/?redirect=/missing-page&reason=not-found`, `/courses?error=404`.
  return final.search !== '' && NOT_FOUND_TARGET_PATTERN.test(final.search) && contentSegments(final).length <= 1;
}

/**
 * A redirect whose target is the site's error or removed-content page by name (`/404.html`, `/page-not-found`,
 * `/errors/404/`, `/removed.png`): its last path segment, extension dropped, is nothing but that name.
 */
export function redirectsToErrorPage(result: CheckResult): boolean {
  if (result.redirects.length === 0) return false;
  const final = readUrl(result.finalUrl);
  if (final === undefined) return false;
  const last = final.pathname.split('/').filter((segment) => segment !== '').at(-1) ?? '';
  return ERROR_PAGE_SEGMENT.test(last.replace(/\.[a-z0-9]{1,5}$/i, ''));
}

/** A deep link that ends on a sign-in page. */
export function redirectsToLogin(originalUrl: string, result: CheckResult): boolean {
  if (result.redirects.length === 0) return false;
  const final = readUrl(result.finalUrl);
  if (final === undefined) return false;
  if (LOGIN_HOSTS.some((host) => hostMatches(final.hostname, host))) return true;
  const original = readUrl(originalUrl);
  if (original !== undefined && LOGIN_PATH_PATTERN.test(original.pathname)) return false;
  return LOGIN_PATH_PATTERN.test(final.pathname);
}
