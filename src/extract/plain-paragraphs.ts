import type { Link as MdastLink, LinkReference, Nodes, Paragraph, Root, RootContent, Text } from 'mdast';
import type { Point, Position } from 'unist';
import { createLineIndex, type LineIndex } from './line-index.js';
import { parseMarkdown } from './parse.js';
import { findCutPoints, HTML_KINDS, isOpenFence, isOpenHtml } from './split-blocks.js';

/**
 * Most of a typical post is paragraphs of plain prose with a few `[text](url)` or `[text][label]` links.
 * micromark reads every character of them through its full state machine; this module reads such
 * paragraphs itself and hands micromark only the rest of the document.
 *
 * A piece of the document (split-blocks.ts: from a cut point to the next) is *plain* when it is one
 * paragraph that can hold nothing but text and those two link forms:
 * - every non-blank line starts (after optional indentation, none on the first line, which is a cut point)
 *   with an ASCII letter, and no blank line is followed by more text. A letter cannot start a block or
 *   interrupt a paragraph (headings, fences, quotes, lists, HTML, tables, setext underlines, definitions all
 *   start otherwise), so the piece is exactly one paragraph;
 * - outside links, none of `[ ] \ & < \` * _ ~ | @`, NUL, a Liquid placeholder, `![`, `www` (any case) or
 *   `://` occurs: no escapes, character references, code, emphasis, strike-through, HTML, autolinks,
 *   images, footnote calls or GFM bare URLs can start;
 * - each `[` opens `[T](U)` or `[T][L]`, not followed by `(` or `[`: T holds none of the characters above
 *   nor `^`; U is one or more of `A-Z a-z 0-9 - . _ ~ : / ? # % + = , ; $` (so it is a plain destination
 *   that decodes to itself); L is `[A-Za-z0-9][A-Za-z0-9._-]*` and is defined in the rest of the document
 *   (the plain pieces hold no definitions), so the full reference resolves.
 *
 * Whether such a piece really is a top-level paragraph depends on what comes before it: after a blank line
 * an unindented letter closes every container and every leaf block except a top-level fenced code block or
 * HTML block of kinds 1-5 left open. The rest of the document is parsed without the plain pieces, and the
 * shortcut is taken only when no block of it is open where a plain piece was taken out (its last block
 * before that place neither reaches past it nor is an open fence or HTML block); otherwise the whole
 * document is parsed. The plain pieces leave every other block unchanged too: the next kept piece starts at
 * a cut point, which closes what is open before it either way, and plain pieces define no labels.
 *
 * The paragraphs made here hold only what extractLinks reads: the link and link-reference nodes with their
 * label text, at their exact positions. The text around them holds no `[`, so the bracket count cmark-gfm's
 * bare-URL rule needs stays 0 as in the parsed tree.
 */

interface PlainLink {
  /** `[` of the link and just after its closing `)` or `]`. */
  start: number;
  end: number;
  /** The label text T. */
  textStart: number;
  textEnd: number;
  /** U for an inline link; undefined for a full reference. */
  url?: string;
  /** L for a full reference. */
  label?: string;
}

interface PlainPiece {
  start: number;
  end: number;
  /** End of the paragraph: the piece without its trailing blank lines. */
  contentEnd: number;
  links: PlainLink[];
}

/** A run of kept text: where it starts in the document and in the reduced text, and its length. */
interface Segment {
  start: number;
  reducedStart: number;
  length: number;
  /** Line endings taken out before this segment. */
  linesBefore: number;
}

/**
 * Parse like parseMarkdown, with the plain paragraphs (see above) read here instead of by micromark.
 * `fastParagraphs: false` parses everything with micromark (tests compare the two).
 */
export function parseForLinks(text: string, options: { fastParagraphs?: boolean } = {}): Root {
  if (options.fastParagraphs === false) return parseMarkdown(text);
  const plain = findPlainPieces(text);
  if (plain.length === 0) return parseMarkdown(text);

  const segments: Segment[] = [];
  const junctions: number[] = [];
  let reduced = '';
  let kept = 0;
  let linesRemoved = 0;
  for (const piece of plain) {
    if (piece.start > kept) {
      segments.push({ start: kept, reducedStart: reduced.length, length: piece.start - kept, linesBefore: linesRemoved });
      reduced += text.slice(kept, piece.start);
    }
    if (junctions.at(-1) !== reduced.length) junctions.push(reduced.length);
    linesRemoved += countLineEndings(text, piece.start, piece.end);
    kept = piece.end;
  }
  if (kept < text.length) {
    segments.push({ start: kept, reducedStart: reduced.length, length: text.length - kept, linesBefore: linesRemoved });
    reduced += text.slice(kept);
  }

  const tree = parseMarkdown(reduced);
  if (!closedAtJunctions(tree, reduced, junctions)) return parseMarkdown(text);
  const defined = new Set<string>();
  collectIdentifiers(tree, defined);
  for (const piece of plain) {
    for (const link of piece.links) if (link.label !== undefined && !defined.has(link.label.toLowerCase())) return parseMarkdown(text);
  }

  for (const child of tree.children) movePositions(child, segments);
  const lines = createLineIndex(text);
  const paragraphs = plain.map((piece) => buildParagraph(piece, text, lines));
  tree.children = mergeByStart(tree.children, paragraphs);
  tree.position = { start: { line: 1, column: 1, offset: 0 }, end: pointAt(lines, text.length) };
  return tree;
}

