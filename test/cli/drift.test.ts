/**
 * `--drift` through the built binary, against real local servers: the blog's links on 127.0.0.1 as they are now,
 * a Wayback stand-in on 127.0.0.2 (CDX and raw `id_` captures) given with `--archive-url`. Proves the shipped
 * binary flags the changed page and not the renamed one, keeps the captures in the cache so that the next run asks
 * the archive nothing, lets `--fix=archive` use the capture, and stops the phase at a 429.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { validateReport } from '../../src/report/index.js';
import { pageHtml, PAIRS } from '../drift/pairs.js';
import { startRawServer } from '../helpers/servers.js';
import { runCli } from './run-cli.js';

const CAPTURED = '20170201120000';
// The issue's example (changed) and a renamed documentation site (the same page).
const CHANGED = PAIRS.find((pair) => pair.id === 'coursera-ml-course-replaced')!;
const RENAMED = PAIRS.find((pair) => pair.id === 'keras-docs-renamed')!;
const SIDES = new Map([
  ['/learn/machine-learning', CHANGED],
  ['/keras/', RENAMED],
]);

let dir = '';
let site = '';
const servers: Server[] = [];
const archive = { requests: [] as string[], mode: 'ok' as 'ok' | '429' };

function listen(server: Server, host: string): Promise<string> {
  servers.push(server);
  return new Promise((resolve) => server.listen(0, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`)));
}

let archiveBase = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-drift-cli-'));
  site = await listen(
    createServer((request, response) => {
      const pair = SIDES.get(new URL(request.url ?? '/', 'http://site.test').pathname);
      if (pair === undefined) return void response.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(pair.now));
    }),
    '127.0.0.1',
  );
  archiveBase = await listen(
    createServer((request, response) => {
      archive.requests.push(request.url ?? '');
      if (archive.mode === '429') return void response.writeHead(429, { 'content-type': 'text/plain' }).end('Too Many Requests');
      const url = new URL(request.url ?? '/', 'http://archive.test');
      if (url.pathname === '/cdx/search/cdx') {
        const original = url.searchParams.get('url') ?? '';
        const known = SIDES.has(new URL(original).pathname) && url.searchParams.get('to') === '20170301';
        const rows = known ? [['timestamp', 'original', 'statuscode', 'mimetype'], [CAPTURED, original, '200', 'text/html']] : [];
        return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows));
      }
      const raw = /^\/web\/(\d{14})id_\/(.+)$/.exec(url.pathname + url.search);
      const pair = raw === null ? undefined : SIDES.get(new URL(raw[2]!).pathname);
      if (pair === undefined) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(pair.then));
    }),
    '127.0.0.2',
  );
  await writeFile(
    join(dir, 'post.md'),
    `---\ntitle: Learning machine learning\ndate: 2017-03-01\n---\nTake [the course](${site}/learn/machine-learning) and read [the Keras docs](${site}/keras/).\n`,
  );
  // The stand-in needs no politeness; web.archive.org keeps its one request a second (the library test measures it).
  await writeFile(join(dir, 'linkrot.config.json'), JSON.stringify({ hosts: { '127.0.0.2': { concurrency: 1, intervalMs: 0 } } }));
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await rm(dir, { recursive: true, force: true });
});

function linkrot(args: string[]) {
  return runCli(['check', join(dir, 'post.md'), '--drift', '--allow-private', '--archive-url', archiveBase, '--retries', '0', '--config', join(dir, 'linkrot.config.json'), ...args], {
    cwd: dir,
    timeoutMs: 60_000,
  });
}

function parse(stdout: string): Report {
  const report = JSON.parse(stdout) as Report;
  expect(validateReport(report)).toEqual([]);
  return report;
}

describe('--drift through the built binary', () => {
  it('flags the replaced course, not the renamed docs; the next run with the cache asks archive.org nothing', async () => {
    archive.mode = 'ok';
    archive.requests = [];
    const cache = join(dir, 'cache.json');
    const first = await linkrot(['--format', 'json', `--cache=${cache}`]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const [course, docs] = parse(first.stdout).files[0]!.links;
    expect(course).toMatchObject({ state: 'suspicious', reason: 'content-changed', archive: 'found' });
    expect(course!.detail).toMatch(/then: «Machine Learning – Stanford University» · now: «Supervised Machine Learning: Regression and Classification»$/);
    expect(course!.suggestions[0]).toEqual({
      kind: 'archive',
      url: `${archiveBase}/web/${CAPTURED}/${site}/learn/machine-learning`,
      timestamp: CAPTURED,
      note: 'Wayback Machine capture of 2017-02-01',
    });
    expect(docs).toMatchObject({ state: 'alive', reason: 'ok' });
    expect(archive.requests.filter((path) => path.startsWith('/cdx/'))).toHaveLength(2);
    expect(archive.requests.filter((path) => path.includes('id_/'))).toHaveLength(2);

    archive.requests = [];
    const second = await linkrot(['--format', 'json', `--cache=${cache}`]);
    expect(second.code).toBe(0);
    expect(archive.requests).toEqual([]);
    expect(parse(second.stdout).files[0]!.links.map((link) => link.reason)).toEqual(['content-changed', 'ok']);

    // The text report says it in words.
    const text = await linkrot([`--cache=${cache}`]);
    expect(text.stdout).toContain('content-changed');
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('then: «Machine Learning – Stanford University» · now: «Supervised Machine Learning: Regression and Classification»');
    expect(archive.requests).toEqual([]);
  }, 120_000);

  it('--fix=archive replaces the changed link with its capture from before the post', async () => {
    archive.mode = 'ok';
    const copy = join(dir, 'fix.md');
    await writeFile(copy, await readFile(join(dir, 'post.md'), 'utf8'));
    const run = await runCli(['check', copy, '--drift', '--allow-private', '--archive-url', archiveBase, '--no-cache', '--config', join(dir, 'linkrot.config.json'), '--fix=archive', '--quiet'], { cwd: dir, timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    const fixed = await readFile(copy, 'utf8');
    expect(fixed).toContain(`[the course](${archiveBase}/web/${CAPTURED}/${site}/learn/machine-learning)`);
    expect(fixed).toContain(`[the Keras docs](${site}/keras/)`);
  }, 120_000);

  it('a 429 from archive.org ends the phase: one request, both links alive, one notice', async () => {
    archive.mode = '429';
    archive.requests = [];
    const run = await linkrot(['--format', 'json', '--no-cache']);
    expect(run.code).toBe(0);
    const report = parse(run.stdout);
    expect(report.files[0]!.links.map((link) => link.state)).toEqual(['alive', 'alive']);
    expect(report.notices).toEqual([{ code: 'drift-incomplete', message: expect.stringContaining('429'), links: 2 }]);
    expect(archive.requests).toHaveLength(1);
  }, 120_000);

  it('archive.org hung: the phase ends after two timeouts, both links stay alive, one notice', async () => {
    // web.archive.org "may take a long time to respond, which may result in timeout during the links check"
    // (endoflife-date/endoflife.date#3481, 2023-08-27): a connection accepted and never answered.
    const hung = await startRawServer(() => undefined);
    try {
      // Four pages: the phase must stop after the second timeout, not ask for all of them.
      const post = join(dir, 'four.md');
      const paths = ['/learn/machine-learning', '/keras/', '/keras/?page=2', '/learn/machine-learning?week=2'];
      await writeFile(post, `---\ndate: 2017-03-01\n---\n${paths.map((path) => `[a page](${site}${path})`).join(', ')}\n`);
      const args = ['check', post, '--drift', '--allow-private', '--archive-url', hung.origin, '--retries', '0', '--timeout', '500ms', '--no-cache', '--format', 'json'];
      const run = await runCli(args, { cwd: dir, timeoutMs: 60_000 });
      expect(run.code).toBe(0);
      const report = parse(run.stdout);
      expect(report.files[0]!.links.map((link) => link.state)).toEqual(['alive', 'alive', 'alive', 'alive']);
      expect(report.notices).toEqual([{ code: 'drift-incomplete', message: expect.any(String) as unknown, links: 4 }]);
      // Two lookups, each a timeout; after them archive.org counts as down and nothing more is asked.
      expect(hung.received.map((request) => request.url.split('?')[0])).toEqual(['/cdx/search/cdx', '/cdx/search/cdx']);
    } finally {
      await hung.close();
    }
  }, 120_000);

  it('--drift with --no-archive is a usage error', async () => {
    const run = await runCli(['check', join(dir, 'post.md'), '--drift', '--no-archive'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--drift .*--no-archive/);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
