/**
 * The polite fetcher: HEAD first (GET when HEAD is refused or unreliable), redirects followed by hand with
 * every hop recorded, transient failures retried with back-off, all under the host scheduler. It never throws
 * for a network or HTTP failure: what happened is written into the `CheckResult`.
 */
import type { Dispatcher } from 'undici';
import { LinkrotError } from '../errors.js';
import type { CheckResult, FetchRequest, Fetcher, HttpMethod, NetworkErrorCode, RedirectHop } from '../model.js';
import { isPrivateHostname } from '../plan/index.js';
import { HostScheduler, type HostStats } from './scheduler.js';
import { backoffDelay, isTransientError, isTransientStatus, parseRetryAfter } from './retry.js';
import type { BodyWatcher } from './read-body.js';
import { sendAttempt, type AttemptOptions, type AttemptOutcome } from './send-request.js';
import { DEFAULT_REQUEST_HEADERS, findHostSettings, type CheckSettings } from './settings.js';
import { parseUrl } from '../util/url.js';

export interface FetchStats {
  /** Requests sent (every attempt, method, hop and retry). */
  requests: number;
  /** Attempts that were retries of a transient failure. */
  retries: number;
  /** 429 answers received. */
  rateLimited: number;
  /** Most requests in flight at once, over all hosts. */
  maxInFlight: number;
  /** Most requests in flight at once to any single host. */
  maxInFlightPerHost: number;
  /** Per host (`host:port` when a port is given). */
  hosts: Record<string, HostStats>;
}

export interface FetcherDeps {
  dispatcher: Dispatcher;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  onProgress?: (done: number) => void;
  /** A watcher for the body of a request's answer, when it wants one (see `BodyWatcher`). */
  watchBody?: (request: FetchRequest, status: number, headers: Record<string, string>) => BodyWatcher | undefined;
}

export type StatsFetcher = Fetcher & { stats(): FetchStats };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Statuses after which a HEAD is not trusted and the same URL is asked again with GET. */
function isHeadRefused(outcome: AttemptOutcome): boolean {
  if (outcome.kind === 'error') {
    return outcome.code === 'timeout' || outcome.code === 'connection-reset' || outcome.code === 'protocol-error';
  }
  const { status } = outcome;
  // 404/403/400/405/… : some servers answer HEAD differently from GET; 410 and 429 mean the same for both.
  if (status >= 400 && status < 500) return status !== 410 && status !== 429;
  return status === 500 || status === 501 || status === 999;
}

/** Connection-level failures that hold for every path of an origin. */
const ORIGIN_FAILURES: ReadonlySet<NetworkErrorCode> = new Set(['connection-refused', 'tls-error', 'dns-not-found']);
/**
 * Failures of an auxiliary request (which only adds a suggestion or a confirmation) that end its origin for the
 * other auxiliary requests: every failure to get a connection through. A post's own link that fails so is that
 * path's trouble until shown otherwise (a page reset once or slow, answered on retry, on a site that answers):
 * it is retried on its own and does not end the origin for the probes that confirm other links' verdicts.
 */
const AUXILIARY_ORIGIN_FAILURES: ReadonlySet<NetworkErrorCode> = new Set([
  ...ORIGIN_FAILURES,
  'connection-reset',
  'dns-error',
  'network-unreachable',
  'proxy-error',
]);
/** Timeouts in a row (no answer between them) after which an origin counts as hung for auxiliary requests. */
export const HUNG_ORIGIN_TIMEOUTS = 2;

/**
 * What the run knows of an origin that failed: the answer later requests get instead of a connection, and
 * whether it holds for every request or only for auxiliary ones.
 */
interface OriginFailure {
  outcome: AttemptOutcome & { kind: 'error' };
  everyone: boolean;
  /** The attempt that showed it, and what it showed (e.g. the last of the timeouts in a row, saying so). */
  by: AttemptOutcome;
  cause: string;
}

function isTransient(outcome: AttemptOutcome): boolean {
  if (outcome.kind === 'error') return isTransientError(outcome.code);
  if (outcome.bodyError !== undefined && isTransientError(outcome.bodyError.code)) return true;
  return isTransientStatus(outcome.status);
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = value;
  return result;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A URL ready to fetch: parsed, http(s), no fragment, no credentials (they are never sent anywhere). */
function toRequestUrl(raw: string, base?: URL): URL | undefined {
  const url = parseUrl(raw, base);
  if (url === undefined) return undefined;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.hostname === '') return undefined;
  // Each assignment re-serialises the URL: only touch what is there.
  if (url.hash !== '') url.hash = '';
  if (url.username !== '') url.username = '';
  if (url.password !== '') url.password = '';
  return url;
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[^\r\n\0]*$/;

/** Refuse, once and up front, a header no request could carry (it would fail every request). */
function validateHeaders(where: string, headers: Record<string, string> | undefined): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(value)) {
      throw new LinkrotError('LINKROT_USAGE', `Invalid header \`${name}\` in ${where}: expected a token name and a one-line value`);
    }
  }
}

