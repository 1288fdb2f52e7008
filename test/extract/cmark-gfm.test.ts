import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/extract/index.js';

const urls = (markdown: string): string[] => extractLinks(markdown).links.map((link) => link.url);

/**
 * cmark-gfm (the reference implementation) is the spec. Each case below is one where remark-gfm alone gives
 * a different answer; the comment says what remark does and why linkrot follows cmark-gfm.
 */
describe('corrections where remark deviates from cmark-gfm', () => {
  it('no www./http(s) literal while a [ is pending in the paragraph (cmark-gfm issue 278)', () => {
    // remark: links https://example.com/a. cmark-gfm: `[` is an open bracket, the autolink extension is off.
    expect(urls('[see https://example.com/a')).toEqual([]);
    expect(urls('[https://example.com/b]')).toEqual([]);
    expect(urls('![ www.example.com/c')).toEqual([]);
    expect(urls('[open\non two lines https://example.com/d')).toEqual([]);
  });

  it('a closed bracket no longer blocks literals; an escaped one never did', () => {
    expect(urls('[gym])(https://github.com/openai/gym)')).toEqual(['https://github.com/openai/gym']);
    expect(urls('\\[x https://example.com/e')).toEqual(['https://example.com/e']);
    expect(urls('[a](https://example.com/f) then https://example.com/g')).toEqual(['https://example.com/f', 'https://example.com/g']);
  });

  it('brackets are counted per paragraph and per table cell', () => {
    expect(urls('[open\n\nhttps://example.com/h')).toEqual(['https://example.com/h']);
    expect(urls('| [a | https://example.com/i |\n| - | - |\n| b | c |')).toEqual(['https://example.com/i']);
  });

  it('e-mail literals are not affected by brackets (cmark-gfm finds them after parsing)', () => {
    expect(urls('[write to someone@example.com')).toEqual(['mailto:someone@example.com']);
  });

  it('www. is case-sensitive in cmark-gfm (issue 280)', () => {
    // remark: links http://WWW.example.com.
    expect(urls('Visit WWW.example.com today')).toEqual([]);
    expect(urls('Visit www.example.com today')).toEqual(['http://www.example.com']);
  });

  it('www. starts only after white space, *, _, ~ or ( (remark also accepts other punctuation)', () => {
    expect(urls('"www.example.com/j"')).toEqual([]);
    expect(urls('/www.example.com/k')).toEqual([]);
    expect(urls('(www.example.com/l)')).toEqual(['http://www.example.com/l']);
    expect(urls('*www.example.com/m*')).toEqual(['http://www.example.com/m']);
  });

  it('keeps the http literals remark and cmark-gfm agree on, e.g. after a quote', () => {
    expect(urls('"https://example.com/n"')).toEqual(['https://example.com/n']);
    expect(urls('*http://www.* sequence')).toEqual(['http://www']);
  });
});

describe('raw HTML and table cells as cmark-gfm reads them (also compared on generated documents in cmark-gfm-generated.test.ts)', () => {
  it('an unquoted attribute value ends at white space or > only, / included (micromark ends it at /)', () => {
    // remark alone: no HTML tag, and a bare URL `https://example.com/x>text`.
    expect(urls('See <a href=https://example.com/x>text</a> now.')).toEqual(['https://example.com/x']);
    expect(urls('<a href=https://example.com/block>text</a>')).toEqual(['https://example.com/block']);
    expect(urls('A <img src=https://example.com/i.png alt=x> and <img srcset=/a/1.png>')).toEqual(['https://example.com/i.png', '/a/1.png']);
    // HTML: the value of `<a href=x/>` is `x/`, not a self-closing tag.
    expect(urls('<a href=x/y/>y</a>')).toEqual(['x/y/']);
    // An escaped `<` or a code span is no tag for either; `=` in an unquoted value makes no tag for either.
    expect(urls('\\<a href=https://example.com/e>')).toEqual(['https://example.com/e>']);
    expect(urls('`<a href=https://example.com/c>`')).toEqual([]);
    expect(urls('<a href=https://example.com/?q=1>t</a>')).toEqual(['https://example.com/?q=1>t']);
  });

  it('the slashes put back: code, text and positions unchanged', () => {
    const source = '[`<a href=x/y>`](https://example.com/l) <a href=/p/q>';
    const links = extractLinks(source).links;
    expect(links.map((link) => [link.url, link.text])).toEqual([['https://example.com/l', '<a href=x/y>'], ['/p/q', '']]);
    expect(source.slice(links[1]!.offset.start, links[1]!.offset.end)).toBe('/p/q');
  });

  it('a table cell\'s \\| is a | in bare URLs, autolinks and raw HTML (cmark-gfm unescapes it before reading the cell)', () => {
    const source = '| a | b |\n|---|---|\n| https://example.com/a\\|b | <https://example.com/c\\|d> |\n| <a href="https://example.com/h\\|i">h</a> | [l](https://example.com/e\\|f) |';
    const links = extractLinks(source).links;
    expect(links.map((link) => link.url)).toEqual(['https://example.com/a|b', 'https://example.com/c|d', 'https://example.com/h|i', 'https://example.com/e|f']);
    // Offsets still cover the URL as written, backslash included (what --fix replaces).
    expect(links.map((link) => source.slice(link.offset.start, link.offset.end))).toEqual(['https://example.com/a\\|b', 'https://example.com/c\\|d', 'https://example.com/h\\|i', 'https://example.com/e\\|f']);
    // Outside a table a bare URL keeps its backslash, as in cmark-gfm.
    expect(urls('https://example.com/a\\|b')).toEqual(['https://example.com/a\\|b']);
  });
});
