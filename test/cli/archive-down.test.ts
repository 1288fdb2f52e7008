/**
 * The built binary with archive.org unreachable: refused, reset, hung, and its name not resolving (NXDOMAIN, or the
 * resolver failing as in a sandbox). Each run is compared with the same run under `--no-archive`: it must end
 * about as soon, say once why there are no archive suggestions, mark the links' archive status `unavailable`,
 * keep the exit code, and leave nothing of it in the results cache (so the next run asks again).
 *
 * The stand-ins for archive.org listen on 127.0.0.2 with archive.org's politeness (one request at a time, one a
 * second, as linkrot applies to web.archive.org); the blog's pages are on 127.0.0.1.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { validateReport } from '../../src/report/index.js';
import { runCli, type CliRun } from './run-cli.js';

const DEAD = 20;
/** Per-attempt deadline of every run here (the hung archive costs two of them). */
const TIMEOUT_MS = 1000;
/**
 * What a run with archive.org down may take beyond its `--no-archive` twin: generous for a loaded machine, far
 * below what one lookup after the other costs (20 lookups × 3 attempts with back-off ≥ 60 s).
 */
const slack = (baselineMs: number, extraMs = 0): number => baselineMs * 2 + 8_000 + extraMs;

let dir = '';
let site: Server;
let siteBase = '';
const servers: Array<Server | NetServer> = [];
const sockets = new Set<Socket>();

function listen<T extends Server | NetServer>(server: T, host: string): Promise<number> {
  servers.push(server);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));
}

/**
 * A raw archive stand-in on 127.0.0.2 that does `onConnection` with every connection; counts the connections that
 * carried a request (undici may open one it then does not use).
 */
async function rawArchive(onConnection: (socket: Socket) => void): Promise<{ base: string; requests: () => number }> {
  let requests = 0;
  const server = createNetServer((socket) => {
    socket.once('data', () => (requests += 1));
    onConnection(socket);
  });
  const port = await listen(server, '127.0.0.2');
  return { base: `http://127.0.0.2:${port}`, requests: () => requests };
}

interface Timed extends CliRun {
  ms: number;
}

/** Runs `check` on the post; `config` names the config file in `dir` (the CLI refuses `--config` given twice). */
async function linkrot(args: string[], env: Record<string, string> = {}, config = 'linkrot.config.json'): Promise<Timed> {
  const started = Date.now();
  const run = await runCli(['check', join(dir, 'post.md'), '--allow-private', '--timeout', `${TIMEOUT_MS}ms`, '--config', join(dir, config), ...args], {
    cwd: dir,
    env,
    timeoutMs: 180_000,
  });
  return { ...run, ms: Date.now() - started };
}

function parse(run: CliRun): Report {
  const report = JSON.parse(run.stdout) as Report;
  expect(validateReport(report)).toEqual([]);
  return report;
}

let baseline: Timed;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-archive-down-'));
  site = createHttpServer((request, response) => {
    const dead = request.url !== '/ok';
    response.writeHead(dead ? 404 : 200, { 'content-type': 'text/html' });
    response.end(dead ? '<title>Not found</title>' : '<html><head><title>A page</title></head><body><h1>Hello</h1><p>Real content, long enough to be a page.</p></body></html>');
  });
  siteBase = `http://127.0.0.1:${await listen(site, '127.0.0.1')}`;
  const links = Array.from({ length: DEAD }, (_, n) => `- [gone ${n}](${siteBase}/gone-${n})`).join('\n');
  await writeFile(join(dir, 'post.md'), `---\ntitle: A post\ndate: 2017-03-01\n---\nSee [the page](${siteBase}/ok).\n\n${links}\n`);
  await writeFile(join(dir, 'linkrot.config.json'), JSON.stringify({ hosts: { '127.0.0.2': { concurrency: 1, intervalMs: 1000 } } }));
  // Stands in for the system resolver in the child: `.invalid` names fail as RFC 6761 says they must (NXDOMAIN),
  // `*.eai-again.invalid` as a resolver that cannot be reached (EAI_AGAIN). No query leaves the machine.
  await writeFile(
    join(dir, 'resolver.mjs'),
    `import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
const original = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
  if (typeof options === 'function') [options, callback] = [{}, options];
  if (hostname === 'localhost' || /^[0-9.]+$/.test(hostname)) return original.call(dns, hostname, options, callback);
  const code = hostname.endsWith('.eai-again.invalid') ? 'EAI_AGAIN' : 'ENOTFOUND';
  const error = Object.assign(new Error(\`getaddrinfo \${code} \${hostname}\`), { code, syscall: 'getaddrinfo', hostname });
  process.nextTick(callback, error);
};
syncBuiltinESMExports();
`,
  );
  baseline = await linkrot(['--format', 'json', '--no-archive', '--no-cache']);
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await rm(dir, { recursive: true, force: true });
});

