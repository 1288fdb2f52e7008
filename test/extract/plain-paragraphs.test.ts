import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/extract/index.js';
import { maskLiquid } from '../../src/extract/liquid.js';
import { findPlainPieces } from '../../src/extract/plain-paragraphs.js';
import { corpusRoot, repoRoot } from './helpers.js';

// Plain paragraphs (plain-paragraphs.ts) are read without micromark. The links must be exactly those a
// micromark parse of the whole text gives: same URLs, kinds, positions, texts, labels, order.

const realDir = join(corpusRoot, 'real');
const reference = resolve(repoRoot, 'fixtures/posts/2017-03-01-learning-deep-learning.md');
const corpusFiles = existsSync(realDir) ? readdirSync(realDir).filter((name) => name.endsWith('.md')).sort() : [];

function expectSameLinks(text: string): void {
  const fast = extractLinks(text, { path: '_posts/2017-03-01-post.md', baseUrl: 'https://blog.example.com/2017/post/' });
  const slow = extractLinks(text, { path: '_posts/2017-03-01-post.md', baseUrl: 'https://blog.example.com/2017/post/', fastParagraphs: false });
  expect(fast).toEqual(slow);
}

/** The plain paragraphs found (other plain blocks are tested in plain-blocks.test.ts). */
function plainCount(text: string): number {
  return findPlainPieces(maskLiquid(text).text).flatMap((piece) => piece.blocks.filter((block) => block.kind === 'paragraph')).length;
}

describe('plain paragraphs read without micromark give the links micromark gives', () => {
  it('on the reference post', () => {
    expectSameLinks(readFileSync(reference, 'utf8'));
  });

  it.skipIf(corpusFiles.length === 0).each(corpusFiles)('on %s', (name) => {
    expectSameLinks(readFileSync(join(realDir, name), 'utf8'));
  });

  it('on a post like the benchmark ones, where most paragraphs are plain', () => {
    const text = [
      '---\nlayout: post\ntitle: "Descent"\n---\n',
      'This post collects what I read about norm loss this month.\n',
      '## Norm norm and intro\n',
      'I liked [this optimizer piece](http://127.0.0.14:37297/2010/review-1212), which explains model.\n',
      'As [the recurrent write-up][ref-0-3] shows, the sequence matters\nmore than [the other one][REF-0-3] says.\n',
      '- [batch gradient](http://127.0.0.14:37297/2014/training-1372) — a gradient worth a look\n',
      'I liked [this training\n  vision piece](http://127.0.0.14:37297/2018/seq-812), which explains batch.\n',
      '[ref-0-3]: http://127.0.0.14:37297/2010/benchmark-1332\n',
    ].join('\n');
    expect(plainCount(text)).toBe(4);
    expectSameLinks(text);
    expectSameLinks(text.replace(/\n/g, '\r\n'));
    expectSameLinks(text.replace(/\n/g, '\r'));
  });

  it('takes no paragraph that holds anything but text and the two link forms', () => {
    const others = [
      'www.example.com',
      'WwW.example.com',
      'http://example.com/bare',
      'someone@example.com',
      '*emphasis*',
      '_emphasis_',
      '`code`',
      '&amp;',
      '\\[escaped',
      '~~strike~~',
      'a | b',
      '![image][ref]',
      '![a `b`](https://example.com/i.png)',
      '<https://example.com/auto>',
      '[shortcut]',
      '[^note]',
      '[t](https://example.com/a)(x)',
      '[t](https://example.com/a "title")',
      '[t](<https://example.com/a>)',
      '[t](https://example.com/a b)',
      '[t][a label]',
      '[t][ref][x]',
      'a ] b',
      '{{ site.url }}',
    ];
    for (const other of others) {
      const text = `# T\n\nWords ${other} words.\n\n[ref]: https://example.com/ref\n`;
      expect(plainCount(text), other).toBe(0);
      expectSameLinks(text);
    }
    expect(plainCount('# T\n\nWords [t](https://example.com/a) and [u][ref] (x) a>b a#b.\n\n[ref]: https://e.com/r\n')).toBe(1);
    expect(plainCount('# T\n\nWords ![image](https://example.com/i.png) words!\n\n![](https://example.com/j.png)\n')).toBe(2);
    // A plain paragraph whose label is defined nowhere: the whole text is parsed by micromark.
    const undefinedLabel = '# T\n\nWords [t][undefined-label] words.\n\n[ref]: https://example.com/ref\n';
    expect(plainCount(undefinedLabel)).toBe(1);
    expectSameLinks(undefinedLabel);
  });

  // Blocks before and after plain paragraphs, above all those that stay open across blank lines.
  const BLOCKS = [
    '```js\nconst a = "[x](https://example.com/in-fence)";\n',
    '```\nclosed [x](https://example.com/closed-fence)\n```\n',
    '~~~~\nopen tilde fence\n',
    '<!-- an open comment [x](https://example.com/in-comment)\n',
    '<!-- closed -->\n',
    '<pre>\nopen pre\n',
    '<div>\n<a href="https://example.com/div">d</a>\n</div>\n',
    '- item [l](https://example.com/li)\n',
    '- item\n\n  continued [c](https://example.com/cont)\n',
    '1. ordered\n',
    '    indented code https://example.com/indented\n',
    '> quote [q](https://example.com/quote)\n',
    '# Title [h](https://example.com/h)\n',
    'Setext\n===\n',
    '[ref]: https://example.com/ref "T"\n',
    '[Other]: <https://example.com/other>\n',
    '[^fn]: A note https://example.com/note\n',
    '| a | b |\n| - | - |\n| [c](https://example.com/cell) | d |\n',
    '***\n',
  ];
  const WORDS = [
    'alpha',
    'Beta',
    'gamma.',
    '(paren)',
    'x>y',
    'a#b',
    'C#',
    '1.',
    '=',
    '-',
    'see:',
    'www.example.com',
    'me@example.com',
    'https://example.com/bare',
    '*em*',
    '`c`',
    '&amp;',
    '![i](https://example.com/i.png)',
    '[t](https://example.com/a)',
    '[two words](https://example.com/b?x=1#y)',
    '[](https://example.com/empty)',
    '[ ](https://example.com/space)',
    '[a (b) c](https://example.com/p)',
    '[t][ref]',
    '[t][REF]',
    '[t][other]',
    '[t][nope]',
    '[ref][nope]',
    '[nope][ref]',
    '[t][ref](https://example.com/x)',
    '[t](https://example.com/a)(x)',
    '[t]',
    '[^fn]',
    '{{ site.url }}',
  ];
  const line = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
  const plainish = fc
    .tuple(fc.constantFrom('Words', 'And', 'x', '- no', '# no', '1. no', '  Indented'), fc.array(fc.tuple(fc.constantFrom('', '  ', '\t', '    '), line), { minLength: 1, maxLength: 3 }))
    .map(([first, lines]) => `${first} ${lines.map(([indent, text], index) => (index === 0 ? text : `${indent}${text}`)).join('\n')}\n`);
  const block = fc.oneof({ weight: 3, arbitrary: plainish }, { weight: 2, arbitrary: fc.constantFrom(...BLOCKS) });

  it('on random documents of plain paragraphs and other blocks, with LF, CRLF or CR and front matter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n', '\n\n\n', '')), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n', '\r'),
        (blocks, front, ending) => {
          const text = ((front ? '---\ntitle: x\n---\n\n' : '') + blocks.map(([body, gap]) => body + gap).join('')).replace(/\n/g, ending);
          expectSameLinks(text);
        },
      ),
      { numRuns: 500 },
    );
  });
});
