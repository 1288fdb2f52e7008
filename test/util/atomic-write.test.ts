import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batches, writeFileAtomic } from '../../src/util/atomic-write.js';

const dir = mkdtempSync(join(tmpdir(), 'linkrot-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic with text in pieces', () => {
  it('writes the pieces in order, as the joined text would be, keeping the mode of the file it replaces', async () => {
    const path = join(dir, 'report.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o600);
    // Pieces far past one write batch, multi-byte characters across their joins.
    const pieces = Array.from({ length: 3000 }, (_, i) => `${i}:${'é—'.repeat(200)}\n`);
    await writeFileAtomic(path, pieces);
    expect(readFileSync(path, 'utf8')).toBe(pieces.join(''));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('leaves the old file and no temporary file when a piece cannot be made', async () => {
    const path = join(dir, 'kept.json');
    writeFileSync(path, 'old');
    function* failing(): Generator<string> {
      yield 'x'.repeat(2 << 20);
      throw new Error('render failed');
    }
    await expect(writeFileAtomic(path, failing())).rejects.toThrow('render failed');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir).filter((name) => name.includes('kept'))).toEqual(['kept.json']);
  });
});

describe('batches', () => {
  it('joins pieces into batches of at least the size, the rest last, nothing lost', () => {
    expect([...batches(['ab', 'c', 'de', 'f'], 3)]).toEqual(['abc', 'def']);
    expect([...batches(['abcd', 'e'], 3)]).toEqual(['abcd', 'e']);
    expect([...batches([], 3)]).toEqual([]);
  });
});
