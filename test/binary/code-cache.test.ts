/**
 * The code cache of the built binary (src/cli/code-cache.ts), as `npm ci` leaves the package: the `linkrot`
 * command runs the bundle with the cache of its kind of command, made by the first run of that kind. A cache V8
 * accepts is read and left as it is; one it rejects (or cannot read) is made again, so a cache that is not
 * rewritten by a run is one that run used. Each test keeps its caches in a folder of its own (`LINKROT_CODE_CACHE`):
 * the other binary tests share the one beside the bundle.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, runCli } from '../cli/run-cli.js';
import { VERSION } from '../../src/version.js';
import { startServer, type TestServer } from '../helpers/servers.js';
import { runBinary, verdicts } from './run-binary.js';

let site: TestServer;
let dir = '';
let post = '';
let bundleId = '';

beforeAll(async () => {
  site = await startServer((request, response) => {
    const found = request.url === '/page';
    response.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(request.method === 'HEAD' ? undefined : found ? '<html><head><title>A page</title></head><body><h1>A page</h1><p>Real content, long enough to read as an article and not as an error page.</p></body></html>' : '<title>Not Found</title>');
  });
  dir = await mkdtemp(join(tmpdir(), 'linkrot-code-cache-'));
  post = join(dir, '2019-01-01-post.md');
  await writeFile(post, `# A post\n\n[a page](${site.origin}/page) and [a gone one](${site.origin}/gone).\n`);
  bundleId = /^\/\/ linkrot bundle ([0-9a-f]{16})\n/.exec(await readFile(BUNDLE, 'latin1'))?.[1] ?? '';
});

afterAll(async () => {
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

const cacheName = (kind: string): string => `${kind}-${bundleId}-${process.version}-${process.arch}.bin`;

async function freshFolder(name: string): Promise<string> {
  const folder = join(dir, name);
  await rm(folder, { recursive: true, force: true });
  return folder;
}

/** When and what the file was: a rewrite (even of the same bytes) changes its inode (written beside, renamed over). */
async function fileStamp(file: string): Promise<string> {
  const info = await stat(file);
  return `${info.ino}:${info.mtimeMs}:${info.size}`;
}

