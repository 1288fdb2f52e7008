/**
 * One HTTP attempt: one request through the dispatcher, no redirect following, under linkrot's own deadline.
 * undici's timeouts and AbortSignal are set too, but behind an unanswered proxy CONNECT it honours neither, so
 * the request is raced against a timer and abandoned (its body destroyed whenever it arrives) when it loses.
 */
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { BodySample, HttpMethod, NetworkErrorCode } from '../model.js';
import { DeadlineError, classifyError, classifyProxyStatus } from './classify-error.js';
import { discardBody, readBody } from './read-body.js';

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
  method: HttpMethod;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Bytes of body to read into the outcome; 0 drains and drops it. */
  bodyLimit: number;
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

export async function sendAttempt(dispatcher: Dispatcher, options: AttemptOptions): Promise<AttemptOutcome> {
  const { url, method, timeoutMs } = options;
  const controller = new AbortController();
  let phase = 'waiting for the response headers';
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineError(timeoutMs, phase);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  deadline.catch(() => undefined);
  let pending: Promise<Dispatcher.ResponseData>;
  try {
    pending = dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method,
      headers: options.headers,
      signal: controller.signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  } catch (error) {
    // A request undici refuses to build (a bad per-request header): a fact about this request, not a crash.
    clearTimeout(timer);
    return { kind: 'error', ...classifyError(error) };
  }
  const abandon = (): void => {
    pending.then(
      (response) => (response.body as Readable).destroy(),
      () => undefined,
    );
  };
  try {
    const response = await Promise.race([pending, deadline]);
    const body = response.body as Readable;
    body.on('error', () => undefined);
    const headers = selectHeaders(response.headers);
    const proxyFailure =
      response.statusCode >= 500 && headers['proxy-status'] !== undefined
        ? classifyProxyStatus(headers['proxy-status'])
        : undefined;
    const isRedirect = response.statusCode >= 300 && response.statusCode < 400 && headers['location'] !== undefined;
    phase = 'reading the body';
    if (method === 'GET' && options.bodyLimit > 0 && !isRedirect && proxyFailure === undefined) {
      const contentEncoding = headers['content-encoding'];
      const contentType = headers['content-type'];
      try {
        const sample = await Promise.race([readBody(body, options.bodyLimit, { contentEncoding, contentType }), deadline]);
        return { kind: 'response', status: response.statusCode, headers, body: sample };
      } catch (error) {
        body.destroy();
        return { kind: 'response', status: response.statusCode, headers, bodyError: classifyError(error) };
      }
    }
    await Promise.race([discardBody(body, DISCARD_LIMIT_BYTES), deadline]).catch(() => body.destroy());
    if (proxyFailure !== undefined) return { kind: 'error', ...proxyFailure };
    return { kind: 'response', status: response.statusCode, headers };
  } catch (error) {
    abandon();
    return { kind: 'error', ...classifyError(error) };
  } finally {
    clearTimeout(timer);
  }
}
