import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { LinkrotError } from '../errors.js';

/** Largest post read (bytes): a bigger file is refused before it is read. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A post's text: UTF-8, byte-order mark kept (offsets count it, see model.ts). Throws LinkrotError
 * `LINKROT_INPUT` with one clear line for a missing or unreadable path, a directory, a binary file (NUL
 * bytes), invalid UTF-8, a file over `maxBytes` (checked before reading it) or an empty file (no bytes, or
 * only white space).
 */
export async function readPostSource(path: string, options: { maxBytes?: number } = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  let bytes: Buffer;
  try {
    bytes = await readBounded(path, maxBytes);
  } catch (error) {
    if (error instanceof LinkrotError) throw error;
    throw new LinkrotError('LINKROT_INPUT', `Cannot read \`${path}\`: ${describe(error)}`, { cause: error });
  }
  if (bytes.length > maxBytes) {
    throw new LinkrotError('LINKROT_INPUT', `Cannot read \`${path}\`: it is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit for a Markdown file`);
  }
  if (bytes.includes(0)) {
    throw new LinkrotError('LINKROT_INPUT', `Cannot read \`${path}\`: expected a Markdown text file, found binary data (NUL bytes)`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (error) {
    throw new LinkrotError('LINKROT_INPUT', `Cannot read \`${path}\`: expected UTF-8 text, found invalid UTF-8`, { cause: error });
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new LinkrotError('LINKROT_INPUT', `Cannot read \`${path}\`: it is empty, expected Markdown text`);
  }
  return text;
}

/**
 * The bytes of a file, its size checked before it is read. A regular file is read synchronously (one open,
 * fstat and read, about a tenth of the CPU of the promise round trips, and a post is small); anything else
 * (a directory fails, a pipe is read to its end) goes through the asynchronous readFile.
 */
async function readBounded(path: string, maxBytes: number): Promise<Buffer> {
  const descriptor = openSync(path, 'r');
  try {
    const info = fstatSync(descriptor);
    if (info.isFile() && info.size > maxBytes) {
      throw new LinkrotError('LINKROT_INPUT', `Cannot read \`${path}\`: it is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit for a Markdown file`);
    }
    if (info.isFile() && info.size > 0) {
      const buffer = Buffer.allocUnsafe(info.size);
      let filled = 0;
      while (filled < buffer.length) {
        const bytesRead = readSync(descriptor, buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === buffer.length ? buffer : buffer.subarray(0, filled);
    }
  } finally {
    closeSync(descriptor);
  }
  return await readFile(path);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${bytes} bytes`;
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
