/**
 * Short links (bit.ly, goo.gl, t.co …): name where they lead, offer the target instead (`expand`), and when the
 * service no longer redirects, read the target from the Wayback Machine's capture of the redirect.
 */
import { Parser } from 'htmlparser2';
import type { Fetcher, Suggestion, Verdict } from '../model.js';
import { parseUrl } from '../util/url.js';
import { CDX_BODY_BYTES, snapshotSuggestion, type Archive, type SnapshotLookup } from './archive.js';
import { CDX_ROWS, parseCdxAnswer } from './cdx.js';
import { isOwnHost, type CompiledShortener } from './shorteners.js';

/** Redirect captures replayed before giving up: the first ones are the closest to the link's creation. */
export const SHORT_LINK_REPLAYS = 3;

/** The CDX query for the captures of `url` that answered with a redirect (301, 302, 307, 308), oldest first. */
export function redirectCapturesQueryUrl(baseUrl: string, url: string): string {
  const parameters = [`url=${encodeURIComponent(url)}`, 'output=json', 'fl=timestamp,original,statuscode,mimetype', 'filter=statuscode:30[1278]', `limit=${CDX_ROWS}`];
  return `${baseUrl}/cdx/search/cdx?${parameters.join('&')}`;
}

/**
 * The target a Wayback replay's `Location` names. An `id_` replay of a redirect capture answers with the
 * capture's own status and a Location rewritten into the archive (`/web/20201027215555id_/https://target/`,
 * absolute or as a path — edgi-govdata-archiving/wayback PR #60, 2020-11-03); an unrewritten one is taken as is.
 */
export function targetOfReplayLocation(location: string, baseUrl: string, original: string): string | undefined {
  const resolved = parseUrl(location, `${baseUrl}/`);
  if (resolved === undefined) return undefined;
  const inArchive = resolved.origin === parseUrl(baseUrl)?.origin;
  if (inArchive) {
    const match = /^\/web\/\d{1,14}(?:[a-z]{2}_)?\/(.+)$/.exec(resolved.pathname + resolved.search);
    if (match?.[1] === undefined) return undefined;
    return webUrl(parseUrl(match[1].replace(/^(https?:)\/(?!\/)/, '$1//')));
  }
  return webUrl(parseUrl(location, original));
}

function webUrl(url: URL | undefined): string | undefined {
  return url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : undefined;
}

/**
 * The target of a short link as the Wayback Machine saw it redirect: `found` (with `url` the target and the
 * capture's timestamp), `none` when no capture of a redirect away from the service exists, `unavailable` when
 * archive.org could not be asked. A lookup of the run's archive: found and none answers are kept in its store,
 * and once archive.org is unreachable no short link asks it again.
 */
export function recoverShortLinkTarget(archive: Archive, url: string, shortener: CompiledShortener): Promise<SnapshotLookup> {
  return archive.lookUp(`short-link ${url}`, (ask) => lookUpRedirect(ask, archive.baseUrl, url, shortener));
}

async function lookUpRedirect(fetch: Fetcher['fetch'], baseUrl: string, url: string, shortener: CompiledShortener): Promise<SnapshotLookup> {
  const result = await fetch({ url: redirectCapturesQueryUrl(baseUrl, url), method: 'GET', bodyBytes: CDX_BODY_BYTES });
  const captures = parseCdxAnswer(result, (status) => /^30[1278]$/.test(status));
  if (!captures.ok) return { status: 'unavailable', message: captures.message };
  let failure: string | undefined;
  for (const row of captures.rows.slice(0, SHORT_LINK_REPLAYS)) {
    const replay = await fetch({ url: `${baseUrl}/web/${row.timestamp}id_/${row.original}`, method: 'GET', followRedirects: false });
    const location = replay.headers?.['location'];
    if (replay.error !== undefined || location === undefined) {
      failure = replay.error === undefined ? `the replay of the ${row.timestamp} capture answered ${replay.status ?? 'nothing'}` : `replay failed: ${replay.error.code}`;
      continue;
    }
    const target = targetOfReplayLocation(location, baseUrl, row.original);
    // A redirect to the service itself (http → https, a warning page) is not where the link led.
    if (target === undefined || isOwnHost(target, shortener)) continue;
    return { status: 'found', url: target, timestamp: row.timestamp, original: row.original };
  }
  return failure === undefined ? { status: 'none' } : { status: 'unavailable', message: failure };
}

