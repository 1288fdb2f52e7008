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
