import type { CheckResult, NetworkErrorCode } from '../model.js';

/**
 * Network outcomes that are facts about the URL and stay true tomorrow. Everything else — timeouts, resets,
 * refused connections, DNS hiccups, TLS and private-address refusals (they depend on `--insecure` /
 * `--allow-private`), protocol errors — is checked again next run.
 */
const FINAL_ERRORS: ReadonlySet<NetworkErrorCode> = new Set<NetworkErrorCode>(['dns-not-found', 'redirect-loop', 'too-many-redirects', 'invalid-redirect']);

/** HTTP statuses that say "try again later": never cached as the answer. */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 425, 429]);

/** True when a result may be stored as final: transient failures (timeout, reset, 5xx, 429, dns-error…) are not. */
export function isCacheable(result: CheckResult): boolean {
  if (result.error !== undefined) return FINAL_ERRORS.has(result.error.code);
  if (result.status === undefined) return false;
  return result.status < 500 && !TRANSIENT_STATUSES.has(result.status);
}
