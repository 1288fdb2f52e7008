/**
 * What differs between the CLI bundle (scripts/bundle-cli.mjs) and the library, tested on the shipped files:
 * - the extraction thread's own bundle (dist/pipeline/extract-worker.js), which the CLI uses for several posts
 *   on a machine with cores to spare;
 * - the stand-ins: undici's HTTP/2 client gets a node:http2 of constants only, and htmlparser2 is reduced to
 *   its Parser and Tokenizer;
 * - undici's parts without its index (see network-paths.test.ts for every network path; here the library).
 * The same posts, against the same local site, must get the same verdicts from the bundle, from the bundle with
 * the extraction thread, and from the library (dist/index.js) in a plain Node process.
 */
import { execFile } from 'node:child_process';
import { constants as http2Constants } from 'node:http2';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, REPO } from '../cli/run-cli.js';
import { startServer, type TestServer } from '../helpers/servers.js';
import { createCertificateAuthority, type CertificateAuthority } from './certificate-authority.js';
import { runBinary, verdicts } from './run-binary.js';
import { startTestProxy, type TestProxy } from './test-proxy.js';

const run = promisify(execFile);

/** Pages whose verdicts need the HTML parser: anchors, soft 404s, titles. */
const PAGES: Record<string, { status: number; body: string }> = {
  '/article': { status: 200, body: '<html><head><title>An article</title></head><body><h1 id="intro">Intro</h1><a name="legacy"></a><p>Long enough, real content that says what the post linked to and still does so today.</p></body></html>' },
  '/moved-on': { status: 200, body: '<html><head><title>Page not found | Example</title></head><body><h1>Page not found</h1><p>Sorry, the page you are looking for does not exist.</p></body></html>' },
};

let site: TestServer;
let ca: CertificateAuthority;
let dir = '';
let posts: string[] = [];

beforeAll(async () => {
  ca = await createCertificateAuthority('linkrot bundle test CA');
  site = await startServer((request, response) => {
    const page = PAGES[request.url ?? ''];
    response.writeHead(page?.status ?? 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(request.method === 'HEAD' ? undefined : (page?.body ?? '<title>Not Found</title>'));
  }, { tls: await ca.issue('127.0.0.1'), lifetimeMs: 120_000 });
  dir = await mkdtemp(join(tmpdir(), 'linkrot-bundle-'));
  const base = site.origin;
  const bodies = [
    `# One\n\n[intro](${base}/article#intro) and [missing anchor](${base}/article#nowhere).\n`,
    `# Two\n\n<p>Raw HTML: <a href="${base}/moved-on">a page that moved on</a> and <a href='${base}/article#legacy'>a named anchor</a>.</p>\n`,
    `# Three\n\n[gone](${base}/gone) and [intro again](${base}/article#intro).\n`,
  ];
  posts = [];
  for (const [index, body] of bodies.entries()) {
    const path = join(dir, `2019-01-0${index + 1}-post.md`);
    await writeFile(path, `---\ntitle: Post ${index + 1}\n---\n${body}`);
    posts.push(path);
  }
}, 60_000);

afterAll(async () => {
  await site.close();
  ca.remove();
  await rm(dir, { recursive: true, force: true });
});

const env = (): Record<string, string> => ({ NODE_EXTRA_CA_CERTS: ca.caFile });
const ARGS = (): string[] => ['check', '--format', 'json', '--no-archive', '--allow-private', ...posts];

/** The library as shipped (tsc's dist/, no bundle), in a plain Node process: undici's index is never loaded. */
async function libraryVerdicts(extraEnv: Record<string, string> = {}): Promise<Record<string, string>> {
  const script = [
    "import { checkFiles, renderJson } from './dist/index.js';",
    'const report = await checkFiles(JSON.parse(process.argv[1]), { allowPrivate: true, archive: false });',
    'process.stdout.write(renderJson(report));',
  ].join('\n');
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(posts)], {
    cwd: REPO,
    env: { PATH: process.env.PATH, ...env(), ...extraEnv },
  });
  return verdicts(stdout);
}

describe('the bundle and the library agree', () => {
  let expected: Record<string, string>;

  beforeAll(async () => {
    expected = await libraryVerdicts();
  }, 60_000);

  it('the library reads anchors, soft 404s and raw HTML links as expected', () => {
    const base = site.origin;
    expect(expected).toEqual({
      [`${base}/article#intro`]: 'alive/ok',
      [`${base}/article#nowhere`]: 'suspicious/fragment-missing',
      [`${base}/moved-on`]: 'dead/soft-404',
      [`${base}/article#legacy`]: 'alive/ok',
      [`${base}/gone`]: 'dead/http-404',
    });
  });

  it('the bundle, extracting on the main thread, gives the same verdicts without loading node:http2', async () => {
    const bundle = await runBinary(ARGS(), { env: env(), cores: 2 });
    expect(bundle.seen.thread).toBe(false);
    expect(verdicts(bundle.stdout)).toEqual(expected);
    expect(bundle.seen.builtins).not.toContain('http2');
    expect(bundle.seen.missingApi).toEqual([]);
  });

  it('the bundle with the extraction thread (its own bundle) gives the same verdicts', async () => {
    const threaded = await runBinary(ARGS(), { env: env(), cores: 8 });
    expect(threaded.seen.thread).toBe(true);
    expect(threaded.seen.builtins).toContain('worker_threads');
    expect(verdicts(threaded.stdout)).toEqual(expected);
    const extracted = await runBinary(['extract', '--format', 'json', ...posts], { cores: 8 });
    expect(extracted.code).toBe(0);
    expect((JSON.parse(extracted.stdout) as { files: unknown[] }).files).toHaveLength(3);
  });

  it('the library also tunnels https through a proxy in a plain Node process (undici\'s index not loaded)', async () => {
    const proxy: TestProxy = await startTestProxy({ names: { '127.0.0.1': site.port } });
    try {
      expect(await libraryVerdicts({ HTTPS_PROXY: proxy.url })).toEqual(expected);
      expect(proxy.connects).toContain(`127.0.0.1:${site.port}`);
    } finally {
      await proxy.close();
    }
  });
});

describe('the stand-ins of scripts/bundle-cli.mjs', () => {
  it('the node:http2 stand-in holds the constants of the node:http2 it replaces', async () => {
    const text = await readFile(BUNDLE, 'utf8');
    const found = /constants = Object\.freeze\((\{[^\n]*\})\);/.exec(text.slice(text.indexOf('// lazy-http2:lazy-http2')));
    expect(found).not.toBeNull();
    expect(JSON.parse(found![1]!)).toEqual({ ...http2Constants });
  });
});
