import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixFile, planFixes, unifiedDiff } from '../../src/fix/index.js';
import type { FixEdit } from '../../src/fix/index.js';
import { isLinkrotError } from '../../src/errors.js';
import { transpileForChild } from './child-modules.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-fix-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SOURCE = '\uFEFF---\r\ntitle: T\r\n---\r\nOld [link](http://dead.test/a) and [ref][r].  \r\n\r\n[r]: http://dead.test/r\r\n';
const ARCHIVE_A = 'https://web.archive.org/web/20170101000000/http://dead.test/a';

function edits(source: string): FixEdit[] {
  const start = source.indexOf('http://dead.test/a');
  return planFixes(
    source,
    [
      {
        url: 'http://dead.test/a',
        kind: 'link',
        syntax: 'link',
        text: 'link',
        line: 4,
        column: 5,
        offset: { start, end: start + 18 },
        state: 'dead',
        reason: 'http-404',
        detail: '404',
        suggestions: [{ kind: 'archive', url: ARCHIVE_A, timestamp: '20170101000000' }],
      },
    ],
    ['archive'],
  );
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(isLinkrotError(error) && error.code).toBe(code);
    return (error as Error).message;
  }
  return expect.fail(`expected ${code}`);
}

describe('fixFile', () => {
  it('rewrites only the URL characters: BOM, CRLF and trailing spaces kept byte for byte', async () => {
    const path = join(dir, 'post.md');
    await writeFile(path, SOURCE);
    const result = await fixFile(path, SOURCE, edits(SOURCE), { dryRun: false });
    expect(result.changed).toBe(true);
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toBe(SOURCE.replace('http://dead.test/a', ARCHIVE_A));
    expect((await readdir(dir)).sort()).toEqual(['post.md']);
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const path = join(dir, 'post.md');
    await writeFile(path, SOURCE);
    const result = await fixFile(path, SOURCE, edits(SOURCE), { dryRun: true });
    expect(result.diff).toBe(
      [
        `--- a/${path.replace(/^\/+/, "")}`,
        `+++ b/${path.replace(/^\/+/, "")}`,
        '@@ -1,6 +1,6 @@',
        ' \uFEFF---\r',
        ' title: T\r',
        ' ---\r',
        '-Old [link](http://dead.test/a) and [ref][r].  \r',
        `+Old [link](${ARCHIVE_A}) and [ref][r].  \r`,
        ' \r',
        ' [r]: http://dead.test/r\r',
        '',
      ].join('\n'),
    );
    expect(await readFile(path, 'utf8')).toBe(SOURCE);
  });

  it('refuses a file that changed since it was read, and leaves it alone', async () => {
    const path = join(dir, 'post.md');
    await writeFile(path, `${SOURCE}new line\r\n`);
    const message = await expectCode(fixFile(path, SOURCE, edits(SOURCE), { dryRun: false }), 'LINKROT_FILE_CHANGED');
    expect(message).toBe(`Cannot fix \`${path}\`: it changed since it was read (run linkrot again)`);
    expect(await readFile(path, 'utf8')).toBe(`${SOURCE}new line\r\n`);
  });

  it('refuses a read-only file with LINKROT_WRITE_FAILED and leaves it alone', async () => {
    const path = join(dir, 'post.md');
    await writeFile(path, SOURCE);
    await chmod(path, 0o444);
    await expectCode(fixFile(path, SOURCE, edits(SOURCE), { dryRun: false }), 'LINKROT_WRITE_FAILED');
    expect(await readFile(path, 'utf8')).toBe(SOURCE);
    expect((await readdir(dir)).sort()).toEqual(['post.md']);
  });

  it('writes through a symbolic link to its target, keeping the link', async () => {
    const target = join(dir, 'real.md');
    const link = join(dir, 'post.md');
    await writeFile(target, SOURCE);
    await symlink(target, link);
    await fixFile(link, SOURCE, edits(SOURCE), { dryRun: false });
    expect(await readFile(target, 'utf8')).toContain(ARCHIVE_A);
    expect((await readdir(dir, { withFileTypes: true })).find((entry) => entry.name === 'post.md')?.isSymbolicLink()).toBe(true);
  });
});

describe('unifiedDiff', () => {
  const hasPatch = spawnSync('patch', ['--version']).status === 0;

  it.skipIf(!hasPatch)('gives patches that `patch` applies to turn before into after', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `line ${i} [x](http://dead.test/${i})`);
    const cases: Array<[string, string]> = [
      [lines.join('\n'), lines.map((line, i) => (i % 17 === 3 ? line.replace('http:', 'https:') : line)).join('\n')],
      [`${lines.join('\n')}\n`, `${lines.slice(0, 60).join('\n')}\ninserted\n${lines.slice(60).join('\n')}\n`],
      [`${lines.join('\r\n')}\r\n`, `${lines.slice(1, 119).join('\r\n')}\r\nlast\r\n`],
      ['a\nb\nc\n', 'a\nb\nc'],
      ['', 'new\n'],
    ];
    for (const [index, [before, after]] of cases.entries()) {
      const file = join(dir, `f${index}.md`);
      await writeFile(file, before);
      const diff = unifiedDiff(file, before, after);
      const result = spawnSync('patch', ['-s', '-p0', '-o', `${file}.out`, file], { input: diff.replace(/^--- a\//m, '--- ').replace(/^\+\+\+ b\//m, '+++ ') });
      expect(result.stderr.toString()).toBe('');
      expect(await readFile(`${file}.out`, 'utf8')).toBe(after);
    }
  });

  it('is empty when nothing changed and groups nearby changes into one hunk', () => {
    expect(unifiedDiff('p.md', 'same\n', 'same\n')).toBe('');
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const diff = unifiedDiff('p.md', before, before.replace('b', 'B').replace('g', 'G'));
    expect(diff.match(/^@@/gm)).toHaveLength(1);
    expect(diff).toContain('@@ -1,8 +1,8 @@');
  });
});

describe('atomic write under SIGKILL', () => {
  it('leaves the target old or new, never partial, however often the writer is killed', async () => {
    const modules = await transpileForChild(['src/util/atomic-write.ts']);
    const target = join(dir, 'big.md');
    const size = 4 * 1024 * 1024;
    const versions = ['a', 'b', 'c'].map((char) => char.repeat(size));
    await writeFile(target, versions[0] as string);
    const script = join(modules, 'writer.mjs');
    await writeFile(
      script,
      `import { writeFileAtomic } from './src/util/atomic-write.js';
       const [target, size] = [process.argv[2], Number(process.argv[3])];
       for (let i = 1; ; i++) { await writeFileAtomic(target, (i % 2 ? 'b' : 'c').repeat(size)); if (i === 1) process.stdout.write('wrote\\n'); }`,
    );
    try {
      for (let round = 0; round < 6; round++) {
        const child = spawn(process.execPath, [script, target, String(size)], { stdio: ['ignore', 'pipe', 'inherit'] });
        const exited = new Promise((resolve) => child.once('exit', resolve));
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        if (round % 2 === 0) await new Promise((resolve) => child.stdout.once('data', resolve));
        await new Promise((resolve) => setTimeout(resolve, 5 + round * 37));
        child.kill('SIGKILL');
        await exited;
        clearTimeout(timer);
        const content = await readFile(target, 'utf8');
        expect(content.length).toBe(size);
        expect(versions).toContain(content);
      }
    } finally {
      await rm(modules, { recursive: true, force: true });
    }
  }, 60_000);
});
