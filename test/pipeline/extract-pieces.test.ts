import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/extract/index.js';
import { BATCH_MIN_CHARS, parseMarkdown, useBatchParser } from '../../src/extract/parse.js';
import { canParseOnTwoThreads, PIECE_THREAD_MIN_CORES, PieceThread } from '../../src/pipeline/extract-pieces.js';
import { EXTRACT_WORKER_FILE } from '../../src/pipeline/extract-thread.js';
import { corpusRoot, repoRoot } from '../extract/helpers.js';

// The pieces of a long document parsed on two threads (extract-pieces.ts) must give the very tree, and so the
// very links, that parsing on one thread gives. `npm test` builds first; the thread runs the compiled script.

const reference = readFileSync(join(repoRoot, 'fixtures/posts/2017-03-01-learning-deep-learning.md'), 'utf8');
const realDir = join(corpusRoot, 'real');
const corpus = existsSync(realDir)
  ? readdirSync(realDir).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').sort().map((name) => readFileSync(join(realDir, name), 'utf8'))
  : [];

/** Copies of `texts` one after the other until the result holds `chars` characters (the benchmark's ~1 MB input is made so). */
function repeated(texts: string[], chars: number): string {
  let text = '';
  for (let index = 0; text.length < chars; index++) text += `${texts[index % texts.length]}\n\n`;
  return text;
}

const threads: PieceThread[] = [];
afterAll(async () => {
  useBatchParser(undefined);
  await Promise.all(threads.map((thread) => thread.close()));
});

/** A started thread, installed as the batch parser. */
async function installThread(file = EXTRACT_WORKER_FILE): Promise<PieceThread> {
  const thread = new PieceThread(file);
  threads.push(thread);
  await thread.started();
  useBatchParser((sources) => thread.parse(sources));
  return thread;
}

function onOneThread<T>(run: () => T): T {
  useBatchParser(undefined);
  return run();
}

describe('a long document parsed on two threads', () => {
  it('gives the tree and the links of one thread, with the second thread parsing some of the pieces', async () => {
    expect(existsSync(EXTRACT_WORKER_FILE), `${EXTRACT_WORKER_FILE} missing: run npm run build`).toBe(true);
    // The reference post again and again: its labels are defined in every copy (the first definition wins), so
    // pieces are parsed again with the labels of others.
    const text = repeated([reference], BATCH_MIN_CHARS);
    const tree = onOneThread(() => JSON.stringify(parseMarkdown(text)));
    const links = onOneThread(() => extractLinks(text, { path: 'long.md' }));
    const thread = await installThread();
    expect(JSON.stringify(parseMarkdown(text))).toBe(tree);
    expect(thread.fromThread).toBeGreaterThan(0);
    expect(extractLinks(text, { path: 'long.md' })).toEqual(links);
  });

  it.skipIf(corpus.length === 0)('on the benchmark input (the real corpus concatenated to 1 MB)', async () => {
    const text = repeated(corpus, 1024 * 1024);
    const links = onOneThread(() => extractLinks(text, { path: 'big.md' }));
    const thread = await installThread();
    const before = thread.fromThread;
    expect(extractLinks(text, { path: 'big.md' })).toEqual(links);
    expect(thread.fromThread).toBeGreaterThan(before);
  });

  it('parses everything here when the thread cannot run', async () => {
    const text = repeated([reference], BATCH_MIN_CHARS);
    const tree = onOneThread(() => JSON.stringify(parseMarkdown(text)));
    // A script that is not there: the thread fails as it starts, and every piece is parsed here.
    const broken = new PieceThread(join(repoRoot, 'dist', 'no-such-worker.js'));
    threads.push(broken);
    useBatchParser((sources) => broken.parse(sources));
    expect(JSON.stringify(parseMarkdown(text))).toBe(tree);
    expect(JSON.stringify(parseMarkdown(text))).toBe(tree);
    expect(broken.fromThread).toBe(0);
  });

  it('hands a short document to no batch parser', () => {
    let batches = 0;
    useBatchParser((sources) => {
      batches++;
      return sources.map(() => ({ type: 'root', children: [] }));
    });
    const text = repeated([reference], BATCH_MIN_CHARS - 2 * reference.length);
    const links = extractLinks(text, { path: 'short.md' });
    expect(batches).toBe(0);
    expect(links).toEqual(onOneThread(() => extractLinks(text, { path: 'short.md' })));
  });
});

// On two cores the second thread made `linkrot extract` of the 1 MB document slower (median wall 2.70 s against
// 2.45 s, 16 alternating runs on the benchmark machine, 2026-12-05): one parsing thread and V8's garbage-collector
// helpers already take both cores. See PIECE_THREAD_MIN_CORES.
describe('when the pieces go to a second thread', () => {
  it('never on two cores, idle or not', () => {
    expect(PIECE_THREAD_MIN_CORES).toBe(3);
    expect(canParseOnTwoThreads(2, 0)).toBe(false);
    expect(canParseOnTwoThreads(1, 0)).toBe(false);
  });

  it('from three cores on, while two of them are free by the load average', () => {
    expect(existsSync(EXTRACT_WORKER_FILE), `${EXTRACT_WORKER_FILE} missing: run npm run build`).toBe(true);
    expect(canParseOnTwoThreads(3, 0.4)).toBe(true);
    expect(canParseOnTwoThreads(3, 1)).toBe(true);
    expect(canParseOnTwoThreads(3, 1.2)).toBe(false);
    expect(canParseOnTwoThreads(8, 6)).toBe(true);
    expect(canParseOnTwoThreads(8, 6.5)).toBe(false);
  });
});
