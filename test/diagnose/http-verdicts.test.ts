import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/index.js';
import type { NetworkErrorCode } from '../../src/model.js';
import { input, redirected, result, SETTINGS } from './helpers.js';

const URL_A = 'https://example.com/articles/a-post';

function judge(checkResult: ReturnType<typeof result>) {
  return diagnose(input(checkResult.url, checkResult), SETTINGS);
}

describe('HTTP verdicts', () => {
  it.each([
    [200, 'alive', 'ok'],
    [404, 'dead', 'http-404'],
    [410, 'dead', 'http-410'],
    [400, 'dead', 'http-4xx'],
    [451, 'dead', 'http-4xx'],
    [500, 'unreachable', 'http-5xx'],
    [503, 'unreachable', 'http-5xx'],
    [429, 'unreachable', 'rate-limited'],
    [401, 'blocked', 'login-wall'],
    [403, 'blocked', 'bot-protection'],
    [999, 'blocked', 'bot-protection'],
  ])('status %i is %s/%s and keeps the status', (status, state, reason) => {
    const verdict = judge(result(URL_A, { status }));
    expect([verdict.state, verdict.reason]).toEqual([state, reason]);
    expect(verdict.httpStatus).toBe(status);
    expect(verdict.detail).toMatch(/\.$/);
  });

  it.each<[NetworkErrorCode, string, string]>([
    ['dns-not-found', 'dead', 'dns-not-found'],
    ['dns-error', 'unreachable', 'dns-error'],
    ['timeout', 'unreachable', 'timeout'],
    ['connection-refused', 'unreachable', 'connection-refused'],
    ['connection-reset', 'unreachable', 'connection-reset'],
    ['tls-error', 'unreachable', 'tls-error'],
    ['redirect-loop', 'unreachable', 'redirect-loop'],
    ['too-many-redirects', 'unreachable', 'too-many-redirects'],
    ['proxy-error', 'unreachable', 'network-error'],
    ['invalid-redirect', 'suspicious', 'invalid-redirect'],
    ['private-address', 'skipped', 'private-address'],
  ])('network error %s is %s/%s', (code, state, reason) => {
    const { status: _status, ...rest } = result(URL_A);
    const verdict = judge({ ...rest, error: { code, message: 'boom' } });
    expect([verdict.state, verdict.reason]).toEqual([state, reason]);
    expect(verdict.httpStatus).toBeUndefined();
  });

  it('a redirect that leads to a private address is blocked, not skipped', () => {
    const { status: _status, ...rest } = redirected(URL_A, [[URL_A, 302]], 'http://10.0.0.7/admin');
    const verdict = judge({ ...rest, error: { code: 'private-address', message: 'private' } });
    expect([verdict.state, verdict.reason]).toEqual(['blocked', 'private-redirect']);
  });

  it('a 403 carrying a Cloudflare challenge is a bot wall, and says so', () => {
    const verdict = judge(result(URL_A, { status: 403, headers: { 'cf-mitigated': 'challenge', server: 'cloudflare' } }));
    expect(verdict.reason).toBe('bot-protection');
    expect(verdict.detail).toContain('challenge');
  });

  it('a 503 challenge page is blocked, a plain 503 is unreachable', () => {
    const challenge = '<html><head><title>Just a moment...</title></head><body><div id="challenge-platform"></div></body></html>';
    const walled = judge(result(URL_A, { status: 503, body: { text: challenge, bytes: challenge.length, truncated: false } }));
    expect([walled.state, walled.reason]).toEqual(['blocked', 'bot-protection']);
    expect(judge(result(URL_A, { status: 503, attempts: 3 })).detail).toContain('after 3 attempts');
  });

  it('an S3 AccessDenied 403 is a missing file, not a bot wall', () => {
    const xml = '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
    const verdict = judge(result(URL_A, { status: 403, body: { text: xml, bytes: xml.length, truncated: false } }));
    expect([verdict.state, verdict.reason]).toEqual(['dead', 'http-4xx']);
  });

  it('accepts extra status codes per host from settings', () => {
    const checkResult = result(URL_A, { status: 403 });
    const verdict = diagnose(input(URL_A, checkResult), { ...SETTINGS, acceptStatus: { 'example.com': [403] } });
    expect([verdict.state, verdict.reason]).toEqual(['alive', 'ok']);
    expect(verdict.detail).toContain('accepted');
    const other = diagnose(input(URL_A, checkResult), { ...SETTINGS, acceptStatus: { 'example.org': [403] } });
    expect(other.state).toBe('blocked');
  });
});

