import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskUnquotedSlashes } from '../../src/extract/html-unquoted.js';
import { maskLiquid } from '../../src/extract/liquid.js';
import { parseInPieces, parseMarkdown } from '../../src/extract/parse.js';
import { findCutPoints, isOpenFence, isOpenHtml } from '../../src/extract/split-blocks.js';
import { corpusRoot, repoRoot } from './helpers.js';

// Parsing in pieces (parse.ts) must give the very tree a whole-document parse gives: same nodes, same
// positions. extractLinks is a function of that tree and the text, so equal trees mean equal links.

const realDir = join(corpusRoot, 'real');
const reference = resolve(repoRoot, 'fixtures/posts/2017-03-01-learning-deep-learning.md');
const corpusFiles = existsSync(realDir) ? readdirSync(realDir).filter((name) => name.endsWith('.md')).sort() : [];

/** What parseMarkdown is given by extractLinks: BOM removed, Liquid and unquoted attribute values' slashes masked. */
function prepared(source: string): string {
  return maskUnquotedSlashes(maskLiquid(source.replace(/^\uFEFF/, '')).text).text;
}

function expectSameTree(text: string, pieceChars: number): void {
  const whole = JSON.stringify(parseMarkdown(text, { pieceChars: Number.POSITIVE_INFINITY }));
  const pieces = JSON.stringify(parseMarkdown(text, { pieceChars }));
  if (whole !== pieces) {
    let at = 0;
    while (whole[at] === pieces[at]) at++;
    expect(pieces.slice(Math.max(0, at - 300), at + 200)).toBe(whole.slice(Math.max(0, at - 300), at + 200));
  }
}

