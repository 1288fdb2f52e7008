/**
 * `--format html` through the built binary, against a site and an archive on 127.0.0.1: the page is written
 * atomically to `--output`, holds the dead link with its dated archive copy, and the format is refused where it
 * makes no sense.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { startServer, type TestServer } from '../helpers/servers.js';

let site: TestServer;
let dir = '';

beforeAll(async () => {
  site = await startServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/ok') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<title>A page</title><p>Enough real content to be a page.</p>');
    } else if (url.pathname === '/cdx/search/cdx') {
      const rows = [['timestamp', 'original', 'statuscode', 'mimetype'], ['20161201120000', url.searchParams.get('url') ?? '', '200', 'text/html']];
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows));
    } else {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
    }
  });
  dir = await mkdtemp(join(tmpdir(), 'linkrot-html-cli-'));
});

afterAll(async () => {
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

describe('linkrot check --format html', () => {
  it('writes the page to --output (and nothing to stdout), with the dead link and its dated archive copy', async () => {
    const post = join(dir, '2016-12-24-post.md');
    await writeFile(post, `---\ntitle: A <post>\n---\nSee [the page](${site.origin}/ok) and [a \`<gone>\` page](${site.origin}/gone).\n`);
    const out = join(dir, 'report.html');
    const run = await runCli(['check', '--allow-private', '--archive-url', site.origin, '--format', 'html', '--output', out, post]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
    const html = await readFile(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n/);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;');
    expect(html).toContain('<h2 id="post-1">A &lt;post&gt;</h2>');
    expect(html).toMatch(new RegExp(`<tr id="[^"]+" data-state="dead" data-reason="http-404"[^>]*><td class="line">4</td><td><span class="text">a &lt;gone&gt; page</span>`));
    expect(html).toContain(`Archive copy of 2016-12-01:</span> <a class="url" href="${site.origin}/web/20161201120000/${site.origin}/gone"`);
    // written atomically: no temporary file left beside it
    expect((await readdir(dir)).sort()).toEqual(['2016-12-24-post.md', 'report.html']);
  });

  it('is taken from the config file, and printed to stdout without --output', async () => {
    const post = join(dir, 'plain.md');
    await writeFile(post, `[ok](${site.origin}/ok)\n`);
    await writeFile(join(dir, 'linkrot.config.json'), JSON.stringify({ format: 'html', archive: false }));
    const run = await runCli(['check', '--allow-private', 'plain.md'], { cwd: dir });
    await rm(join(dir, 'linkrot.config.json'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>/);
    expect(run.stdout).toContain('data-state="alive"');
  });

  it('refuses html where there is no verdict to show, and names it among the formats', async () => {
    const extract = await runCli(['extract', '--format', 'html', 'fixtures/posts/2017-03-01-learning-deep-learning.md']);
    expect(extract.code).toBe(2);
    expect(extract.stderr.trim().split('\n')).toEqual(['linkrot: extract --format expects text or json']);
    const unknown = await runCli(['check', '--format', 'htm', 'x.md']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--format expects one of text, json, markdown, github, html, got `htm`');
  });
});
