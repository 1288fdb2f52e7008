import { describe, expect, it } from 'vitest';
import * as check from '../../src/check/index.js';
import * as plan from '../../src/plan/index.js';

describe('stage entry points', () => {
  it('pins what the check stage exports', () => {
    expect(Object.keys(check).sort()).toEqual([
      'ARCHIVE_HOST_SETTINGS', 'DEFAULT_CHECK_SETTINGS', 'DEFAULT_CONCURRENCY', 'DEFAULT_CONNECT_TIMEOUT_MS', 'DEFAULT_DNS_CACHE_MS',
      'DEFAULT_HOST_INTERVAL_MS', 'DEFAULT_KEEP_ALIVE_MS', 'DEFAULT_MAX_BODY_BYTES', 'DEFAULT_MAX_REDIRECTS',
      'DEFAULT_MAX_RETRY_AFTER_MS', 'DEFAULT_PER_HOST_CONCURRENCY', 'DEFAULT_REQUEST_HEADERS', 'DEFAULT_RETRIES',
      'DEFAULT_RETRY_MAX_DELAY_MS', 'DEFAULT_RETRY_MIN_DELAY_MS', 'DEFAULT_TIMEOUT_MS', 'DEFAULT_USER_AGENT',
      'NO_NETWORK_MIN_HOSTS', 'NoNetworkWatch', 'PRIVATE_ADDRESS_ERROR_CODE', 'SELECTED_HEADERS', 'backoffDelay', 'cacheLookup', 'classifyError',
      'classifyProxyStatus', 'createDispatcher', 'createFetcher', 'detectNoNetwork', 'findHostSettings', 'guardLookup', 'hostConcurrency',
      'parseRetryAfter', 'sendAttempt',
    ]);
  });

  it('pins what the plan stage exports', () => {
    expect(Object.keys(plan).sort()).toEqual(['interleaveByHost', 'isPrivateAddress', 'isPrivateHostname', 'normalizeUrl', 'planChecks']);
  });

  it('keeps the defaults consistent with their constants', () => {
    const settings = check.DEFAULT_CHECK_SETTINGS;
    expect(settings).toMatchObject({
      concurrency: check.DEFAULT_CONCURRENCY,
      perHost: check.DEFAULT_PER_HOST_CONCURRENCY,
      intervalMs: check.DEFAULT_HOST_INTERVAL_MS,
      timeoutMs: check.DEFAULT_TIMEOUT_MS,
      retries: check.DEFAULT_RETRIES,
      maxRedirects: check.DEFAULT_MAX_REDIRECTS,
      maxBodyBytes: check.DEFAULT_MAX_BODY_BYTES,
      userAgent: check.DEFAULT_USER_AGENT,
      allowPrivate: false,
    });
    expect(check.DEFAULT_USER_AGENT).toMatch(/^Mozilla\/5\.0 /);
    expect(check.DEFAULT_USER_AGENT).not.toMatch(/link|bot|crawl/i);
  });
});
