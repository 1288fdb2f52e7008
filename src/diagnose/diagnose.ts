import type { BodySample, CheckResult, Suggestion, Verdict } from '../model.js';
import { kindMatches, kindOfUrl } from './content-kind.js';
import { checkFragment, isCheckableFragment } from './fragments.js';
import { isHtmlBody, scanBody, type HtmlFacts } from './html-scan.js';
import { judgeHttp } from './http-verdict.js';
import { hygieneSuggestions, withFragment } from './hygiene.js';
import { describeStatus, hostOf, makeVerdict } from './make-verdict.js';
import { parkedSign } from './parked.js';
import { isDeepLink, redirectFacts, redirectsToErrorPage, redirectsToHomepage, redirectsToLogin } from './redirect-judge.js';
import { OEMBED_FOLLOW_UP, PAGE_FOLLOW_UP, SIBLING_FOLLOW_UP } from './requests.js';
import { answersGone, expandSuggestion, matchFamily, type FamilyMatch } from './rules.js';
import { compareSibling, soft404Sign } from './soft-404.js';
import type { DiagnoseInput, DiagnoseSettings } from './types.js';
import { judgeOembed, oembedUrlFor, videoSiteOf } from './video.js';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const LEADING_HASH = /^#/;

/** Reasons that say the server no longer has the page at all: a `blocked` family does not hide them. */
const GONE_REASONS = new Set(['http-404', 'http-410', 'dns-not-found']);
/**
 * Verdicts an `on-failure` family explains (turning them into `known-dead`). A sign-in page counts: an
 * unpublished classic Google Site sends visitors to the Google sign-in page.
 */
const FAILURE_REASONS = new Set(['http-404', 'http-410', 'http-4xx', 'dns-not-found', 'soft-404', 'soft-404-likely', 'redirect-to-homepage', 'login-wall']);
const CHALLENGE_TITLE = /^(?:just a moment|attention required|access denied|pardon our interruption|are you a robot|checking your browser)/i;

/**
 * Turn the facts about one link occurrence into a verdict. Pure: everything it needs is in `input`
 * (the main result and the follow-up results the pipeline fetched for `followUpsFor`).
 */
export function diagnose(input: DiagnoseInput, settings: DiagnoseSettings): Verdict {
  const match = matchFamily(input.url, settings.rules);
  // A `moved` family never decides the state: the answer does, and the family explains it.
  if (match?.family.state === 'moved') return explainMove(match, input.url, judge(input, settings, undefined));
  return judge(input, settings, match);
}

function judge(input: DiagnoseInput, settings: DiagnoseSettings, match: FamilyMatch | undefined): Verdict {
  const { url, result } = input;
  const fragment = input.fragment?.replace(LEADING_HASH, '');
  const applies = match?.family.applies ?? 'always';
  const httpVerdict = judgeHttp(result, settings.acceptStatus);

  if (match !== undefined && applies === 'always') {
    if (match.family.state !== 'blocked') return knownDead(match, url, result);
    if (httpVerdict === undefined || !GONE_REASONS.has(httpVerdict.reason)) return familyBlocked(match, url, result);
  }
  // The platform is up and answered in its own words that this item is gone (imgur's removed image, Heroku's
  // "no such app"): definitive, whatever the generic signs say.
  if (match !== undefined && applies === 'on-gone-answer' && answersGone(match.family, result)) return knownDead(match, url, result);
  if (httpVerdict !== undefined) {
    if (match !== undefined && applies === 'on-failure' && FAILURE_REASONS.has(httpVerdict.reason)) return knownDead(match, url, result);
    if (httpVerdict.state === 'unreachable' || httpVerdict.state === 'blocked') {
      httpVerdict.suggestions = hygieneSuggestions(url, result, input.followUps, fragment).filter((s) => s.kind !== 'moved');
    }
    return httpVerdict;
  }

  const content = judgeContent(input, settings, fragment);
  if (content !== undefined) {
    if (match !== undefined && applies === 'on-failure' && FAILURE_REASONS.has(content.reason)) return knownDead(match, url, result);
    return content;
  }
  const suggestions = hygieneSuggestions(url, result, input.followUps, fragment);
  if (result.redirects.length > 0) return redirected(url, result, suggestions);
  const accepted = result.status !== undefined && (result.status < 200 || result.status >= 300);
  const detail = accepted
    ? `The server answered ${describeStatus(result.status ?? 0)}, accepted for ${hostOf(url)} by configuration.`
    : `The page answered ${describeStatus(result.status ?? 200)}.`;
  return makeVerdict('alive', 'ok', detail, result, { suggestions });
}

