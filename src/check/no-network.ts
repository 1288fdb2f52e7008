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
  const watch = new NoNetworkWatch();
  for (const result of results) watch.add(result);
  return watch.noNetwork;
}

/**
 * `detectNoNetwork` one result at a time, without keeping the results: a run of 20,000 links kept every result
 * until the end only to ask this. After the first answer that proves a network, it holds nothing.
 */
export class NoNetworkWatch {
  #results = 0;
  #hosts: Set<string> | undefined = new Set();
  #onlyNotFound = true;

  add(result: CheckResult): void {
    this.#results += 1;
    if (this.#hosts === undefined) return;
    const code = result.error?.code;
    if (code === undefined || !UNREACHABLE_CODES.has(code) || result.status !== undefined) {
      this.#hosts = undefined;
      return;
    }
    if (code !== 'dns-not-found') this.#onlyNotFound = false;
    this.#hosts.add(hostOf(result.url));
  }

  /** Results seen so far. */
  get results(): number {
    return this.#results;
  }

  get noNetwork(): boolean {
    if (this.#results === 0 || this.#hosts === undefined) return false;
    return this.#hosts.size >= NO_NETWORK_MIN_HOSTS || !this.#onlyNotFound;
  }
}
