import type { CheckResult, FetchRequest } from '../model.js';
import { kindOfUrl } from './content-kind.js';
import { HTTPS_FOLLOW_UP, httpsVariant } from './hygiene.js';
import { isHtml, isHtmlBody, pageWatcher, scanBody, TEXT_CAP, VERDICT_TEXT, type PageWatcher } from './html-scan.js';
import { parkedSign } from './parked.js';
import { redirectsToErrorPage, redirectsToHomepage } from './redirect-judge.js';
import { judgesWithoutBody, matchFamily } from './rules.js';
import { siblingProbeUrl, soft404Sign } from './soft-404.js';
import type { DiagnoseSettings } from './types.js';
import { oembedUrlFor } from './video.js';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const PLAIN_HTTP = /^http:/i;

/**
 * Body bytes read for the content checks. The title, first heading, parking and challenge signs sit in the first
 * screen of a page; 256 KiB holds the `<head>` and opening of nearly every page, including heavy ones that inline
 * their CSS and scripts, while keeping the read bounded.
 */
export const DEFAULT_CONTENT_BODY_BYTES = 256 * 1024;
/** Body bytes read when a fragment must be found: anchors can be anywhere, so read most whole documents. */
export const DEFAULT_FRAGMENT_BODY_BYTES = 2 * 1024 * 1024;
/** oEmbed answers are a few hundred bytes of JSON. */
export const OEMBED_BODY_BYTES = 16 * 1024;

export const OEMBED_FOLLOW_UP = 'oembed';
export const SIBLING_FOLLOW_UP = 'sibling';
/** The body of a file link (asked with HEAD) that turned out to be an HTML page: is it an error page? */
export const PAGE_FOLLOW_UP = 'page';

export interface FollowUp {
  key: string;
  request: FetchRequest;
}

/**
 * The main request for a unique URL: HEAD first when no check needs the body (content checks off, a non-HTML
 * file by extension, a video page judged through oEmbed, a known-dead family that applies whatever the page
 * says), else a bounded GET.
 */
export function requestFor(url: string, needs: { fragment: boolean }, settings: DiagnoseSettings): FetchRequest {
  const wantsFragment = needs.fragment && settings.fragments;
  const kind = kindOfUrl(url);
  const nonHtml = kind !== undefined && kind !== 'html';
  if (wantsFragment && !nonHtml) return scanned({ url, method: 'GET', bodyBytes: DEFAULT_FRAGMENT_BODY_BYTES }, undefined);
  if (!settings.contentChecks || nonHtml) return { url };
  if (oembedUrlFor(url) !== undefined) return { url };
  const family = matchFamily(url, settings.rules)?.family;
  if (family !== undefined && judgesWithoutBody(family)) return { url };
  // A family's own answer may be anywhere in the page: read to the limit.
  // Content drift fingerprints the page's text: then the whole capped text is read.
  const settleAt = family !== undefined ? undefined : settings.pageText === true ? TEXT_CAP : VERDICT_TEXT;
  return scanned({ url, method: 'GET', bodyBytes: DEFAULT_CONTENT_BODY_BYTES }, settleAt);
}

/**
 * Requests whose answer's page is scanned as it arrives, with the visible text after which reading may stop once
 * the facts are settled (`undefined`: read to the limit).
 */
const SCANNED = new WeakMap<FetchRequest, number | undefined>();

function scanned(request: FetchRequest, settleAt: number | undefined): FetchRequest {
  SCANNED.set(request, settleAt);
  return request;
}

/**
 * The fetcher's body watcher (`FetcherDeps.watchBody`): the HTML page of a 2xx answer to a request of the
 * content checks is scanned as it arrives, its facts handed over with the body (see `pageWatcher`); the main
 * request of a page without a `#fragment` or a known family stops reading once the facts are settled. Other
 * answers (error pages, whose bodies the HTTP verdict reads whole) are read as before.
 */
export function watchPage(request: FetchRequest, status: number, headers: Record<string, string>): PageWatcher | undefined {
  if (!SCANNED.has(request) || status < 200 || status >= 300) return undefined;
  const type = headers['content-type'];
  if (type !== undefined && type !== '' && !isHtml(type, undefined)) return undefined;
  return pageWatcher(SCANNED.get(request));
}

/**
 * The extra requests a verdict needs once the main result is in: the oEmbed lookup of a video link, the https
 * variant of an `http:` link that stayed on http, and the random-sibling probe of a soft-404 candidate. Each is
 * auxiliary (linkrot asks it on its own): an origin that failed at the connection level or hung is asked once
 * per run, not once per link.
 */
export function followUpsFor(url: string, result: CheckResult, settings: DiagnoseSettings): FollowUp[] {
  const followUps: FollowUp[] = [];
  const ok = result.error === undefined && result.status !== undefined && result.status >= 200 && result.status < 300;
  const oembed = oembedUrlFor(url);
  if (settings.contentChecks && ok && oembed !== undefined) {
    followUps.push({ key: OEMBED_FOLLOW_UP, request: { url: oembed, method: 'GET', bodyBytes: OEMBED_BODY_BYTES, auxiliary: true } });
  }
  const kind = kindOfUrl(url);
  const pageOfFile = settings.contentChecks && ok && result.body === undefined && kind !== undefined && kind !== 'html' && isHtml(result.headers?.['content-type'], undefined);
  if (pageOfFile) followUps.push({ key: PAGE_FOLLOW_UP, request: scanned({ url, method: 'GET', bodyBytes: DEFAULT_CONTENT_BODY_BYTES, auxiliary: true }, undefined) });
  if (PLAIN_HTTP.test(url) && PLAIN_HTTP.test(result.finalUrl) && result.error?.code !== 'dns-not-found') {
    // A probe, not a verdict: one attempt, and no answer simply means no https suggestion.
    followUps.push({ key: HTTPS_FOLLOW_UP, request: { url: httpsVariant(url), retries: 0, auxiliary: true } });
  }
  // A file link answered with an HTML page is probably an error page: its probe goes out with the page itself.
  const sibling = settings.contentChecks && ok ? (pageOfFile ? siblingProbeUrl(result.finalUrl) : siblingCandidate(url, result)) : undefined;
  if (sibling !== undefined) {
    followUps.push({ key: SIBLING_FOLLOW_UP, request: scanned({ url: sibling, method: 'GET', bodyBytes: DEFAULT_CONTENT_BODY_BYTES, auxiliary: true }, undefined) });
  }
  return followUps;
}

/** The sibling probe URL when the page shows a soft-404 sign that the other checks have not explained. */
function siblingCandidate(url: string, result: CheckResult): string | undefined {
  const body = result.body;
  if (body === undefined || !isHtmlBody(result.headers?.['content-type'], body)) return undefined;
  if (redirectsToErrorPage(result) || redirectsToHomepage(url, result)) return undefined;
  const facts = scanBody(body);
  if (parkedSign(result, facts, body) !== undefined) return undefined;
  if (soft404Sign(facts, body) === undefined) return undefined;
  const probe = siblingProbeUrl(result.finalUrl);
  return probe === undefined || probe === result.finalUrl ? undefined : probe;
}
