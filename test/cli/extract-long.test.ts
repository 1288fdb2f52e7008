import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract/index.js';
import { BATCH_MIN_CHARS } from '../../src/extract/parse.js';
import { REPO, runCli } from './run-cli.js';

// The built binary parses the pieces of a long document on two threads (extract-pieces.ts, with a second core);
// what it prints must be what the library, on one thread, extracts.

let dir = '';
let long = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-long-'));
  const reference = await readFile(join(REPO, 'fixtures/posts/2017-03-01-learning-deep-learning.md'), 'utf8');
  // 30 copies of the reference post (~320 KB): over the size at which the pieces go to two threads.
  long = join(dir, '2017-03-01-long.md');
  await writeFile(long, Array.from({ length: 30 }, () => reference).join('\n\n'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('linkrot extract on a long document', () => {
  it('prints the links the library extracts', async () => {
    expect((await readFile(long, 'utf8')).length).toBeGreaterThanOrEqual(BATCH_MIN_CHARS);
    const run = await runCli(['extract', '--format', 'json', long], { timeoutMs: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string; links: unknown[] }> };
    const library = await extractFile(long);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.links).toHaveLength(30 * 55);
    expect(report.files[0]).toEqual({ ...library, path: long });
  }, 180_000);
});