/**
 * The plain pieces of a document, in order (the first piece, which may hold front matter, never is). A
 * piece after a line that may open a fenced code block or an HTML block of kinds 1-5 not yet closed is
 * skipped: taking it would most likely make parseForLinks parse the document twice.
 */
export function findPlainPieces(text: string): PlainPiece[] {
  const cuts = findCutPoints(text);
  const out: PlainPiece[] = [];
  let open: RegExp | undefined;
  let scanned = 0;
  for (let index = 0; index < cuts.length; index++) {
    const start = cuts[index] ?? 0;
    open = trackOpenBlocks(text, scanned, start, open);
    scanned = start;
    if (open) continue;
    const piece = readPlainPiece(text, start, cuts[index + 1] ?? text.length);
    if (piece) out.push(piece);
  }
  return out;
}

/**
 * A line scan that guesses whether a top-level fenced code block or HTML block of kinds 1-5 is open at
 * `to`: returns the end condition of the one open, else undefined. Only a guess (it knows no containers):
 * parseForLinks checks the parsed tree before it trusts a plain piece.
 */
function trackOpenBlocks(text: string, from: number, to: number, open: RegExp | undefined): RegExp | undefined {
  const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/gy;
  LINE.lastIndex = from;
  let state = open;
  while (LINE.lastIndex < to) {
    const match = LINE.exec(text);
    if (!match || match[0] === '') break;
    const line = match[0].replace(/[\r\n]+$/, '');
    if (state) {
      if (state.test(line)) state = undefined;
      continue;
    }
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence?.[1]) {
      const marker = fence[1];
      state = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      continue;
    }
    for (const [start, end] of HTML_KINDS) {
      const opened = start.exec(line);
      if (!opened) continue;
      if (!end.test(line.slice(opened[0].length))) state = end;
      break;
    }
  }
  return state;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isLineEnding(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/** Characters that may start an inline construct other than the two link forms. */
function isSpecial(code: number): boolean {
  switch (code) {
    case 0x00: // NUL
    case 0x26: // &
    case 0x2a: // *
    case 0x3c: // <
    case 0x40: // @
    case 0x5b: // [
    case 0x5c: // \
    case 0x5d: // ]
    case 0x5f: // _
    case 0x60: // `
    case 0x7c: // |
    case 0x7e: // ~
    case 0xe000: // Liquid placeholder
      return true;
    default:
      return false;
  }
}

/** `www` in any case, `://` or `![` starting at `index`: a GFM bare URL or an image could start there. */
function startsSequence(text: string, index: number, code: number): boolean {
  if (code === 0x77 || code === 0x57) return /^www/i.test(text.slice(index, index + 3));
  if (code === 0x3a) return text.startsWith('//', index + 1);
  if (code === 0x21) return text.charCodeAt(index + 1) === 0x5b;
  return false;
}

function isUrlCharacter(code: number): boolean {
  if (isLetter(code) || (code >= 0x30 && code <= 0x39)) return true;
  switch (code) {
    case 0x2d: // -
    case 0x2e: // .
    case 0x5f: // _
    case 0x7e: // ~
    case 0x3a: // :
    case 0x2f: // /
    case 0x3f: // ?
    case 0x23: // #
    case 0x25: // %
    case 0x2b: // +
    case 0x3d: // =
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x24: // $
      return true;
    default:
      return false;
  }
}

const LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The piece `[start, end)` as a plain paragraph, or undefined when it is not one (see the module comment). */
function readPlainPiece(text: string, start: number, end: number): PlainPiece | undefined {
  let contentEnd = end;
  while (contentEnd > start) {
    const code = text.charCodeAt(contentEnd - 1);
    if (code !== 0x20 && code !== 0x09 && !isLineEnding(code)) break;
    contentEnd--;
  }
  if (contentEnd === start || !isLetter(text.charCodeAt(start))) return undefined;
  // Every line of the paragraph starts, after indentation, with a letter (a blank line ends the paragraph,
  // so none may appear before contentEnd).
  for (let index = start; index < contentEnd; index++) {
    const code = text.charCodeAt(index);
    if (!isLineEnding(code)) continue;
    if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) index++;
    let next = index + 1;
    while (next < contentEnd && (text.charCodeAt(next) === 0x20 || text.charCodeAt(next) === 0x09)) next++;
    if (!isLetter(text.charCodeAt(next))) return undefined;
  }

  const links: PlainLink[] = [];
  for (let index = start; index < contentEnd; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5b) {
      const link = readLink(text, index, contentEnd);
      if (!link) return undefined;
      links.push(link);
      index = link.end - 1;
      continue;
    }
    if (isSpecial(code) || startsSequence(text, index, code)) return undefined;
  }
  return { start, end, contentEnd, links };
}