describe('parsing in pieces equals parsing whole', () => {
  it('on the reference post, cut at every possible place', () => {
    const text = prepared(readFileSync(reference, 'utf8'));
    expect(parseInPieces(text, 1)).toBeDefined();
    expectSameTree(text, 1);
  });

  it.skipIf(corpusFiles.length === 0).each(corpusFiles)('on %s, cut at every possible place and in 4 KB pieces', (name) => {
    const text = prepared(readFileSync(join(realDir, name), 'utf8'));
    expect(parseInPieces(text, 1)).toBeDefined();
    expectSameTree(text, 1);
    expectSameTree(text, 4096);
  });

  it.skipIf(corpusFiles.length === 0)('on the whole corpus concatenated (the benchmark input) with the default piece size', () => {
    const text = corpusFiles.map((name) => prepared(readFileSync(join(realDir, name), 'utf8'))).join('\n\n');
    expect(parseInPieces(text, 16 * 1024)).toBeDefined();
    expectSameTree(text, 16 * 1024);
  });

  // Blocks that reach across blank lines or across the document, each followed by lines that could start a
  // piece. Every one ends with a line ending; documents join them with blank lines (or none).
  const TRICKY: Record<string, string> = {
    lazyList: '- item one with [a link](https://example.com/lazy)\nlazy continuation https://example.com/lazy-bare\n- item two\n\n  indented paragraph [x][later]\n',
    looseList: '* one\n\n* two [t](https://example.com/loose)\n\n1. first\n\n2) other\n',
    fenceWithBlanks: '```js\nconst a = 1;\n\n# not a heading [no](https://example.com/in-fence)\n\n[later]: https://example.com/fake\n```\n',
    tildeFence: '~~~~\n```\n\nhttps://example.com/in-tilde-fence\n~~~\n\nstill code\n~~~~\n',
    listFence: '- item\n\n  ```\n  code\n\n  more code\n  ```\n',
    unclosedListFence: '- item\n\n  ```\n  never closed in the item\n\nAfter the list https://example.com/after-list\n',
    preBlock: '<pre>\n\n[no](https://example.com/in-pre)\n\nstill pre\n</pre>\n',
    comment: '<!-- a comment\n\nwith https://example.com/in-comment\n\n-->\n',
    divBlock: '<div class="x">\n<a href="https://example.com/div">div</a>\n</div>\n',
    quote: '> quoted [q](https://example.com/quote)\nlazy line of the quote\n>\n> [quoted ref][Later]\n',
    quoteLabel: '> [a label\n> over two lines]\n\n> [a label\n> over two lines]: https://example.com/two-lines\n',
    refUse: 'Uses [later] and [LATER][] and [text][later] and ![img][later] before the definition.\n',
    refDef: '[later]: https://example.com/later "Title"\n',
    caseRef: 'Uses [Ünïcode Label] and [ẞ sharp] here.\n',
    caseDef: '[ünïcode label]: https://example.com/unicode\n\n[ß SHARP]: https://example.com/sharp\n',
    footnoteUse: 'A claim[^note] and [^note](https://example.com/after-footnote) and [^nope](https://example.com/no-footnote).\n',
    footnoteDef: '[^note]: The note, with https://example.com/in-note\n\n    indented second paragraph of the note\n',
    setext: 'A setext heading with [a link](https://example.com/setext)\n===\n\nAnother\n---\n',
    table: '| a | b |\n| --- | --- |\n| [cell](https://example.com/cell) | www.example.com/table |\n',
    indented: '    indented code https://example.com/indented\n\n    more code\n',
    bare: 'Bare https://example.com/bare and www.example.com/www and someone@example.com.\n',
    html: '<p>inline <a href="https://example.com/p">p</a></p>\n',
    heading: '# Title with [link](https://example.com/title)\n',
    thematic: '***\n',
    plus: '+ plus list\n',
  };
  const FRONT_MATTER = '---\ntitle: x\n\nurl: https://example.com/front\n---\n';

  it('on each tricky block followed by every other, cut at every possible place', () => {
    const names = Object.keys(TRICKY);
    for (const first of names) {
      for (const second of names) {
        const text = `${TRICKY[first]}\n${TRICKY[second]}\n${TRICKY[first]}`;
        expectSameTree(text, 1);
      }
    }
  });

  it('on random documents of tricky blocks, with LF, CRLF or CR line endings and front matter', () => {
    const block = fc.constantFrom(...Object.values(TRICKY));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n', '\n\n\n', '')), { minLength: 2, maxLength: 14 }),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.constantFrom(1, 40, 200),
        (blocks, front, ending, pieceChars) => {
          const text = ((front ? `${FRONT_MATTER}\n` : '') + blocks.map(([body, gap]) => body + gap).join('')).replace(/\n/g, ending);
          expectSameTree(text, pieceChars);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('findCutPoints', () => {
  it('cuts only after a blank line before an unindented line that cannot continue a list', () => {
    const text = '# A\n\npara\n\n- item\n\n- item\n\n  more\n\n> quote\n\n1. one\n\n+ plus\n\n***\n\nB\n';
    const cuts = findCutPoints(text).map((at) => text.slice(at, text.indexOf('\n', at)));
    expect(cuts).toEqual(['para', '> quote', 'B']);
  });

  it('never cuts inside front matter, even at blank lines', () => {
    const text = '---\na: 1\n\nb: 2\n---\n\nText\n\nMore\n';
    expect(findCutPoints(text).map((at) => text.slice(at, at + 4))).toEqual(['Text', 'More']);
  });
});

describe('open blocks at the end of a piece', () => {
  it('tells a closed fence from an open one', () => {
    expect(isOpenFence('```js\ncode\n```')).toBe(false);
    expect(isOpenFence('~~~~\ncode\n~~~~~  ')).toBe(false);
    expect(isOpenFence('```\ncode\n\n')).toBe(true);
    expect(isOpenFence('````\ncode\n```')).toBe(true);
    expect(isOpenFence('```\ncode\n~~~')).toBe(true);
    expect(isOpenFence('```')).toBe(true);
    expect(isOpenFence('    indented code')).toBe(false);
  });

  it('tells a finished HTML block of kinds 1-5 from an open one', () => {
    expect(isOpenHtml('<pre>\nx\n</pre>')).toBe(false);
    expect(isOpenHtml('<pre>\nx\n\n')).toBe(true);
    expect(isOpenHtml('<!-- a -->')).toBe(false);
    expect(isOpenHtml('<!-- a\n\nb')).toBe(true);
    expect(isOpenHtml('<?php x ?>')).toBe(false);
    expect(isOpenHtml('<![CDATA[ x')).toBe(true);
    expect(isOpenHtml('<div>\nx')).toBe(false);
  });
});
