import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Nodes } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pieces } from '../../bench/floor-remark.mjs';
import { repoRoot } from '../extract/helpers.js';

// bench/floor-remark.mjs is the reference bench/extract.mjs sets beside `linkrot extract`: remark alone parsing
// the same Markdown. Its figure means something only if it parses the text as remark parses it whole: cut in
// pieces, the text is all there, and its blocks (lists aside: a loose list may be cut between two items) and its
// links are those of the whole.

const SCRIPT = join(repoRoot, 'bench/floor-remark.mjs');
const run = promisify(execFile);
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Node types (lists and roots left out) with their counts, and every URL, in order. */
function shape(trees: Nodes[]): { types: Record<string, number>; urls: string[] } {
  const types: Record<string, number> = {};
  const urls: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type !== 'list' && node.type !== 'root') types[node.type] = (types[node.type] ?? 0) + 1;
    if ('url' in node) urls.push(node.url);
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  for (const tree of trees) walk(tree);
  return { types, urls };
}

const inPieces = (text: string): Nodes[] => pieces(text).map((piece) => processor.parse(piece));

let dir = '';
let reference = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-floor-remark-'));
  reference = await readFile(join(repoRoot, 'fixtures/posts/2017-03-01-learning-deep-learning.md'), 'utf8');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('remark alone, the extract benchmark reference', () => {
  it('parses a long document in pieces as remark parses it whole', () => {
    const text = Array.from({ length: 12 }, () => reference).join('\n\n');
    const cut = pieces(text);
    expect(cut.length).toBeGreaterThan(4);
    expect(cut.join('')).toBe(text);
    expect(shape(inPieces(text))).toEqual(shape([processor.parse(text)]));
  });

  it('never cuts inside fenced code, whose blank lines are followed by lines in column 1', () => {
    const fenced = (marker: string, index: number): string =>
      `${marker}python\ndef f${index}():\n    return 1\n\n# a comment, [not a link](https://example.org/${index})\n\nprint(f${index}())\n${marker}\n`;
    const blocks: string[] = [];
    for (let index = 0; blocks.join('\n').length < 80 * 1024; index++) {
      blocks.push(`Paragraph ${index} with [a link](https://example.org/p${index}).`, fenced(index % 2 === 0 ? '```' : '~~~~', index));
    }
    const text = blocks.join('\n');
    expect(pieces(text).length).toBeGreaterThan(3);
    const whole = shape([processor.parse(text)]);
    expect(whole.types['code']).toBe(blocks.length / 2);
    expect(shape(inPieces(text))).toEqual(whole);
  });

  it('prints the links of every Markdown file of a folder, and with --load-only parses nothing', async () => {
    const posts = join(dir, 'posts');
    await mkdir(posts);
    await writeFile(join(posts, 'a.md'), reference);
    await writeFile(join(posts, 'b.md'), '# B\n\nOne [link](https://example.org/b).\n');
    await writeFile(join(posts, 'notes.txt'), '[not read](https://example.org/c)\n');
    const { stdout } = await run(process.execPath, [SCRIPT, posts]);
    const { types } = shape([processor.parse(reference)]);
    expect(Number(stdout.trim())).toBe((types['link'] ?? 0) + (types['image'] ?? 0) + (types['definition'] ?? 0) + 1);
    const loadOnly = await run(process.execPath, [SCRIPT, '--load-only']);
    expect(loadOnly.stdout).toBe('');
  });
});
