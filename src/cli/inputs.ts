import { relative, resolve } from 'node:path';
import { LinkrotError } from '../errors.js';
import { findMarkdownFiles } from '../extract/index.js';
import { stripControl } from '../util/terminal.js';
import { changedMarkdownFiles } from './git.js';
import type { Io } from './run.js';

export interface Inputs {
  files: string[];
  /** One line per bad input (missing path, no Markdown, …): reported, and the run exits 2 after the good ones. */
  problems: string[];
}

/** Expand the positional arguments (files, dirs, globs), optionally narrowed to files changed since a git ref. */
export async function collectInputs(inputs: string[], changedSince: string | undefined, io: Io): Promise<Inputs> {
  if (inputs.length === 0 && changedSince === undefined) {
    throw new LinkrotError('LINKROT_USAGE', 'no input: give Markdown files, directories or globs (see linkrot --help)');
  }
  const found = await findMarkdownFiles(inputs.length > 0 ? inputs : ['.'], { cwd: io.cwd });
  const problems = found.errors.map((error) => `${error.input}: ${error.message}`);
  let files = found.files;
  if (changedSince !== undefined) {
    const changed = new Set(await changedMarkdownFiles(changedSince, io.cwd));
    files = files.filter((file) => changed.has(resolve(io.cwd, file)));
    if (files.length === 0 && problems.length === 0) return { files, problems };
  }
  if (files.length === 0 && problems.length === 0) {
    throw new LinkrotError('LINKROT_INPUT', `no Markdown files (.md, .markdown, .mdx) in ${inputs.join(', ')}`);
  }
  return { files: files.map((file) => displayPath(file, io.cwd)), problems };
}

export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, file));
  return rel.startsWith('..') ? resolve(cwd, file) : rel;
}

export function reportProblems(problems: string[], io: Io): void {
  for (const problem of problems) io.stderr.write(`linkrot: ${stripControl(problem)}\n`);
}