describe('the code cache of the built binary', () => {
  it('names the bundle by its content in its first line', () => {
    expect(bundleId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is made by the first run of a kind of command, then used as it is', async () => {
    const folder = await freshFolder('version');
    const env = { LINKROT_CODE_CACHE: folder };
    const first = await runBinary(['--version'], { env });
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toBe(VERSION);
    expect(await readdir(folder)).toEqual([cacheName('other')]);
    const made = await fileStamp(join(folder, cacheName('other')));
    const second = await runBinary(['--version'], { env });
    expect(second.stdout.trim()).toBe(VERSION);
    expect(await fileStamp(join(folder, cacheName('other')))).toBe(made);
  });

  it('is used by a check, whose V8 flags differ from the start (they are put back before the cache is made)', async () => {
    const folder = await freshFolder('check');
    const env = { LINKROT_CODE_CACHE: folder };
    const args = ['check', '--allow-private', '--no-cache', '--format', 'json', post];
    const first = await runBinary(args, { env });
    expect(first.code).toBe(1);
    const expected = verdicts(first.stdout);
    expect(expected[`${site.origin}/gone`]).toBe('dead/http-404');
    expect(expected[`${site.origin}/page`]).toBe('alive/ok');
    const made = await fileStamp(join(folder, cacheName('check')));
    const second = await runBinary(args, { env });
    expect(second.code).toBe(1);
    expect(verdicts(second.stdout)).toEqual(expected);
    expect(await fileStamp(join(folder, cacheName('check')))).toBe(made);
  });

  it('holds the start-up code even when V8 dropped its bytecode during the run (bytecode flushing is off until the cache is made)', async () => {
    // V8 drops the bytecode of functions that have not run through several full collections: at the end of a long
    // check the start-up code had none, and a cache made then lacked it (604 KB against 1.18 MB for the main
    // benchmark's check). Every collection full (--gc-global) and bytecode dropped at each (--stress-flush-code)
    // make a one-link check such a run: its cache was 401 KB against 1.24 MB without those flags.
    const args = ['check', '--allow-private', '--no-cache', '--format', 'json', post];
    const plainFolder = await freshFolder('flush-plain');
    expect((await runCli(args, { env: { LINKROT_CODE_CACHE: plainFolder } })).code).toBe(1);
    const plain = (await stat(join(plainFolder, cacheName('check')))).size;
    const folder = await freshFolder('flush-stressed');
    const stressed = { env: { LINKROT_CODE_CACHE: folder }, nodeArgs: ['--gc-global', '--stress-flush-code'] };
    const first = await runCli(args, stressed);
    expect(first.code).toBe(1);
    const file = join(folder, cacheName('check'));
    expect((await stat(file)).size).toBeGreaterThan(plain * 0.9);
    // Flushing is on again when the cache is made: V8 stamps the cache with its flags, and the next run under the
    // same flags takes it as it is.
    const made = await fileStamp(file);
    const second = await runCli(args, stressed);
    expect(verdicts(second.stdout)).toEqual(verdicts(first.stdout));
    expect(await fileStamp(file)).toBe(made);
  });

  it('a cache made by a failed run (it compiled only its way to the failure) is replaced by the next that succeeds', async () => {
    const folder = await freshFolder('failed');
    const env = { LINKROT_CODE_CACHE: folder };
    const file = join(folder, cacheName('check'));
    const failed = await runBinary(['check', '--allow-private', join(dir, 'no-such-post.md')], { env });
    expect(failed.code).toBe(2);
    const fromFailure = await fileStamp(file);
    const args = ['check', '--allow-private', '--no-cache', '--format', 'json', post];
    expect((await runBinary(args, { env })).code).toBe(1);
    const fromSuccess = await fileStamp(file);
    expect(fromSuccess).not.toBe(fromFailure);
    // Then it stays, whether the next run succeeds or fails.
    expect((await runBinary(args, { env })).code).toBe(1);
    expect((await runBinary(['check', '--allow-private', join(dir, 'no-such-post.md')], { env })).code).toBe(2);
    expect(await fileStamp(file)).toBe(fromSuccess);
  });

  it('a damaged cache is made again, and the run is not disturbed (V8 itself would have run it: its own check is off)', async () => {
    const folder = await freshFolder('damaged');
    const env = { LINKROT_CODE_CACHE: folder };
    await runBinary(['--version'], { env });
    const file = join(folder, cacheName('other'));
    const good = await readFile(file);
    // The same length, bytes changed in its middle; then a file of nothing but noise.
    const damaged = Buffer.from(good);
    for (let at = damaged.length >> 1; at < (damaged.length >> 1) + 64; at += 1) damaged[at] = damaged[at]! ^ 0xff;
    for (const bad of [damaged, Buffer.from('not a cache')]) {
      await writeFile(file, bad);
      const run = await runBinary(['--version'], { env });
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(VERSION);
      expect(run.stderr).toBe('');
      expect((await readFile(file)).equals(bad)).toBe(false);
    }
  });

  it('removes the caches of other builds, and no other file, when it makes one', async () => {
    const folder = await freshFolder('others');
    const older = `check-${'0'.repeat(16)}-${process.version}-${process.arch}.bin`;
    const mine = 'notes.txt';
    await runBinary(['--version'], { env: { LINKROT_CODE_CACHE: folder } });
    await writeFile(join(folder, older), 'an older build');
    await writeFile(join(folder, mine), 'not a cache');
    await runBinary(['extract', '--format', 'json', post], { env: { LINKROT_CODE_CACHE: folder } });
    expect((await readdir(folder)).sort()).toEqual([cacheName('extract'), cacheName('other'), mine].sort());
  });

  it('under node --enable-source-maps, runs the bundle as Node loads it (stacks name the sources) and makes no cache', async () => {
    const folder = await freshFolder('source-maps');
    // A usage error with --debug prints its stack.
    const args = ['check', '--debug', '--format', 'nope', post];
    const mapped = await runCli(args, { env: { LINKROT_CODE_CACHE: folder, NODE_OPTIONS: '--enable-source-maps' } });
    expect(mapped.code).toBe(2);
    expect(mapped.stderr).toMatch(/at \S+ \(.*src\/cli\/options\.ts:\d+:\d+\)/);
    await expect(readdir(folder)).rejects.toThrow();
    const plain = await runCli(args, { env: { LINKROT_CODE_CACHE: folder } });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/at \S+ \(.*dist\/cli\/linkrot\.cjs:\d+:\d+\)/);
  });

  it('a folder that cannot be written, or LINKROT_CODE_CACHE=0, means no cache and the same output', async () => {
    const blocked = join(post, 'cache'); // below a file: no folder can be made there
    for (const setting of [blocked, '0']) {
      const run = await runBinary(['extract', '--format', 'json', post], { env: { LINKROT_CODE_CACHE: setting } });
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect((JSON.parse(run.stdout) as { files: unknown[] }).files).toHaveLength(1);
    }
  });
});
