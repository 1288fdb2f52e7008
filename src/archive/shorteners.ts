import { LinkrotError } from '../errors.js';
import { entriesForHost, hostMatches } from '../diagnose/rules.js';
import { readUrl } from '../util/url.js';

/**
 * A URL-shortening (or share-link) service: a link to one of its hosts is a redirect to somewhere else, so the
 * report names the target, `--fix` can write the target instead (`expand`), and when the service no longer
 * redirects the target is read from the Wayback Machine's capture of the redirect.
 */
export interface Shortener {
  /** Stable kebab-case id (`bitly`). */
  id: string;
  name: string;
  /** Exact hosts (`bit.ly`) or `*.example.com` patterns. */
  hosts: string[];
  /** Where its behaviour is documented. */
  source?: string;
  /** When it stopped redirecting, when it did (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  ended?: string;
  /** Regular expression source matched against path + query: only those links are short links (`^/[A-Za-z0-9]+$`). */
  pathPattern?: string;
}

/**
 * The built-in shorteners. Data, not code: each entry says where its behaviour is documented. Users add their
 * own (or replace one by its id) with `shorteners` in the config file.
 */
export const SHORTENERS: readonly Shortener[] = [
  {
    id: 'goo-gl',
    name: 'Google URL Shortener (goo.gl)',
    hosts: ['goo.gl'],
    // Announced 2024-07-18: an interstitial from 2024-08-23, then HTTP 404 for every link from 2025-08-25.
    source: 'https://developers.googleblog.com/en/google-url-shortener-links-will-no-longer-be-available/',
    ended: '2025-08-25',
  },
  {
    id: 'bitly',
    name: 'Bitly',
    hosts: ['bit.ly', 'j.mp', 'bitly.com', 'bitly.is'],
    // Bitly answers 301 to the long URL; links cannot be edited after creation (Bitly's own FAQ, 2023).
    source: 'https://support.bitly.com/hc/en-us/articles/230558107-How-do-I-edit-the-destination-of-a-link-',
    pathPattern: '^/[A-Za-z0-9_-]+/?$',
  },
  {
    id: 't-co',
    name: "X's (Twitter's) t.co",
    hosts: ['t.co'],
    // "All links submitted within Tweets and Direct Messages … will eventually be wrapped with the t.co shortener".
    source: 'https://developer.twitter.com/en/docs/basics/tco',
  },
  {
    id: 'ow-ly',
    name: "Hootsuite's ow.ly",
    hosts: ['ow.ly', 'owl.li', 'ht.ly'],
    // "each shortener responds like a 301 redirect" (Hootsuite help, "Work with links").
    source: 'https://help.hootsuite.com/hc/en-us/articles/204586030-Work-with-links',
  },
  {
    id: 'tinyurl',
    name: 'TinyURL',
    hosts: ['tinyurl.com', 'preview.tinyurl.com', 'tiny.one'],
    source: 'https://tinyurl.com/app/faq',
  },
  {
    id: 'buffer',
    name: "Buffer's buff.ly",
    hosts: ['buff.ly'],
    source: 'https://support.buffer.com/article/528-shortening-links-in-buffer',
  },
  {
    id: 'linkedin',
    name: "LinkedIn's lnkd.in",
    hosts: ['lnkd.in'],
    source: 'https://www.linkedin.com/help/linkedin/answer/a1339807',
  },
  {
    id: 'facebook',
    name: "Facebook's fb.me",
    hosts: ['fb.me'],
    source: 'https://developers.facebook.com/docs/sharing/webmasters/',
  },
  {
    id: 'amazon',
    name: "Amazon's amzn.to",
    hosts: ['amzn.to', 'a.co'],
    // SiteStripe "Get Link: Text" builds the amzn.to short link (Associates help, SiteStripe).
    source: 'https://affiliate-program.amazon.com/help/node/topic/GJMMT7G4C8K4Y3AY',
  },
  {
    id: 'youtube',
    name: "YouTube's youtu.be share links",
    hosts: ['youtu.be'],
    source: 'https://support.google.com/youtube/answer/57741',
    pathPattern: '^/[A-Za-z0-9_-]{11}',
  },
  {
    id: 'git-io',
    name: "GitHub's git.io",
    hosts: ['git.io'],
    // Read-only since January 2022; the changelog announced the end of all redirects for 2022-04-29 (cited by
    // github/choosealicense.com PR #984, jekyll/jekyll PR #9045), later updated to keep existing links working.
    source: 'https://github.blog/changelog/2022-04-25-git-io-deprecation/',
  },
  {
    id: 'wordpress',
    name: "WordPress.com's wp.me",
    hosts: ['wp.me'],
    source: 'https://wordpress.com/support/shortlinks/',
  },
  {
    id: 'is-gd',
    name: 'is.gd and v.gd',
    hosts: ['is.gd', 'v.gd'],
    source: 'https://is.gd/faq.php',
  },
  {
    id: 'ifttt',
    name: "IFTTT's ift.tt",
    hosts: ['ift.tt'],
    source: 'https://help.ifttt.com/hc/en-us/articles/115010361608',
  },
  {
    id: 'dlvr-it',
    name: 'dlvr.it',
    hosts: ['dlvr.it'],
    source: 'https://support.dlvrit.com/',
  },
];

