import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBareFrontMatter } from '../../src/extract/bare-front-matter.js';
import { parseMarkdown } from '../../src/extract/parse.js';

// A document that is only a front matter block and blank lines gets micromark's tree without micromark.

describe('a document of front matter and blank lines', () => {
  it('gives the tree micromark gives', () => {
    for (const text of ['---\nlayout: post\ntitle: "T"\n---\n\n', '---  \r\na: 1\r\n---\t\r\n\r\n  \r\n', '---\n---\n', '---\n\n---', '---\ra\r\r---\r']) {
      expect(parseBareFrontMatter(text), JSON.stringify(text)).toEqual(parseMarkdown(text));
    }
  });

  it('is not taken for anything else', () => {
    for (const text of ['---\na\n', '---\na\n----\n', '---\na\n --- \n', '---\na\n---\ntext\n', '--- x\na\n---\n', ' ---\na\n---\n', '---\na\n---\n\n    code\n', 'text\n']) {
      expect(parseBareFrontMatter(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('agrees with micromark on generated documents', () => {
    let taken = 0;
    const line = fc.constantFrom('---', '--- ', '---\t', '----', ' ---', 'a: 1', '', '  ', 'title: "x"', '# c', '...');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (lines, ending, last) => {
        const text = ['---', ...lines].join(ending) + (last ? ending : '');
        const tree = parseBareFrontMatter(text);
        if (tree) {
          taken++;
          expect(tree).toEqual(parseMarkdown(text));
        } else {
          // Not taken: micromark finds more than a front matter block.
          const children = parseMarkdown(text).children;
          expect(children.length === 1 && children[0]?.type === 'yaml').toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
    expect(taken).toBeGreaterThan(100);
  });
});
