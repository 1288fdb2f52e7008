import type { BodySample, CheckResult } from '../model.js';
import { hostIsOrUnder } from './rules.js';
import { perPage, type HtmlFacts } from './html-scan.js';
import {
  PARKED_TEXT_KEYWORDS,
  PARKED_TEXT_SIGNS,
  PARKING_HOSTS,
  PARKING_SOURCE_KEYWORDS,
  PARKING_SOURCE_SIGNS,
} from './rules/parked-signs.js';
import { readUrl } from '../util/url.js';

/** Parking pages are short; a long page that mentions "domain for sale" is an article, not a lander. */
export const PARKED_PAGE_MAX_TEXT = 5_000;

/** Evidence that the domain is parked or for sale, or undefined. `facts` must be the scan of `page` (`scanBody`). */
export function parkedSign(result: CheckResult, facts: HtmlFacts | undefined, page: BodySample | undefined): string | undefined {
  // The hosts the link was sent on to (none without a redirect).
  for (let hop = 1; hop <= result.redirects.length; hop += 1) {
    const host = readUrl(hop < result.redirects.length ? result.redirects[hop]!.url : result.finalUrl)?.hostname;
    if (host !== undefined && PARKING_HOSTS.some((pattern) => hostIsOrUnder(host, pattern))) {
      return `it now redirects to the domain-parking service ${host}`;
    }
  }
  if (facts === undefined || page === undefined || facts.textLength > PARKED_PAGE_MAX_TEXT) return undefined;
  return pageSign(facts, page);
}

/** The parking or sale phrase ("this domain is for sale") in a page's title and visible text, if any. */
export function parkedPhrase(words: string): string | undefined {
  if (!PARKED_TEXT_KEYWORDS.test(words)) return undefined;
  return PARKED_TEXT_SIGNS.map((sign) => sign.exec(words)?.[0]).find((hit) => hit !== undefined);
}

/** Characters in the longest match of `PARKED_TEXT_KEYWORDS` ("for sale"). */
export const LONGEST_PARKED_KEYWORD = 8;

/**
 * `parkedPhrase` of a page's title and text read as one (`${title} ${text}`), without joining them when neither
 * holds a keyword, nor the join: a keyword across it starts within its length before the space and ends within
 * its length after. Joined, the two were a copy of every short page's text, and a second copy when searched.
 */
export function parkedPhraseOf(title: string, text: string): string | undefined {
  const reach = LONGEST_PARKED_KEYWORD - 1;
  const keyword =
    PARKED_TEXT_KEYWORDS.test(text) || PARKED_TEXT_KEYWORDS.test(title) || PARKED_TEXT_KEYWORDS.test(`${title.slice(-reach)} ${text.slice(0, reach)}`);
  return keyword ? parkedPhrase(`${title} ${text}`) : undefined;
}

/** What a page's own words and source say (once per page). */
const pageSign = perPage((facts: HtmlFacts, page: BodySample): string | undefined => {
  const phrase = parkedPhraseOf(facts.title, facts.text);
  if (phrase !== undefined) return `the page says "${phrase}"`;
  const html = page.text;
  if (PARKING_SOURCE_KEYWORDS.test(html) && PARKING_SOURCE_SIGNS.some((sign) => sign.test(html))) return 'the page is a domain-parking lander';
  return undefined;
});
