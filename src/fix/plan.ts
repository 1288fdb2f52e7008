import type { CheckedLink, SuggestionKind } from '../model.js';
import { chooseSuggestion } from './choose.js';
import { contextOf, spanMatches, writeUrl } from './context.js';

export interface FixEdit {
  /** Span of the URL characters in the source (UTF-16 indices, BOM included). */
  start: number;
  end: number;
  /** The characters there now. */
  from: string;
  /** The characters written instead: the new URL escaped for its context. */
  to: string;
  kind: SuggestionKind;
  /** Line the URL characters are on (the definition's line for a reference). */
  line: number;
}

export interface FixPlan {
  path: string;
  edits: FixEdit[];
}

/**
 * The edits `--fix` makes to one file: per link, the best accepted suggestion (see `chooseSuggestion`), written
 * over exactly `source.slice(offset.start, offset.end)` and escaped so that the Markdown still reads the new URL.
 * One edit per span (references share their definition's span). A span whose text is not what the extract stage
 * read is skipped, as is a URL that cannot be written safely in its context.
 */
export function planFixes(source: string, links: CheckedLink[], kinds: SuggestionKind[]): FixEdit[] {
  const edits = new Map<string, FixEdit>();
  for (const link of links) {
    const { start, end } = link.offset;
    const key = `${start}:${end}`;
    if (edits.has(key) || start < 0 || end > source.length || start >= end) continue;
    const suggestion = chooseSuggestion(link, kinds);
    if (suggestion === undefined || suggestion.url === link.url) continue;
    const context = contextOf(source, link);
    if (context === undefined) continue;
    const from = source.slice(start, end);
    if (!spanMatches(context, from, link)) continue;
    const to = writeUrl(context, suggestion.url, { srcset: link.html?.attr === 'srcset', inTableCell: link.inTableCell === true });
    if (to === undefined || to === from) continue;
    edits.set(key, { start, end, from, to, kind: suggestion.kind, line: link.definitionLine ?? link.urlLine ?? link.line });
  }
  const sorted = [...edits.values()].sort((a, b) => a.start - b.start);
  return sorted.filter((edit, index) => index === 0 || edit.start >= (sorted[index - 1] as FixEdit).end);
}
