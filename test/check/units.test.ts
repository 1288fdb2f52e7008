import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHECK_SETTINGS,
  backoffDelay,
  cacheLookup,
  classifyError,
  classifyProxyStatus,
  detectNoNetwork,
  NoNetworkWatch,
  findHostSettings,
  guardLookup,
  parseRetryAfter,
  type LookupFunction,
} from '../../src/check/index.js';
import type { CheckResult, NetworkErrorCode } from '../../src/model.js';

function coded(code: string, message = code, cause?: unknown): Error {
  const error = new Error(message, cause === undefined ? undefined : { cause }) as Error & { code: string };
  error.code = code;
  return error;
}

describe('classifyError', () => {
  it.each([
    ['ENOTFOUND', 'dns-not-found'],
    ['EAI_AGAIN', 'dns-error'],
    ['ECONNREFUSED', 'connection-refused'],
    ['ECONNRESET', 'connection-reset'],
    ['UND_ERR_SOCKET', 'connection-reset'],
    ['ENETUNREACH', 'network-unreachable'],
    ['EHOSTUNREACH', 'network-unreachable'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
    ['UND_ERR_BODY_TIMEOUT', 'timeout'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls-error'],
    ['CERT_HAS_EXPIRED', 'tls-error'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls-error'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls-error'],
    ['HPE_INVALID_CONSTANT', 'protocol-error'],
    ['UND_ERR_HEADERS_OVERFLOW', 'protocol-error'],
    ['ELINKROT_PRIVATE_ADDRESS', 'private-address'],
  ] as Array<[string, NetworkErrorCode]>)('%s → %s', (code, expected) => {
    expect(classifyError(coded(code)).code).toBe(expected);
  });

  it('finds the code along the cause chain and keeps every message', () => {
    const error = new TypeError('fetch failed', { cause: coded('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:443') });
    expect(classifyError(error)).toEqual({ code: 'connection-refused', message: 'fetch failed: connect ECONNREFUSED 10.0.0.1:443' });
  });

  it('calls a reset during the TLS handshake a tls-error (the origin does not speak TLS)', () => {
    const error = coded('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established');
    expect(classifyError(error).code).toBe('tls-error');
  });

  it('calls a failed CONNECT tunnel a proxy-error', () => {
    expect(classifyError(coded('UND_ERR_ABORTED', 'Proxy response (502) !== 200 when HTTP Tunneling')).code).toBe('proxy-error');
  });

  it('calls an abort without a known cause aborted', () => {
    expect(classifyError(coded('UND_ERR_ABORTED', 'Request aborted')).code).toBe('aborted');
  });
});

describe('classifyProxyStatus', () => {
  it.each([
    ['squid; error=dns_error; rcode=NXDOMAIN', 'dns-not-found'],
    ['squid; error=dns_error', 'dns-not-found'],
    ['squid; error=dns_error; rcode=SERVFAIL', 'dns-error'],
    ['squid; error=dns_timeout', 'dns-error'],
    ['envoy; error=connection_refused', 'connection-refused'],
    ['envoy; error=connection_timeout', 'timeout'],
    ['envoy; error=tls_certificate_error', 'tls-error'],
    ['envoy; error=destination_ip_prohibited', 'private-address'],
    ['cdn, squid; error=http_response_timeout', 'timeout'],
    ['squid; error=something_new', 'proxy-error'],
  ])('%s → %s', (header, code) => {
    expect(classifyProxyStatus(header)?.code).toBe(code);
  });

  it('gives undefined when no member reports an error', () => {
    expect(classifyProxyStatus('squid; received-status=200')).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Wed, 01 May 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  const retry = { minDelayMs: 500, maxDelayMs: 4000, maxRetryAfterMs: 30_000 };
  it('doubles, caps, and jitters in the upper half', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, retry, () => 1))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect([1, 2, 3].map((n) => backoffDelay(n, retry, () => 0))).toEqual([250, 500, 1000]);
  });
});

describe('findHostSettings', () => {
  const hosts = { 'example.com': { concurrency: 1 }, '*.example.com': { concurrency: 2 }, '*.deep.example.com': { concurrency: 3 } };
  it('prefers the exact host, then the longest suffix', () => {
    expect(findHostSettings(hosts, 'EXAMPLE.com')?.concurrency).toBe(1);
    expect(findHostSettings(hosts, 'www.example.com')?.concurrency).toBe(2);
    expect(findHostSettings(hosts, 'a.deep.example.com')?.concurrency).toBe(3);
    expect(findHostSettings(hosts, 'notexample.com')).toBeUndefined();
  });
  it('slows archive.org down by default', () => {
    expect(findHostSettings(DEFAULT_CHECK_SETTINGS.hosts, 'web.archive.org')).toEqual({ concurrency: 1, intervalMs: 1000 });
  });
});

describe('guardLookup', () => {
  const answer = (addresses: string[]): LookupFunction => (_host, options, callback) => {
    if (options.all === true) callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
    else callback(null, addresses[0] ?? '', 4);
  };
  const run = (lookup: LookupFunction, all: boolean) =>
    new Promise<NodeJS.ErrnoException | null>((resolve) => guardLookup(lookup)('x.example', { all }, (error) => resolve(error)));

  it('refuses an answer with any private address in it', async () => {
    expect((await run(answer(['93.184.216.34', '10.0.0.1']), true))?.code).toBe('ELINKROT_PRIVATE_ADDRESS');
    expect((await run(answer(['fd12::1']), false))?.code).toBe('ELINKROT_PRIVATE_ADDRESS');
  });
  it('passes public answers through', async () => {
    expect(await run(answer(['93.184.216.34', '2606:2800::1']), true)).toBeNull();
  });
});

describe('detectNoNetwork', () => {
  const failed = (url: string, code: NetworkErrorCode): CheckResult => ({
    url, finalUrl: url, redirects: [], method: 'HEAD', attempts: 1, elapsedMs: 1, error: { code, message: code },
  });
  const ok = (url: string): CheckResult => ({ url, finalUrl: url, redirects: [], method: 'HEAD', attempts: 1, elapsedMs: 1, status: 200 });

  it('says yes when every host failed to resolve or connect', () => {
    expect(detectNoNetwork([failed('https://a.example/', 'dns-not-found'), failed('https://b.example/x', 'dns-not-found')])).toBe(true);
    expect(detectNoNetwork([failed('https://a.example/', 'network-unreachable')])).toBe(true);
    expect(detectNoNetwork([failed('https://a.example/', 'dns-error'), failed('https://a.example/2', 'dns-error')])).toBe(true);
  });
  it('says no when anything answered, or when a single host just does not exist', () => {
    expect(detectNoNetwork([failed('https://a.example/', 'dns-not-found'), ok('https://b.example/')])).toBe(false);
    expect(detectNoNetwork([failed('https://gone.example/', 'dns-not-found')])).toBe(false);
    expect(detectNoNetwork([failed('https://a.example/', 'timeout'), failed('https://b.example/', 'dns-not-found')])).toBe(false);
    expect(detectNoNetwork([])).toBe(false);
  });
  it('watches one result at a time: the answer of the whole list, a count, and nothing held after a host answered', () => {
    const watch = new NoNetworkWatch();
    expect(watch.noNetwork).toBe(false);
    watch.add(failed('https://a.example/', 'dns-not-found'));
    expect(watch.noNetwork).toBe(false);
    watch.add(failed('https://b.example/', 'connection-refused'));
    expect(watch.noNetwork).toBe(true);
    watch.add(ok('https://c.example/'));
    watch.add(failed('https://d.example/', 'dns-not-found'));
    expect(watch.noNetwork).toBe(false);
    expect(watch.results).toBe(4);
  });
});

describe('cacheLookup', () => {
  it('asks once for concurrent and repeated lookups within the time-to-live, and again after it', async () => {
    let calls = 0;
    let clock = 0;
    const slow: LookupFunction = (_host, _options, callback) => {
      calls += 1;
      setTimeout(() => callback(null, '93.184.216.34', 4), 5);
    };
    const lookup = cacheLookup(slow, 1000, () => clock);
    const ask = () => new Promise<string>((resolve) => lookup('a.example', {}, (_e, address) => resolve(String(address))));
    expect(await Promise.all([ask(), ask(), ask()])).toEqual(['93.184.216.34', '93.184.216.34', '93.184.216.34']);
    await ask();
    expect(calls).toBe(1);
    clock = 1001;
    await ask();
    expect(calls).toBe(2);
  });

  it('does not remember failures', async () => {
    let calls = 0;
    const failing: LookupFunction = (_host, _options, callback) => {
      calls += 1;
      const error: NodeJS.ErrnoException = new Error('EAI_AGAIN');
      error.code = 'EAI_AGAIN';
      callback(error, '', 0);
    };
    const lookup = cacheLookup(failing);
    const ask = () => new Promise<unknown>((resolve) => lookup('a.example', {}, (error) => resolve(error?.code)));
    expect(await ask()).toBe('EAI_AGAIN');
    expect(await ask()).toBe('EAI_AGAIN');
    expect(calls).toBe(2);
  });
});
