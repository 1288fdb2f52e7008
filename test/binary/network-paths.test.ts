/**
 * The built CLI (`dist/cli/main.js`, as `npm ci` leaves it) on every path a request can take: direct http and
 * https, through a forward proxy, a CONNECT tunnel, an https:// proxy, an intercepting proxy with a private CA,
 * NO_PROXY, and a proxy that refuses or fails. Everything runs on 127.0.0.1; the public names in the posts are
 * resolved only by the test proxy (the child process cannot resolve any name: observe.mjs fails every lookup and
 * records it, and no test may see one behind a proxy).
 *
 * Before the fix of issue 11, every https:// case through a proxy failed here (`unreachable/protocol-error`,
 * "this[kClient].connect is not a function", and `missing-api: connect on Pool` observed).
 */
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type Handler, type TestServer } from '../helpers/servers.js';
import { createCertificateAuthority, type CertificateAuthority } from './certificate-authority.js';
import { runBinary, verdicts, type BinaryRun } from './run-binary.js';
import { startTestProxy, type TestProxy, type TestProxyOptions, type WebHandler } from './test-proxy.js';

const PAGE = '<!doctype html><html><head><title>A page</title></head><body><h1>A page</h1><p>Plenty of real content here, long enough to read as a page that is still what it was.</p></body></html>';

/** An origin: `/ok` is a page, everything else 404. */
const site: Handler = (request, response) => {
  const found = request.url === '/ok';
  response.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  response.end(request.method === 'HEAD' ? undefined : found ? PAGE : '<title>Not Found</title><h1>Not Found</h1>');
};

/** The same, for an intercepting proxy that answers by full URL. */
const web = (pages: Record<string, number>): WebHandler => (url, request, response) => {
  const status = pages[url.href] ?? 404;
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  response.end(request.method === 'HEAD' ? undefined : status === 200 ? PAGE : '<title>Not Found</title><h1>Not Found</h1>');
};

let ca: CertificateAuthority;
let corporateCa: CertificateAuthority;
const cleanups: Array<() => Promise<void> | void> = [];
const runs: BinaryRun[] = [];
let dir = '';

beforeAll(async () => {
  ca = await createCertificateAuthority('linkrot test CA');
  corporateCa = await createCertificateAuthority('Example Corp TLS Inspection CA');
});

afterAll(() => {
  ca.remove();
  corporateCa.remove();
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-paths-'));
  return async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    // Nothing in the binary may look a method up that only undici's index gives dispatchers (checked last, so
    // that a failing test shows the verdicts first).
    expect(runs.splice(0).flatMap((run) => run.seen.missingApi)).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  };
});

async function origin(tlsName?: string): Promise<TestServer> {
  const server = await startServer(site, tlsName === undefined ? {} : { tls: await ca.issue(tlsName) });
  cleanups.push(() => server.close());
  return server;
}

