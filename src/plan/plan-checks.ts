/**
 * The plan: for every link occurrence, either the normalised URL to fetch or a verdict reached without HTTP
 * (skipped, or a relative link checked on disk); and the unique requests, hosts interleaved.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { LinkrotError } from '../errors.js';
import type { ExtractedFile, Link, Verdict } from '../model.js';
import { fragmentOf, interleaveByHost, normalizeUrl } from './normalize-url.js';
import { isPrivateHostname } from './private-address.js';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const QUERY_AND_FRAGMENT = /[?#].*$/s;

export interface PlanSettings {
  /**
   * Regular expressions (JavaScript syntax, like lychee's `--exclude`), each tested against the link's absolute
   * URL — as written and as normalised; a match anywhere skips the link (anchor with `^…$` to match it whole).
   */
  exclude: string[];
  /** Fetch private, loopback and link-local addresses (off by default). */
  allowPrivate: boolean;
  /** Site root for root-relative links (`/assets/x.png`); path-relative links are looked up beside the post first. */
  rootDir?: string;
}

export interface PlannedLink {
  /** Index of the file in the input, and of the link in that file. */
  file: number;
  index: number;
  link: Link;
  /** The normalised URL to fetch (no fragment), when the link needs HTTP. */
  request?: string;
  /** The fragment as written, without `#`. */
  fragment?: string;
  /** Set when the link was decided without HTTP. */
  verdict?: Verdict;
}

export interface Plan {
  links: PlannedLink[];
  /** Unique URLs to fetch, ordered so that hosts interleave. */
  requests: string[];
}

function skip(reason: 'excluded' | 'private-address' | 'unsupported-scheme' | 'mailto' | 'template' | 'invalid-url', detail: string): Verdict {
  return { state: 'skipped', reason, detail, suggestions: [] };
}

function compileExcludes(patterns: readonly string[]): RegExp[] {
  return patterns.map((pattern) => {
    try {
      return new RegExp(pattern, 'i');
    } catch (error) {
      throw new LinkrotError('LINKROT_USAGE', `Invalid --exclude pattern \`${pattern}\`: expected a regular expression`, {
        cause: error,
      });
    }
  });
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The file-system path a relative link names: no query or fragment, percent-decoded. */
function relativePath(url: string): string {
  const path = url.replace(QUERY_AND_FRAGMENT, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Where a relative link may live on disk: beside the post, then under the site root. */
function candidatePaths(file: ExtractedFile, path: string, rootDir: string | undefined): string[] {
  const postDir = dirname(resolve(file.path));
  const inPostDir = resolve(postDir, path.startsWith('/') ? `.${path}` : path);
  const candidates = path.startsWith('/') && rootDir !== undefined ? [] : [inPostDir];
  if (rootDir !== undefined) candidates.push(resolve(rootDir, path.startsWith('/') ? `.${path}` : path));
  return candidates;
}

async function planRelative(file: ExtractedFile, link: Link, settings: PlanSettings): Promise<Verdict | 'http'> {
  const path = relativePath(link.url);
  if (path === '') return { state: 'alive', reason: 'ok', detail: 'Links to a place in this post', suggestions: [] };
  for (const candidate of candidatePaths(file, path, settings.rootDir)) {
    if (await exists(candidate)) return { state: 'alive', reason: 'ok', detail: `The file ${path} exists`, suggestions: [] };
  }
  if (link.resolved !== undefined && normalizeUrl(link.resolved) !== undefined) return 'http';
  const where = settings.rootDir === undefined ? 'beside the post' : 'beside the post or under the root directory';
  return { state: 'dead', reason: 'file-missing', detail: `No file ${path} ${where}`, suggestions: [] };
}

/** Decide one occurrence: a verdict, or the URL to fetch. */
async function planLink(
  file: ExtractedFile,
  link: Link,
  settings: PlanSettings,
  excludes: readonly RegExp[],
): Promise<{ verdict: Verdict } | { request: string }> {
  if (link.kind === 'template' || link.syntax === 'template') {
    return { verdict: skip('template', 'Built by a template that could not be expanded') };
  }
  if (link.kind === 'relative') {
    const planned = await planRelative(file, link, settings);
    if (planned !== 'http') return { verdict: planned };
  }
  const raw = (link.resolved ?? link.url).trim();
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'mailto' || link.kind === 'mailto') return { verdict: skip('mailto', 'An e-mail address: not checked') };
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return { verdict: skip('unsupported-scheme', `A ${scheme}: link: only http and https are checked`) };
  }
  const request = normalizeUrl(raw);
  if (request === undefined) return { verdict: skip('invalid-url', 'Not a valid absolute URL') };
  const pattern = excludes.find((regex) => regex.test(raw) || regex.test(request));
  if (pattern !== undefined) return { verdict: skip('excluded', `Excluded by the pattern \`${pattern.source}\``) };
  if (!settings.allowPrivate && isPrivateHostname(new URL(request).hostname)) {
    return { verdict: skip('private-address', 'A private, loopback or local address: not fetched without --allow-private') };
  }
  return { request };
}

export async function planChecks(files: ExtractedFile[], settings: PlanSettings): Promise<Plan> {
  const excludes = compileExcludes(settings.exclude);
  const links: PlannedLink[] = [];
  const unique = new Set<string>();
  for (const [fileIndex, file] of files.entries()) {
    for (const [index, link] of file.links.entries()) {
      const decided = await planLink(file, link, settings, excludes);
      const fragment = fragmentOf(link.resolved ?? link.url);
      const planned: PlannedLink = { file: fileIndex, index, link, ...(fragment === undefined ? {} : { fragment }) };
      if ('verdict' in decided) planned.verdict = decided.verdict;
      else {
        planned.request = decided.request;
        unique.add(decided.request);
      }
      links.push(planned);
    }
  }
  return { links, requests: interleaveByHost([...unique]) };
}