describe('redirect verdicts', () => {
  it('a permanent redirect is redirected/redirect-permanent with the final URL as a moved suggestion', () => {
    const final = 'https://example.org/new/place';
    const verdict = judge(redirected(URL_A, [[URL_A, 301]], final));
    expect([verdict.state, verdict.reason]).toEqual(['redirected', 'redirect-permanent']);
    expect(verdict.finalUrl).toBe(final);
    expect(verdict.redirects).toHaveLength(1);
    expect(verdict.suggestions).toEqual([{ kind: 'moved', url: final, note: 'moved permanently (301)' }]);
  });

  it('a temporary redirect suggests nothing to replace the link with', () => {
    const verdict = judge(redirected(URL_A, [[URL_A, 302]], 'https://example.com/articles/a-post?session=1'));
    expect([verdict.state, verdict.reason]).toEqual(['redirected', 'redirect-temporary']);
    expect(verdict.suggestions).toEqual([]);
  });

  it('a chain starting with a permanent hop suggests the permanent part only', () => {
    const httpUrl = 'http://example.com/articles/a-post';
    const verdict = judge(redirected(httpUrl, [[httpUrl, 301], [URL_A, 307]], 'https://example.com/articles/a-post/?lang=en'));
    expect(verdict.reason).toBe('redirect-temporary');
    expect(verdict.suggestions).toEqual([{ kind: 'https', url: URL_A, note: 'the server redirects permanently to https' }]);
  });

  it.each([
    ['https://www.example.com/'],
    ['https://www.example.com/en/'],
    ['https://www.example.com/courses'],
    ['https://www.example.com/browse?source=deprecated'],
    ['https://www.example.com/?redirect=%2Flearn%2Fold&reason=not-found'],
  ])('a deep link that lands on %s is suspicious redirect-to-homepage', (final) => {
    const verdict = judge(redirected(URL_A, [[URL_A, 301]], final));
    expect([verdict.state, verdict.reason]).toEqual(['suspicious', 'redirect-to-homepage']);
    expect(verdict.suggestions).toEqual([]);
  });

  it('a link to a home page (/index) that redirects to another home page is only redirected', () => {
    const verdict = judge(redirected('http://image-net.org/index', [['http://image-net.org/index', 301]], 'https://www.image-net.org/index.php'));
    expect([verdict.state, verdict.reason]).toEqual(['redirected', 'redirect-permanent']);
  });

  it('a root link that redirects to another root is only redirected', () => {
    const verdict = judge(redirected('http://example.com/', [['http://example.com/', 301]], 'https://www.example.com/'));
    expect(verdict.state).toBe('redirected');
  });

  it('a redirect to a page named 404 is a soft 404', () => {
    const verdict = judge(redirected(URL_A, [[URL_A, 302]], 'https://example.com/errors/404.html'));
    expect([verdict.state, verdict.reason]).toEqual(['dead', 'soft-404']);
  });

  it('a redirect to a sign-in page is a login wall', () => {
    const verdict = judge(redirected(URL_A, [[URL_A, 302]], 'https://accounts.google.com/ServiceLogin?continue=x'));
    expect([verdict.state, verdict.reason]).toEqual(['blocked', 'login-wall']);
  });
});
