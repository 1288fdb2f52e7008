import { createHash } from 'node:crypto';
import type { BodySample, CheckResult } from '../model.js';
import { collapse, isHtmlBody, perPage, scanBody, type HtmlFacts } from './html-scan.js';
import {
  ARTICLE_TEXT_CHARS,
  SELF_PHRASE_WITHIN_CHARS,
  SOFT_404_FILLER_WORDS,
  SOFT_404_PHRASES,
  SOFT_404_SELF_PHRASES,
  SOFT_404_TEXT_PHRASES,
  TINY_BODY_TEXT_CHARS,
} from './rules/soft-404-signs.js';
import { readUrl } from '../util/url.js';
import { jaccard } from '../util/sets.js';

const TITLE_SEPARATORS = /\s+[|\-–—:·•»/~]\s+|\s*::\s*/;
const APP_SHELL = /\bid=["'](?:root|app|__next|__nuxt|svelte|app-root|main-app)["']|<app-root\b|\bng-version=|ember-application|<flt-|enable javascript|requires javascript/i;
const CURLY_APOSTROPHES = /[’‘ʼ]/g;
const WORDS = /[\p{L}\p{N}']+/gu;
/** Digits alone (`!!1`) and status codes stand beside a phrase without giving it a subject. */
const NUMERIC_FILLER = /^(?:[45]\d\d|\d)$/;
const SCRIPTS_WITHOUT_SPACES = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

/**
 * Whole-word matcher for a list of phrases. A number (`404`) must stand alone: not after a letter, digit, `#`, `-`,
 * `.`, `_` or `/`, and not before a letter or digit, or before `.`, `,`, `/`, `-` followed by one (`1404.5555`,
 * `t-01404`, `#4040`, `404.html`). Phrases in scripts written without spaces (Japanese, Chinese, Korean) match
 * anywhere.
 */
function phraseMatcher(phrases: readonly string[]): RegExp {
  const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const sorted = [...new Set(phrases.map(normalise))].sort((a, b) => b.length - a.length);
  const numbers = sorted.filter((phrase) => /^\d+$/.test(phrase)).map(escape);
  const unspaced = sorted.filter((phrase) => SCRIPTS_WITHOUT_SPACES.test(phrase)).map(escape);
  const words = sorted.filter((phrase) => !/^\d+$/.test(phrase) && !SCRIPTS_WITHOUT_SPACES.test(phrase)).map(escape);
  const parts = [`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`];
  if (numbers.length > 0) parts.push(`(?<![\\p{L}\\p{N}#._/-])(?:${numbers.join('|')})(?![\\p{L}\\p{N}_]|[.,/-][\\p{L}\\p{N}])`);
  if (unspaced.length > 0) parts.push(`(?:${unspaced.join('|')})`);
  return new RegExp(parts.join('|'), 'gu');
}

/** Lower case, straight apostrophes, collapsed white space. */
function normalise(text: string): string {
  // Facts' strings are collapsed already: `collapse` then leaves them as they are, without a copy.
  return collapse(text.toLowerCase().replace(CURLY_APOSTROPHES, "'"));
}

const ALL_PHRASES: readonly string[] = Object.values(SOFT_404_PHRASES).flat();
const TITLE_PHRASES = phraseMatcher(ALL_PHRASES);
/** In running text, short phrases ("not found", "404") are too often quoted or discussed: only sentences count. */
const TEXT_PHRASES = phraseMatcher([...ALL_PHRASES.filter((phrase) => phrase.length >= 12), ...SOFT_404_TEXT_PHRASES]);
const STATUS_NUMBERS = /^[\s\d!.()#:-]*$/;
const SELF_PHRASES = phraseMatcher(SOFT_404_SELF_PHRASES);

/**
 * What a title segment or heading says about a not-found phrase in it: `says` (a not-found message and nothing
 * else), `number` (a bare status number, "404": a name as often as a message), `mentions` (the phrase among other
 * words), or `none`.
 */
type PhraseUse = 'says' | 'number' | 'mentions' | 'none';

export interface Soft404Sign {
  /**
   * How the page says it is missing:
   * - `declared`: its title (a segment of it) or its main heading is a not-found message and nothing else;
   * - `mentioned`: a not-found phrase is part of a longer title or heading, and the opening text says it too;
   * - `text`: only the opening text says it;
   * - `tiny`: it says nothing, but shows almost no text (a catch-all's placeholder?).
   */
  claim: 'declared' | 'mentioned' | 'text' | 'tiny';
  /** The page's opening text also says it is missing (the phrase seen). */
  textSays?: string;
  /**
   * Near its top, the page's text speaks of itself as missing ("the page you were looking for…"), under a heading
   * that names no subject (none, filler, or the site's name).
   */
  speaksOfItself: boolean;
  /** The page has an article's worth of its own text. */
  article: boolean;
  /** What was seen, for the detail sentence. */
  evidence: string;
}

/** Look for signs that a 200 page says it is missing (once per page). Undefined when no verdict could follow. */
export const soft404Sign = perPage(readSoft404Sign);

function readSoft404Sign(facts: HtmlFacts, page: BodySample): Soft404Sign | undefined {
  const titleSegments = facts.title.split(TITLE_SEPARATORS);
  const segments = titleSegments.map(phraseUse);
  const title = segments.includes('mentions') ? 'mentions' : segments.find((use) => use !== 'none') ?? 'none';
  const heading = phraseUse(facts.heading);
  const opening = normalise(facts.opening);
  const textSays = firstMatch(TEXT_PHRASES, opening);
  const article = facts.mainTextLength >= ARTICLE_TEXT_CHARS;
  // Read only for a sign: most pages show none, and the heading's words cost more than the rest of this.
  const speaksOfItself = (): boolean => {
    // Only under a heading that names no subject of its own: none, "Oops!", or the site's name from the title.
    const neutralHeading = facts.heading === '' || titleSegments.some((segment) => segment.trim() === facts.heading) || isFillerOnly(facts.heading);
    return neutralHeading && firstMatch(SELF_PHRASES, opening.slice(0, SELF_PHRASE_WITHIN_CHARS)) !== undefined;
  };
  const sign = (claim: Soft404Sign['claim'], evidence: string): Soft404Sign => ({
    claim,
    article,
    speaksOfItself: speaksOfItself(),
    evidence,
    ...(textSays === undefined ? {} : { textSays }),
  });
  const uses = [title, heading];
  // A title or heading that puts the phrase among other words names a subject ("404 not found #812" beside the
  // title "404 not found"): only the page's own text can make it a sign.
  if (uses.includes('mentions')) {
    return textSays !== undefined && !article ? sign('mentioned', `its title says "${facts.title}" and its text "${textSays}"`) : undefined;
  }
  // "404" alone is a name as often as a message (a song, a room, a film): it declares only with the text's help.
  const declared = uses.includes('says') || (uses.includes('number') && textSays !== undefined);
  if (declared) {
    if (title !== 'none' && heading !== 'none') return sign('declared', `its title and heading say "${facts.title}"`);
    return sign('declared', title !== 'none' ? `its title says "${facts.title}"` : `its heading says "${facts.heading}"`);
  }
  if (textSays !== undefined) return sign('text', `its text says "${textSays}"`);
  if (facts.textLength < TINY_BODY_TEXT_CHARS && !APP_SHELL.test(page.text)) return sign('tiny', `it shows only ${facts.textLength} characters of text`);
  return undefined;
}

/** Does a title segment or heading say "not found" and nothing more, mention it among other words, or neither? */
function phraseUse(raw: string): PhraseUse {
  const segment = normalise(raw);
  if (segment === '') return 'none';
  TITLE_PHRASES.lastIndex = 0;
  if (!TITLE_PHRASES.test(segment)) return 'none';
  const rest = segment.replace(TITLE_PHRASES, ' ');
  const words = rest.match(WORDS) ?? [];
  const subject = words.some((word) => !SOFT_404_FILLER_WORDS.has(word.replace(/'/g, '')) && !NUMERIC_FILLER.test(word));
  // Letters of a script written without spaces left over are a subject too ("例" beside a Japanese phrase).
  if (subject || SCRIPTS_WITHOUT_SPACES.test(rest)) return 'mentions';
  return STATUS_NUMBERS.test(segment) ? 'number' : 'says';
}

/** A heading made only of filler words ("Oops!", "Sorry…"). */
function isFillerOnly(heading: string): boolean {
  const words = normalise(heading).match(WORDS) ?? [];
  return words.length > 0 && words.every((word) => SOFT_404_FILLER_WORDS.has(word.replace(/'/g, '')));
}

function firstMatch(pattern: RegExp, text: string): string | undefined {
  pattern.lastIndex = 0;
  return pattern.exec(text)?.[0];
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

/**
 * How the site answered the made-up sibling address:
 * - `same`: with this very page (any 2xx or 4xx status): the page is the site's answer for what does not exist;
 * - `not-found`: with a different not-found answer (404, 410, 400, or a 200 page that itself says not found);
 * - `different`: with a different, ordinary page (a catch-all home page, a search page);
 * - `unknown`: no usable answer (none, a network error, 5xx, 429, a wall).
 */
export type SiblingAnswer = 'same' | 'not-found' | 'different' | 'unknown';

const NOT_FOUND_STATUSES = new Set([400, 404, 410]);

/**
 * Does the sibling probe answer like the page did? `declared`: the page's own title or heading is its not-found
 * message, so a sibling with the same title and heading shows the same message.
 */
export function compareSibling(page: HtmlFacts, pageResult: CheckResult, sibling: CheckResult | undefined, declared: boolean): SiblingAnswer {
  if (sibling === undefined || sibling.error !== undefined || sibling.status === undefined) return 'unknown';
  const status = sibling.status;
  const usable = (status >= 200 && status < 300) || NOT_FOUND_STATUSES.has(status);
  if (!usable) return 'unknown';
  if (sibling.redirects.length > 0 && sibling.finalUrl === pageResult.finalUrl) return 'same';
  const body = sibling.body;
  const other = body !== undefined && isHtmlBody(sibling.headers?.['content-type'], body) ? scanBody(body) : undefined;
  if (other !== undefined && samePage(page, other, declared)) return 'same';
  if (NOT_FOUND_STATUSES.has(status)) return 'not-found';
  if (other === undefined || body === undefined) return 'unknown';
  const otherSign = soft404Sign(other, body);
  return otherSign?.claim === 'declared' || otherSign?.claim === 'text' ? 'not-found' : 'different';
}

/**
 * Two scans of one page: nearly the same words, or, for a page whose title or heading is its not-found message,
 * that same title and heading (the text may name the path asked for). A shared title alone proves nothing: many
 * sites give every page the site's name.
 */
function samePage(a: HtmlFacts, b: HtmlFacts, declared: boolean): boolean {
  if (declared && a.title === b.title && a.heading === b.heading) return true;
  return similarity(a.text, b.text) >= 0.85;
}

/** Jaccard similarity of the word sets of two texts. */
export function similarity(a: string, b: string): number {
  const wordsA = new Set(a.toLowerCase().split(/\W+/u).filter(Boolean));
  const wordsB = new Set(b.toLowerCase().split(/\W+/u).filter(Boolean));
  if (wordsA.size === 0 && wordsB.size === 0) return 1;
  return jaccard(wordsA, wordsB);
}