/** `[T](U)` or `[T][L]` at `open`, or undefined. */
function readLink(text: string, open: number, limit: number): PlainLink | undefined {
  let index = open + 1;
  for (; index < limit; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5d) break;
    if (code === 0x5e || isSpecial(code) || startsSequence(text, index, code)) return undefined;
  }
  if (index >= limit) return undefined;
  const textEnd = index;
  const kind = text.charCodeAt(textEnd + 1);
  let close = textEnd + 2;
  if (kind === 0x28) {
    while (close < limit && isUrlCharacter(text.charCodeAt(close))) close++;
    if (close === textEnd + 2 || text.charCodeAt(close) !== 0x29) return undefined;
  } else if (kind === 0x5b) {
    while (close < limit && text.charCodeAt(close) !== 0x5d) close++;
    if (close >= limit || !LABEL.test(text.slice(textEnd + 2, close))) return undefined;
  } else {
    return undefined;
  }
  const after = text.charCodeAt(close + 1);
  if (after === 0x28 || after === 0x5b) return undefined;
  const value = text.slice(textEnd + 2, close);
  return {
    start: open,
    end: close + 1,
    textStart: open + 1,
    textEnd,
    ...(kind === 0x28 ? { url: value } : { label: value }),
  };
}

function countLineEndings(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) count++;
    else if (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a) count++;
  }
  return count;
}

/**
 * Whether every place a plain piece was taken out is outside every block of the reduced document: the last
 * top-level block before it ends there at the latest and is not a fenced code block or HTML block of kinds
 * 1-5 left open (which in the whole document would have taken in the plain piece).
 */
function closedAtJunctions(tree: Root, reduced: string, junctions: number[]): boolean {
  let child = 0;
  for (const junction of junctions) {
    while (child + 1 < tree.children.length && (tree.children[child + 1]?.position?.start.offset ?? Number.POSITIVE_INFINITY) < junction) child++;
    const last = tree.children[child];
    const from = last?.position?.start.offset;
    const to = last?.position?.end.offset;
    if (!last || from === undefined || from >= junction) continue;
    if (to === undefined || to > junction) return false;
    if (last.type === 'code' && isOpenFence(reduced.slice(from, to))) return false;
    if (last.type === 'html' && isOpenHtml(reduced.slice(from, to))) return false;
  }
  return true;
}

function collectIdentifiers(node: Nodes, out: Set<string>): void {
  if (node.type === 'definition') out.add(node.identifier);
  else if ('children' in node) for (const child of node.children as Nodes[]) collectIdentifiers(child, out);
}

/** Move the positions of a reduced-text node and its descendants to the document. */
function movePositions(node: Nodes, segments: Segment[]): void {
  const position = node.position;
  if (position) {
    movePoint(position.start, segments, false);
    movePoint(position.end, segments, true);
  }
  if ('children' in node) for (const child of node.children as Nodes[]) movePositions(child, segments);
}

/**
 * A point of the reduced text in the document. At the seam of two segments a start belongs to the later
 * one and an end to the earlier one. Lines move too (points placed without a line, line 0, keep it).
 */
function movePoint(point: Point, segments: Segment[], isEnd: boolean): void {
  const offset = point.offset;
  if (offset === undefined) return;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    const segment = segments[middle];
    if (!segment) break;
    if (isEnd ? segment.reducedStart < offset : segment.reducedStart <= offset) low = middle;
    else high = middle - 1;
  }
  const segment = segments[low];
  if (!segment) return;
  point.offset = segment.start + (offset - segment.reducedStart);
  if (point.line > 0) point.line += segment.linesBefore;
}

function pointAt(lines: LineIndex, offset: number): Point {
  const { line, column } = lines.locate(offset);
  return { line, column, offset };
}

function positionOf(lines: LineIndex, start: number, end: number): Position {
  return { start: pointAt(lines, start), end: pointAt(lines, end) };
}

function buildParagraph(piece: PlainPiece, text: string, lines: LineIndex): Paragraph {
  const children = piece.links.map((link): MdastLink | LinkReference => {
    const label: Text[] =
      link.textEnd > link.textStart ? [{ type: 'text', value: text.slice(link.textStart, link.textEnd), position: positionOf(lines, link.textStart, link.textEnd) }] : [];
    const position = positionOf(lines, link.start, link.end);
    if (link.url !== undefined) return { type: 'link', url: link.url, title: null, children: label, position };
    const name = link.label ?? '';
    return { type: 'linkReference', identifier: name.toLowerCase(), label: name, referenceType: 'full', children: label, position };
  });
  return { type: 'paragraph', children, position: positionOf(lines, piece.start, piece.contentEnd) };
}

/** Two lists of top-level blocks, each in document order, as one. */
function mergeByStart(parsed: RootContent[], plain: Paragraph[]): RootContent[] {
  const out: RootContent[] = [];
  let next = 0;
  for (const node of parsed) {
    const at = node.position?.start.offset ?? 0;
    while (next < plain.length && (plain[next]?.position?.start.offset ?? 0) < at) out.push(plain[next++] as Paragraph);
    out.push(node);
  }
  while (next < plain.length) out.push(plain[next++] as Paragraph);
  return out;
}
