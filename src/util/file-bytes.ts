import { statSync } from 'node:fs';

/** A post's size in bytes; 0 when it cannot be read (that is reported when the post is read). */
export function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