/** A shortener ready to match (its path pattern compiled). */
export interface CompiledShortener extends Shortener {
  path?: RegExp;
}

const SHORTENER_KEYS = new Set(['id', 'name', 'hosts', 'source', 'ended', 'pathPattern']);
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const HOST_PATTERN = /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;

/** The built-in shorteners plus the user's (validated; a user entry with a built-in id replaces it). */
export function loadShorteners(extra: readonly unknown[] = []): CompiledShortener[] {
  const byId = new Map<string, CompiledShortener>();
  const add = (entry: Shortener): void => {
    byId.set(entry.id, {
      ...entry,
      hosts: entry.hosts.map((host) => host.toLowerCase()),
      ...(entry.pathPattern === undefined ? {} : { path: new RegExp(entry.pathPattern) }),
    });
  };
  for (const entry of SHORTENERS) add(entry);
  extra.forEach((raw, index) => add(validateShortener(raw, `shorteners[${index}]`)));
  return [...byId.values()];
}

function validateShortener(raw: unknown, where: string): Shortener {
  const fail = (problem: string): never => {
    throw new LinkrotError('LINKROT_CONFIG_INVALID', `Invalid shortener at \`${where}\`: ${problem}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('expected an object');
  const entry = raw as Record<string, unknown>;
  for (const key of Object.keys(entry)) if (!SHORTENER_KEYS.has(key)) fail(`unknown key \`${key}\``);
  const { id, name, hosts, source, ended, pathPattern } = entry;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) fail('`id` must be a kebab-case string');
  if (typeof name !== 'string' || name.trim() === '') fail('`name` must be a non-empty string');
  if (!Array.isArray(hosts) || hosts.length === 0) fail('`hosts` must be a non-empty array of host names');
  for (const host of hosts as unknown[]) {
    if (typeof host !== 'string' || !HOST_PATTERN.test(host.toLowerCase())) fail(`\`hosts\` has an invalid host ${JSON.stringify(host)}`);
  }
  if (source !== undefined && (typeof source !== 'string' || !/^https?:\/\//.test(source))) fail('`source` must be an http(s) URL');
  if (ended !== undefined && (typeof ended !== 'string' || !DATE_PATTERN.test(ended))) fail('`ended` must be YYYY, YYYY-MM or YYYY-MM-DD');
  if (pathPattern !== undefined) {
    try {
      new RegExp(String(pathPattern));
    } catch {
      fail('`pathPattern` is not a valid regular expression');
    }
    if (typeof pathPattern !== 'string') fail('`pathPattern` must be a string');
  }
  return entry as unknown as Shortener;
}

/** The shortener a URL belongs to, when it is a short link (its host, and its path when the entry has a pattern). */
export function matchShortener(url: string, shorteners: readonly CompiledShortener[]): CompiledShortener | undefined {
  const parsed = readUrl(url);
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  if (parsed.pathname === '/' && parsed.search === '') return undefined;
  const candidates = entriesForHost(parsed.hostname, shorteners);
  if (candidates === undefined) return undefined;
  for (const index of candidates) {
    const entry = shorteners[index]!;
    if (entry.path === undefined || entry.path.test(parsed.pathname + parsed.search)) return entry;
  }
  return undefined;
}

/** True when `url` is on one of the shortener's own hosts (a redirect there is not a target). */
export function isOwnHost(url: string, shortener: CompiledShortener): boolean {
  const parsed = readUrl(url);
  return parsed !== undefined && shortener.hosts.some((host) => hostMatches(parsed.hostname, host));
}
