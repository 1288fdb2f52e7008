import { execFile } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { LinkrotError } from '../errors.js';

const run = promisify(execFile);
const MARKDOWN = /\.(md|markdown|mdx)$/i;

async function git(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n')[0];
    throw new LinkrotError('LINKROT_GIT', `git ${args[0]} failed: ${stderr || (error as Error).message}`, { cause: error });
  }
}

/** Markdown files changed (added, copied, modified, renamed) since `ref`, committed or not, plus untracked ones; absolute paths. */
export async function changedMarkdownFiles(ref: string, cwd: string): Promise<string[]> {
  if (ref.startsWith('-')) throw new LinkrotError('LINKROT_USAGE', `--changed-since: \`${ref}\` is not a git ref`);
  const top = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).catch(() => {
    throw new LinkrotError('LINKROT_GIT', `--changed-since: unknown git ref \`${ref}\``);
  });
  const changed = (await git(['diff', '--name-only', '-z', '--diff-filter=ACMRT', ref, '--'], top)).split('\0');
  const untracked = (await git(['ls-files', '--others', '--exclude-standard', '-z'], top)).split('\0');
  const files = new Set<string>();
  for (const name of [...changed, ...untracked]) if (name && MARKDOWN.test(name)) files.add(resolve(top, name));
  return [...files].sort();
}

/** The text of `path` at `ref`, or undefined when the file did not exist there. */
export async function fileAtRef(path: string, ref: string, cwd: string): Promise<string | undefined> {
  const top = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  const name = relative(top, resolve(cwd, path)).split('\\').join('/');
  try {
    return await git(['show', `${ref}:${name}`], top);
  } catch {
    return undefined;
  }
}