export function createFetcher(settings: CheckSettings, deps: FetcherDeps): StatsFetcher {
  validateHeaders('the headers', settings.headers);
  for (const [host, own] of Object.entries(settings.hosts)) validateHeaders(`the settings of ${host}`, own.headers);
  if (!HEADER_VALUE.test(settings.userAgent)) {
    throw new LinkrotError('LINKROT_USAGE', 'Invalid User-Agent: expected a one-line value');
  }
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? defaultSleep;
  const random = deps.random ?? Math.random;
  const scheduler = new HostScheduler(settings, { now, sleep });
  /** Hosts that refused a HEAD once: later requests to them start with GET. */
  const headRefused = new Set<string>();
  /**
   * Origins that failed at the connection level (refused, TLS handshake, name not found): a property of the
   * origin, not of the path, so later requests to it in this run get the same answer without a new connection.
   * Auxiliary requests give up on an origin sooner (a reset, a DNS error, two timeouts in a row, each of an
   * auxiliary request): for them an entry that holds for auxiliary requests only is enough.
   */
  const deadOrigins = new Map<string, OriginFailure>();
  /** Timeouts in a row per origin, while they last (an answer of any kind ends the row). */
  const timeoutsInRow = new Map<string, number>();
  /**
   * First contact with an origin: until its first request has a connection (or has failed), the others wait,
   * so an origin that refuses connections or TLS is tried once, not once per waiting link. On a working origin
   * the wait is one connection set-up, not a round trip.
   */
  const contacted = new Map<string, Promise<void> | true>();
  let requests = 0;
  let retries = 0;
  let rateLimited = 0;
  let done = 0;

  /** Built once per origin: every http link of a site asks for its https variant, and they all get this answer. */
  function rememberFailure(origin: string, by: AttemptOutcome & { kind: 'error' }, cause: string, everyone: boolean): void {
    const known = deadOrigins.get(origin);
    if (known !== undefined && (known.everyone || !everyone)) return;
    const outcome = Object.freeze({ kind: 'error' as const, code: by.code, message: `${cause} (an earlier request to ${origin} failed the same way)` });
    deadOrigins.set(origin, { outcome, everyone, by, cause });
  }

  /** The remembered failure a request to `origin` gets instead of a connection, if any. */
  function knownFailure(origin: string, auxiliary: boolean): AttemptOutcome | undefined {
    const known = deadOrigins.get(origin);
    return known !== undefined && (known.everyone || auxiliary) ? known.outcome : undefined;
  }

  /**
   * What one attempt says about its origin: a connection-level failure, or one more timeout in a row. Only an
   * auxiliary attempt's reset or timeout counts against the origin (see AUXILIARY_ORIGIN_FAILURES).
   */
  function learnFrom(origin: string, outcome: AttemptOutcome, auxiliary: boolean): void {
    if (outcome.kind !== 'error' || outcome.code !== 'timeout') {
      timeoutsInRow.delete(origin);
      if (outcome.kind !== 'error') return;
      const everyone = ORIGIN_FAILURES.has(outcome.code);
      if (everyone || (auxiliary && AUXILIARY_ORIGIN_FAILURES.has(outcome.code))) rememberFailure(origin, outcome, outcome.message, everyone);
      return;
    }
    if (!auxiliary) return;
    const row = (timeoutsInRow.get(origin) ?? 0) + 1;
    timeoutsInRow.set(origin, row);
    if (row >= HUNG_ORIGIN_TIMEOUTS) rememberFailure(origin, outcome, `${outcome.message}, ${row} times in a row`, false);
  }

  /** The headers every request to a host name carries, built once per host name (never mutated). */
  const hostHeaders = new Map<string, Record<string, string>>();
  const baseHeaders = { 'user-agent': settings.userAgent, ...DEFAULT_REQUEST_HEADERS, ...lowerKeys(settings.headers) };

  function headersFor(url: URL, requestHost: string, extra: Record<string, string> | undefined): Record<string, string> {
    let forHost = hostHeaders.get(url.hostname);
    if (forHost === undefined) {
      forHost = { ...baseHeaders, ...lowerKeys(findHostSettings(settings.hosts, url.hostname)?.headers) };
      hostHeaders.set(url.hostname, forHost);
    }
    // Headers given for this request belong to its host: never sent on after a redirect to another host.
    if (extra === undefined || url.host !== requestHost) return forHost;
    return { ...forHost, ...lowerKeys(extra) };
  }

  /**
   * The host asked everyone to slow down (429, or 503 with Retry-After): pause it for every pending request,
   * whether or not this one is retried, never longer than the Retry-After cap.
   */
  function pushBack(host: string, outcome: AttemptOutcome, retryNumber: number): void {
    if (outcome.kind !== 'response' || (outcome.status !== 429 && outcome.status !== 503)) return;
    const rateLimitedNow = outcome.status === 429;
    if (rateLimitedNow) rateLimited += 1;
    const retryAfter = parseRetryAfter(outcome.headers['retry-after'], now());
    const pause = retryAfter ?? (rateLimitedNow ? backoffDelay(retryNumber, settings.retry, random) : undefined);
    if (pause !== undefined) scheduler.pause(host, now() + Math.min(pause, settings.retry.maxRetryAfterMs), rateLimitedNow);
  }

  /** One URL (one hop): HEAD or GET, GET after a refused HEAD, retries of transient failures. */
  async function fetchHop(
    url: URL,
    forceGet: boolean,
    bodyLimit: number,
    headers: Record<string, string>,
    retryLimit: number,
    auxiliary: boolean,
    watch: AttemptOptions['watch'],
  ): Promise<{ outcome: AttemptOutcome; method: HttpMethod; attempts: number; originDown: string | undefined }> {
    // \`URL#origin\` and \`URL#host\` are built anew on every read.
    const { origin, host } = url;
    let method: HttpMethod = forceGet || headRefused.has(host) ? 'GET' : 'HEAD';
    let attempts = 0;
    let retry = 0;
    let headOutcome: AttemptOutcome | undefined;
    const known = (): AttemptOutcome | undefined => knownFailure(origin, auxiliary);
    /** Why the origin is down, for an auxiliary request's answer. */
    const downBecause = (): string | undefined => (auxiliary ? deadOrigins.get(origin)?.cause : undefined);
    const gaveUp = (outcome: AttemptOutcome) => ({ outcome, method, attempts, originDown: downBecause() });
    for (;;) {
      // Known before queueing: no slot, no interval spent on an origin that already failed.
      const failedBefore = known();
      if (failedBefore !== undefined) return gaveUp(failedBefore);
      const contact = contacted.get(origin);
      let connected: (() => void) | undefined;
      if (contact === undefined) {
        contacted.set(origin, new Promise<void>((resolve) => (connected = resolve)));
      } else if (contact !== true) {
        await contact;
        const failedFirst = known();
        if (failedFirst !== undefined) return gaveUp(failedFirst);
      }
      const onConnected = (): void => {
        if (connected === undefined) return;
        contacted.set(origin, true);
        connected();
        connected = undefined;
      };
      const currentMethod = method;
      const retryNumber = retry + 1;
      const outcome = await scheduler.run(
        host,
        async (): Promise<AttemptOutcome> => {
          // Checked again in the slot: the origin may have failed while this request waited for a global slot.
          const failedMeanwhile = known();
          if (failedMeanwhile !== undefined) return failedMeanwhile;
          requests += 1;
          attempts += 1;
          const answer = await sendAttempt(deps.dispatcher, {
            url,
            method: currentMethod,
            headers,
            timeoutMs: settings.timeoutMs,
            bodyLimit,
            onConnected,
            ...(watch === undefined ? {} : { watch }),
          });
          // Inside the slot, so the next waiting request already sees the pause and the origin's failure.
          pushBack(host, answer, retryNumber);
          learnFrom(origin, answer, auxiliary);
          return answer;
        },
        // A request still queued when its origin fails leaves the queue at once, without a turn.
        known,
      );
      if (connected !== undefined) {
        // The first contact ended without a connection: the others may try (or take its failure) now, and a
        // later request is a first contact again.
        contacted.delete(origin);
        connected();
        connected = undefined;
      }
      // This request's own failure made (or found) the origin down: it is not tried again.
      if (outcome.kind === 'error' && known() !== undefined) {
        const failure = deadOrigins.get(origin);
        const own = failure?.by === outcome ? { ...outcome, message: failure.cause } : outcome;
        return { outcome: own, method, attempts, originDown: downBecause() };
      }
      const status = outcome.kind === 'response' ? outcome.status : undefined;
      if (method === 'HEAD' && isHeadRefused(outcome)) {
        headOutcome = outcome;
        method = 'GET';
        continue;
      }
      // GET succeeded where HEAD did not: this host cannot be trusted with HEAD; later requests start with GET.
      if (headOutcome !== undefined && outcome.kind === 'response' && outcome.status < 400 && !headRefused.has(host)) {
        headRefused.add(host);
      }
      const retryAfter =
        outcome.kind === 'response' && (status === 429 || status === 503)
          ? parseRetryAfter(outcome.headers['retry-after'], now())
          : undefined;
      const done = { outcome, method, attempts, originDown: undefined };
      if (!isTransient(outcome) || retry >= retryLimit) return done;
      // Asked to wait longer than we are willing to: report what we have.
      if (retryAfter !== undefined && retryAfter > settings.retry.maxRetryAfterMs) return done;
      retry += 1;
      const delay = Math.max(backoffDelay(retry, settings.retry, random), retryAfter ?? 0);
      retries += 1;
      await sleep(delay);
    }
  }

  async function fetchUrl(request: FetchRequest): Promise<CheckResult> {
    const started = now();
    const redirects: RedirectHop[] = [];
    let attempts = 0;
    let method: HttpMethod = request.method ?? 'HEAD';
    const finish = (url: URL | string, extra: Partial<CheckResult>): CheckResult => ({
      url: requestUrl?.href ?? request.url,
      finalUrl: typeof url === 'string' ? url : url.href,
      redirects,
      method,
      attempts,
      elapsedMs: Math.max(0, now() - started),
      ...extra,
    });
    const requestUrl = toRequestUrl(request.url);
    if (requestUrl === undefined) {
      return finish(request.url, { error: { code: 'invalid-redirect', message: 'Not an absolute http(s) URL' } });
    }
    const bodyLimit = Math.min(Math.max(0, request.bodyBytes ?? 0), settings.maxBodyBytes);
    const forceGet = request.method === 'GET' || bodyLimit > 0;
    const watchBody = deps.watchBody;
    const watch = watchBody === undefined ? undefined : (status: number, headers: Record<string, string>) => watchBody(request, status, headers);
    /** URLs of the hops so far, made at the first redirect (most links have none). */
    let seen: Set<string> | undefined;
    let url = requestUrl;
    let hopForceGet = forceGet;
    for (;;) {
      if (!settings.allowPrivate && isPrivateHostname(url.hostname)) {
        const message = `Refused to fetch ${url.hostname}: a private, loopback or local address`;
        return finish(url, { error: { code: 'private-address', message } });
      }
      const headers = headersFor(url, requestUrl.host, request.headers);
      const auxiliary = request.auxiliary === true;
      const hop = await fetchHop(url, hopForceGet, bodyLimit, headers, request.retries ?? settings.retries, auxiliary, watch);
      attempts += hop.attempts;
      method = hop.method;
      const { outcome } = hop;
      if (outcome.kind === 'error') {
        const error = { code: outcome.code, message: outcome.message };
        return finish(url, { error: hop.originDown === undefined ? error : { ...error, originDown: hop.originDown } });
      }
      const base = { status: outcome.status, headers: outcome.headers };
      if (!REDIRECT_STATUSES.has(outcome.status) || request.followRedirects === false) {
        return finish(url, {
          ...base,
          ...(outcome.body === undefined ? {} : { body: outcome.body }),
          ...(outcome.bodyError === undefined ? {} : { error: outcome.bodyError }),
        });
      }
      const location = outcome.headers['location'];
      redirects.push({ url: url.href, status: outcome.status, ...(location === undefined ? {} : { location }) });
      if (location === undefined || location.trim() === '') {
        return finish(url, { ...base, error: { code: 'invalid-redirect', message: `${outcome.status} without a Location` } });
      }
      const next = toRequestUrl(location.trim(), url);
      if (next === undefined) {
        const message = `Location \`${location.slice(0, 200)}\` is not an http(s) URL`;
        return finish(url, { ...base, error: { code: 'invalid-redirect', message } });
      }
      seen ??= new Set([requestUrl.href]);
      if (seen.has(next.href)) {
        return finish(url, { ...base, error: { code: 'redirect-loop', message: `Redirected back to ${next.href}` } });
      }
      if (redirects.length > settings.maxRedirects) {
        const message = `More than ${settings.maxRedirects} redirects`;
        return finish(url, { ...base, error: { code: 'too-many-redirects', message } });
      }
      seen.add(next.href);
      url = next;
      // Every hop starts with HEAD again unless the caller wants GET; a host that refused HEAD gets GET.
      hopForceGet = forceGet;
    }
  }

  return {
    async fetch(request: FetchRequest): Promise<CheckResult> {
      try {
        return await fetchUrl(request);
      } finally {
        done += 1;
        deps.onProgress?.(done);
      }
    },
    get requestCount(): number {
      return requests;
    },
    stats(): FetchStats {
      const hosts = scheduler.hostStats();
      return {
        requests,
        retries,
        rateLimited,
        maxInFlight: scheduler.maxInFlight,
        maxInFlightPerHost: Math.max(0, ...Object.values(hosts).map((host) => host.maxInFlight)),
        hosts,
      };
    },
  };
}
