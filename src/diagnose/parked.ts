import type { CheckResult } from '../model.js';
import { hostMatches } from './rules.js';
import type { HtmlFacts } from './html-scan.js';
import {
  PARKED_TEXT_KEYWORDS,
  PARKED_TEXT_SIGNS,
  PARKING_HOSTS,
  PARKING_SOURCE_KEYWORDS,
  PARKING_SOURCE_SIGNS,
} from './rules/parked-signs.js';
import { readUrl } from '../util/url.js';

/** Parking pages are short; a long page that mentions "domain for sale" is an article, not a lander. */
const PARKED_PAGE_MAX_TEXT = 5_000;

/** Evidence that the domain is parked or for sale, or undefined. */
export function parkedSign(result: CheckResult, facts: HtmlFacts | undefined, html: string | undefined): string | undefined {
  const hosts = [...result.redirects.map((hop) => hop.url), result.finalUrl].slice(1).map((url) => readUrl(url)?.hostname);
  const parkingHost = hosts.find((host) => host !== undefined && PARKING_HOSTS.some((pattern) => hostMatches(host, pattern) || hostMatches(host, `*.${pattern}`)));
  if (parkingHost !== undefined) return `it now redirects to the domain-parking service ${parkingHost}`;
  if (facts === undefined || html === undefined || facts.textLength > PARKED_PAGE_MAX_TEXT) return undefined;
  const words = `${facts.title} ${facts.text}`;
  if (PARKED_TEXT_KEYWORDS.test(words)) {
    const phrase = PARKED_TEXT_SIGNS.map((sign) => sign.exec(words)?.[0]).find((hit) => hit !== undefined);
    if (phrase !== undefined) return `the page says "${phrase}"`;
  }
  if (PARKING_SOURCE_KEYWORDS.test(html) && PARKING_SOURCE_SIGNS.some((sign) => sign.test(html))) return 'the page is a domain-parking lander';
  return undefined;
}
