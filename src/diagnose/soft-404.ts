import { createHash } from 'node:crypto';
import type { CheckResult } from '../model.js';
import { isHtml, perPage, scanHtml, type HtmlFacts } from './html-scan.js';
import { SOFT_404_PHRASES, TINY_BODY_TEXT_CHARS } from './rules/soft-404-signs.js';
import { readUrl } from '../util/url.js';

const ALL_PHRASES: readonly string[] = Object.values(SOFT_404_PHRASES).flat();
/** A title segment may carry this many characters beyond the phrase ("Error 404 (Not Found)!!1"). */
const PHRASE_SLACK = 24;
const TITLE_SEPARATORS = /\s+[|\-–—:·•»]\s+|\s*::\s*/;
const APP_SHELL = /\bid=["'](?:root|app|__next|__nuxt|svelte)["']|enable javascript|requires javascript/i;

export interface Soft404Sign {
  strength: 'strong' | 'weak';
  /** Title and main heading both say the page is missing: the page itself leaves no doubt. */
  titleAndHeading?: boolean;
  /** What was seen, for the detail sentence. */
  evidence: string;
}

/** Look for signs that a 200 page says it is missing (once per page). */
export const soft404Sign = perPage(readSoft404Sign);

function readSoft404Sign(facts: HtmlFacts, html: string): Soft404Sign | undefined {
  const titleHit = matchShortPhrase(facts.title.split(TITLE_SEPARATORS));
  const headingHit = matchShortPhrase([facts.heading]);
  if (titleHit !== undefined && headingHit !== undefined) {
    return { strength: 'strong', titleAndHeading: true, evidence: `its title and heading say "${facts.title}"` };
  }
  if (titleHit !== undefined) return { strength: 'strong', evidence: `its title says "${facts.title}"` };
  if (headingHit !== undefined) return { strength: 'strong', evidence: `its heading says "${facts.heading}"` };
  const opening = facts.text.slice(0, 300).toLowerCase();
  const textHit = ALL_PHRASES.find((phrase) => phrase.length >= 8 && opening.includes(phrase));
  if (textHit !== undefined) return { strength: 'weak', evidence: `its text says "${textHit}"` };
  if (facts.textLength < TINY_BODY_TEXT_CHARS && !APP_SHELL.test(html)) {
    return { strength: 'weak', evidence: `it shows only ${facts.textLength} characters of text` };
  }
  return undefined;
}

function matchShortPhrase(segments: readonly string[]): string | undefined {
  for (const raw of segments) {
    const segment = raw.trim().toLowerCase();
    if (segment === '') continue;
    const hit = ALL_PHRASES.find((phrase) => segment.includes(phrase) && segment.length <= phrase.length + PHRASE_SLACK);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * A sibling of the URL that cannot exist: same directory, a name derived from the URL (deterministic, so a re-run
 * and the cache ask for the same thing), the same extension.
 */
export function siblingProbeUrl(url: string): string | undefined {
  const parsed = readUrl(url);
  if (parsed === undefined) return undefined;
  const token = `linkrot-probe-${createHash('sha256').update(url).digest('hex').slice(0, 12)}`;
  const path = parsed.pathname;
  const cut = path.lastIndexOf('/');
  const directory = path.slice(0, cut + 1);
  const last = path.slice(cut + 1);
  const extension = /\.[a-z0-9]{1,5}$/i.exec(last)?.[0] ?? '';
  return `${parsed.origin}${directory}${token}${extension}`;
}

export type SiblingAnswer = 'same' | 'different' | 'unknown';

/** Does the sibling probe answer like the page did (200 with a similar body)? */
export function compareSibling(page: HtmlFacts, pageResult: CheckResult, sibling: CheckResult | undefined): SiblingAnswer {
  if (sibling === undefined || sibling.error !== undefined || sibling.status === undefined) return 'unknown';
  if (sibling.status >= 500 || sibling.status === 429) return 'unknown';
  if (sibling.status < 200 || sibling.status >= 300) return 'different';
  if (sibling.redirects.length > 0 && sibling.finalUrl === pageResult.finalUrl) return 'same';
  const text = sibling.body?.text;
  if (text === undefined || !isHtml(sibling.headers?.['content-type'], text)) return 'unknown';
  const other = scanHtml(text);
  if (page.title !== '' && page.title === other.title) return 'same';
  return similarity(page.text, other.text) >= 0.85 ? 'same' : 'different';
}

/** Jaccard similarity of the word sets of two texts. */
export function similarity(a: string, b: string): number {
  const wordsA = new Set(a.toLowerCase().split(/\W+/u).filter(Boolean));
  const wordsB = new Set(b.toLowerCase().split(/\W+/u).filter(Boolean));
  if (wordsA.size === 0 && wordsB.size === 0) return 1;
  let shared = 0;
  for (const word of wordsA) if (wordsB.has(word)) shared += 1;
  return shared / (wordsA.size + wordsB.size - shared);
}