async function proxy(options: TestProxyOptions): Promise<TestProxy> {
  const started = await startTestProxy(options);
  cleanups.push(() => started.close());
  return started;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `linkrot check --format json --no-archive` on a post that links to `urls`. */
async function check(urls: string[], env: Record<string, string>, extra: string[] = []): Promise<BinaryRun & { links: Record<string, string> }> {
  const post = join(dir, '2020-01-01-post.md');
  await writeFile(post, `---\ntitle: Links\n---\n${urls.map((url, index) => `- [link ${index}](${url})`).join('\n')}\n`);
  const run = await runBinary(['check', '--format', 'json', '--no-archive', ...extra, post], { env });
  expect(run.stderr, run.stderr).not.toMatch(/\n\s+at /);
  runs.push(run);
  const links = run.stdout.trim() === '' ? {} : verdicts(run.stdout);
  return { ...run, links };
}

describe('direct connections', () => {
  it('http: pages and 404s, no name resolved', async () => {
    const server = await origin();
    const run = await check([`${server.origin}/ok`, `${server.origin}/gone`], {}, ['--allow-private']);
    expect(run.links).toEqual({ [`${server.origin}/ok`]: 'alive/ok', [`${server.origin}/gone`]: 'dead/http-404' });
    expect(run.code).toBe(1);
    expect(run.seen.lookups).toEqual([]);
  });

  it('https with a CA made now: trusted through NODE_EXTRA_CA_CERTS, a TLS error without it', async () => {
    const server = await origin('127.0.0.1');
    const urls = [`${server.origin}/ok`, `${server.origin}/gone`];
    const trusted = await check(urls, { NODE_EXTRA_CA_CERTS: ca.caFile }, ['--allow-private']);
    expect(trusted.links).toEqual({ [urls[0]!]: 'alive/ok', [urls[1]!]: 'dead/http-404' });
    const untrusted = await check(urls, {}, ['--allow-private', '--retries', '0']);
    expect(untrusted.links).toEqual({ [urls[0]!]: 'unreachable/tls-error', [urls[1]!]: 'unreachable/tls-error' });
  });
});

describe('through a proxy (HTTP_PROXY / HTTPS_PROXY)', () => {
  it('http:// is forwarded to the proxy in absolute form; the proxy resolves the public name', async () => {
    const server = await origin();
    const forward = await proxy({ names: { 'plain.example.net': server.port } });
    const run = await check(['http://plain.example.net/ok', 'http://plain.example.net/gone'], { HTTP_PROXY: forward.url });
    expect(run.links).toEqual({ 'http://plain.example.net/ok': 'alive/ok', 'http://plain.example.net/gone': 'dead/http-404' });
    expect(forward.forwarded).toEqual(expect.arrayContaining([expect.stringMatching(/^(HEAD|GET) http:\/\/plain\.example\.net\/ok$/)]));
    expect(server.received.every((request) => request.headers.host === 'plain.example.net')).toBe(true);
    expect(run.seen.lookups).toEqual([]);
  });

  it('https:// goes through a CONNECT tunnel, with the origin certificate checked against NODE_EXTRA_CA_CERTS', async () => {
    const server = await origin('secure.example.net');
    const tunnel = await proxy({ names: { 'secure.example.net': server.port } });
    const urls = ['https://secure.example.net/ok', 'https://secure.example.net/gone'];
    const run = await check(urls, { HTTPS_PROXY: tunnel.url, NODE_EXTRA_CA_CERTS: ca.caFile });
    expect(run.links).toEqual({ [urls[0]!]: 'alive/ok', [urls[1]!]: 'dead/http-404' });
    expect(run.code).toBe(1);
    expect(new Set(tunnel.connects)).toEqual(new Set(['secure.example.net:443']));
    expect(tunnel.forwarded).toEqual([]);
    expect(server.received.map((request) => request.url)).toContain('/ok');
    expect(run.seen.lookups).toEqual([]);

    // The tunnel carries TLS end to end: an origin certificate nobody vouches for is a TLS error.
    const untrusted = await check(urls, { HTTPS_PROXY: tunnel.url }, ['--retries', '0']);
    expect(untrusted.links).toEqual({ [urls[0]!]: 'unreachable/tls-error', [urls[1]!]: 'unreachable/tls-error' });
  });

  it('an https:// proxy: its own certificate and the origin\'s are both checked against NODE_EXTRA_CA_CERTS', async () => {
    const server = await origin('secure.example.net');
    const tlsProxy = await proxy({ tls: await ca.issue('127.0.0.1'), names: { 'secure.example.net': server.port } });
    expect(tlsProxy.url).toMatch(/^https:/);
    const run = await check(['https://secure.example.net/ok'], { HTTPS_PROXY: tlsProxy.url, NODE_EXTRA_CA_CERTS: ca.caFile });
    expect(run.links).toEqual({ 'https://secure.example.net/ok': 'alive/ok' });
    expect(tlsProxy.connects).toContain('secure.example.net:443');
  });

  it('an intercepting proxy with its own CA answers for public hosts; no --allow-private, no lookup', async () => {
    const pages = { 'https://www.coursera.org/learn/machine-learning': 200, 'http://www.example.com/': 200 };
    const inspecting = await proxy({ intercept: { ca: corporateCa, web: web(pages) } });
    const googlePlus = 'https://plus.google.com/communities/112866381580457264725';
    const urls = ['https://www.coursera.org/learn/machine-learning', googlePlus, 'http://www.example.com/'];
    const env = { HTTPS_PROXY: inspecting.url, HTTP_PROXY: inspecting.url, NODE_EXTRA_CA_CERTS: corporateCa.caFile };
    const run = await check(urls, env);
    expect(run.links).toEqual({ [urls[0]!]: 'alive/ok', [googlePlus]: 'dead/known-dead', [urls[2]!]: 'alive/ok' });
    expect(inspecting.intercepted).toEqual(expect.arrayContaining([expect.stringMatching(/^(HEAD|GET) https:\/\/www\.coursera\.org\/learn\/machine-learning$/)]));
    expect(inspecting.connects).toContain('plus.google.com:443');
    expect(run.seen.lookups).toEqual([]);

    // Without the proxy's CA its certificates are untrusted: a TLS error, never a verdict on the page.
    const { NODE_EXTRA_CA_CERTS: _ca, ...withoutCa } = env;
    const untrusted = await check(urls.slice(0, 1), withoutCa, ['--retries', '0']);
    expect(untrusted.links).toEqual({ [urls[0]!]: 'unreachable/tls-error' });
  });

  it('a proxy that demands credentials: user:password in the proxy URL (percent-encoded) is sent as Basic Proxy-Authorization', async () => {
    // Corporate proxies ask for Basic credentials, given in HTTP_PROXY as http://user:pass@host:80/ with reserved
    // characters percent-encoded, '@' as %40 (haskell/cabal#1579, read 2026-12-05); curl URL-decodes proxy
    // credentials the same way (curl.se, CURLOPT_PROXYUSERPWD: "clark%20kent:superman", read 2026-12-05).
    const pages = { 'https://www.coursera.org/learn/machine-learning': 200, 'http://www.example.com/': 200 };
    const guarded = await proxy({ intercept: { ca: corporateCa, web: web(pages) }, credentials: 'alice:p@ss word' });
    const withCredentials = guarded.url.replace('://', '://alice:p%40ss%20word@');
    const urls = ['https://www.coursera.org/learn/machine-learning', 'http://www.example.com/'];
    const env = { HTTPS_PROXY: withCredentials, HTTP_PROXY: withCredentials, NODE_EXTRA_CA_CERTS: corporateCa.caFile };
    const run = await check(urls, env);
    expect(run.links).toEqual({ [urls[0]!]: 'alive/ok', [urls[1]!]: 'alive/ok' });
    const basic = `Basic ${Buffer.from('alice:p@ss word').toString('base64')}`;
    expect(guarded.authorizations.length).toBeGreaterThan(0);
    expect(new Set(guarded.authorizations)).toEqual(new Set([basic]));
    // The credentials never reach the report.
    expect(run.stdout).not.toContain('p%40ss');
    expect(run.stdout).not.toContain('alice');

    // Wrong credentials: 407 to both, unreachable, never dead.
    const wrong = guarded.url.replace('://', '://alice:guess@');
    const refused = await check(urls, { ...env, HTTPS_PROXY: wrong, HTTP_PROXY: wrong }, ['--retries', '0']);
    expect(Object.values(refused.links).every((verdict) => verdict.startsWith('unreachable/'))).toBe(true);
  });

  it('behind the proxy the private-address guard still holds, and a server that never answers ends in a timeout', async () => {
    const handler: WebHandler = (url, request, response) => {
      if (url.hostname === 'hangs.example.com') return; // accepts the request, never answers
      if (url.pathname === '/to-metadata') {
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        response.end();
        return;
      }
      web({ 'https://www.example.com/ok': 200 })(url, request, response);
    };
    const inspecting = await proxy({ intercept: { ca: corporateCa, web: handler } });
    const urls = ['https://www.example.com/ok', 'https://www.example.com/to-metadata', 'http://localhost:8080/admin', 'http://169.254.169.254/latest/', 'https://hangs.example.com/'];
    const env = { HTTPS_PROXY: inspecting.url, HTTP_PROXY: inspecting.url, NODE_EXTRA_CA_CERTS: corporateCa.caFile };
    const run = await check(urls, env, ['--retries', '0', '--timeout', '2s']);
    expect(run.links).toEqual({
      [urls[0]!]: 'alive/ok',
      [urls[1]!]: 'blocked/private-redirect',
      [urls[2]!]: 'skipped/private-address',
      [urls[3]!]: 'skipped/private-address',
      [urls[4]!]: 'unreachable/timeout',
    });
    // Nothing private was asked of the proxy, neither the links nor the redirect's target.
    const asked = [...inspecting.forwarded, ...inspecting.connects, ...inspecting.intercepted];
    expect(asked.filter((line) => /localhost|169\.254/.test(line))).toEqual([]);
  });

  it('NO_PROXY: listed hosts are reached directly, the rest through the proxy', async () => {
    const plain = await origin();
    const secure = await origin('127.0.0.1');
    const forward = await proxy({ names: { 'plain.example.net': plain.port } });
    const direct = [`${plain.origin}/ok`, `${secure.origin}/ok`];
    const env = { HTTP_PROXY: forward.url, HTTPS_PROXY: forward.url, NO_PROXY: 'localhost,127.0.0.1', NODE_EXTRA_CA_CERTS: ca.caFile };
    const run = await check([...direct, 'http://plain.example.net/ok'], env, ['--allow-private']);
    expect(run.links).toEqual({ [direct[0]!]: 'alive/ok', [direct[1]!]: 'alive/ok', 'http://plain.example.net/ok': 'alive/ok' });
    expect(forward.forwarded.every((line) => line.includes('plain.example.net'))).toBe(true);
    expect(forward.connects.every((target) => target.startsWith('plain.example.net:'))).toBe(true);
    expect(secure.received.length).toBeGreaterThan(0);
  });
  it('with only HTTPS_PROXY set, http:// links go direct (as with curl) and https:// through the proxy', async () => {
    const plain = await origin();
    const secure = await origin('secure.example.net');
    const tunnel = await proxy({ names: { 'secure.example.net': secure.port } });
    const run = await check([`${plain.origin}/ok`, 'https://secure.example.net/ok'], { HTTPS_PROXY: tunnel.url, NODE_EXTRA_CA_CERTS: ca.caFile }, ['--allow-private']);
    expect(run.links).toEqual({ [`${plain.origin}/ok`]: 'alive/ok', 'https://secure.example.net/ok': 'alive/ok' });
    expect(tunnel.forwarded).toEqual([]);
    // (the https probe of the http link is an https request: it goes through the proxy)
    expect(tunnel.connects).toContain('secure.example.net:443');
    expect(plain.received.map((request) => request.url)).toContain('/ok');
  });
});

describe('a name the local resolver does not find', () => {
  // A machine that reaches the web only through a proxy often resolves nothing itself (a sandbox, a CI runner
  // behind a corporate proxy): with only HTTPS_PROXY set, http:// links go direct and every lookup fails as
  // "not found". That is no proof the name is gone (issue 11: a false dead costs the user's trust).
  it('is dead/dns-not-found without a proxy, but only unreachable/dns-error when the web goes through one', async () => {
    // A page that answers, so that the run is not "no network" (which says so once and judges nothing).
    const site = await origin();
    const tunnel = await proxy({ names: {} });
    const url = 'http://blog.example.org/2016/a-post';
    const urls = [`${site.origin}/ok`, url];
    const direct = await check(urls, {}, ['--retries', '0', '--allow-private']);
    expect(direct.links).toEqual({ [`${site.origin}/ok`]: 'alive/ok', [url]: 'dead/dns-not-found' });
    const behindProxy = await check(urls, { HTTPS_PROXY: tunnel.url }, ['--retries', '0', '--allow-private']);
    expect(behindProxy.links).toEqual({ [`${site.origin}/ok`]: 'alive/ok', [url]: 'unreachable/dns-error' });
    expect(tunnel.forwarded).toEqual([]);
  });
});

describe('a proxy that refuses or fails', () => {
  it('no proxy listening: one line saying no host could be reached, exit 2, not a report of dead links', async () => {
    const port = await closedPort();
    const env = { HTTP_PROXY: `http://127.0.0.1:${port}`, HTTPS_PROXY: `http://127.0.0.1:${port}` };
    const run = await check(['https://www.coursera.org/learn/machine-learning', 'http://www.example.com/', 'https://github.com/'], env, ['--retries', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/network/i);
    expect(run.seen.lookups).toEqual([]);
  });

  it('CONNECT answered 403 (forbidden by policy): the https link is unreachable (network-error), never dead', async () => {
    const server = await origin();
    const strict = await proxy({ names: { 'plain.example.net': server.port }, refuseConnect: { status: 403 } });
    const env = { HTTP_PROXY: strict.url, HTTPS_PROXY: strict.url };
    const run = await check(['https://www.coursera.org/learn/machine-learning', 'http://plain.example.net/ok'], env, ['--retries', '0']);
    expect(run.links).toEqual({ 'https://www.coursera.org/learn/machine-learning': 'unreachable/network-error', 'http://plain.example.net/ok': 'alive/ok' });
    const report = JSON.parse(run.stdout) as { files: Array<{ links: Array<{ detail: string }> }> };
    expect(report.files[0]!.links[0]!.detail).toMatch(/proxy/i);
    expect(strict.connects).toContain('www.coursera.org:443');
  });

  it('407 (proxy authentication required) to CONNECT and to http://: unreachable (network-error), never dead', async () => {
    const server = await origin();
    const refusal = { status: 407, headers: { 'proxy-authenticate': 'Basic realm="proxy"' } };
    const locked = await proxy({ refuseConnect: refusal, refuseForward: refusal });
    // A host in NO_PROXY answers, so the run is not "no network".
    const env = { HTTP_PROXY: locked.url, HTTPS_PROXY: locked.url, NO_PROXY: '127.0.0.1' };
    const urls = ['https://www.coursera.org/learn/machine-learning', 'http://www.example.com/', `${server.origin}/ok`];
    const run = await check(urls, env, ['--retries', '0', '--allow-private']);
    expect(run.links).toEqual({ [urls[0]!]: 'unreachable/network-error', [urls[1]!]: 'unreachable/network-error', [urls[2]!]: 'alive/ok' });
    expect(locked.connects).toContain('www.coursera.org:443');
    expect(locked.forwarded).toEqual(expect.arrayContaining([expect.stringMatching(/ http:\/\/www\.example\.com\/$/)]));
  });

  it('the proxy\'s own 502 with Proxy-Status (RFC 9209) is read for http:// and for a failed CONNECT alike', async () => {
    const closed = await closedPort();
    const server = await origin();
    const failing = await proxy({ names: { 'refusing.example.net': closed, 'plain.example.net': server.port } });
    // Proxy-Status error types: dns_error (RFC 9209 §2.3.2) and connection_refused (§2.3.8). One page answers, so
    // the run is not "no network".
    const urls = ['http://gone-domain.example.net/', 'https://gone-domain.example.org/', 'http://refusing.example.net/', 'https://refusing.example.net/'];
    const run = await check([...urls, 'http://plain.example.net/ok'], { HTTP_PROXY: failing.url, HTTPS_PROXY: failing.url }, ['--retries', '0']);
    expect(run.links).toEqual({
      'http://plain.example.net/ok': 'alive/ok',
      [urls[0]!]: 'dead/dns-not-found',
      [urls[1]!]: 'dead/dns-not-found',
      [urls[2]!]: 'unreachable/connection-refused',
      [urls[3]!]: 'unreachable/connection-refused',
    });
    expect(failing.connects).toEqual(expect.arrayContaining(['gone-domain.example.org:443', 'refusing.example.net:443']));
    expect(run.seen.lookups).toEqual([]);
  });
});
