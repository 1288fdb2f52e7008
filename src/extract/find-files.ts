import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

/** File name endings searched for in directories and kept from globs. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdx'] as const;
/** Directories never searched. */
export const SKIPPED_DIRECTORIES = ['node_modules', '.git'] as const;

export interface FoundFiles {
  files: string[];
  errors: Array<{ input: string; message: string }>;
}

/**
 * Markdown files from files, directories (recursive, `.gitignore` files in the tree respected,
 * node_modules and .git skipped) and globs. Paths keep the style of their input (relative stays relative to
 * `cwd`); order is stable: inputs in order, each input's files sorted, duplicates dropped.
 */
export async function findMarkdownFiles(inputs: string[], options: { cwd?: string } = {}): Promise<FoundFiles> {
  const cwd = options.cwd ?? process.cwd();
  const files: string[] = [];
  const errors: FoundFiles['errors'] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    const key = resolve(cwd, path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(path);
  };

  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) {
      add(input);
    } else if (info?.isDirectory()) {
      const found = await walk(absolute);
      if (found.length === 0) errors.push({ input, message: `No Markdown files (${MARKDOWN_EXTENSIONS.join(', ')}) in directory \`${input}\`` });
      for (const file of found) add(isAbsolute(input) ? file : relativeTo(cwd, file));
    } else if (isDynamicPattern(input)) {
      const matches = (await glob(input, { cwd, onlyFiles: true, dot: false, ignore: SKIPPED_DIRECTORIES.map((name) => `**/${name}/**`) }))
        .filter(isMarkdown)
        .sort();
      if (matches.length === 0) errors.push({ input, message: `No Markdown files match \`${input}\`` });
      for (const match of matches) add(isAbsolute(input) ? resolve(cwd, match) : match);
    } else {
      errors.push({ input, message: `Cannot read \`${input}\`: no such file or directory` });
    }
  }
  return { files, errors };
}

function isMarkdown(path: string): boolean {
  const lower = path.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

function relativeTo(cwd: string, file: string): string {
  const path = relative(cwd, file);
  return path === '' ? '.' : path;
}

interface Rules {
  directory: string;
  rules: Ignore;
}

/** Every Markdown file under a directory, sorted, honouring the `.gitignore` files met on the way down. */
async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (directory: string, inherited: Rules[]): Promise<void> => {
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
    const rules = [...inherited];
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      const text = await readFile(join(directory, '.gitignore'), 'utf8').catch(() => '');
      rules.push({ directory, rules: ignore().add(text) });
    }
    const names = entries.map((entry) => entry.name).sort();
    for (const name of names) {
      const entry = entries.find((candidate) => candidate.name === name);
      if (!entry) continue;
      const path = join(directory, name);
      if (entry.isDirectory()) {
        if ((SKIPPED_DIRECTORIES as readonly string[]).includes(name)) continue;
        if (isIgnored(path, true, rules)) continue;
        await visit(path, rules);
      } else if (entry.isFile() && isMarkdown(name) && !isIgnored(path, false, rules)) {
        out.push(path);
      }
    }
  };
  await visit(root, []);
  return out.sort();
}

/** The deepest `.gitignore` with an opinion decides (a deeper `!pattern` re-includes). */
function isIgnored(path: string, directory: boolean, rules: Rules[]): boolean {
  for (let index = rules.length - 1; index >= 0; index--) {
    const rule = rules[index];
    if (!rule) continue;
    const relativePath = relative(rule.directory, path).split(sep).join('/') + (directory ? '/' : '');
    const result = rule.rules.test(relativePath);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}