function judgeContent(input: DiagnoseInput, settings: DiagnoseSettings, fragment: string | undefined): Verdict | undefined {
  const { url, result, followUps } = input;
  // A file link answered with an HTML page was asked with HEAD: its page, when fetched, is what the checks read.
  const body = result.body ?? followUps[PAGE_FOLLOW_UP]?.body;
  const contentType = result.headers?.['content-type'];
  // The page's text is decoded only if a rule reads it (see `pageWatcher`).
  const page = body !== undefined && isHtmlBody(contentType, body) ? body : undefined;
  const facts = page === undefined ? undefined : scanBody(page);

  const parked = parkedSign(result, settings.contentChecks ? facts : undefined, page);
  if (parked !== undefined) return makeVerdict('dead', 'parked-domain', `The domain is parked or for sale: ${parked}.`, result);

  if (result.headers?.['cf-mitigated'] !== undefined || (facts !== undefined && facts.textLength < 2_000 && CHALLENGE_TITLE.test(facts.title))) {
    return makeVerdict('blocked', 'bot-protection', `${hostOf(result.finalUrl)} showed an anti-bot challenge instead of the page; check it in a browser.`, result);
  }

  if (settings.contentChecks && oembedUrlFor(url) !== undefined) {
    const video = judgeOembed(followUps[OEMBED_FOLLOW_UP], videoSiteOf(url));
    if (video !== undefined && !video.available) {
      return video.restricted
        ? makeVerdict('suspicious', 'video-restricted', video.detail, result)
        : makeVerdict('dead', 'video-unavailable', video.detail, result);
    }
  }

  if (redirectsToErrorPage(result)) {
    return makeVerdict('dead', 'soft-404', `The link redirects to the error page ${result.finalUrl}, which answers ${describeStatus(result.status ?? 200)}.`, result);
  }
  if (redirectsToHomepage(url, result)) {
    return makeVerdict('suspicious', 'redirect-to-homepage', `The link redirects to ${result.finalUrl}, a home or listing page, so the page it pointed to is probably gone.`, result);
  }
  if (redirectsToLogin(url, result)) {
    return makeVerdict('blocked', 'login-wall', `The link redirects to the sign-in page ${result.finalUrl}.`, result);
  }

  if (settings.contentChecks && facts !== undefined && page !== undefined) {
    const soft = judgeSoft404(url, facts, page, result, followUps[SIBLING_FOLLOW_UP]);
    if (soft !== undefined) return soft;
  }

  const expected = kindOfUrl(url);
  if (settings.contentChecks && expected !== undefined && expected !== 'html' && contentType !== undefined && !kindMatches(expected, contentType)) {
    return makeVerdict(
      'suspicious',
      'content-type-mismatch',
      `The link names a ${expected.toUpperCase()} file but the server now sends ${contentType.split(';')[0]}.`,
      result,
      { suggestions: [] },
    );
  }

  if (settings.fragments && fragment !== undefined && facts !== undefined && body !== undefined && isCheckableFragment(fragment, hostOf(result.finalUrl))) {
    return judgeFragment(fragment, facts, body.truncated, input, result);
  }
  return undefined;
}

/**
 * The soft-404 rungs of the evidence ladder. Dead needs the site's own confirmation: a made-up address on the
 * same site gets this same page, or the page declares itself missing (in its title or heading *and* its text, or
 * in a sentence about itself at the top of its text), is no article, and the site answers made-up addresses "not
 * found" as well. A sign the site contradicts (a different page for the made-up address) or cannot confirm is
 * `suspicious` at most; an article whose subject is the phrase (a question about a 404, the encyclopedia entry
 * "HTTP 404") is left alone.
 */
function judgeSoft404(url: string, facts: HtmlFacts, page: BodySample, result: CheckResult, sibling: CheckResult | undefined): Verdict | undefined {
  const sign = soft404Sign(facts, page);
  if (sign === undefined) return undefined;
  // A site's root is its home page, whatever the site answers elsewhere; a short page where a file was promised
  // is better explained by the content-type check.
  const kind = kindOfUrl(url);
  if (sign.claim === 'tiny' && (!isDeepLink(url) || (kind !== undefined && kind !== 'html'))) return undefined;
  const answer = compareSibling(facts, result, sibling, sign.claim === 'declared');
  const says = `The page answers ${describeStatus(result.status ?? 200)} but ${sign.evidence}`;
  if (answer === 'same') {
    if (sign.claim === 'declared' || sign.claim === 'text') {
      return makeVerdict('dead', 'soft-404', `${says}, and a made-up address on the same site gets this same page (confirmed by the site).`, result);
    }
    return makeVerdict('suspicious', 'soft-404-likely', `${says}, and a made-up address on the same site gets the same page (a catch-all?).`, result);
  }
  if (sign.article || sign.claim === 'tiny') return undefined;
  if (sign.claim === 'text' && !(answer === 'not-found' && sign.speaksOfItself)) return undefined;
  if (answer === 'not-found' && ((sign.claim === 'declared' && sign.textSays !== undefined) || sign.claim === 'text')) {
    const probe = sibling?.status === undefined ? 'not found' : describeStatus(sibling.status);
    return makeVerdict(
      'dead',
      'soft-404',
      `${says}${sign.claim === 'declared' ? `, its text says "${sign.textSays}"` : ''}, and a made-up address on the same site is answered "not found" too (${probe}): confirmed by the site.`,
      result,
    );
  }
  const why =
    answer === 'different'
      ? 'a made-up address on the same site gets a different page'
      : answer === 'not-found'
        ? 'the site answers made-up addresses differently, and the page does not say so in its text as well'
        : 'a probe of the site got no usable answer';
  return makeVerdict('suspicious', 'soft-404-likely', `${says} (not confirmed: ${why}).`, result);
}

