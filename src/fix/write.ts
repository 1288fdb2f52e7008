import { access, constants, readFile, realpath, stat } from 'node:fs/promises';
import { LinkrotError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { applyEdits } from './apply.js';
import { unifiedDiff } from './diff.js';
import type { FixEdit } from './plan.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

async function readCurrent(path: string): Promise<string> {
  try {
    return decoder.decode(await readFile(path));
  } catch (error) {
    throw new LinkrotError('LINKROT_FILE_CHANGED', `Cannot fix \`${path}\`: it can no longer be read as UTF-8 text`, { cause: error });
  }
}

/**
 * Apply the edits to one file. The file is read again first and must still be exactly `expectedSource`
 * (else `LINKROT_FILE_CHANGED`: someone edited it since linkrot read it). Every byte outside the URL spans is
 * kept (BOM, CRLF, trailing white space). The new text is written to a temporary file and renamed over the
 * real one (through a symbolic link, the link's target), so the file is always either the old or the new
 * version, never half-written. `dryRun` only computes the diff.
 */
export async function fixFile(
  path: string,
  expectedSource: string,
  edits: FixEdit[],
  options: { dryRun: boolean },
): Promise<{ changed: boolean; diff: string }> {
  const before = await readCurrent(path);
  if (before !== expectedSource) {
    throw new LinkrotError('LINKROT_FILE_CHANGED', `Cannot fix \`${path}\`: it changed since it was read (run linkrot again)`);
  }
  const after = applyEdits(before, edits);
  if (after === before) return { changed: false, diff: '' };
  const diff = unifiedDiff(path, before, after);
  if (options.dryRun) return { changed: true, diff };

  const target = await realpath(path);
  const mode = (await stat(target)).mode;
  const writable = (mode & 0o222) !== 0 && (await access(target, constants.W_OK).then(() => true, () => false));
  if (!writable) throw new LinkrotError('LINKROT_WRITE_FAILED', `Cannot fix \`${path}\`: the file is read-only`);
  if ((await readCurrent(target)) !== expectedSource) {
    throw new LinkrotError('LINKROT_FILE_CHANGED', `Cannot fix \`${path}\`: it changed since it was read (run linkrot again)`);
  }
  try {
    await writeFileAtomic(target, after);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'write error';
    throw new LinkrotError('LINKROT_WRITE_FAILED', `Cannot fix \`${path}\`: writing failed (${reason})`, { cause: error });
  }
  return { changed: true, diff };
}
