/**
 * The young generation of the built binary per command (src/cli/young-generation.ts), seen from inside through
 * the size of V8's new space at exit: `check` keeps it within its cap, `extract` of short posts at its start, and
 * both still give what the library gives (the text of `extract` comes from its renderer, loaded only for that format).
 * A long document lets it grow: see extract-long.test.ts.
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
import { YOUNG_GENERATION_CAP_BYTES } from '../../src/cli/young-generation.js';

// Relative to the binary's working folder (the repository), as the report shows it.
const REFERENCE = 'fixtures/posts/2017-03-01-learning-deep-learning.md';

let site: TestServer;

beforeAll(async () => {
  site = await startServer((request, response) => {
    const found = request.url === '/page';
    response.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(request.method === 'HEAD' ? undefined : found ? '<html><head><title>A page</title></head><body><h1>A page</h1><p>Real content, long enough to read as an article and not as an error page.</p></body></html>' : '<title>Not Found</title>');
  });
});

afterAll(() => site.close());

describe('the young generation of the built binary, per command', () => {
  it('extract of a short post keeps it small, and gives what the library gives (JSON and text)', async () => {
    const library = await extractFile(join(REPO, REFERENCE));
    const json = await runBinary(['extract', '--format', 'json', REFERENCE], { cores: 8 });
    expect(json.code).toBe(0);
    // A short post: the young generation stays as the bundle's load left it (only a long document lets it grow).
    expect(json.seen.newSpace).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(JSON.parse(json.stdout)).toEqual({
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'linkrot', version: VERSION },
      summary: { files: 1, links: library.links.length },
      files: [{ ...library, path: REFERENCE }],
    });
    const text = await runBinary(['extract', REFERENCE], { cores: 8 });
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(renderExtractText(JSON.parse(json.stdout), { color: false }));
  });

  it('check keeps it within the cap and finds a link on 127.0.0.1 alive', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'linkrot-lazy-'));
    const post = join(dir, 'one-link.md');
    await writeFile(post, `# One link\n\nThe [only link](${site.origin}/page) of this post.\n`);
    const run = await runBinary(['check', '--format', 'json', '--allow-private', '--no-cache', '--no-archive', post], { cores: 2 }).finally(() => rm(dir, { recursive: true, force: true }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // A check's young generation grows as V8 grows it, up to the cap and no further (keepYoungGenerationSmall).
    expect(run.seen.newSpace).toBeLessThanOrEqual(YOUNG_GENERATION_CAP_BYTES);
    const report = JSON.parse(run.stdout) as { files: Array<{ links: Array<{ url: string; state: string }> }> };
    expect(report.files[0]?.links.map((link) => [link.url, link.state])).toEqual([[`${site.origin}/page`, 'alive']]);
  });
});
