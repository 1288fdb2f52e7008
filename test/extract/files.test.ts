import { chmodSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLinkrotError } from '../../src/errors.js';
import { DEFAULT_MAX_FILE_BYTES, findMarkdownFiles, readPostSource } from '../../src/extract/index.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'linkrot-files-'));
  const write = (path: string, content: string | Uint8Array = '# x\n'): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  write('site/.gitignore', 'drafts/\n*.tmp.md\n!keep.tmp.md\n');
  write('site/_posts/2017-01-01-b.md');
  write('site/_posts/2017-01-01-a.markdown');
  write('site/_posts/notes.txt', 'not markdown');
  write('site/_posts/x.tmp.md');
  write('site/_posts/keep.tmp.md');
  write('site/drafts/secret.md');
  write('site/pages/.gitignore', 'private.md\n');
  write('site/pages/private.md');
  write('site/pages/about.mdx');
  write('site/node_modules/pkg/README.md');
  write('site/.git/x.md');
  write('empty/readme.txt', 'no markdown here');
  write('bin/image.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  write('bin/latin1.md', new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
  write('text/bom.md', '\uFEFF# t\r\n');
  write('text/empty.md', '');
  write('text/blank.md', '\uFEFF \r\n\t\n');
  write('text/huge.md', '');
  truncateSync(join(root, 'text/huge.md'), 50 * 1024 * 1024); // sparse: 50 MB that take no disk and no time
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findMarkdownFiles', () => {
  it('walks directories, honours nested .gitignore files and skips node_modules and .git', async () => {
    const { files, errors } = await findMarkdownFiles(['site'], { cwd: root });
    expect(errors).toEqual([]);
    expect(files).toEqual([
      join('site', '_posts', '2017-01-01-a.markdown'),
      join('site', '_posts', '2017-01-01-b.md'),
      join('site', '_posts', 'keep.tmp.md'),
      join('site', 'pages', 'about.mdx'),
    ]);
  });

  it('expands globs, keeps explicit files whatever their name, de-duplicates in input order', async () => {
    const { files, errors } = await findMarkdownFiles(['site/_posts/*.md', 'site/_posts/notes.txt', 'site/_posts/2017-01-01-b.md'], { cwd: root });
    expect(errors).toEqual([]);
    expect(files).toEqual(['site/_posts/2017-01-01-b.md', 'site/_posts/keep.tmp.md', 'site/_posts/x.tmp.md', 'site/_posts/notes.txt']);
  });

  it('keeps absolute inputs absolute', async () => {
    const { files } = await findMarkdownFiles([join(root, 'site', 'pages')], { cwd: '/' });
    expect(files).toEqual([join(root, 'site', 'pages', 'about.mdx')]);
  });

  it('names each bad input and still returns the good ones', async () => {
    const { files, errors } = await findMarkdownFiles(['missing.md', 'empty', 'nothing/**/*.md', 'text/bom.md'], { cwd: root });
    expect(files).toEqual(['text/bom.md']);
    expect(errors).toEqual([
      { input: 'missing.md', message: 'Cannot read `missing.md`: no such file or directory' },
      { input: 'empty', message: 'No Markdown files (.md, .markdown, .mdx) in directory `empty`' },
      { input: 'nothing/**/*.md', message: 'No Markdown files match `nothing/**/*.md`' },
    ]);
  });
});

describe('readPostSource', () => {
  const failure = async (path: string): Promise<string> => {
    try {
      await readPostSource(path);
    } catch (error) {
      expect(isLinkrotError(error) && error.code).toBe('LINKROT_INPUT');
      return (error as Error).message;
    }
    throw new Error(`expected ${path} to fail`);
  };

  it('keeps the BOM and CRLF', async () => {
    expect(await readPostSource(join(root, 'text', 'bom.md'))).toBe('\uFEFF# t\r\n');
  });

  it('rejects an empty file and one holding only white space', async () => {
    expect(await failure(join(root, 'text', 'empty.md'))).toMatch(/^Cannot read `.*empty\.md`: it is empty, expected Markdown text$/);
    expect(await failure(join(root, 'text', 'blank.md'))).toMatch(/: it is empty, expected Markdown text$/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
    expect(await failure(join(root, 'text', 'huge.md'))).toMatch(/^Cannot read `.*huge\.md`: it is 50 MiB, over the 10 MiB limit for a Markdown file$/);
    await expect(readPostSource(join(root, 'text', 'bom.md'), { maxBytes: 4 })).rejects.toThrow(/it is 8 bytes, over the 4 bytes limit/);
  });

  it('rejects missing paths, directories, binary files and invalid UTF-8 with one clear line', async () => {
    expect(await failure(join(root, 'nope.md'))).toMatch(/^Cannot read `.*nope\.md`: no such file$/);
    expect(await failure(join(root, 'site'))).toMatch(/: it is a directory, expected a Markdown file$/);
    expect(await failure(join(root, 'bin', 'image.md'))).toMatch(/: expected a Markdown text file, found binary data \(NUL bytes\)$/);
    expect(await failure(join(root, 'bin', 'latin1.md'))).toMatch(/: expected UTF-8 text, found invalid UTF-8$/);
  });

  it.skipIf(process.getuid?.() === 0)('rejects an unreadable file', async () => {
    const path = join(root, 'text', 'locked.md');
    writeFileSync(path, 'x');
    chmodSync(path, 0o000);
    expect(await failure(path)).toMatch(/: permission denied$/);
  });
});
