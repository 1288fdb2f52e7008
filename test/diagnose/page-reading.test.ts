/**
 * Pages read only as far as the content checks need, over real HTTP: the reader stops once the title, the h1, the
 * opening and 20,000 characters of text are known, drains the rest when it fits in what the old limit read (the
 * connection stays), drops it when the page is longer than that (as reading to the limit did), and still finds
 * a not-found page whose message comes after a long inline script. Through the library and the built binary.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFetcher, DEFAULT_CHECK_SETTINGS } from '../../src/check/index.js';
import { DEFAULT_CONTENT_BODY_BYTES, diagnose, followUpsFor, requestFor, watchPage } from '../../src/diagnose/index.js';
import { scanBody, TEXT_CAP, VERDICT_TEXT } from '../../src/diagnose/html-scan.js';
import type { CheckResult, Report } from '../../src/model.js';
import { runCli } from '../cli/run-cli.js';
import { useCleanup } from '../check/helpers.js';
import type { TestServer } from '../helpers/servers.js';
import { link, SETTINGS } from './helpers.js';

const cleanup = useCleanup();
/** One keep-alive agent per test, as the binary has one dispatcher per run. */
let agent: Agent;
beforeEach(() => {
  agent = cleanup.track(new Agent({ connect: { timeout: 5_000 } }));
});

const PARAGRAPH = '<p>Gradient descent follows the slope of the loss downhill, one small step at a time, until it flattens out.</p>\n';

/** An article: a head with an inline script of `scriptBytes`, an h1, and paragraphs up to about `bytes`. */
function article(bytes: number, scriptBytes = 20_000): string {
  const script = `<script>${'var x = "<div id=\\"w\\"><h1>not this</h1></div>";\n'.repeat(Math.ceil(scriptBytes / 46))}</script>`;
  const head = `<!doctype html><html><head><meta charset="utf-8"><title>Notes on optimisers | Blog</title>${script}</head>`;
  const start = `${head}<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>Notes on optimisers</h1>`;
  const end = '</article></main><footer>© Blog</footer></body></html>';
  return `${start}${PARAGRAPH.repeat(Math.max(1, Math.ceil((bytes - start.length - end.length) / PARAGRAPH.length)))}${end}`;
}

/** Sends `page` in 16 KB writes, as a server streams a long page. */
function send(response: ServerResponse, page: string): void {
  const bytes = Buffer.from(page);
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(bytes.length) });
  let at = 0;
  const next = (): void => {
    while (at < bytes.length && !response.destroyed) {
      const piece = bytes.subarray(at, at + 16 * 1024);
      at += piece.length;
      if (!response.write(piece)) {
        response.once('drain', next);
        return;
      }
    }
    if (!response.destroyed) response.end();
  };
  next();
}

/** A page whose `<title>` is the site's name and whose "not found" comes after 60 KB of inline script. */
const LOST_PAGE = `<!doctype html><html><head><title>Example Blog</title><script>${'window.cfg = {"tpl": "<h1>Welcome</h1><p>Latest posts</p>"};\n'.repeat(1_100)}</script></head><body><h1>Page not found</h1><p>Sorry, the page you are looking for does not exist.</p></body></html>`;

/**
 * The pages of the test site: 2 MB and 90 KB articles, and a catch-all "not found" under /lost/. `sockets`: the
 * connection each path was served on (a connection the client kept serves its next request).
 */
async function startSite(sockets: Map<string, Socket>): Promise<TestServer> {
  const big = article(2 * 1024 * 1024);
  const normal = article(90 * 1024);
  return cleanup.serve((request, response) => {
    const path = request.url ?? '/';
    sockets.set(path, request.socket);
    if (path === '/big') send(response, big);
    else if (path.startsWith('/article')) send(response, normal);
    else if (path.startsWith('/lost/')) send(response, LOST_PAGE);
    else {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<h1>Not Found</h1>');
    }
  });
}

/** requestFor → fetch (pages watched, as the pipeline does) → follow-ups → diagnose. */
async function check(url: string, settings = SETTINGS): Promise<{ result: CheckResult; state: string; reason: string }> {
  const fetcher = createFetcher({ ...DEFAULT_CHECK_SETTINGS, allowPrivate: true, retries: 0 }, { dispatcher: agent, watchBody: watchPage });
  const result = await fetcher.fetch(requestFor(url, { fragment: false }, settings));
  const followUps: Record<string, CheckResult> = {};
  for (const followUp of followUpsFor(url, result, SETTINGS)) followUps[followUp.key] = await fetcher.fetch(followUp.request);
  const verdict = diagnose({ link: link(url), url, result, followUps, post: {} }, SETTINGS);
  return { result, state: verdict.state, reason: verdict.reason };
}

