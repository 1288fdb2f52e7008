import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/extract/index.js';
import type { Link } from '../../src/model.js';
import { corpusRoot, urlAtOffset } from './helpers.js';

const REAL = join(corpusRoot, 'real');
const files = existsSync(REAL) ? readdirSync(REAL).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').sort() : [];

interface KeyEntry {
  url: string;
  line: number;
}

/**
 * Deliberate differences from the cmark-gfm answer keys, each named and explained. Key: `file|line url`.
 * `extra`: linkrot reports it, the key does not; `missing`: the key has it, linkrot does not.
 * There are none today: keep the list, add a reason when a difference is accepted.
 */
const EXCEPTIONS: Array<{ file: string; entry: string; side: 'extra' | 'missing'; why: string }> = [];

/** Links that exist only after Jekyll's Liquid pass: their destination holds a tag with spaces. */
function isLiquidOnly(link: Link): boolean {
  return /\{\{[^}]*\s[^}]*\}\}|\{%[\s\S]*?%\}/.test(link.url);
}

function difference(left: string[], right: string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of right) counts.set(item, (counts.get(item) ?? 0) + 1);
  const out: string[] = [];
  for (const item of left) {
    const count = counts.get(item) ?? 0;
    if (count > 0) counts.set(item, count - 1);
    else out.push(item);
  }
  return out;
}

describe.skipIf(files.length === 0)('real-world corpus against the cmark-gfm answer keys', () => {
  it.each(files)('%s: same (url, line) multiset as the key', (name) => {
    const source = readFileSync(join(REAL, name), 'utf8');
    const key = JSON.parse(readFileSync(join(REAL, name.replace(/\.md$/, '.links.json')), 'utf8')) as {
      links: KeyEntry[];
      liquid_only_links?: KeyEntry[];
    };
    const { links } = extractLinks(source, { path: name });
    const pair = (link: { url: string; line: number }): string => `${link.line} ${link.url}`;
    const allowed = (side: 'extra' | 'missing'): string[] =>
      EXCEPTIONS.filter((exception) => exception.file === name && exception.side === side).map((exception) => exception.entry);

    const ours = links.filter((link) => !isLiquidOnly(link)).map(pair);
    const expected = key.links.map(pair);
    expect(difference(difference(ours, expected), allowed('extra'))).toEqual([]);
    expect(difference(difference(expected, ours), allowed('missing'))).toEqual([]);

    const ourLiquid = links.filter(isLiquidOnly).map(pair);
    const keyLiquid = (key.liquid_only_links ?? []).map(pair);
    expect(ourLiquid.sort()).toEqual(keyLiquid.sort());
    // Without a Jekyll site they cannot be expanded: reported, as templates, never dropped.
    expect(links.filter(isLiquidOnly).every((link) => link.kind === 'template')).toBe(true);
  });

  it.each(files)('%s: every offset slices to the URL as written', (name) => {
    const source = readFileSync(join(REAL, name), 'utf8');
    for (const link of extractLinks(source, { path: name }).links) {
      expect({ line: link.line, url: urlAtOffset(source, link) }).toEqual({ line: link.line, url: link.url });
    }
  });

  it('lists only exceptions that still occur', () => {
    expect(EXCEPTIONS.every((exception) => files.includes(exception.file))).toBe(true);
  });
});
