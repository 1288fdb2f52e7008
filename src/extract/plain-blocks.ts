import { isLetter, isLineEnding, isSpaceOrTab, isUrlCharacter, PLAIN_LABEL, type PlainLink, readPlainInline } from './plain-inline.js';

/**
 * Reading one piece of a document (split-blocks.ts: from a cut point to the next) as a run of *plain* blocks,
 * the blocks micromark would read the same way, with nothing inside them but plain inline content
 * (plain-inline.ts). The piece starts after a blank line, in column 1, with a character that closes every
 * container; whether a fence or HTML block left open before it takes it in is the caller's check
 * (plain-paragraphs.ts). Inside the piece, every block starts in column 1, and:
 *
 * - a *paragraph* starts with a letter, a link (`[T](U)` / `[T][L]` is neither a definition nor a
 *   task-list box) or an image, and every further line starts, after indentation, with one of those too: such
 *   a line can neither start a block nor interrupt a paragraph (headings, fences, quotes, lists, HTML, tables,
 *   setext underlines, definitions all start otherwise). It ends at a blank line;
 * - an *ATX heading* is one line: 1-6 `#`, spaces, plain content that does not end with `#` (no closing
 *   sequence), then optional spaces or tabs. The next line may start the next block at once;
 * - a *definition* is one line `[L]: U` or `[L]: U "title"` (also `'title'`, `(title)`) with U a plain
 *   destination, L a plain label and the title free of its closing quote, `\`, `&` and Liquid. It is followed
 *   by a blank line, another such definition or the end of the piece (so no title can follow on the next
 *   line). Whether its label is used where micromark still reads is the
 *   caller's check: taking it out would leave that use unresolved;
 * - a *list* is a run of one-line items, all with the same marker `- `, `* `, `+ `, `N. ` or `N) ` (N: 1-9
 *   digits) followed by exactly one space and plain content that starts with a letter, a link or an image (so no item is
 *   a thematic break, a task item, an empty item, a nested block or indented code). It is preceded by a blank
 *   line or a heading (so it interrupts no paragraph) and followed by nothing but blank lines up to the end of
 *   the piece: a following line can then only be a cut point, which closes it (an indented line would continue
 *   an item, another item would continue the list and make it loose).
 *
 * A blank line is one of spaces and tabs only. Anything else makes the piece not plain.
 */

export interface PlainParagraph {
  kind: 'paragraph';
  start: number;
  /** End of its last line, trailing spaces included, line ending not. */
  end: number;
  links: PlainLink[];
}

export interface PlainHeading {
  kind: 'heading';
  depth: number;
  start: number;
  end: number;
  /** The content, without the opening sequence and the spaces around. */
  contentStart: number;
  contentEnd: number;
  links: PlainLink[];
}

export interface PlainItem {
  start: number;
  /** Just after the marker and its space. */
  contentStart: number;
  end: number;
  links: PlainLink[];
}

export interface PlainList {
  kind: 'list';
  ordered: boolean;
  /** The number of the first item of an ordered list, else null. */
  first: number | null;
  items: PlainItem[];
}

export interface PlainDefinition {
  kind: 'definition';
  start: number;
  end: number;
  label: string;
  url: string;
  title: string | null;
}

export type PlainBlock = PlainParagraph | PlainHeading | PlainList | PlainDefinition;

export interface PlainPiece {
  start: number;
  end: number;
  blocks: PlainBlock[];
}

interface Line {
  start: number;
  /** End of the line's content (its line ending not included). */
  end: number;
  /** Start of the next line. */
  next: number;
}

/** What may come next in the piece. */
const enum Expect {
  /** Any block (start of the piece, after a blank line or a heading). */
  Block,
  /** A blank line (after a paragraph). */
  Blank,
  /** A blank line or another definition. */
  Definition,
  /** Blank lines up to the end of the piece (after a list). */
  End,
}

/** The piece `[start, end)` as plain blocks (see the module comment), or undefined. */
export function readPlainPiece(text: string, start: number, end: number): PlainPiece | undefined {
  const blocks: PlainBlock[] = [];
  let expect = Expect.Block;
  let line = lineAt(text, start, end);
  while (line) {
    if (isBlank(text, line)) {
      if (expect !== Expect.End) expect = Expect.Block;
      line = lineAt(text, line.next, end);
      continue;
    }
    const first = text.charCodeAt(line.start);
    if (expect === Expect.Definition && first === 0x5b) {
      const definition = readDefinition(text, line);
      if (!definition) return undefined;
      blocks.push(definition);
      line = lineAt(text, line.next, end);
      continue;
    }
    if (expect !== Expect.Block) return undefined;
    let block: PlainBlock | undefined;
    if (first === 0x23) {
      block = readHeading(text, line);
      expect = Expect.Block;
    } else if (isLetter(first) || first === 0x21) {
      block = readParagraph(text, line, end);
      expect = Expect.Blank;
    } else if (first === 0x5b) {
      block = readDefinition(text, line);
      if (block) {
        expect = Expect.Definition;
      } else {
        block = readParagraph(text, line, end);
        expect = Expect.Blank;
      }
    } else {
      block = readList(text, line, end);
      expect = Expect.End;
    }
    if (!block) return undefined;
    blocks.push(block);
    line = lineAt(text, afterLineEnding(text, blockEnd(block), end), end);
  }
  return blocks.length === 0 ? undefined : { start, end, blocks };
}

function blockEnd(block: PlainBlock): number {
  if (block.kind === 'list') return block.items[block.items.length - 1]?.end ?? 0;
  return block.end;
}

/** Start of the line after the one whose content ends at `at`. */
function afterLineEnding(text: string, at: number, limit: number): number {
  if (at >= limit) return limit;
  return at + (text.charCodeAt(at) === 0x0d && text.charCodeAt(at + 1) === 0x0a ? 2 : 1);
}

