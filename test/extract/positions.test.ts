import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/extract/index.js';

const DOCUMENT = [
  '---',
  'title: Line endings',
  '---',
  'First [one](https://example.com/1) line.',
  '',
  'A [label over',
  'two lines](https://example.com/2) and <a',
  '  href="https://example.com/3">x</a> https://example.com/4',
].join('\n');

function check(source: string): void {
  const { links, title } = extractLinks(source);
  expect(title).toBe('Line endings');
  expect(links.map((link) => [link.url, link.line, link.column, link.urlLine])).toEqual([
    ['https://example.com/1', 4, 7, undefined],
    ['https://example.com/2', 6, 3, 7],
    ['https://example.com/3', 8, 3, undefined],
    ['https://example.com/4', 8, 38, undefined],
  ]);
  for (const link of links) expect(source.slice(link.offset.start, link.offset.end)).toBe(link.url);
}

describe('positions with CRLF, a lone CR and a byte-order mark', () => {
  it('LF', () => check(DOCUMENT));
  it('CRLF', () => check(DOCUMENT.replace(/\n/g, '\r\n')));
  it('BOM + CRLF: offsets count the BOM, columns do not', () => {
    const source = `\uFEFF${DOCUMENT.replace(/\n/g, '\r\n')}`;
    check(source);
    const first = extractLinks(source).links[0];
    expect(first?.offset.start).toBe(source.indexOf('https://example.com/1'));
  });
  it('BOM on the first line', () => {
    const { links } = extractLinks('\uFEFF[a](https://example.com/x)');
    expect(links[0]).toMatchObject({ line: 1, column: 1, offset: { start: 5, end: 26 } });
  });
  it('offsets and columns count UTF-16 code units (astral characters are two)', () => {
    const source = '😀 [😀](https://example.com/😀)';
    const link = extractLinks(source).links[0];
    expect(link).toMatchObject({ column: 4, url: 'https://example.com/😀' });
    expect(source.slice(link?.offset.start, link?.offset.end)).toBe('https://example.com/😀');
  });
  it('destinations with escapes, entities, titles, parentheses and angle brackets', () => {
    const source = [
      '[a](https://example.com/a_\\(b\\) "t")',
      '[b](<https://example.com/b c> \'t\')',
      '[c](https://en.wikipedia.org/wiki/Foo_(bar) (t))',
      '[d](https://example.com/?a=1&amp;b=2)',
      '[e](  https://example.com/e  )',
      '[f]()',
    ].join('\n\n');
    const links = extractLinks(source).links;
    expect(links.map((link) => [link.url, source.slice(link.offset.start, link.offset.end)])).toEqual([
      ['https://example.com/a_(b)', 'https://example.com/a_\\(b\\)'],
      ['https://example.com/b c', 'https://example.com/b c'],
      ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
      ['https://example.com/?a=1&b=2', 'https://example.com/?a=1&amp;b=2'],
      ['https://example.com/e', 'https://example.com/e'],
      ['', ''],
    ]);
  });
});
