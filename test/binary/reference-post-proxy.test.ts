/**
 * The reference post, checked by the built CLI through an intercepting HTTPS proxy with a private CA, as in a
 * company network: the proxy is the only way out and the only resolver, and answers for every public host
 * (web.archive.org included) from the recording in fixtures/web/reference-post-today.json, the data the
 * acceptance test and `npm run demo` replay. The https addresses the recording marks `refused` are hosts that
 * refuse port 443: the proxy answers their CONNECT with 502 and `Proxy-Status: …; error=connection_refused`.
 * Then the same through the proxy with a JSON report, a results cache and `--fix --dry-run`.
 *
 * Before the fix of issue 11, 40 of the 54 URLs came out `unreachable/protocol-error` here.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/index.js';
import { createCertificateAuthority, type CertificateAuthority } from './certificate-authority.js';
import { linksOf, runBinary, type BinaryRun, type ReportLink } from './run-binary.js';
import { startTestProxy, type TestProxy, type WebHandler } from './test-proxy.js';

const POST_NAME = '2017-03-01-learning-deep-learning.md';
const POST_SOURCE = fileURLToPath(new URL(`../../fixtures/posts/${POST_NAME}`, import.meta.url));
type Answer = { status: number; body?: string; headers?: Record<string, string> };
const RECORDED = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/web/reference-post-today.json', import.meta.url)), 'utf8')) as {
  routes: Record<string, Answer | 'refused'>;
  captures: Record<string, string>;
};
const NOT_FOUND: Answer = { status: 404, headers: { 'content-type': 'text/html' }, body: '<title>404 Not Found</title><h1>Not Found</h1>' };

/** The Wayback CDX API as linkrot asks it: the capture on or before `to`, if the recording has one. */
function cdx(url: URL): Answer {
  const original = url.searchParams.get('url') ?? '';
  const timestamp = RECORDED.captures[original];
  const to = url.searchParams.get('to');
  const rows = timestamp !== undefined && to !== null && timestamp.slice(0, 8) <= to ? [['timestamp', 'original', 'statuscode', 'mimetype'], [timestamp, original, '200', 'text/html']] : [];
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(rows) };
}

const answer: WebHandler = (url, request, response) => {
  const recorded = RECORDED.routes[url.href];
  const found = url.origin === 'https://web.archive.org' && url.pathname === '/cdx/search/cdx' ? cdx(url) : recorded === undefined || recorded === 'refused' ? NOT_FOUND : recorded;
  response.writeHead(found.status, found.headers);
  response.end(request.method === 'HEAD' ? undefined : (found.body ?? ''));
};

const refusedHosts = new Set(Object.entries(RECORDED.routes).flatMap(([url, route]) => (route === 'refused' ? [new URL(url).hostname] : [])));

let ca: CertificateAuthority;
let proxy: TestProxy;
let dir = '';
let post = '';
let env: Record<string, string>;
let first: BinaryRun;
let links: Map<string, ReportLink>;

/** Requests the proxy has seen so far: plain, tunnels and intercepted. */
const seenByProxy = (): number => proxy.forwarded.length + proxy.connects.length + proxy.intercepted.length;

beforeAll(async () => {
  ca = await createCertificateAuthority('Example Corp TLS Inspection CA');
  proxy = await startTestProxy({ intercept: { ca, web: answer }, refusedHosts });
  dir = await mkdtemp(join(tmpdir(), 'linkrot-reference-proxy-'));
  post = join(dir, POST_NAME);
  await writeFile(post, await readFile(POST_SOURCE));
  env = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: ca.caFile };
  first = await runBinary(['check', '--format', 'json', '--output', join(dir, 'report.json'), `--cache=${join(dir, 'cache.json')}`, post], { env, timeoutMs: 90_000 });
  links = linksOf(await readFile(join(dir, 'report.json'), 'utf8'));
}, 120_000);

afterAll(async () => {
  await proxy.close();
  ca.remove();
  await rm(dir, { recursive: true, force: true });
});

const verdictOf = (url: string): string => {
  const link = links.get(url);
  return link === undefined ? 'missing' : `${link.state}/${link.reason}`;
};

