/**
 * One HTTP attempt: one request through the dispatcher, no redirect following, under linkrot's own deadline.
 *
 * It talks to undici's `dispatch` with a handler of its own rather than through `request()`: no body stream,
 * no AbortController and no async iteration per request — the chunks go straight into a bounded collector.
 * That is most of linkrot's CPU per link on a big run. undici's own timeouts are set too, but behind an
 * unanswered proxy CONNECT it honours none of them, so a timer of ours settles the attempt regardless and the
 * request is aborted whenever undici hands over the means to.
 */
import type { Dispatcher } from 'undici';
import type { BodySample, HttpMethod, NetworkErrorCode } from '../model.js';
import { DeadlineError, classifyError, classifyProxyStatus, type ClassifiedError } from './classify-error.js';
import { BodyCollector, type BodyWatcher } from './read-body.js';
import { parseHeaders } from './undici-parts.js';

/** The most bytes drained from a body nobody needs before the connection is dropped instead. */
export const DISCARD_LIMIT_BYTES = 64 * 1024;

/** Response headers kept in a result (lower-case). `set-cookie` keeps cookie names only, never values. */
export const SELECTED_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'location',
  'retry-after',
  'server',
  'cf-mitigated',
  'cf-ray',
  'x-robots-tag',
  'proxy-status',
  'www-authenticate',
  'refresh',
  'x-frame-options',
  'last-modified',
  // bot-wall vendors' own headers (DataDome, AWS WAF, Sucuri, Imperva), read by diagnose's bot-wall signs
  'x-datadome',
  'x-amzn-waf-action',
  'x-sucuri-id',
  'x-iinfo',
] as const;

export type AttemptOutcome =
  | {
      kind: 'response';
      status: number;
      headers: Record<string, string>;
      body?: BodySample;
      /** The body was asked for but could not be read to the limit or its end. */
      bodyError?: { code: NetworkErrorCode; message: string };
    }
  | { kind: 'error'; code: NetworkErrorCode; message: string };

export interface AttemptOptions {
  url: URL;
  /** POST only for the archive's Save Page Now requests (never for a link). */
  method: HttpMethod | 'POST';
  /** A request body (a POST's form). */
  body?: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Bytes of body to read into the outcome; 0 drains and drops it. */
  bodyLimit: number;
  /** Called once the request has a connection (the origin accepted one), before any answer. */
  onConnected?: () => void;
  /**
   * A watcher for the body of this answer, if it wants one (see `BodyWatcher`). When it has seen enough, the rest
   * is drained unread if it fits in what `bodyLimit` would have read (the connection stays, as it would have), and
   * dropped only when the body is longer than that, as it would have been at the limit.
   */
  watch?: (status: number, headers: Record<string, string>) => BodyWatcher | undefined;
}

function headerText(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : value;
}

export function selectHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const selected: Record<string, string> = {};
  for (const name of SELECTED_HEADERS) {
    const value = headerText(raw[name]);
    if (value !== undefined) selected[name] = value.slice(0, 2000);
  }
  const cookies = raw['set-cookie'];
  if (cookies !== undefined) {
    const list = Array.isArray(cookies) ? cookies : [cookies];
    selected['set-cookie'] = list.map((cookie) => cookie.split('=')[0]?.trim() ?? '').join(', ');
  }
  return selected;
}

type RawHeaders = Buffer[] | string[] | null;

/**
 * The handler of one attempt (undici's callback interface). Every path ends in exactly one `settle`; whatever
 * undici calls afterwards only releases the request.
 */
