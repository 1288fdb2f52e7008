/**
 * The CLI bundle is split where the CLI loads a stage (scripts/bundle-cli.mjs): each command reads only the
 * chunks it needs. Seen from outside through the Node modules a run loads: undici brings node:tls, git
 * node:child_process and a thread node:worker_threads. `--version` and `extract` of short posts load none of
 * them, and still work as before; `check` of a post on a local server loads undici and finds the link alive, its
 * young generation sized as before the split.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract/index.js';
import { renderExtractText } from '../../src/report/extract-text.js';
import { SCHEMA_VERSION } from '../../src/model.js';
import { VERSION } from '../../src/version.js';
import { REPO } from '../cli/run-cli.js';
import { startServer, type TestServer } from '../helpers/servers.js';
import { runBinary } from './run-binary.js';

// Relative to the binary's working folder (the repository), as the report shows it.
const REFERENCE = 'fixtures/posts/2017-03-01-learning-deep-learning.md';
const LOADED_ONLY_BY_CHECK = ['tls', 'child_process', 'worker_threads'];

let site: TestServer;

beforeAll(async () => {
  site = await startServer((request, response) => {
    const found = request.url === '/page';
    response.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(request.method === 'HEAD' ? undefined : found ? '<html><head><title>A page</title></head><body><h1>A page</h1><p>Real content, long enough to read as an article and not as an error page.</p></body></html>' : '<title>Not Found</title>');
  });
});

afterAll(() => site.close());

describe('the split bundle, per command', () => {
  it('--version prints the version and loads neither undici, git nor a thread', async () => {
    const run = await runBinary(['--version'], { cores: 8 });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${VERSION}\n`);
    expect(run.seen.builtins.filter((name) => LOADED_ONLY_BY_CHECK.includes(name))).toEqual([]);
  });

  it('extract (JSON and text) gives what the library extracts, without loading undici, git or a thread', async () => {
    const library = await extractFile(join(REPO, REFERENCE));
    const json = await runBinary(['extract', '--format', 'json', REFERENCE], { cores: 8 });
    expect(json.code).toBe(0);
    expect(json.seen.builtins.filter((name) => LOADED_ONLY_BY_CHECK.includes(name))).toEqual([]);
    // A short post: the young generation keeps its first size (only a long document lets it grow).
    expect(json.seen.newSpace).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(JSON.parse(json.stdout)).toEqual({
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'linkrot', version: VERSION },
      summary: { files: 1, links: library.links.length },
      files: [{ ...library, path: REFERENCE }],
    });
    const text = await runBinary(['extract', REFERENCE], { cores: 8 });
    expect(text.code).toBe(0);
    expect(text.seen.builtins.filter((name) => LOADED_ONLY_BY_CHECK.includes(name))).toEqual([]);
    expect(text.stdout).toBe(renderExtractText(JSON.parse(json.stdout), { color: false }));
  });

  it('check loads undici and finds a link on 127.0.0.1 alive', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'linkrot-lazy-'));
    const post = join(dir, 'one-link.md');
    await writeFile(post, `# One link\n\nThe [only link](${site.origin}/page) of this post.\n`);
    const run = await runBinary(['check', '--format', 'json', '--allow-private', '--no-cache', '--no-archive', post], { cores: 2 }).finally(() => rm(dir, { recursive: true, force: true }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.seen.builtins).toContain('tls');
    // The young generation sized once the checker's code has loaded (src/cli/main.ts), then kept small: 4 MB of new
    // space, as with the single-file CLI (kept small from the very start, 2 MB: twice the collections).
    expect(run.seen.newSpace).toBe(4 * 1024 * 1024);
    const report = JSON.parse(run.stdout) as { files: Array<{ links: Array<{ url: string; state: string }> }> };
    expect(report.files[0]?.links.map((link) => [link.url, link.state])).toEqual([[`${site.origin}/page`, 'alive']]);
  });
});
