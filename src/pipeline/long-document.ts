import { BATCH_MIN_CHARS } from '../extract/parse.js';
import { fileBytes } from '../util/file-bytes.js';

/**
 * Whether one of the posts is long enough for its pieces to be parsed on two threads (parse.ts parses a batch
 * of pieces there from `BATCH_MIN_CHARS` characters on; a file has at least as many bytes as characters), and for
 * `extract` to let the young generation grow (cli/young-generation.ts).
 */
export function hasLongDocument(paths: readonly string[]): boolean {
  return paths.some((path) => fileBytes(path) >= BATCH_MIN_CHARS);
}
