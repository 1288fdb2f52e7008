import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/index.js';
import { REPO, runCli } from './run-cli.js';

const REFERENCE = 'fixtures/posts/2017-03-01-learning-deep-learning.md';

/** A small site on 127.0.0.1 that also plays the Wayback Machine (CDX + redirect lookup). */
let server: Server;
let base = '';
const received: Array<{ method: string; url: string }> = [];

function route(request: IncomingMessage): { status: number; headers?: Record<string, string>; body?: string } {
  const url = new URL(request.url ?? '/', base);
  switch (url.pathname) {
    case '/':
    case '/ok':
      return { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><head><title>A page</title></head><body><h1 id="intro">Intro</h1><p>Plenty of real content here, long enough to be a page.</p></body></html>' };
    case '/gone':
      return { status: 404, headers: { 'content-type': 'text/html' }, body: '<title>Not found</title>' };
    case '/old':
      return { status: 301, headers: { location: '/ok' } };
    case '/cdx/search/cdx': {
      const original = url.searchParams.get('url') ?? '';
      const rows = [['timestamp', 'original', 'statuscode', 'mimetype'], ['20161201120000', original, '200', 'text/html']];
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(original.includes('/gone') ? rows : rows.slice(0, 1)) };
    }
    default:
      if (url.pathname.startsWith('/web/')) return { status: 404 };
      return { status: 404, body: 'nothing here' };
  }
}

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push({ method: request.method ?? '', url: request.url ?? '' });
    const answer = route(request);
    response.writeHead(answer.status, answer.headers);
    response.end(request.method === 'HEAD' ? undefined : answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-cli-'));
  received.length = 0;
  return () => rm(dir, { recursive: true, force: true });
});

async function writePost(name = '2016-12-24-post.md'): Promise<string> {
  const path = join(dir, name);
  await writeFile(
    path,
    `---\ntitle: A post\n---\nSee [the page](${base}/ok#intro), [a gone page](${base}/gone) and\n[an old address](${base}/old).\r\nMail [me](mailto:me@example.com).\n`,
  );
  return path;
}

const local = ['--allow-private'];

