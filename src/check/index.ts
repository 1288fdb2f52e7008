/** The check stage: the one way linkrot reaches the network. */
export {
  ARCHIVE_HOST_SETTINGS,
  DEFAULT_CHECK_SETTINGS,
  DEFAULT_CONCURRENCY,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_HOST_INTERVAL_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_PER_HOST_CONCURRENCY,
  DEFAULT_REQUEST_HEADERS,
  DEFAULT_RETRIES,
  DEFAULT_RETRY_MAX_DELAY_MS,
  DEFAULT_RETRY_MIN_DELAY_MS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  findHostSettings,
  hostConcurrency,
} from './settings.js';
export type { CheckSettings, HostSettings, RetrySettings } from './settings.js';
export {
  cacheLookup,
  createDispatcher,
  guardLookup,
  DEFAULT_DNS_CACHE_MS,
  DEFAULT_KEEP_ALIVE_MS,
  PRIVATE_ADDRESS_ERROR_CODE,
} from './dispatcher.js';
export type { DispatcherOptions, LookupFunction } from './dispatcher.js';
export { createFetcher } from './fetcher.js';
export type { FetchStats, FetcherDeps, StatsFetcher } from './fetcher.js';
export type { HostStats } from './scheduler.js';
export { detectNoNetwork, NO_NETWORK_MIN_HOSTS, NoNetworkWatch } from './no-network.js';
export { classifyError, classifyProxyStatus } from './classify-error.js';
export { parseRetryAfter, backoffDelay } from './retry.js';
export { SELECTED_HEADERS, sendAttempt, type AttemptOutcome } from './send-request.js';
