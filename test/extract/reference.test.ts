import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/extract/index.js';
import { repoRoot, urlAtOffset } from './helpers.js';

interface KeyLink {
  n: number;
  kind: 'link' | 'link_wrapping_image' | 'image';
  url: string;
  line: number;
  url_line: number;
  text?: string;
  alt?: string;
  in_link?: boolean;
}

const POST = resolve(repoRoot, 'fixtures/posts/2017-03-01-learning-deep-learning.md');
const source = readFileSync(POST, 'utf8');
const key = JSON.parse(readFileSync(POST.replace(/\.md$/, '.links.json'), 'utf8')) as { links: KeyLink[] };
const file = extractLinks(source, { path: 'fixtures/posts/2017-03-01-learning-deep-learning.md' });

describe('the reference post (hand-checked key, 55 links)', () => {
  it('has the post metadata', () => {
    expect(file).toMatchObject({ title: 'Learning Deep Learning in 2 months', date: '2017-03-01' });
  });

  it('finds exactly the 55 links of the key: url, kind and line, in order', () => {
    expect(file.links).toHaveLength(55);
    const expected = key.links.map((link) => ({ url: link.url, kind: link.kind === 'image' ? 'image' : 'link', line: link.line }));
    expect(file.links.map((link) => ({ url: link.url, kind: link.kind, line: link.line }))).toEqual(expected);
  });

  it('records where a destination follows a label that spans lines', () => {
    for (const [index, link] of key.links.entries()) {
      const ours = file.links[index];
      expect(ours?.urlLine ?? ours?.line).toBe(link.url_line);
      expect(ours?.text).toBe((link.text ?? link.alt ?? '').replace(/\s+/g, ' ').trim());
    }
    expect(file.links.filter((link) => link.urlLine !== undefined)).toHaveLength(36);
  });

  it('pins the hard cases: image inside a link, multi-line text, the long tracking query', () => {
    expect(file.links[1]).toMatchObject({ url: 'http://www.youtube.com/watch?v=n1ViNeWhC24', kind: 'link', line: 13, column: 1 });
    expect(file.links[2]).toMatchObject({ url: 'http://img.youtube.com/vi/n1ViNeWhC24/hqdefault.jpg', kind: 'image', inLink: true, line: 13, column: 2 });
    expect(file.links[52]).toMatchObject({ line: 176, urlLine: 178, text: 'Who to follow on Twitter for machine learning information ?' });
    const tracking = file.links.find((link) => link.url.includes('__hstc='));
    expect(tracking).toMatchObject({ line: 104, urlLine: 105, text: 'recently defeated' });
    expect(tracking?.url).toBe(
      'http://www.nytimes.com/2016/03/16/world/asia/korea-alphago-vs-lee-sedol-go.html?__hstc=13887208.2c86f1d755a00edda38e8cb1d7fb3483.1473023471841.1473023471841.1473023471844.2&__hssc=13887208.1.1473023471844&__hsfp=1720600770',
    );
  });

  it('finds nothing that is not a link (@handles, the closing parenthesis, a URL-looking label)', () => {
    expect(file.links.some((link) => /@(karpathy|drfeifei|ylecun|AndrewYNg)/.test(link.url))).toBe(false);
    expect(file.links.filter((link) => link.line === 176 || link.line === 175)).toHaveLength(1);
    expect(file.links[0]?.url.endsWith(')')).toBe(false);
    expect(file.links.filter((link) => link.line === 20)).toHaveLength(1);
  });

  it('has offsets that slice to each URL exactly', () => {
    for (const link of file.links) {
      expect(source.slice(link.offset.start, link.offset.end)).toBe(link.url);
      expect(urlAtOffset(source, link)).toBe(link.url);
    }
  });
});