class AttemptHandler implements Dispatcher.DispatchHandler {
  readonly #options: AttemptOptions;
  readonly #done: (outcome: AttemptOutcome) => void;
  readonly #timer: NodeJS.Timeout;
  #abort: ((reason?: Error) => void) | undefined;
  #settled = false;
  /** Set once headers are in: status and selected headers, and what to do with the body. */
  #response: { status: number; headers: Record<string, string>; proxyFailure?: ClassifiedError } | undefined;
  #collector: BodyCollector | undefined;
  #discarded = 0;
  /** Read to the watcher's satisfaction, the rest of the body being drained: the outcome, given at its end. */
  #draining: { outcome: AttemptOutcome; budget: number } | undefined;
  /** Bytes that arrived after the watcher had enough, before the draining began. */
  #drainedEarly = 0;

  constructor(options: AttemptOptions, done: (outcome: AttemptOutcome) => void) {
    this.#options = options;
    this.#done = done;
    this.#timer = setTimeout(() => this.#expire(), options.timeoutMs);
  }

  #settle(outcome: AttemptOutcome): void {
    if (this.#settled) return;
    this.#settled = true;
    clearTimeout(this.#timer);
    this.#done(outcome);
  }

  /** Stop the request (and drop its connection) unless it has already ended. */
  #cancel(reason: Error): void {
    const abort = this.#abort;
    this.#abort = undefined;
    abort?.(reason);
  }

  #expire(): void {
    const phase = this.#response === undefined ? 'waiting for the response headers' : 'reading the body';
    const error = new DeadlineError(this.#options.timeoutMs, phase);
    this.#fail(error);
    this.#cancel(error);
  }

  /** A failure before or during the response. */
  #fail(error: unknown): void {
    if (this.#settled) return;
    // The body was read as far as needed: what failed was the draining of the rest.
    if (this.#draining !== undefined) {
      this.#settle(this.#draining.outcome);
      return;
    }
    const response = this.#response;
    const read = this.#collector;
    if (response !== undefined && read?.stoppedEarly === true) {
      void read.result.then((body) => this.#settle({ kind: 'response', status: response.status, headers: response.headers, body }));
      return;
    }
    if (response === undefined) {
      this.#settle({ kind: 'error', ...classifyError(error) });
      return;
    }
    const collector = this.#collector;
    this.#collector = undefined;
    if (collector !== undefined) {
      collector.discard();
      this.#settle({ kind: 'response', status: response.status, headers: response.headers, bodyError: classifyError(error) });
      return;
    }
    // A body nobody needed failed: the answer is the status and headers.
    this.#finishWithoutBody();
  }

  #finishWithoutBody(): void {
    const response = this.#response;
    if (response === undefined) return;
    if (response.proxyFailure !== undefined) this.#settle({ kind: 'error', ...response.proxyFailure });
    else this.#settle({ kind: 'response', status: response.status, headers: response.headers });
  }

