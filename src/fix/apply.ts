import { LinkrotError } from '../errors.js';
import type { FixEdit } from './plan.js';

/** Replace each edit's span; every other character stays as it was. Edits must not overlap. */
export function applyEdits(source: string, edits: readonly FixEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at || edit.end < edit.start || edit.end > source.length) {
      throw new LinkrotError('LINKROT_INTERNAL', `Cannot apply fix at ${edit.start}–${edit.end}: edits overlap or leave the file`);
    }
    if (source.slice(edit.start, edit.end) !== edit.from) {
      throw new LinkrotError('LINKROT_INTERNAL', `Cannot apply fix on line ${edit.line}: the text there is not the URL that was planned`);
    }
    parts.push(source.slice(at, edit.start), edit.to);
    at = edit.end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}