function judgeFragment(fragment: string, facts: HtmlFacts, truncated: boolean, input: DiagnoseInput, result: CheckResult): Verdict | undefined {
  const check = checkFragment(fragment, facts, truncated);
  if (check.found !== false) return undefined;
  const suggestions = hygieneSuggestions(input.url, result, input.followUps, fragment);
  let detail = `The page has no anchor "#${fragment}"`;
  if (check.nearest !== undefined) {
    const base = suggestions.at(-1)?.url ?? input.url;
    suggestions.push({ kind: 'moved', url: withFragment(base, check.nearest), note: `nearest existing anchor #${check.nearest} (check it)` });
    detail += `; the nearest existing one is "#${check.nearest}"`;
  }
  return makeVerdict('suspicious', 'fragment-missing', `${detail}.`, result, { fragment, suggestions });
}

function redirected(url: string, result: CheckResult, suggestions: Suggestion[]): Verdict {
  const facts = redirectFacts(result);
  const first = result.redirects[0]?.status ?? 301;
  if (facts.permanent) {
    return makeVerdict('redirected', 'redirect-permanent', `Moved permanently (${first}) to ${result.finalUrl}.`, result, { suggestions });
  }
  const temporary = result.redirects.find((hop) => hop.status !== 301 && hop.status !== 308)?.status ?? 302;
  return makeVerdict(
    'redirected',
    'redirect-temporary',
    `Redirects temporarily (${temporary}) to ${result.finalUrl}; keep the link as it is.`,
    result,
    { suggestions: suggestions.filter((s) => s.kind !== 'moved' || facts.permanentTarget !== undefined) },
  );
}

function knownDead(match: FamilyMatch, url: string, result: CheckResult): Verdict {
  const { family } = match;
  return makeVerdict('dead', 'known-dead', `${familySentence(match)}; ${answerPhrase(result)}.`, result, {
    family: family.id,
    suggestions: familySuggestions(match, url),
  });
}

function familyBlocked(match: FamilyMatch, url: string, result: CheckResult): Verdict {
  return makeVerdict('blocked', 'login-wall', `${familySentence(match)}; ${answerPhrase(result)}.`, result, {
    family: match.family.id,
    suggestions: familySuggestions(match, url),
  });
}

/**
 * A link of a service that moved (docs.microsoft.com → learn.microsoft.com): the verdict the answer gave, with
 * the family's explanation and, unless the redirect already names the new address, the family's successor. A
 * page still answering at its old address needs no explanation.
 */
function explainMove(match: FamilyMatch, url: string, verdict: Verdict): Verdict {
  if (verdict.state === 'alive' || verdict.state === 'skipped') return verdict;
  const successor = familySuggestions(match, url)[0];
  const known = verdict.suggestions.some((s) => s.kind === 'moved');
  const failed = verdict.state === 'dead' || verdict.state === 'suspicious';
  const suggestions = successor === undefined || known || (failed && successor.url === verdict.finalUrl) ? verdict.suggestions : [successor, ...verdict.suggestions];
  return { ...verdict, family: match.family.id, detail: `${familySentence(match)}. ${verdict.detail}`, suggestions };
}

function familySuggestions(match: FamilyMatch, url: string): Suggestion[] {
  const suggest = match.family.suggest;
  if (suggest === undefined) return [];
  const suggestion: Suggestion = { kind: 'moved', url: expandSuggestion(suggest.url, url, match.groups) };
  if (suggest.note !== undefined) suggestion.note = suggest.note;
  return [suggestion];
}

function familySentence({ family }: FamilyMatch): string {
  const explanation = family.explanation.charAt(0).toUpperCase() + family.explanation.slice(1);
  return family.ended === undefined ? explanation : `${explanation} (${family.name}, ${family.state === 'moved' ? 'moved' : 'ended'} ${family.ended})`;
}

function answerPhrase(result: CheckResult): string {
  if (result.error !== undefined) {
    return result.error.code === 'dns-not-found' ? 'the host no longer exists in DNS' : `the request failed (${result.error.code})`;
  }
  if (result.status === undefined) return 'no answer arrived';
  if (result.redirects.length > 0) return `the link now redirects to ${result.finalUrl}, which answers ${describeStatus(result.status)}`;
  return `the server answered ${describeStatus(result.status)}`;
}