  onConnect(abort: (reason?: Error) => void): void {
    if (this.#settled) {
      abort(new DeadlineError(this.#options.timeoutMs, 'abandoned'));
      return;
    }
    this.#abort = abort;
    this.#options.onConnected?.();
  }

  onHeaders(status: number, rawHeaders: RawHeaders): boolean {
    if (this.#settled) {
      this.#cancel(new Error('abandoned'));
      return false;
    }
    // 1xx interim answers are not the response.
    if (status < 200) return true;
    const headers = selectHeaders(parseHeaders(rawHeaders ?? []) as Record<string, string | string[] | undefined>);
    const proxyFailure = status >= 500 && headers['proxy-status'] !== undefined ? classifyProxyStatus(headers['proxy-status']) : undefined;
    this.#response = { status, headers, ...(proxyFailure === undefined ? {} : { proxyFailure }) };
    const isRedirect = status >= 300 && status < 400 && headers['location'] !== undefined;
    const { method, bodyLimit } = this.#options;
    if (method !== 'HEAD' && bodyLimit > 0 && !isRedirect && proxyFailure === undefined) {
      const bodyHeaders = { contentEncoding: headers['content-encoding'], contentType: headers['content-type'] };
      const collector = new BodyCollector(bodyLimit, bodyHeaders, this.#options.watch?.(status, headers));
      this.#collector = collector;
      collector.result.then(
        (body) => {
          if (collector.stoppedEarly) {
            this.#drainRest({ kind: 'response', status, headers, body }, bodyLimit - collector.bytes);
            return;
          }
          this.#settle({ kind: 'response', status, headers, body });
          // Stopped at the limit: the rest is not wanted, the connection goes.
          if (body.truncated) this.#cancel(new Error('body limit reached'));
        },
        (error: unknown) => {
          this.#fail(error);
          this.#cancel(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }
    return true;
  }

  /**
   * The watcher had enough: drain the rest within `budget` bytes (what the limit would still have read), else
   * drop the connection, as reading to the limit would have.
   */
  #drainRest(outcome: AttemptOutcome, budget: number): void {
    const length = Number(outcome.kind === 'response' ? outcome.headers['content-length'] : Number.NaN);
    const rest = Number.isFinite(length) && outcome.kind === 'response' && outcome.headers['content-encoding'] === undefined ? length - (this.#collector?.bytes ?? 0) : undefined;
    if (rest !== undefined && rest > budget) {
      this.#settle(outcome);
      this.#cancel(new Error('body longer than the limit'));
      return;
    }
    this.#draining = { outcome, budget: budget - this.#drainedEarly };
    if (this.#draining.budget < 0) {
      this.#settle(outcome);
      this.#cancel(new Error('body longer than the limit'));
    }
  }

  onData(chunk: Buffer): boolean {
    const draining = this.#draining;
    if (draining !== undefined && !this.#settled) {
      draining.budget -= chunk.length;
      if (draining.budget >= 0) return true;
      this.#settle(draining.outcome);
      this.#cancel(new Error('body longer than the limit'));
      return false;
    }
    if (this.#settled) {
      // Settled by the deadline or the body limit: nothing more is read.
      this.#cancel(new Error('abandoned'));
      return false;
    }
    if (this.#collector !== undefined) {
      if (this.#collector.stoppedEarly) this.#drainedEarly += chunk.length;
      else this.#collector.push(chunk);
      return true;
    }
    // Drained so the connection can be reused, but never more than the discard limit.
    this.#discarded += chunk.length;
    if (this.#discarded > DISCARD_LIMIT_BYTES) {
      this.#finishWithoutBody();
      this.#cancel(new Error('unwanted body over the discard limit'));
      return false;
    }
    return true;
  }

  onComplete(): void {
    this.#abort = undefined;
    if (this.#draining !== undefined) this.#settle(this.#draining.outcome);
    else if (this.#collector !== undefined) this.#collector.end();
    else this.#finishWithoutBody();
  }

  onError(error: Error): void {
    const abort = this.#abort;
    this.#abort = undefined;
    this.#fail(error);
    // undici calls this once a request is over, when aborting it changes nothing, except its forwarder for plain
    // http:// behind a proxy, which reports the proxy's 407 here while the response still runs: left alone, that
    // response stalled its connection and the run never ended.
    abort?.(error);
  }
}

export function sendAttempt(dispatcher: Dispatcher, options: AttemptOptions): Promise<AttemptOutcome> {
  const { url, method, timeoutMs } = options;
  return new Promise<AttemptOutcome>((resolve) => {
    const handler = new AttemptHandler(options, resolve);
    try {
      dispatcher.dispatch(
        {
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method,
          headers: options.headers,
          ...(options.body === undefined ? {} : { body: options.body }),
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          // undici closes the connection after every HEAD by default, in case a broken server sends a body
          // anyway; that was a quarter of a big run's connections. Browsers and curl keep it, and undici checks
          // an idle connection for unsolicited bytes before reusing it (a stray body drops it then).
          ...(method === 'HEAD' ? { reset: false } : {}),
        },
        handler,
      );
    } catch (error) {
      // A request undici refuses to build (a bad per-request header): a fact about this request, not a crash.
      handler.onError(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
