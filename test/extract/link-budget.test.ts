import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinkrotError } from '../../src/errors.js';
import { DEFAULT_MAX_LINKS_PER_FILE, extractFile, extractLinks } from '../../src/extract/index.js';
import { assertLinkBudget } from '../../src/extract/link-budget.js';

describe('the link budget of one file', () => {
  it('refuses a million-link file at once, with one line naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'linkrot-budget-'));
    try {
      const path = join(dir, 'million.md');
      // 1,000,000 one-letter relative links: 6 MB, under the size cap
      await writeFile(path, '[](x)\n'.repeat(1_000_000));
      const error = await extractFile(path).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LinkrotError);
      expect((error as LinkrotError).code).toBe('LINKROT_INPUT');
      expect((error as LinkrotError).message).toMatch(/million\.md` has more than 100,000 link candidates/);
      expect((error as LinkrotError).message).not.toContain('\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('counts every kind of candidate and lets a real list through', () => {
    const sample = '[a](u) [b][r] [r]: /x <https://a.test> https://b.test www.c.test <img src="d.png"> <a href=e>';
    expect(() => assertLinkBudget(sample, 'x.md', 8)).not.toThrow();
    expect(() => assertLinkBudget(sample, 'x.md', 7)).toThrow(/more than 7 link candidates/);
    expect(DEFAULT_MAX_LINKS_PER_FILE).toBe(100_000);
    expect(extractLinks('[a](https://a.test)\n'.repeat(2000)).links).toHaveLength(2000);
  });
});
