/**
 * Short links through the built binary: the "web" (bit.ly, goo.gl, example.com …) is a local proxy on 127.0.0.1
 * (HTTP_PROXY), the Wayback Machine the same server at --archive-url; nothing leaves the machine.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { validateReport } from '../../src/report/index.js';
import { runCli } from '../cli/run-cli.js';
import { startRawServer, startServer, type TestServer } from '../helpers/servers.js';

const HEADER = ['timestamp', 'original', 'statuscode', 'mimetype'];
const PAGE = `<html><head><title>An article</title></head><body><p>${'Words that make a page. '.repeat(40)}</p></body></html>`;

/** The web as the proxy serves it: URL → status and Location. */
const WEB: Record<string, { status: number; location?: string }> = {
  'http://bit.ly/2kXyZab': { status: 301, location: 'http://example.com/article' },
  'http://bit.ly/deadtarget': { status: 301, location: 'http://example.com/removed' },
  'http://goo.gl/AbCdEf': { status: 404 },
  'http://go.example.com/handbook': { status: 302, location: 'http://example.com/handbook' },
  'http://example.com/article': { status: 200 },
  'http://example.com/deep/learning': { status: 200 },
  'http://example.com/handbook': { status: 200 },
  'http://example.com/removed': { status: 404 },
};