/** Bytes of a short link's own page read for an HTML redirect (t.co's is a few hundred). */
export const REFRESH_PAGE_BYTES = 16 * 1024;

/** `0;URL=https://…` (a `Refresh` header or a meta refresh's content) → the URL, resolved against `base`. */
function refreshUrl(content: string, base: string): string | undefined {
  const match = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(['"]?)(.+?)\1\s*$/i.exec(content);
  return match?.[2] === undefined ? undefined : webUrl(parseUrl(match[2], base));
}

/**
 * Where a page that answered 200 sends the browser at once: its `Refresh` header, else the first
 * `<meta http-equiv="refresh">` (anywhere: t.co's page is only `<noscript><META …></noscript><script>…`).
 */
export function refreshTarget(html: string, header: string | undefined, base: string): string | undefined {
  if (header !== undefined) return refreshUrl(header, base);
  let content: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (content === undefined && name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh') content = attributes['content'] ?? '';
    },
  });
  parser.write(html);
  parser.end();
  return content === undefined ? undefined : refreshUrl(content, base);
}

export interface ShortLinkContext {
  /** Check a target in its own right (request, follow-ups, diagnose). */
  checkTarget(url: string): Promise<Verdict>;
  /** Reads a short link's own page (for an HTML redirect). */
  fetcher: Fetcher;
  /** The run's archive; absent with `--no-archive`: nothing is recovered and no capture suggested. */
  archive?: Archive;
}

const WORKING = new Set<Verdict['state']>(['alive', 'redirected']);

function day(timestamp: string): string {
  return `${timestamp.slice(0, 4)}-${timestamp.slice(4, 6)}-${timestamp.slice(6, 8)}`;
}

/** The URL to write instead of a short link whose target works: the target's new address when it moved for good. */
function expansion(target: string, targetVerdict: Verdict, note: string): Suggestion {
  const moved = targetVerdict.state === 'redirected' && targetVerdict.reason === 'redirect-permanent' ? targetVerdict.suggestions.find((s) => s.kind === 'moved') : undefined;
  return { kind: 'expand', url: moved?.url ?? target, note };
}

async function targetCapture(context: ShortLinkContext, target: string, date: string | undefined): Promise<{ suggestion?: Suggestion; note: string }> {
  if (context.archive === undefined) return { note: '' };
  const found = await context.archive.findSnapshot(target, date);
  if (found.status === 'found') return { suggestion: snapshotSuggestion(found), note: '' };
  return { note: found.status === 'none' ? '; the target has no Wayback capture' : ` (archive unavailable: ${found.message})` };
}

/**
 * The verdict of a short link, reviewed: a link that redirected away from its service is `redirected` with the
 * target (an `expand` suggestion when the target works, the target's dated capture when it is dead); a link
 * whose service failed or answered with a page of its own gets its target from the Wayback Machine, checked in
 * its own right.
 */
