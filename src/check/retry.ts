/** When to retry, and how long to wait first. */
import type { NetworkErrorCode } from '../model.js';
import type { RetrySettings } from './settings.js';

/** Failures worth another attempt: they often go away by themselves. */
const TRANSIENT_ERRORS: ReadonlySet<NetworkErrorCode> = new Set(['timeout', 'connection-reset', 'dns-error']);

/** 408 Request Timeout, 425 Too Early, 429 Too Many Requests, and every 5xx. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599);
}

export function isTransientError(code: NetworkErrorCode): boolean {
  return TRANSIENT_ERRORS.has(code);
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its month (IMF-fixdate, RFC 850 or asctime); anything else is not one.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Exponential back-off with jitter: `minDelayMs × 2^(retry-1)`, capped at `maxDelayMs`, then a random point in
 * its upper half so that clients that failed together do not come back together. `retry` counts from 1.
 */
export function backoffDelay(retry: number, settings: RetrySettings, random: () => number): number {
  const base = Math.min(settings.maxDelayMs, settings.minDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(base / 2 + (base / 2) * random());
}