let server: TestServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-short-cli-'));
  server = await startServer((request, response) => {
    const target = request.url ?? '/';
    if (target.startsWith('http://')) {
      const page = WEB[target] ?? { status: 404 };
      response.writeHead(page.status, { 'content-type': 'text/html', ...(page.location ? { location: page.location } : {}) });
      response.end(request.method === 'HEAD' || page.status !== 200 ? undefined : PAGE);
      return;
    }
    const url = new URL(target, server.origin);
    const json = (value: unknown): void => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (url.pathname === '/cdx/search/cdx') {
      const page = url.searchParams.get('url');
      if (page === 'http://goo.gl/AbCdEf' && url.searchParams.get('filter') === 'statuscode:30[1278]') {
        return json([HEADER, ['20170105093000', 'http://goo.gl/AbCdEf', '301', 'text/html']]);
      }
      if (page === 'http://example.com/removed' && url.searchParams.get('filter') === 'statuscode:200') {
        return json([HEADER, ['20161110101010', 'http://example.com/removed', '200', 'text/html']]);
      }
      return json([]);
    }
    if (url.pathname === '/web/20170105093000id_/http://goo.gl/AbCdEf') {
      response.writeHead(301, { location: `${server.origin}/web/20170105093000id_/http://example.com/deep/learning` });
      response.end();
      return;
    }
    response.writeHead(404);
    response.end();
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const POST = `---
date: 2017-03-01
---
A [Bitly link](http://bit.ly/2kXyZab) and a [goo.gl link](http://goo.gl/AbCdEf).

A [short link to a removed page](http://bit.ly/deadtarget) and [our handbook](http://go.example.com/handbook).
`;

describe('short links through the built binary', () => {
  it('reports each short link with its target, recovers goo.gl from the archive, and --fix=expand writes the targets', async () => {
    const post = join(dir, 'post.md');
    await writeFile(post, POST);
    // A shortener of one's own, from the config file.
    await writeFile(join(dir, 'linkrot.config.json'), JSON.stringify({ shorteners: [{ id: 'go-links', name: 'go links', hosts: ['go.example.com'] }] }));
    const env = { HTTP_PROXY: server.origin, NO_PROXY: '127.0.0.1' };
    const args = ['check', '--allow-private', '--archive-url', server.origin, '--retries', '0'];
    const out = join(dir, 'report.json');
    const run = await runCli([...args, '--format', 'json', '--output', out, 'post.md'], { cwd: dir, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    // The short links went to the local proxy, absolute-form, as a real proxy would receive them.
    expect(server.received.map((request) => request.url)).toContain('http://bit.ly/2kXyZab');
    const report = JSON.parse(await readFile(out, 'utf8')) as Report;
    expect(validateReport(report)).toEqual([]);
    const byUrl = new Map(report.files[0]!.links.map((link) => [link.url, link]));
    expect(byUrl.get('http://bit.ly/2kXyZab')).toMatchObject({ state: 'redirected', suggestions: [expect.objectContaining({ kind: 'expand', url: 'http://example.com/article' })] });
    expect(byUrl.get('http://go.example.com/handbook')).toMatchObject({ state: 'redirected', suggestions: [expect.objectContaining({ kind: 'expand', url: 'http://example.com/handbook' })] });
    const googl = byUrl.get('http://goo.gl/AbCdEf')!;
    expect(googl.state).toBe('dead');
    expect(googl.suggestions[0]).toMatchObject({ kind: 'expand', url: 'http://example.com/deep/learning' });
    const dead = byUrl.get('http://bit.ly/deadtarget')!;
    expect(dead).toMatchObject({ state: 'dead', reason: 'http-404' });
    expect(dead.detail).toContain('leads to http://example.com/removed, which is dead');
    expect(dead.suggestions[0]).toMatchObject({ kind: 'archive', url: `${server.origin}/web/20161110101010/http://example.com/removed` });

    const fixed = await runCli([...args, '--fix=expand', '--quiet', 'post.md'], { cwd: dir, env });
    expect(fixed.code).toBe(1);
    expect(await readFile(post, 'utf8')).toBe(
      POST.replace('http://bit.ly/2kXyZab', 'http://example.com/article')
        .replace('http://goo.gl/AbCdEf', 'http://example.com/deep/learning')
        .replace('http://go.example.com/handbook', 'http://example.com/handbook'),
    );
  });

  it('archive.org resetting connections: one connection in all, however many short links are dead, and one notice', async () => {
    const down = join(dir, 'archive-down');
    await mkdir(down, { recursive: true });
    const dead = ['Gone1', 'Gone2', 'Gone3', 'Gone4'].map((id) => `http://goo.gl/${id}`);
    await writeFile(join(down, 'post.md'), `---\ndate: 2017-03-01\n---\n${dead.map((url) => `[a goo.gl link](${url})`).join(' and ')}, and [an article](http://example.com/article).\n`);
    // A middlebox that resets archive.org's connections (lychee #1501, 2024-09-16).
    const archive = await startRawServer((socket: Socket) => socket.once('data', () => socket.resetAndDestroy()));
    try {
      const out = join(down, 'report.json');
      // The stand-in gets archive.org's one request at a time (linkrot gives it to web.archive.org, not to an
      // --archive-url on another host): with eight at a time, two lookups left before the first reset came back.
      await writeFile(join(down, 'archive-host.json'), JSON.stringify({ hosts: { '127.0.0.1': { concurrency: 1 } } }));
      const args = ['check', '--allow-private', '--retries', '0', '--archive-url', archive.origin, '--config', 'archive-host.json', '--format', 'json', '--output', out, 'post.md'];
      const run = await runCli(args, { cwd: down, env: { HTTP_PROXY: server.origin, NO_PROXY: '127.0.0.1' } });
      expect(run.code).toBe(1);
      expect(archive.connections).toBe(1);
      const report = JSON.parse(await readFile(out, 'utf8')) as Report;
      expect(validateReport(report)).toEqual([]);
      expect(report.notices).toEqual([{ code: 'archive-unreachable', message: expect.stringMatching(/; 4 dead links have no archive suggestion$/) as unknown, links: 4 }]);
      expect(report.files[0]!.links.filter((link) => link.archive === 'unavailable').map((link) => link.url)).toEqual(dead);
    } finally {
      await archive.close();
    }
  });

  it('a malformed shortener in the config is one line and exit 2', async () => {
    await writeFile(join(dir, 'linkrot.config.json'), JSON.stringify({ shorteners: [{ id: 'Bad Id', name: 'x', hosts: ['go.example.com'] }] }));
    const run = await runCli(['check', 'post.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^linkrot: Invalid config `linkrot\.config\.json`: .*shorteners\[0\]/);
  });
});
