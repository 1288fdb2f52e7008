import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Link } from '../../src/model.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusRoot = resolve(repoRoot, '../shared/corpus');

export function readFixture(name: string): string {
  return readFileSync(resolve(repoRoot, 'test/fixtures/extract', name), 'utf8');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode what Markdown or HTML would decode in a destination as written (escapes, character references). */
export function decodeWritten(raw: string): string {
  return raw
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#(\d+);|&#[xX]([0-9a-fA-F]+);|&([a-zA-Z]+);/g, (all, decimal?: string, hex?: string, name?: string) => {
      if (decimal !== undefined) return String.fromCodePoint(Number(decimal));
      if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
      return NAMED[name ?? ''] ?? all;
    });
}

/** The URL a link's offsets point at, in the form `url` holds (scheme added to bare www./e-mail literals). */
export function urlAtOffset(source: string, link: Link): string {
  const written = decodeWritten(source.slice(link.offset.start, link.offset.end));
  if (link.syntax === 'bare' && written.startsWith('www.')) return `http://${written}`;
  if ((link.syntax === 'bare' || link.syntax === 'autolink') && !written.includes(':') && written.includes('@')) return `mailto:${written}`;
  return written;
}
