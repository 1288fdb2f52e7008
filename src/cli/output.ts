import { resolve } from 'node:path';
import { LinkrotError } from '../errors.js';
import { batches, WRITE_BATCH_CHARS, writeFileAtomic } from '../util/atomic-write.js';
import type { Io } from './run.js';

/** Colour when forced, else when stdout is a TTY and NO_COLOR / TERM=dumb do not say otherwise. */
export function useColor(forced: boolean | undefined, io: Io, stream: NodeJS.WriteStream = io.stdout): boolean {
  if (forced !== undefined) return forced;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && io.env.TERM !== 'dumb';
}

/** Write the report (whole, or in pieces as they are rendered) to `--output` atomically, or to stdout. */
export async function emit(text: string | Iterable<string>, output: string | undefined, io: Io): Promise<void> {
  if (output === undefined || output === '-') {
    if (typeof text === 'string') io.stdout.write(text);
    else for (const batch of batches(text, WRITE_BATCH_CHARS)) io.stdout.write(batch);
    return;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, output), text);
  } catch (error) {
    throw new LinkrotError('LINKROT_WRITE_FAILED', `Cannot write \`${output}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
}