describe('pages read as far as the checks need', () => {
  it('stops reading a 2 MB page once its title, heading, opening and text are known, and drops the rest as the limit would have', async () => {
    const sockets = new Map<string, Socket>();
    const server = await startSite(sockets);
    const { result, state, reason } = await check(`${server.origin}/big`);
    expect([state, reason]).toEqual(['alive', 'ok']);
    expect(result.body?.truncated).toBe(true);
    // 20 KB of script and head, the chrome, then the text the verdicts need: well under the 256 KiB read before.
    expect(result.body!.bytes).toBeGreaterThan(40_000);
    expect(result.body!.bytes).toBeLessThan(96 * 1024);
    expect(result.body!.bytes).toBeLessThan(DEFAULT_CONTENT_BODY_BYTES);
    expect(result.body!.text.length).toBeLessThanOrEqual(result.body!.bytes);
    expect(result.body!.text).toContain('<h1>Notes on optimisers</h1>');
    // Longer than the limit: its connection is dropped (as at the limit before), and the next page gets a new one.
    await check(`${server.origin}/article-1`);
    expect(sockets.get('/article-1')).not.toBe(sockets.get('/big'));
  });

  it('reads the text the verdicts need (5,001 characters), and the whole capped text when content drift reads it', async () => {
    const sockets = new Map<string, Socket>();
    const server = await startSite(sockets);
    const verdicts = await check(`${server.origin}/article-1`);
    const drift = await check(`${server.origin}/article-2`, { ...SETTINGS, pageText: true });
    expect([verdicts.state, drift.state]).toEqual(['alive', 'alive']);
    const forVerdicts = scanBody(verdicts.result.body!);
    const forDrift = scanBody(drift.result.body!);
    expect(forVerdicts.textLength).toBeGreaterThanOrEqual(VERDICT_TEXT);
    expect(forVerdicts.textLength).toBeLessThan(TEXT_CAP);
    expect(forDrift.text.length).toBe(TEXT_CAP);
    expect(verdicts.result.body!.text.length).toBeLessThan(drift.result.body!.text.length);
  });

  it('drains the rest of a 90 KB page unread, so its connection serves the next page', async () => {
    const sockets = new Map<string, Socket>();
    const server = await startSite(sockets);
    const first = await check(`${server.origin}/article-1`);
    const second = await check(`${server.origin}/article-2`);
    expect([first.state, second.state]).toEqual(['alive', 'alive']);
    expect(first.result.body?.truncated).toBe(true);
    expect(first.result.body!.bytes).toBeLessThan(90 * 1024);
    expect(sockets.get('/article-2')).toBe(sockets.get('/article-1'));
  });

  it('still finds a not-found page whose message comes after 60 KB of inline script', async () => {
    const sockets = new Map<string, Socket>();
    const server = await startSite(sockets);
    expect(LOST_PAGE.length).toBeGreaterThan(60_000);
    const { result, state, reason } = await check(`${server.origin}/lost/old-post`);
    expect([state, reason]).toEqual(['dead', 'soft-404']);
    // Read to its end: its facts never settle (no article text), so nothing is cut.
    expect(result.body?.truncated).toBe(false);
  });

  it('gives the same verdicts through the built binary', async () => {
    const sockets = new Map<string, Socket>();
    const server = await startSite(sockets);
    const dir = await mkdtemp(join(tmpdir(), 'linkrot-page-reading-'));
    try {
      const urls = ['/big', '/article-1', '/article-2', '/lost/old-post'].map((path) => `${server.origin}${path}`);
      await writeFile(join(dir, 'post.md'), urls.map((url, index) => `Link ${index}: [read](${url})\n`).join('\n'));
      const output = join(dir, 'report.json');
      const run = await runCli(['check', dir, '--format', 'json', '--output', output, '--allow-private', '--no-archive']);
      expect(run.stderr).not.toMatch(/Error|at \w+ \(/);
      const report = JSON.parse(await readFile(output, 'utf8')) as Report;
      const states = report.files.flatMap((file) => file.links.map((entry) => `${entry.state}/${entry.reason}`));
      expect(states).toEqual(['alive/ok', 'alive/ok', 'alive/ok', 'dead/soft-404']);

    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
