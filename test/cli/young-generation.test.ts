import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSmallRun } from '../../src/cli/young-generation.js';

const dir = mkdtempSync(join(tmpdir(), 'linkrot-young-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function post(name: string, bytes: number): string {
  const path = join(dir, name);
  writeFileSync(path, 'x'.repeat(bytes));
  return path;
}

describe('isSmallRun', () => {
  it('adds up the posts’ sizes against the limit', () => {
    const a = post('a.md', 600);
    const b = post('b.md', 500);
    expect(isSmallRun([a], 1000)).toBe(true);
    expect(isSmallRun([a, b], 1000)).toBe(false);
    expect(isSmallRun([a, b], 1100)).toBe(true);
  });

  it('counts a missing post as nothing (its error is reported when it is read)', () => {
    expect(isSmallRun([join(dir, 'missing.md'), post('c.md', 10)], 100)).toBe(true);
  });
});
