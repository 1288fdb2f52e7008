import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRACT_WINDOW, extractPosts, type PostOutcome } from '../../src/pipeline/extract-pool.js';
import { EXTRACT_WORKER_FILE } from '../../src/pipeline/extract-thread.js';

const REFERENCE = join(import.meta.dirname, '../../fixtures/posts/2017-03-01-learning-deep-learning.md');
let dir = '';
const paths: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linkrot-pool-'));
  const reference = readFileSync(REFERENCE, 'utf8');
  // More posts than the window, each different, with bad input in the middle and at the end.
  for (let n = 0; n < EXTRACT_WINDOW * 2 + 3; n += 1) {
    const path = join(dir, `2020-01-${String(n + 1).padStart(2, '0')}-post-${n}.md`);
    writeFileSync(path, `${reference}\nOne more: [post ${n}](https://example.org/post/${n})\n`);
    paths.push(path);
  }
  const empty = join(dir, 'empty.md');
  writeFileSync(empty, '');
  paths.splice(5, 0, empty);
  const binary = join(dir, 'binary.md');
  writeFileSync(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  paths.push(binary);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(iterable: AsyncIterable<PostOutcome>): Promise<unknown[]> {
  const seen: unknown[] = [];
  for await (const outcome of iterable) {
    seen.push('error' in outcome ? { path: outcome.path, error: [outcome.error.code, outcome.error.message] } : { path: outcome.path, ...outcome.post });
  }
  return seen;
}

describe('extractPosts', () => {
  it('gives on the extraction thread exactly what extraction here gives, in the order given, errors in place', async () => {
    // `npm test` builds first; the thread runs the compiled script.
    expect(existsSync(EXTRACT_WORKER_FILE), `${EXTRACT_WORKER_FILE} missing: run npm run build`).toBe(true);
    const here = await collect(extractPosts(paths));
    const threaded = await collect(extractPosts(paths, { thread: 'always' }));
    expect(threaded).toEqual(here);
    expect(here.map((entry) => (entry as { path: string }).path)).toEqual(paths);
    const errors = here.filter((entry) => 'error' in (entry as object)) as { error: [string, string] }[];
    expect(errors.map((entry) => entry.error[0])).toEqual(['LINKROT_INPUT', 'LINKROT_INPUT']);
    const first = here[0] as { file: { links: { url: string }[] } };
    expect(first.file.links).toHaveLength(56);
    expect(first.file.links.at(-1)?.url).toBe('https://example.org/post/0');
  });

  it('passes the base URL to the thread', async () => {
    const [threaded] = await collect(extractPosts(paths.slice(0, 2), { thread: 'always', baseUrl: 'https://blog.example.com' }));
    const [here] = await collect(extractPosts(paths.slice(0, 1), { baseUrl: 'https://blog.example.com' }));
    expect(threaded).toEqual(here);
  });

  it('stops the thread when the reader stops early', async () => {
    const iterator = extractPosts(paths, { thread: 'always' })[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    await iterator.return(undefined);
    expect((await iterator.next()).done).toBe(true);
  });
});
