/**
 * `--fix` on real posts (the shared corpus, read in place — never copied into the repo): every http(s) link is
 * declared dead with an archive.org replacement; the fixed post must extract to the same links with every URL
 * replaced and nothing else moved. Skipped when ../shared/corpus is not there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/extract/index.js';
import { applyEdits, planFixes } from '../../src/fix/index.js';
import type { CheckedLink } from '../../src/model.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const corpus = resolve(repoRoot, '../shared/corpus');
const posts = existsSync(corpus)
  ? [resolve(corpus, 'reference/2017-03-01-learning-deep-learning.md'), ...readdirSync(resolve(corpus, 'real')).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').map((name) => resolve(corpus, 'real', name))]
  : [];

const archived = (url: string): string => `https://web.archive.org/web/20170101000000/${url}`;

describe.skipIf(posts.length === 0)('fix on the real corpus', () => {
  it.each(posts.map((path) => [path.slice(corpus.length + 1), path]))('%s', (_name, path) => {
    const source = readFileSync(path, 'utf8');
    const before = extractLinks(source, { path }).links;
    const web = (url: string): boolean => /^https?:\/\//i.test(url);
    const checked = before.map((link): CheckedLink => ({
      ...link,
      state: 'dead',
      reason: 'http-404',
      detail: '404',
      suggestions: web(link.url) && link.kind !== 'template' ? [{ kind: 'archive', url: archived(link.url), timestamp: '20170101000000' }] : [],
    }));
    const edits = planFixes(source, checked, ['archive']);
    const fixed = applyEdits(source, edits);
    const after = extractLinks(fixed, { path }).links;
    expect(after).toHaveLength(before.length);
    const edited = new Set(edits.map((edit) => edit.start));
    const missed = before.filter((link) => web(link.url) && link.kind !== 'template' && !edited.has(link.offset.start));
    expect(missed.map((link) => `${link.line}: ${link.url}`)).toEqual([]);
    after.forEach((link, index) => {
      const original = before[index];
      expect(link.line).toBe(original?.line);
      expect(link.url).toBe(original && edited.has(original.offset.start) ? archived(original.url) : original?.url);
    });
  });
});
