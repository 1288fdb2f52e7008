import { readFile } from 'node:fs/promises';
import { LinkrotError } from '../errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A post's text: UTF-8, byte-order mark kept (offsets count it, see model.ts). Throws LinkrotError
 * `LINKROT_INPUT` with one clear line for a missing or unreadable path, a directory, a binary file (NUL
 * bytes) or invalid UTF-8. An empty file is fine.
 */
export async function readPostSource(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new LinkrotError('LINKROT_INPUT', `Cannot read \`${path}\`: ${describe(error)}`, { cause: error });
  }
  if (bytes.includes(0)) {
    throw new LinkrotError('LINKROT_INPUT', `Cannot read \`${path}\`: expected a Markdown text file, found binary data (NUL bytes)`);
  }
  try {
    return decoder.decode(bytes);
  } catch (error) {
    throw new LinkrotError('LINKROT_INPUT', `Cannot read \`${path}\`: expected UTF-8 text, found invalid UTF-8`, { cause: error });
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory, expected a Markdown file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