describe('the linkrot binary', () => {
  it('prints help and its version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^linkrot — /);
    expect(help.stdout).toContain('--fail-on');
    const version = await runCli(['--version']);
    const manifest = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(manifest.version);
  });

  it('answers bad usage with one line and exit code 2', async () => {
    for (const args of [['--frobnicate', 'x.md'], ['--concurrency', 'many', 'x.md'], ['--fail-on', 'dead,weird', 'x.md'], ['--dry-run', 'x.md'], ['extract', '--fix', 'x.md'], []]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).toMatch(/^linkrot: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('names a missing input, reports the good ones, and exits 2', async () => {
    const post = await writePost();
    const run = await runCli(['extract', '--format', 'json', post, join(dir, 'missing.md')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.md');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(run.stdout) as { files: Array<{ links: unknown[] }> };
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.links).toHaveLength(4);
  });

  it('extracts the reference post as JSON', async () => {
    const run = await runCli(['extract', '--format', 'json', REFERENCE]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { schemaVersion: number; files: Array<{ date: string; title: string; links: Array<{ url: string; line: number }> }> };
    expect(report.schemaVersion).toBe(1);
    expect(report.files[0]!.date).toBe('2017-03-01');
    expect(report.files[0]!.title).toBe('Learning Deep Learning in 2 months');
    expect(report.files[0]!.links).toHaveLength(55);
  });

  it('checks a post: text report, exit code 1 for a dead link, archive suggestion from before the post date', async () => {
    const post = await writePost();
    const run = await runCli(['check', ...local, '--archive-url', base, post]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('/gone');
    expect(run.stdout).toMatch(/dead/i);
    expect(run.stdout).toContain('web/20161201120000/');
    // one request per unique URL and method; HEAD first for plain pages
    expect(received.filter((r) => r.url === '/gone').length).toBeGreaterThanOrEqual(1);
  });

  it('writes a JSON report that validates against the shipped schema', async () => {
    const post = await writePost();
    const out = join(dir, 'report.json');
    const run = await runCli(['check', ...local, '--archive-url', base, '--format', 'json', '--output', out, post]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const report = JSON.parse(await readFile(out, 'utf8')) as { files: Array<{ links: Array<{ url: string; state: string; reason: string; suggestions: Array<{ kind: string; url: string }> }> }> };
    expect(validateReport(report)).toEqual([]);
    const byUrl = new Map(report.files[0]!.links.map((link) => [link.url, link]));
    expect(byUrl.get(`${base}/gone`)).toMatchObject({ state: 'dead', reason: 'http-404' });
    expect(byUrl.get(`${base}/old`)).toMatchObject({ state: 'redirected', reason: 'redirect-permanent' });
    expect(byUrl.get(`${base}/old`)!.suggestions).toContainEqual(expect.objectContaining({ kind: 'moved', url: `${base}/ok` }));
    expect(byUrl.get(`${base}/ok#intro`)).toMatchObject({ state: 'alive' });
    expect(byUrl.get('mailto:me@example.com')).toMatchObject({ state: 'skipped' });
  });

  it('--fail-on decides the exit code', async () => {
    const post = await writePost();
    const run = await runCli(['check', ...local, '--no-archive', '--fail-on', 'blocked', post]);
    expect(run.code).toBe(0);
  });

  it('renders Markdown and GitHub annotations (and appends to the job summary)', async () => {
    const post = await writePost();
    const markdown = await runCli(['check', ...local, '--no-archive', '--format', 'markdown', post]);
    expect(markdown.stdout).toMatch(/\|.*\|/);
    expect(markdown.stdout).toContain('gone');
    const summary = join(dir, 'summary.md');
    const github = await runCli(['check', ...local, '--no-archive', '--format', 'github', post], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=[^,]+,line=4,col=\d+/m);
    expect(await readFile(summary, 'utf8')).toContain('gone');
  });

  it('a re-run with --cache within max-age sends no requests', async () => {
    const post = await writePost();
    const cache = join(dir, 'cache.json');
    const first = await runCli(['check', ...local, '--archive-url', base, `--cache=${cache}`, post]);
    expect(first.code).toBe(1);
    const sent = received.length;
    expect(sent).toBeGreaterThan(0);
    const second = await runCli(['check', ...local, '--archive-url', base, `--cache=${cache}`, post]);
    expect(second.code).toBe(1);
    expect(received.length).toBe(sent);
    expect(second.stdout).toContain('web/20161201120000/');
    const stale = await runCli(['check', ...local, '--archive-url', base, `--cache=${cache}`, '--max-age', '0s', post]);
    expect(stale.code).toBe(1);
    expect(received.length).toBeGreaterThan(sent);
  });

  it('--fix --dry-run prints a diff and changes nothing; --fix rewrites only the URLs', async () => {
    const post = await writePost();
    const before = await readFile(post, 'utf8');
    const dry = await runCli(['check', ...local, '--archive-url', base, '--fix', '--dry-run', '--format', 'json', '--output', join(dir, 'r.json'), post]);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain(`-[an old address](${base}/old).`);
    expect(dry.stdout).toContain(`+[an old address](${base}/ok).`);
    expect(await readFile(post, 'utf8')).toBe(before);
    const fixed = await runCli(['check', ...local, '--archive-url', base, '--fix=moved,archive', '--quiet', post]);
    expect(fixed.code).toBe(1);
    const after = await readFile(post, 'utf8');
    // the archive base URL is the local server here, so the snapshot URL starts with it
    expect(after).toBe(before.replace(`${base}/old)`, `${base}/ok)`).replace(`(${base}/gone)`, `(${base}/web/20161201120000/${base}/gone)`));
    expect(after).toContain('\r\n');
  });

  it('refuses --fix on a read-only file with one line and exit 2, leaving it intact', async () => {
    if (process.getuid?.() === 0) {
      // root ignores file modes; the fix stage's own tests cover the refusal through a read-only directory
      return;
    }
    const post = await writePost();
    await chmod(post, 0o444);
    const before = await readFile(post, 'utf8');
    const run = await runCli(['check', ...local, '--no-archive', '--fix', post]);
    expect(run.code).toBe(2);
    expect(await readFile(post, 'utf8')).toBe(before);
  });

  it('merges sharded reports into the whole run', async () => {
    const post = await writePost();
    const whole = join(dir, 'whole.json');
    await runCli(['check', ...local, '--no-archive', '--format', 'json', '--output', whole, post]);
    const parts = [];
    for (const k of [1, 2, 3]) {
      const out = join(dir, `part${k}.json`);
      await runCli(['check', ...local, '--no-archive', '--shard', `${k}/3`, '--format', 'json', '--output', out, post]);
      parts.push(out);
    }
    const merged = await runCli(['merge', ...parts]);
    expect(merged.code).toBe(1);
    const a = JSON.parse(merged.stdout) as { summary: Record<string, number>; files: Array<{ links: Array<{ url: string; state: string }> }> };
    const b = JSON.parse(await readFile(whole, 'utf8')) as typeof a;
    const pick = (r: typeof a) => r.files.flatMap((f) => f.links.map((l) => `${l.url} ${l.state}`)).sort();
    expect(pick(a)).toEqual(pick(b));
    expect(a.summary.dead).toBe(b.summary.dead);
  });

  it('names an invalid config in one line', async () => {
    const post = await writePost();
    const config = join(dir, 'linkrot.config.json');
    await writeFile(config, JSON.stringify({ concurency: 4 }));
    const run = await runCli(['check', '--config', config, post]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('concurency');
  });

  it('says once that there is no network instead of reporting every link dead', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const post = join(dir, 'post.md');
    await writeFile(post, `[a](http://127.0.0.1:${port}/a) [b](http://127.0.0.2:${port}/b) [c](http://127.0.0.3:${port}/c)\n`);
    const run = await runCli(['check', ...local, '--no-archive', '--retries', '0', post]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no network/i);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--changed-since checks only the posts changed since a git ref', async () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    git('init', '-q');
    await writeFile(join(dir, 'a.md'), `[old](${base}/ok)\n`);
    await writeFile(join(dir, 'b.md'), `[old](${base}/gone)\n`);
    git('add', '.');
    git('commit', '-qm', 'first');
    await writeFile(join(dir, 'a.md'), `[old](${base}/ok)\n[new](${base}/gone)\n`);
    const run = await runCli(['check', ...local, '--no-archive', '--changed-since', 'HEAD', '--format', 'json', '.'], { cwd: dir });
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string; links: unknown[] }> };
    expect(report.files.map((file) => file.path)).toEqual(['a.md']);
    expect(report.files[0]!.links).toHaveLength(2);
    const onlyNew = await runCli(['check', ...local, '--no-archive', '--changed-since', 'HEAD', '--only-new-links', '--format', 'json', '.'], { cwd: dir });
    const newReport = JSON.parse(onlyNew.stdout) as typeof report;
    expect(newReport.files[0]!.links).toHaveLength(1);
  });
});
