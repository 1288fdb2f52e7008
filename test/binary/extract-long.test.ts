import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract/index.js';
import { BATCH_MIN_CHARS } from '../../src/extract/parse.js';
import { REPO } from '../cli/run-cli.js';
import { runBinary } from './run-binary.js';

// The built binary parses the pieces of a long document on two threads (src/pipeline/extract-pieces.ts, from three
// cores on; the thread runs the extraction thread's own bundle): what it prints must be what the library, on one
// thread, extracts. On two cores, and for a short post, it starts no thread.

let dir = '';
let long = '';
let short = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-long-'));
  short = join(REPO, 'fixtures/posts/2017-03-01-learning-deep-learning.md');
  const reference = await readFile(short, 'utf8');
  // 30 copies of the reference post (~320 KB): over the size at which the pieces go to two threads.
  long = join(dir, '2017-03-01-long.md');
  await writeFile(long, Array.from({ length: 30 }, () => reference).join('\n\n'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('linkrot extract on a long document', () => {
  it('parses on two threads with three cores and prints the links the library extracts', async () => {
    expect((await readFile(long, 'utf8')).length).toBeGreaterThanOrEqual(BATCH_MIN_CHARS);
    const run = await runBinary(['extract', '--format', 'json', long], { cores: 3, timeoutMs: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.seen.thread).toBe(true);
    // `extract` lets the young generation grow (young-generation.ts, sizeHeapForExtract): kept at its first size,
    // it was collected hundreds of times for such a document.
    expect(run.seen.newSpace).toBeGreaterThan(4 * 1024 * 1024);
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string; links: unknown[] }> };
    const library = await extractFile(long);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.links).toHaveLength(30 * 55);
    expect(report.files[0]).toEqual({ ...library, path: long });
  }, 180_000);

  it('parses on one thread with two cores, even idle, and prints the same links', async () => {
    const run = await runBinary(['extract', '--format', 'json', long], { cores: 2, timeoutMs: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.seen.thread).toBe(false);
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string; links: unknown[] }> };
    expect(report.files[0]).toEqual({ ...(await extractFile(long)), path: long });
  }, 180_000);

  it('starts no thread for a short post', async () => {
    const run = await runBinary(['extract', '--format', 'json', short], { cores: 2 });
    expect(run.code).toBe(0);
    expect(run.seen.thread).toBe(false);
    expect((JSON.parse(run.stdout) as { files: Array<{ links: unknown[] }> }).files[0]!.links).toHaveLength(55);
  });
});
