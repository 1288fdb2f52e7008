import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/extract/index.js';
import { maskLiquid } from '../../src/extract/liquid.js';
import { parseMarkdown } from '../../src/extract/parse.js';
import { FOLDS_TO_ASCII, findPlainPieces, parseForLinks } from '../../src/extract/plain-paragraphs.js';
import { corpusRoot } from './helpers.js';

// Headings, one-line definitions and one-line-item lists (plain-blocks.ts) are read without micromark like
// plain paragraphs. Each must give the tree micromark gives (paragraphs keep only their links, see
// plain-nodes.ts) and so the same links.

const realDir = join(corpusRoot, 'real');
const corpusFiles = existsSync(realDir) ? readdirSync(realDir).filter((name) => name.endsWith('.md')).sort() : [];

/** The tree as far as extractLinks reads it: paragraphs keep only their links, link references and images. */
function normalise(node: Nodes): unknown {
  const { children: _children, ...rest } = node as Nodes & { children?: Nodes[] };
  if (!('children' in node)) return rest;
  let children = node.children as Nodes[];
  if (node.type === 'paragraph') children = children.filter((child) => child.type === 'link' || child.type === 'linkReference' || child.type === 'image');
  return { ...rest, children: children.map(normalise) };
}

function expectSameTree(text: string): void {
  const masked = maskLiquid(text).text;
  const fast: Root = parseForLinks(masked);
  const slow: Root = parseMarkdown(masked);
  expect(normalise(fast)).toEqual(normalise(slow));
  const options = { path: '_posts/2017-03-01-post.md', baseUrl: 'https://blog.example.com/2017/post/' };
  expect(extractLinks(text, options)).toEqual(extractLinks(text, { ...options, fastParagraphs: false }));
}

/** The kinds of the plain blocks found, in order. */
function plainKinds(text: string): string[] {
  return findPlainPieces(maskLiquid(text).text).flatMap((piece) => piece.blocks.map((block) => block.kind));
}

/** Where the plain blocks found start. */
function plainStarts(text: string): number[] {
  return findPlainPieces(maskLiquid(text).text).flatMap((piece) => piece.blocks.map((block) => (block.kind === 'list' ? (block.items[0]?.start ?? -1) : block.start)));
}