/** The checks every archive-down run must pass. */
async function expectArchiveDown(run: Timed, cacheFile: string, extraMs = 0): Promise<Report> {
  expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  expect(run.code).toBe(baseline.code);
  expect(baseline.code).toBe(1);
  const report = parse(run);
  expect(report.summary.dead).toBe(DEAD);
  expect(report.notices).toHaveLength(1);
  expect(report.notices![0]).toMatchObject({ code: 'archive-unreachable', links: DEAD });
  expect(report.notices![0]!.message).toMatch(new RegExp(`^archive\\.org could not be reached: .+; ${DEAD} dead links have no archive suggestion$`));
  const links = report.files.flatMap((file) => file.links);
  expect(links.filter((link) => link.state === 'dead').map((link) => link.archive)).toEqual(Array.from({ length: DEAD }, () => 'unavailable'));
  // Said once, in the notice: not repeated in every link's detail.
  expect(links.some((link) => link.detail.includes('could not be reached') || link.detail.includes('archive unavailable'))).toBe(false);
  expect(run.ms, `${run.ms} ms against ${baseline.ms} ms with --no-archive`).toBeLessThanOrEqual(slack(baseline.ms, extraMs));
  const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as { verdicts: Record<string, unknown>; archive: Record<string, unknown> };
  expect(Object.keys(cache.verdicts).length).toBeGreaterThan(0);
  expect(cache.archive).toEqual({});
  expect(JSON.stringify(cache)).not.toMatch(/unavailable|could not be reached/);
  return report;
}

describe('the binary with archive.org unreachable', () => {
  it('refused: ends about as soon as --no-archive, one notice, archive unavailable, nothing cached', async () => {
    const probe = createNetServer();
    const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.2', () => resolve((probe.address() as AddressInfo).port)));
    await new Promise((resolve) => probe.close(resolve));
    const cache = join(dir, 'refused-cache.json');
    const run = await linkrot(['--format', 'json', `--cache=${cache}`, '--archive-url', `http://127.0.0.2:${port}`]);
    const report = await expectArchiveDown(run, cache);
    expect(report.notices![0]!.message).toContain('ECONNREFUSED');
  }, 200_000);

  it('reset: one connection for the whole run; the next run with the same cache asks again and finds the captures', async () => {
    const archive = await rawArchive((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const cache = join(dir, 'reset-cache.json');
    await expectArchiveDown(await linkrot(['--format', 'json', `--cache=${cache}`, '--archive-url', archive.base]), cache);
    expect(archive.requests()).toBe(1);

    // archive.org is back: nothing of the outage was kept, so every dead link is looked up and found.
    let cdxQueries = 0;
    const working = createHttpServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://archive.test');
      if (url.pathname !== '/cdx/search/cdx') return void response.writeHead(404).end();
      cdxQueries += 1;
      const rows = [['timestamp', 'original', 'statuscode', 'mimetype'], ['20161201120000', url.searchParams.get('url') ?? '', '200', 'text/html']];
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows));
    });
    const port = await listen(working, '127.0.0.2');
    // One a second is archive.org's politeness; the stand-in needs none, and the point here is what gets asked.
    await writeFile(join(dir, 'fast.config.json'), JSON.stringify({ hosts: { '127.0.0.2': { concurrency: 4, intervalMs: 0 } } }));
    const again = await linkrot(['--format', 'json', `--cache=${cache}`, '--archive-url', `http://127.0.0.2:${port}`], {}, 'fast.config.json');
    expect(again.stderr).toBe('');
    const report = parse(again);
    expect(report.notices).toBeUndefined();
    expect(cdxQueries).toBe(DEAD);
    const dead = report.files.flatMap((file) => file.links).filter((link) => link.state === 'dead');
    expect(dead.every((link) => link.archive === 'found' && link.suggestions[0]?.kind === 'archive')).toBe(true);
  }, 200_000);

  it('hung (accepts, never answers): given up after two timeouts in a row', async () => {
    const archive = await rawArchive(() => undefined);
    const cache = join(dir, 'hung-cache.json');
    const run = await linkrot(['--format', 'json', `--cache=${cache}`, '--archive-url', archive.base]);
    const report = await expectArchiveDown(run, cache, 2 * TIMEOUT_MS);
    expect(archive.requests()).toBe(2);
    expect(report.notices![0]!.message).toContain('2 times in a row');
  }, 200_000);

  it.each([
    ['its name does not exist (NXDOMAIN)', 'http://web.archive.invalid', 'ENOTFOUND'],
    ['the resolver cannot be reached (EAI_AGAIN, as in a sandbox)', 'http://web.eai-again.invalid', 'EAI_AGAIN'],
  ])('DNS: %s', async (_, archiveUrl, code) => {
    const cache = join(dir, `dns-${code}-cache.json`);
    const env = { NODE_OPTIONS: `--import=${join(dir, 'resolver.mjs')}` };
    const run = await linkrot(['--format', 'json', `--cache=${cache}`, '--archive-url', archiveUrl], env);
    const report = await expectArchiveDown(run, cache);
    expect(report.notices![0]!.message).toContain(code);
  }, 200_000);

  it.each([
    ['text', (out: string) => out.split('\n').filter((line) => line.includes('archive.org could not be reached')).length],
    ['markdown', (out: string) => out.split('could not be reached').length - 1],
    ['github', (out: string) => out.split('\n').filter((line) => line.startsWith('::warning title=linkrot%3A archive-unreachable::')).length],
  ])('says it once in the %s report, with the same exit code', async (format, count) => {
    const archive = await rawArchive((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const run = await linkrot(['--format', format, '--no-cache', '--archive-url', archive.base]);
    expect(run.code).toBe(baseline.code);
    expect(count(run.stdout)).toBe(1);
    expect(run.stdout).toContain(`${DEAD} dead links have no archive suggestion`);
    expect(run.ms).toBeLessThanOrEqual(slack(baseline.ms));
  }, 200_000);
});
