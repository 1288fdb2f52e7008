/**
 * A page in a few hundred bytes: what it calls itself (title, main heading), how it opens, a fingerprint of its
 * visible text, its language, and any sign that it is no longer a page of its own (parked, moved, gambling spam,
 * an error page). Summaries of the page now live for one run; summaries of archive captures are kept for good in
 * the results cache (a capture never changes), so they hold no body, only this.
 */
import { isHtmlBody, parkedPhraseOf, PARKED_PAGE_MAX_TEXT, scanBody, soft404Sign, type HtmlFacts } from '../diagnose/index.js';
import type { CheckResult } from '../model.js';
import { fnv1a } from '../util/hash.js';
import { wordsOf } from './words.js';

/** Visible text read for the fingerprint: the scanner keeps about this much of a page, and the page's subject is said early. */
export const FINGERPRINT_TEXT_CHARS = 20_000;
/** Hashes kept per fingerprint (a bottom-k sketch: the k smallest word hashes estimate set overlap, ±0.06 at k = 64). */
export const FINGERPRINT_SIZE = 64;
/** Characters of the opening kept (the first sentences of the page's own text). */
const OPENING_CHARS = 300;
/** Characters of the text searched for a moved notice (a README's first lines on a repository page). */
const NOTICE_TEXT_CHARS = 6_000;

export type SignKind = 'parked' | 'moved' | 'gambling' | 'error';

export interface PageSummary {
  title: string;
  heading: string;
  /** The start of the page's own text (chrome and the `h1` left out). */
  opening: string;
  /** The smallest hashes of the distinct words of the visible text (see `FINGERPRINT_SIZE`), ascending. */
  fingerprint: number[];
  /** Distinct words behind the fingerprint. */
  words: number;
  /** `en`, `de` … when the text says clearly; absent when unsure. */
  language?: string;
  /** What the page shows instead of a page of its own, and the words that show it. */
  sign?: { kind: SignKind; phrase: string };
}

/** What a summary is made from: the scanner's facts (`HtmlFacts`), or the same fields from a test. */
export type PageFacts = Pick<HtmlFacts, 'title' | 'heading' | 'opening' | 'text'> & { textLength?: number };

/** The summary of a check result that answered 200 with HTML; undefined for anything else. */
export function summarizeResult(result: CheckResult): PageSummary | undefined {
  const body = result.body;
  if (result.status !== 200 || body === undefined || !isHtmlBody(result.headers?.['content-type'], body)) return undefined;
  // The facts the reader scanned as the page arrived (no second scan).
  const facts = scanBody(body);
  const error = soft404Sign(facts, body);
  return summarize(facts, error !== undefined && (error.claim === 'declared' || error.claim === 'mentioned') ? error.evidence : undefined);
}

/** The summary of a page's facts; `errorEvidence` when the page says it is missing. */
export function summarize(facts: PageFacts, errorEvidence?: string): PageSummary {
  const text = facts.text.slice(0, FINGERPRINT_TEXT_CHARS);
  const distinct = new Set(wordsOf(`${facts.opening} ${text}`, 3));
  const language = languageOf(text === '' ? facts.opening : text);
  const sign = errorEvidence !== undefined ? { kind: 'error' as const, phrase: errorEvidence } : signOf(facts);
  return {
    title: facts.title,
    heading: facts.heading,
    opening: facts.opening.slice(0, OPENING_CHARS),
    fingerprint: fingerprintOf(distinct),
    words: distinct.size,
    ...(language === undefined ? {} : { language }),
    ...(sign === undefined ? {} : { sign }),
  };
}

function fingerprintOf(words: ReadonlySet<string>): number[] {
  return [...new Set([...words].map(fnv1a))].sort((a, b) => a - b).slice(0, FINGERPRINT_SIZE);
}

/**
 * The share of the smaller page's words that the other page has too, estimated from the two fingerprints: the
 * Jaccard index J is the share of the union's smallest hashes found in both; |A ∩ B| = J (|A| + |B|) / (1 + J).
 * Exact when both pages have at most `FINGERPRINT_SIZE` distinct words.
 */
export function textContainment(a: PageSummary, b: PageSummary): number {
  if (a.words === 0 || b.words === 0) return 0;
  const inA = new Set(a.fingerprint);
  const inB = new Set(b.fingerprint);
  const union = [...new Set([...a.fingerprint, ...b.fingerprint])].sort((x, y) => x - y).slice(0, FINGERPRINT_SIZE);
  const jaccard = union.filter((hash) => inA.has(hash) && inB.has(hash)).length / union.length;
  const shared = (jaccard * (a.words + b.words)) / (1 + jaccard);
  return Math.min(1, shared / Math.min(a.words, b.words));
}

// ---------------------------------------------------------------------------------------------------------
// Signs
// ---------------------------------------------------------------------------------------------------------

/**
 * Where a moved notice points: an address (`https://…`, `github.com/…`, `owner/repo`), or a new home named as one
 * ("a new location", "our self-hosted Forgejo instance", "the Infobip organization", "the new … repo"). "Moved to
 * GitHub Actions" (a CI change) or "moved to Rust" names no home and is no notice.
 */