describe('plain headings, definitions and lists read without micromark give the tree micromark gives', () => {
  it('on a post like the benchmark ones: everything but the front matter is read here', () => {
    const text = [
      '---\nlayout: post\ntitle: "Descent"\ntags: [a, b]\n---\n',
      'This post collects what I read about norm loss this month.\n',
      '## Norm norm and [intro](http://127.0.0.14:37297/intro)\n',
      'I liked [this optimizer piece](http://127.0.0.14:37297/2010/review-1212), which explains model.\n',
      'As [the recurrent write-up][ref-0-3] shows, the sequence matters.\n',
      '- [batch gradient](http://127.0.0.14:37297/2014/training-1372) — a gradient worth a look\n',
      '# Title [t][Ref-0-3]\nRight after a heading.\n',
      '1. [one](http://127.0.0.14:37297/1)\n2. two [t][ref-0-3]  \n3. three\n',
      '[ref-0-3]: http://127.0.0.14:37297/2010/benchmark-1332\n[other]: http://127.0.0.14:37297/o "A title"  \n[Third.one]: http://127.0.0.14:37297/t (paren)\n',
    ].join('\n');
    expect(plainKinds(text)).toEqual(['paragraph', 'heading', 'paragraph', 'paragraph', 'list', 'heading', 'paragraph', 'list', 'definition', 'definition', 'definition']);
    for (const ending of ['\n', '\r\n', '\r']) expectSameTree(text.replace(/\n/g, ending));
    expect(extractLinks(text).title).toBe('Descent');
    expect(extractLinks(text.replace(/^---[\s\S]*?---\n/, '')).title).toBe('Title t');
  });

  const NEAR_MISSES = [
    // Headings
    '####### seven',
    '#hashtag text',
    '## closing ##',
    '## C#',
    '##\ttab',
    '## ',
    '## *em*',
    '## see www.example.com',
    '## T\n    indented code',
    '## T\n===',
    // Definitions
    '[a]: http://x.example "t" junk',
    '[a]:\n  http://x.example',
    '[a]: http://x.example\n"title"',
    '[a]: http://x.example\nText after it',
    '[a]: <http://x.example>',
    '[a b]: http://x.example',
    '[^a]: note',
    "[a]: http://x.example 'unclosed",
    '[a]: http://x.example "t"x"',
    '[a]: http://x.example (t(x))',
    '[a]:',
    '[a]: http://x.example "a\\"b"',
    '[a]: http://x.example "&amp;"',
    '[a]: http://x.example"t"',
    // Lists
    '- [ ] task',
    '- [x] task',
    '-  two spaces',
    '-\ttab',
    '- a\n  continued',
    '- a\nlazy',
    '- a\n\n  more of a',
    '- a\n\n- b',
    '- a\n* b',
    '1. a\n2) b',
    '- - -',
    '* * *',
    '- # h',
    '- > q',
    '1234567890. ten digits',
    '- a\n---',
    '- a\n===',
    '-',
    '- a\n    code',
    '- a *em*',
    '- a\n\n    code after',
    // Images
    '![i][ref]',
    '![a *b*](http://x.example/i.png)',
    '![[t](http://x.example/l)](http://x.example/i.png)',
    '![i](http://x.example/i.png "title")',
    '!\\[i](http://x.example/i.png)',
    '![i](http://x.example/i.png)(x)',
    // A paragraph and what might interrupt it or continue it
    'Text\n- item',
    'Text\n2. item',
    'Text\n## heading',
    'Text\n[a]: http://x.example',
  ];

  it('takes no block whose reading depends on more than this code looks at, and gives the same tree', () => {
    for (const miss of NEAR_MISSES) {
      const text = `# T\n\nWords.\n\n${miss}\n\nMore words [t][ref].\n\n[ref]: https://example.com/ref\n`;
      const from = text.indexOf(miss);
      expect(plainStarts(text).filter((start) => start >= from && start < from + miss.length), miss).toEqual([]);
      expectSameTree(text);
    }
  });

  it('takes the blocks that are plain', () => {
    const cases: Array<[string, string[]]> = [
      ['## [t](http://x.example/a) and [u][ref] words', ['heading']],
      ['###### six [t][REF]', ['heading']],
      ['## T\nText after [t](http://x.example/b)', ['heading', 'paragraph']],
      ['## T\n- a\n- [b](http://x.example/c)', ['heading', 'list']],
      ['## T\n[a]: http://x.example/d', ['heading', 'definition']],
      ['[a]:http://x.example/e', ['definition']],
      ["[a]: http://x.example/f 'single'\n[b]: http://x.example/g", ['definition', 'definition']],
      ['[t](http://x.example/h) starts a paragraph', ['paragraph']],
      ['[t][ref]: is a paragraph with a reference', ['paragraph']],
      ['![A figure about x](http://x.example/f.png)', ['paragraph']],
      ['![](http://x.example/f.png) and text\n![b](http://x.example/g.png)', ['paragraph']],
      ['## A heading ![i](http://x.example/h.png)', ['heading']],
      ['Text\n\n- ![i](http://x.example/l.png) item', ['paragraph', 'list']],
      ['Text\n\n- [x](http://x.example/i) is not a task\n+ plus', []],
      ['Text\n\n+ plus\n+ [x](http://x.example/j)', ['paragraph', 'list']],
      ['Text\n\n- [x][ref] is not a task', ['paragraph', 'list']],
      ['Text\n\n007) seven\n008) eight', ['paragraph', 'list']],
      ['Text\n\n* star [t][ref]', ['paragraph', 'list']],
    ];
    for (const [block, kinds] of cases) {
      const text = `# T\n\nWords.\n\n${block}\n\n[ref]: https://example.com/ref\n`;
      expect(plainKinds(text).slice(1, -1), block).toEqual(kinds);
      expectSameTree(text);
    }
  });

  it('keeps a definition for micromark when its label may be used in the text micromark reads', () => {
    const uses = ['*em* [t][ref]', '*em* [t][REF]', '*em* [ref]', '*em* [ref][]', '> [t][ ref ]', '- *em* [t][Ref]'];
    for (const use of uses) {
      const text = `Words.\n\n${use}\n\n[ref]: https://example.com/ref\n`;
      expect(plainKinds(text), use).not.toContain('definition');
      expectSameTree(text);
    }
    // A label written with a character that case-folds to ASCII (ſ → S) matches `sef`.
    const folded = 'Words.\n\n*em* [t][ſef]\n\n[sef]: https://example.com/sef\n';
    expect(plainKinds(folded)).not.toContain('definition');
    expectSameTree(folded);
    const expected = extractLinks(folded, { fastParagraphs: false }).links.find((link) => link.syntax === 'reference');
    expect(expected?.url).toBe('https://example.com/sef');
    // Used only in plain blocks: taken.
    const plainUse = '# T\n\nWords [t][ref].\n\n## And [u][REF]\n\nSome *em*.\n\n[ref]: https://example.com/ref\n';
    expect(plainKinds(plainUse)).toEqual(['paragraph', 'heading', 'definition']);
    expectSameTree(plainUse);
    // A reference to a label defined nowhere: found, then the whole text goes to micromark.
    const undefinedLabel = '# T\n\n## See [t][nope]\n\n[ref]: https://example.com/ref\n';
    expect(plainKinds(undefinedLabel)).toEqual(['heading', 'definition']);
    expectSameTree(undefinedLabel);
  });

  it('FOLDS_TO_ASCII holds every character whose case folding gives ASCII', () => {
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (/[\x00-\x7f]/.test(char.toLowerCase().toUpperCase())) expect(FOLDS_TO_ASCII.test(char), code.toString(16)).toBe(true);
    }
  });

  it.skipIf(corpusFiles.length === 0).each(corpusFiles)('on %s', (name) => {
    expectSameTree(readFileSync(join(realDir, name), 'utf8'));
  });

  // Mostly plain content, sometimes with something that makes it not plain.
  const PLAIN_WORDS = ['alpha', 'Beta', 'x>y', 'C#', '1.', '-', '=', ':', '"q"', "'", '(p)', '!', '[t](https://example.com/a)', '[t][ref]', '[t][Ref]', '![a figure](https://example.com/f.png)'];
  const TRICKY_WORDS = ['#', '*em*', '`c`', 'www.example.com', '[t][nope]', '[t]', '[x]', '[ ]', '{{ site.url }}', '![i][ref]', '![a *b*](https://example.com/i.png)', '![i](https://example.com/i.png "T")'];
  const word = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...PLAIN_WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_WORDS) });
  const content = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
  const pick = <T,>(usual: T[], rare: T[]): fc.Arbitrary<T> => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });
  const heading = fc.tuple(pick(['#', '##', '######'], ['#######', '##\t']), content, pick(['', '  '], [' #', '\t'])).map(([marks, body, tail]) => `${marks} ${body}${tail}`);
  const definition = fc
    .tuple(pick(['ref', 'REF', 'other'], ['a b', '^fn']), pick([' ', '', '\t'], ['  ']), pick(['https://example.com/d', 'https://example.com/d?q=1#x'], ['<https://example.com/d>']), pick(['', ' "T"', " 'T'", ' (T)'], [' "T', ' x', '  ']))
    .map(([label, gap, url, title]) => `[${label}]:${gap}${url}${title}`);
  const marker = fc.oneof(fc.constant(['- ']), fc.constant(['* ']), fc.constant(['1. ', '2. ', '3. ']), fc.constant(['7) ', '8) ', '9) ']), fc.constant(['-  ', '-\t', '- [ ] ', '- [x] ', '* ', '2) ']));
  const itemBody = fc.tuple(pick(['alpha', 'Beta', '[t](https://example.com/i)', '[t][ref]', '![i](https://example.com/i.png)'], ['"q"', '1.', '-', '#', '(p)', '!x']), content).map(([first, rest]) => `${first} ${rest}`);
  const list = fc.tuple(marker, fc.array(itemBody, { minLength: 1, maxLength: 3 })).map(([markers, items]) => items.map((body, index) => `${markers[index % markers.length] ?? '- '}${body}`).join('\n'));
  const paragraph = fc.tuple(pick(['Words', '[t](https://example.com/p)', '![A figure](https://example.com/p.png)'], ['  Indented', '!x']), content, fc.option(content)).map(([first, body, more]) => `${first} ${body}${more === null ? '' : `\n${more}`}`);
  const other = fc.constantFrom('```\nfence [t][ref]\n', '<!-- open\n', '> quote [t][ref]\n', '    indented', '***', '---', '===', '| a |\n| - |', '[^fn]: note', '<div>\nx\n</div>');
  const block = fc.oneof({ weight: 2, arbitrary: heading }, { weight: 2, arbitrary: definition }, { weight: 3, arbitrary: list }, { weight: 3, arbitrary: paragraph }, { weight: 1, arbitrary: other });

  it('on random documents of such blocks, near-misses and others, with LF, CRLF or CR', () => {
    const taken = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(fc.tuple(block, pick(['\n\n'], ['\n', '\n\n\n', '\n \t\n'])), { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (blocks, ending) => {
        const text = `---\ntitle: x\n---\n\n${blocks.map(([body, gap]) => body + gap).join('')}\n[ref]: https://example.com/ref\n`.replace(/\n/g, ending);
        expectSameTree(text);
        for (const kind of plainKinds(text)) taken.set(kind, (taken.get(kind) ?? 0) + 1);
      }),
      { numRuns: 500 },
    );
    // The documents do exercise each kind of plain block.
    for (const kind of ['paragraph', 'heading', 'list', 'definition']) expect(taken.get(kind) ?? 0, kind).toBeGreaterThan(20);
  });
});
