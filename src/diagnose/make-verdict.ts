import type { CheckResult, ReasonOf, State, Suggestion, Verdict } from '../model.js';
import { readUrl } from '../util/url.js';

export interface VerdictExtras {
  family?: string;
  fragment?: string;
  suggestions?: Suggestion[];
}

/**
 * Build a verdict that always carries what the server answered (status, final URL, redirect hops) beside what it
 * means. The one place that turns a `(state, reason)` pair into the discriminated union.
 */
export function makeVerdict<S extends State>(
  state: S,
  reason: ReasonOf<S>,
  detail: string,
  result: CheckResult | undefined,
  extras: VerdictExtras = {},
): Verdict {
  const verdict = { state, reason, detail, suggestions: extras.suggestions ?? [] } as Verdict;
  if (result !== undefined) {
    if (result.status !== undefined) verdict.httpStatus = result.status;
    if (result.status !== undefined || result.redirects.length > 0) verdict.finalUrl = result.finalUrl;
    if (result.redirects.length > 0) verdict.redirects = result.redirects;
  }
  if (extras.family !== undefined) verdict.family = extras.family;
  if (extras.fragment !== undefined) verdict.fragment = extras.fragment;
  return verdict;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  408: 'Request Timeout', 410: 'Gone', 429: 'Too Many Requests', 451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 999: '(LinkedIn bot wall)',
};

/** `404 Not Found`, `520`. */
export function describeStatus(status: number): string {
  const text = STATUS_TEXT[status];
  return text === undefined ? String(status) : `${status} ${text}`;
}

/** `after 3 attempts` when there were retries, else empty. */
export function attemptsNote(result: CheckResult): string {
  return result.attempts > 1 ? ` after ${result.attempts} attempts` : '';
}

/** The host of a URL, or the URL itself when it does not parse. */
export function hostOf(url: string): string {
  return readUrl(url)?.hostname ?? url;
}
