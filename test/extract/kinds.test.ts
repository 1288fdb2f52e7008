import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/extract/index.js';
import { readFixture, urlAtOffset } from './helpers.js';

const BASE = 'https://blog.example.com/posts/x/';

describe('extractLinks: every kind of link', () => {
  const source = readFixture('kinds.md');
  const file = extractLinks(source, { path: 'posts/kinds.md', baseUrl: BASE });
  const rows = file.links.map((link) => [link.line, link.column, link.syntax, link.kind, link.url]);

  it('reads title and date from front matter (date as written in its own zone)', () => {
    expect(file).toMatchObject({ path: 'posts/kinds.md', title: 'Every kind of link', date: '2019-07-04' });
  });

  it('finds each kind, in source order, with line and column of its first character', () => {
    expect(rows).toEqual([
      [7, 8, 'link', 'link', 'https://example.com/inline'],
      [7, 65, 'image', 'image', 'https://example.com/img.png'],
      [9, 1, 'link', 'link', 'https://example.com/project'],
      [9, 2, 'image', 'image', 'https://example.com/badge.svg'],
      [11, 3, 'reference', 'reference', 'https://example.com/ref'],
      [11, 31, 'reference', 'reference', 'https://example.com/with space'],
      [11, 55, 'reference', 'reference', 'https://example.com/shortcut'],
      [11, 70, 'reference-image', 'reference-image', 'https://example.com/ref.png'],
      [18, 1, 'definition', 'definition', 'https://example.com/unused'],
      [20, 11, 'autolink', 'autolink', 'https://example.com/auto'],
      [20, 42, 'autolink', 'mailto', 'mailto:someone@example.com'],
      [20, 70, 'bare', 'bare', 'https://example.com/bare'],
      [21, 1, 'bare', 'bare', 'http://www.example.com/www'],
      [21, 25, 'bare', 'mailto', 'mailto:mail@example.org'],
      [23, 6, 'link', 'mailto', 'mailto:me@example.com'],
      [23, 53, 'link', 'relative', '../about/'],
      [23, 76, 'link', 'relative', '#top'],
      [25, 4, 'html', 'html', 'https://example.com/a?x=1&y=2'],
      [25, 61, 'html', 'relative', '/img/x.png'],
      [28, 11, 'html', 'html', 'https://example.com/s-1x.png'],
      [28, 11, 'html', 'html', 'https://example.com/s-2x.png'],
      [29, 10, 'html', 'html', 'https://example.com/v.mp4'],
      [29, 42, 'html', 'html', 'https://example.com/poster.jpg'],
      [30, 11, 'html', 'html', 'https://example.com/embed'],
      [31, 11, 'html', 'html', 'https://example.com/o.swf'],
      [32, 10, 'html', 'html', 'https://example.com/a.mp3'],
      [32, 49, 'html', 'html', 'https://example.com/t.vtt'],
      [33, 10, 'html', 'html', 'https://example.com/e.swf'],
      [34, 15, 'html', 'html', 'https://example.com/quote'],
    ]);
  });

  it('reports an image inside a link as both URLs, the image marked inLink', () => {
    const [outer, inner] = file.links.filter((link) => link.line === 9);
    expect(outer).toMatchObject({ text: 'badge alt', syntax: 'link' });
    expect(outer?.inLink).toBeUndefined();
    expect(inner).toMatchObject({ text: 'badge alt', syntax: 'image', inLink: true });
  });

  it('reports references where used, with the span of the destination in the definition', () => {
    const full = file.links.find((link) => link.label === 'ref');
    expect(full).toMatchObject({ text: 'full reference', label: 'ref', definitionLine: 13, urlLine: 13 });
    expect(source.slice(full?.offset.start, full?.offset.end)).toBe('https://example.com/ref');
    const pointy = file.links.find((link) => link.label === 'collapsed');
    expect(source.slice(pointy?.offset.start, pointy?.offset.end)).toBe('https://example.com/with space');
    const shortcut = file.links.find((link) => link.label === 'shortcut');
    expect(shortcut).toMatchObject({ definitionLine: 15, urlLine: 16 });
  });

  it('reports a definition nothing uses once, as kind definition', () => {
    expect(file.links.filter((link) => link.kind === 'definition')).toEqual([
      expect.objectContaining({ url: 'https://example.com/unused', label: 'unused', line: 18, definitionLine: 18 }),
    ]);
  });

  it('resolves relative links against --base-url and keeps kind relative', () => {
    expect(file.links.filter((link) => link.kind === 'relative').map((link) => link.resolved)).toEqual([
      'https://blog.example.com/posts/about/',
      'https://blog.example.com/posts/x/#top',
      'https://blog.example.com/img/x.png',
    ]);
    expect(file.links.filter((link) => link.kind !== 'relative').every((link) => link.resolved === undefined)).toBe(true);
  });

  it('records tag and attribute of raw HTML, decodes entities and points at the raw value', () => {
    const anchor = file.links.find((link) => link.html?.tag === 'a');
    expect(anchor?.html).toEqual({ tag: 'a', attr: 'href' });
    expect(source.slice(anchor?.offset.start, anchor?.offset.end)).toBe('https://example.com/a?x=1&amp;y=2');
    const srcset = file.links.filter((link) => link.html?.attr === 'srcset');
    expect(srcset.map((link) => source.slice(link.offset.start, link.offset.end))).toEqual([
      'https://example.com/s-1x.png',
      'https://example.com/s-2x.png',
    ]);
  });

  it('gives link text as plain text with white space collapsed', () => {
    expect(file.links[0]?.text).toBe('an inline link');
    expect(extractLinks('[a *b*\n  `c`\tand ![img](i.png)](https://example.com)').links[0]?.text).toBe('a b c and img');
  });

  it('has offsets that slice to the URL as written, for every link', () => {
    for (const link of file.links) expect(urlAtOffset(source, link)).toBe(link.url);
  });

  it('falls back to the first level-1 heading for the title and to the file name for the date', () => {
    const meta = extractLinks('Intro\n\n# The *real* title\n\n# Second', { path: '_posts/2016-02-29-leap.md' });
    expect(meta).toMatchObject({ title: 'The real title', date: '2016-02-29' });
    expect(extractLinks('no title', { path: '2017-02-30-not-a-date.md' }).date).toBeUndefined();
  });
});

describe('extractLinks: what is not a link', () => {
  const source = readFixture('not-links.md');
  const file = extractLinks(source);

  it('ignores code spans, code blocks, HTML comments, handles, unresolved references and href-less anchors', () => {
    // The only link: `\[x](…)` is text, and the `(https://…)` in it is a GFM bare URL (the `)` is not part of it).
    expect(file.links.map((link) => [link.line, link.syntax, link.url])).toEqual([[17, 'bare', 'https://example.com/escaped']]);
  });

  it('finds nothing in an empty document or plain prose', () => {
    expect(extractLinks('').links).toEqual([]);
    expect(extractLinks('Just words: foo.bar, a@b, http:/not-a-url, mailto:.').links).toEqual([]);
  });

  it('treats a link-looking label as one link (no bare URL inside link text)', () => {
    const links = extractLinks('[https://example.com/a](https://example.com/b)').links;
    expect(links.map((link) => link.url)).toEqual(['https://example.com/b']);
  });
});