describe('the reference post through an intercepting proxy', () => {
  it('runs through the proxy alone: exit 1 for the dead links, nothing unreachable, no name resolved here', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    expect(first.seen.lookups).toEqual([]);
    expect(first.seen.missingApi).toEqual([]);
    expect([...links.values()].filter((link) => link.state === 'unreachable').map((link) => link.url)).toEqual([]);
    expect(proxy.intercepted.length).toBeGreaterThan(40);
  });

  it('the JSON report validates and its summary adds up', async () => {
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as { summary: Record<string, number> };
    expect(validateReport(report)).toEqual([]);
    expect(report.summary).toMatchObject({ links: 55, urls: 54, dead: 5, blocked: 1, suspicious: 0, unreachable: 0, skipped: 0 });
  });

  it('the dead links, each with the dated snapshot the archive has from before the post', () => {
    expect(verdictOf('https://plus.google.com/communities/112866381580457264725')).toBe('dead/known-dead');
    expect(verdictOf('https://www.coursera.org/learn/neural-networks')).toBe('dead/known-dead');
    expect(verdictOf('https://webdocs.cs.ualberta.ca/~sutton/book/ebook/the-book.html')).toBe('dead/http-404');
    for (const [url, timestamp] of Object.entries(RECORDED.captures)) {
      expect(links.get(url)?.state, url).toBe('dead');
      expect(links.get(url)?.suggestions, url).toEqual([expect.objectContaining({ kind: 'archive', timestamp, url: `https://web.archive.org/web/${timestamp}/${url}` })]);
    }
  });

  it('live, moved and walled links, and the https probe of a host that refuses 443', () => {
    expect(verdictOf('https://www.coursera.org/learn/machine-learning')).toBe('alive/ok');
    expect(verdictOf('https://twitter.com/ColorizeBot')).toBe('blocked/login-wall');
    expect(verdictOf('http://arxiv.org/abs/1406.2661')).toBe('redirected/redirect-permanent');
    expect(links.get('https://www.metamind.io/')?.suggestions.map((suggestion) => `${suggestion.kind} ${suggestion.url}`)).toEqual([
      'moved https://www.salesforce.com/products/einstein/overview/',
    ]);
    // The proxy said the https address refuses connections: the http link stays alive, with no https suggestion.
    const pdf = 'http://www.iro.umontreal.ca/~bengioy/talks/DL-Tutorial-NIPS2015.pdf';
    expect([verdictOf(pdf), links.get(pdf)?.suggestions]).toEqual(['alive/ok', []]);
    expect(proxy.connects).toContain('www.iro.umontreal.ca:443');
    expect(verdictOf('http://yann.lecun.com/exdb/mnist/')).toBe('alive/ok');
    expect(links.get('http://yann.lecun.com/exdb/mnist/')?.suggestions.map((suggestion) => suggestion.kind)).toEqual(['https']);
  });

  it('a second run with the cache sends nothing through the proxy and gives the same verdicts', async () => {
    const before = seenByProxy();
    const again = await runBinary(['check', '--format', 'json', `--cache=${join(dir, 'cache.json')}`, post], { env, timeoutMs: 90_000 });
    expect(again.code).toBe(1);
    expect(seenByProxy()).toBe(before);
    expect(new Map([...linksOf(again.stdout)].map(([url, link]) => [url, `${link.state}/${link.reason}`]))).toEqual(
      new Map([...links].map(([url, link]) => [url, `${link.state}/${link.reason}`])),
    );
  });

  it('--fix --dry-run through the proxy shows the archive rewrites and leaves the post as it was', async () => {
    const original = await readFile(post, 'utf8');
    const dry = await runBinary(['check', '--fix=archive', '--dry-run', '--quiet', post], { env, timeoutMs: 90_000 });
    expect(dry.code).toBe(1);
    for (const [url, timestamp] of Object.entries(RECORDED.captures)) {
      expect(dry.stdout).toContain(`https://web.archive.org/web/${timestamp}/${url}`);
    }
    expect(dry.stdout.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++'))).toHaveLength(
      new Set(original.split('\n').filter((line) => Object.keys(RECORDED.captures).some((url) => line.includes(`(${url})`)))).size,
    );
    expect(await readFile(post, 'utf8')).toBe(original);
  });
});
