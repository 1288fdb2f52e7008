/** "No network at all" is one message and exit 2, not a report that calls every link dead. */
import type { CheckResult, NetworkErrorCode } from '../model.js';
import { parseUrl } from '../util/url.js';

/** Failures that say "this host could not be reached", as opposed to "this host answered badly". */
const UNREACHABLE_CODES: ReadonlySet<NetworkErrorCode> = new Set([
  'dns-not-found',
  'dns-error',
  'network-unreachable',
  'connection-refused',
  'proxy-error',
]);

/**
 * With one host only, a name that does not exist is far more likely a dead domain than a dead network: it
 * takes this many hosts all failing to call a `dns-not-found`-only run "no network".
 */
export const NO_NETWORK_MIN_HOSTS = 2;

function hostOf(url: string): string {
  return parseUrl(url)?.host ?? url;
}

/**
 * True when every host of a run (the requests sent now) failed to resolve or connect. A single host counts
 * only when its failure is not a plain "name not found".
 */
export function detectNoNetwork(results: CheckResult[]): boolean {
  if (results.length === 0) return false;
  const hosts = new Set<string>();
  let onlyNotFound = true;
  for (const result of results) {
    const code = result.error?.code;
    if (code === undefined || !UNREACHABLE_CODES.has(code) || result.status !== undefined) return false;
    if (code !== 'dns-not-found') onlyNotFound = false;
    hosts.add(hostOf(result.url));
  }
  return hosts.size >= NO_NETWORK_MIN_HOSTS || !onlyNotFound;
}