/** The line starting at `from` (before `limit`), or undefined at the limit. */
function lineAt(text: string, from: number, limit: number): Line | undefined {
  if (from >= limit) return undefined;
  let end = from;
  while (end < limit && !isLineEnding(text.charCodeAt(end))) end++;
  let next = end;
  if (next < limit) next += text.charCodeAt(next) === 0x0d && text.charCodeAt(next + 1) === 0x0a ? 2 : 1;
  return { start: from, end, next };
}

function isBlank(text: string, line: Line): boolean {
  for (let index = line.start; index < line.end; index++) if (!isSpaceOrTab(text.charCodeAt(index))) return false;
  return true;
}

function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Whether plain content may start at `at`: a letter, a `[` or a `![` (the inline reader checks that it opens
 * a link or an image).
 */
function startsContent(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return isLetter(code) || code === 0x5b || (code === 0x21 && text.charCodeAt(at + 1) === 0x5b);
}

function readParagraph(text: string, first: Line, limit: number): PlainParagraph | undefined {
  if (!startsContent(text, first.start)) return undefined;
  let last = first;
  for (let line = lineAt(text, first.next, limit); line && !isBlank(text, line); line = lineAt(text, line.next, limit)) {
    let content = line.start;
    while (content < line.end && isSpaceOrTab(text.charCodeAt(content))) content++;
    if (!startsContent(text, content)) return undefined;
    last = line;
  }
  const links = readPlainInline(text, first.start, last.end);
  return links && { kind: 'paragraph', start: first.start, end: last.end, links };
}

function readHeading(text: string, line: Line): PlainHeading | undefined {
  let index = line.start;
  while (index < line.end && text.charCodeAt(index) === 0x23) index++;
  const depth = index - line.start;
  if (depth > 6 || text.charCodeAt(index) !== 0x20) return undefined;
  while (text.charCodeAt(index) === 0x20) index++;
  const contentEnd = trimEnd(text, index, line.end);
  if (contentEnd === index || text.charCodeAt(contentEnd - 1) === 0x23) return undefined;
  const links = readPlainInline(text, index, contentEnd);
  return links && { kind: 'heading', depth, start: line.start, end: line.end, contentStart: index, contentEnd, links };
}

/** The marker at the start of a line: its kind (the bullet, or the ordered delimiter), width and number. */
function readMarker(text: string, line: Line): { kind: string; width: number; first: number | null } | undefined {
  const code = text.charCodeAt(line.start);
  if (code === 0x2d || code === 0x2a || code === 0x2b) return { kind: text[line.start] ?? '', width: 1, first: null };
  let index = line.start;
  while (index < line.end && index - line.start < 10 && text.charCodeAt(index) >= 0x30 && text.charCodeAt(index) <= 0x39) index++;
  const digits = index - line.start;
  const delimiter = text.charCodeAt(index);
  if (digits === 0 || digits > 9 || (delimiter !== 0x2e && delimiter !== 0x29)) return undefined;
  return { kind: delimiter === 0x2e ? '.' : ')', width: digits + 1, first: Number(text.slice(line.start, index)) };
}

function readList(text: string, first: Line, limit: number): PlainList | undefined {
  const opening = readMarker(text, first);
  if (!opening) return undefined;
  const items: PlainItem[] = [];
  for (let line: Line | undefined = first; line && !isBlank(text, line); line = lineAt(text, line.next, limit)) {
    const marker = readMarker(text, line);
    if (marker?.kind !== opening.kind) return undefined;
    const space = line.start + marker.width;
    const contentStart = space + 1;
    if (text.charCodeAt(space) !== 0x20 || !startsContent(text, contentStart)) return undefined;
    const links = readPlainInline(text, contentStart, trimEnd(text, contentStart, line.end));
    if (!links) return undefined;
    items.push({ start: line.start, contentStart, end: line.end, links });
  }
  return { kind: 'list', ordered: opening.first !== null, first: opening.first, items };
}

const TITLE_CLOSE: Record<number, number> = { 0x22: 0x22, 0x27: 0x27, 0x28: 0x29 };

/** A one-line definition `[L]: U` with an optional title, or undefined. */
function readDefinition(text: string, line: Line): PlainDefinition | undefined {
  let index = line.start + 1;
  while (index < line.end && text.charCodeAt(index) !== 0x5d) index++;
  const label = text.slice(line.start + 1, index);
  if (text.charCodeAt(index + 1) !== 0x3a || !PLAIN_LABEL.test(label)) return undefined;
  index += 2;
  while (isSpaceOrTab(text.charCodeAt(index))) index++;
  const urlStart = index;
  while (index < line.end && isUrlCharacter(text.charCodeAt(index))) index++;
  if (index === urlStart) return undefined;
  const url = text.slice(urlStart, index);
  const end = trimEnd(text, index, line.end);
  if (end === index) {
    return { kind: 'definition', start: line.start, end: line.end, label, url, title: null };
  }
  if (!isSpaceOrTab(text.charCodeAt(index))) return undefined;
  while (isSpaceOrTab(text.charCodeAt(index))) index++;
  const close = TITLE_CLOSE[text.charCodeAt(index)];
  if (close === undefined || end - index < 3 || text.charCodeAt(end - 1) !== close) return undefined;
  const title = text.slice(index + 1, end - 1);
  for (let at = index + 1; at < end - 1; at++) {
    const code = text.charCodeAt(at);
    if (code === close || code === 0x28 || code === 0x5c || code === 0x26 || code === 0xe000) return undefined;
  }
  return { kind: 'definition', start: line.start, end: line.end, label, url, title };
}