const MOVED_TARGET =
  '(?:https?:\\/\\/|www\\.|(?:github|gitlab|codeberg|bitbucket)\\.(?:com|org)|[\\w-]+\\.(?:com|org|io|dev|net)\\b|[\\w.-]+\\/[\\w.-]+|(?:a|an|our|its|the|their) (?:[\\w.-]+ ){0,4}?(?:location|home|address|domain|url|site|website|organi[sz]ation|org|repo|repository|monorepo|workspace|instance|server|account)\\b)';
const MOVED_SUBJECT = '(?:this|the|our) (?:repository|repo|project|package|library|crate|module|plugin|extension|site|website|blog|page|documentation|docs|wiki|code|handbook|guide|book|tutorial)';

/**
 * A project, repository or site saying it lives elsewhere now: "This repository has been moved to …", "Repository
 * moved", "Development has moved to …". A subject is required ("we moved to Kubernetes" in a post is no notice), and
 * a home to move to, or nothing after it ("This repository has moved.").
 */
const MOVED_SIGNS: readonly RegExp[] = [
  new RegExp(`\\b${MOVED_SUBJECT}(?: (?:has|have|is|was))?(?: now)?(?: been)?(?: permanently)? (?:moved|migrated|relocated)(?: (?:to|into) ${MOVED_TARGET}|\\s*[.!:]|\\s*$)`, 'i'),
  new RegExp(`\\b(?:development|the source|the code|maintenance) (?:has|have) (?:now )?(?:been )?(?:moved|migrated) (?:to|into) ${MOVED_TARGET}`, 'i'),
  /^\W*(?:repository|repo|project|package|site|blog) (?:has )?(?:moved|migrated|relocated)\b/i,
  new RegExp(`^\\W*moved to ${MOVED_TARGET}`, 'i'),
];

/**
 * Gambling spam, what expired domains most often serve after a drop (Indonesian "slot gacor" pages above all).
 * Two different words are needed in the title, heading or opening: one "poker" or "jackpot" is a subject a post
 * can link to.
 */
const GAMBLING_WORDS = /\b(?:casinos?|slots?|gacor|togel|judi|sportsbook|betting|poker|bandar|maxwin|jackpot|roulette|baccarat|taruhan|sbobet)\b/gi;

function signOf(facts: PageFacts): PageSummary['sign'] {
  const head = `${facts.title} · ${facts.heading} · ${facts.opening}`;
  const short = (facts.textLength ?? facts.text.length) <= PARKED_PAGE_MAX_TEXT;
  const parked = short ? parkedPhraseOf(facts.title, facts.text) : undefined;
  if (parked !== undefined) return { kind: 'parked', phrase: parked };
  const noticeText = [facts.title, facts.heading, facts.opening, facts.text.slice(0, NOTICE_TEXT_CHARS)];
  for (const part of noticeText) {
    for (const sign of MOVED_SIGNS) {
      const hit = sign.exec(part)?.[0];
      if (hit !== undefined) return { kind: 'moved', phrase: hit.replace(/^\W+/, '') };
    }
  }
  const gambling = new Set([...head.matchAll(GAMBLING_WORDS)].map((match) => match[0].toLowerCase().replace(/s$/, '')));
  if (gambling.size >= 2) return { kind: 'gambling', phrase: [...gambling].join(', ') };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------------------------------------

/** Words frequent in one language and rare in the others (function words). */
const LANGUAGE_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set('the and with you this that are for of is was have from which'.split(' ')),
  de: new Set('der und die das ist nicht mit sie auch werden eine ein zum zur wird sind'.split(' ')),
  fr: new Set('les est une pour dans avec sur pas qui vous aux sont cette'.split(' ')),
  es: new Set('los las por para una con del como es el su al pero más'.split(' ')),
  it: new Set('il di che per una sono della con non gli nel alla questo'.split(' ')),
  pt: new Set('os não uma para com do da em que são pelo mais também'.split(' ')),
  nl: new Set('het een van en dat niet met voor zijn ook wordt naar deze'.split(' ')),
};
const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['ja', /[\u3040-\u30ff]/gu],
  ['ko', /[\uac00-\ud7af]/gu],
  ['ru', /[\u0400-\u04ff]/gu],
  ['zh', /[\u4e00-\u9fff]/gu],
];
const PLAIN_WORDS = /\p{L}+/gu;

/**
 * The language of a text when it is clear: by script for Japanese, Korean, Cyrillic and Chinese text, else by
 * function words (at least 8 seen, the winner twice as frequent as the runner-up). Undefined when unsure.
 */
export function languageOf(text: string): string | undefined {
  const sample = text.slice(0, 4_000);
  for (const [language, script] of SCRIPTS) {
    if ((sample.match(script)?.length ?? 0) > sample.length / 5) return language;
  }
  const counts = new Map<string, number>();
  for (const match of sample.toLowerCase().matchAll(PLAIN_WORDS)) {
    for (const [language, words] of Object.entries(LANGUAGE_WORDS)) {
      if (words.has(match[0])) counts.set(language, (counts.get(language) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined || first[1] < 8 || (second !== undefined && first[1] < 2 * second[1])) return undefined;
  return first[0];
}