export async function reviewShortLink(
  verdict: Verdict,
  url: string,
  date: string | undefined,
  shortener: CompiledShortener,
  context: ShortLinkContext,
): Promise<Verdict> {
  const finalUrl = verdict.finalUrl;
  const left = (verdict.redirects?.length ?? 0) > 0 && finalUrl !== undefined && !isOwnHost(finalUrl, shortener);
  if (left) {
    if (WORKING.has(verdict.state)) {
      const note = `where the ${shortener.name} short link leads`;
      const permanent = verdict.redirects?.[0]?.status === 301 || verdict.redirects?.[0]?.status === 308;
      return {
        ...verdict,
        state: 'redirected',
        reason: verdict.state === 'redirected' ? verdict.reason : permanent ? 'redirect-permanent' : 'redirect-temporary',
        detail: `${shortener.name} short link to ${finalUrl} (${verdict.detail})`,
        suggestions: [expansion(finalUrl, verdict, note), ...verdict.suggestions.filter((s) => s.kind !== 'moved')],
      };
    }
    if (verdict.state !== 'dead') return { ...verdict, detail: `${shortener.name} short link to ${finalUrl}: ${verdict.detail}` };
    const capture = await targetCapture(context, finalUrl, date);
    return {
      ...verdict,
      detail: `the ${shortener.name} short link leads to ${finalUrl}, which is dead: ${verdict.detail}${capture.note}`,
      suggestions: capture.suggestion === undefined ? verdict.suggestions : [capture.suggestion, ...verdict.suggestions],
    };
  }
  if (verdict.state === 'alive') {
    // Some services redirect browsers with a page instead of a 3xx: t.co for browser user agents
    // (indieweb/indiewebify-me#47, 2016-08-02; sparklemotion/mechanize PR #294, 2013), TinyURL at times
    // (nicolassmith/urlevaluator#31, 2014). Such a page is the redirect, read like one.
    const page = await context.fetcher.fetch({ url, method: 'GET', bodyBytes: REFRESH_PAGE_BYTES, followRedirects: false });
    const target = page.status === 200 ? refreshTarget(page.body?.text ?? '', page.headers?.['refresh'], url) : undefined;
    if (target !== undefined && !isOwnHost(target, shortener)) return reviewRefresh(verdict, target, date, shortener, context);
  }
  if (verdict.state === 'skipped' || verdict.state === 'blocked' || context.archive === undefined) return verdict;

  const recovered = await recoverShortLinkTarget(context.archive, url, shortener);
  const service = verdict.state === 'alive' ? `${shortener.name} answered with a page of its own instead of redirecting` : verdict.detail;
  // archive.org unreachable is said once, in the report's notice (which counts this link), not on every link.
  if (recovered.status === 'unavailable' && recovered.unreachable === true) return { ...verdict, archive: 'unavailable' };
  if (recovered.status === 'unavailable') return { ...verdict, detail: `${service} (archive unavailable: ${recovered.message})` };
  if (recovered.status === 'none') {
    return verdict.state === 'alive' ? verdict : { ...verdict, detail: `${service}; the Wayback Machine has no capture of where this short link led` };
  }
  const target = recovered.url;
  const seen = `the Wayback Machine's capture of ${day(recovered.timestamp)} shows the short link led to ${target}`;
  const targetVerdict = await context.checkTarget(target);
  // A service that answers 200 with its own page for a link that used to redirect: likely its "not found" page.
  const base: Verdict = verdict.state === 'alive' ? { ...verdict, state: 'suspicious', reason: 'soft-404-likely' } : verdict;
  if (WORKING.has(targetVerdict.state)) {
    return {
      ...base,
      detail: `${service}; ${seen}, which works`,
      suggestions: [expansion(target, targetVerdict, `recovered from the Wayback Machine's capture of ${day(recovered.timestamp)}`), ...verdict.suggestions],
    };
  }
  if (targetVerdict.state === 'dead') {
    const capture = await targetCapture(context, target, date);
    return {
      ...base,
      detail: `${service}; ${seen}, which is dead too: ${targetVerdict.detail}${capture.note}`,
      suggestions: capture.suggestion === undefined ? verdict.suggestions : [capture.suggestion, ...verdict.suggestions],
    };
  }
  return { ...base, detail: `${service}; ${seen} (${targetVerdict.state}: ${targetVerdict.detail})` };
}

/** A short link whose service answered with an HTML redirect to `target`: judged by the target, like a 3xx. */
async function reviewRefresh(verdict: Verdict, target: string, date: string | undefined, shortener: CompiledShortener, context: ShortLinkContext): Promise<Verdict> {
  const targetVerdict = await context.checkTarget(target);
  const how = `${shortener.name} short link to ${target} (an HTML redirect)`;
  if (WORKING.has(targetVerdict.state)) {
    return {
      ...verdict,
      state: 'redirected',
      reason: 'redirect-temporary',
      finalUrl: target,
      detail: how,
      suggestions: [expansion(target, targetVerdict, `where the ${shortener.name} short link leads`), ...verdict.suggestions],
    };
  }
  if (targetVerdict.state !== 'dead') return { ...targetVerdict, detail: `${how}: ${targetVerdict.detail}` };
  const capture = await targetCapture(context, target, date);
  return {
    ...targetVerdict,
    detail: `the ${how} leads to a dead page: ${targetVerdict.detail}${capture.note}`,
    suggestions: capture.suggestion === undefined ? targetVerdict.suggestions : [capture.suggestion, ...targetVerdict.suggestions],
  };
}
