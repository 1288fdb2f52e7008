import type { Nodes, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import { parseBareFrontMatter } from './bare-front-matter.js';
import { createLineIndex } from './line-index.js';
import { parseMarkdown } from './parse.js';
import { type PlainPiece, readPlainPiece } from './plain-blocks.js';
import { buildPlainNodes } from './plain-nodes.js';
import { countLineEndings } from './line-index.js';
import { fenceCloser, findCutPoints, htmlBlockStart, isOpenFence, isOpenHtml } from './split-blocks.js';

/**
 * Most of a typical post is paragraphs of plain prose with a few `[text](url)` or `[text][label]` links,
 * headings, short lists and link definitions. micromark reads every character of them through its full
 * state machine; this module reads such blocks itself and hands micromark only the rest of the document.
 *
 * A piece of the document (split-blocks.ts: from a cut point to the next) is *plain* when it is a run of
 * plain paragraphs, ATX headings, one-line definitions and one-line-item lists, each holding nothing but text,
 * those two link forms and `![alt](url)` images (plain-blocks.ts says exactly which, and why micromark reads
 * them the same way).
 *
 * Whether such a piece really is made of top-level blocks depends on what comes before it: after a blank
 * line a line in column 1 that starts with a letter, `#`, `[` or `!` closes every container and every leaf
 * block except a top-level fenced code block or HTML block of kinds 1-5 left open. The rest of the document is
 * parsed without the plain pieces, and the shortcut is taken only when no block of it is open where a plain
 * piece was taken out (its last block before that place neither reaches past it nor is an open fence or HTML
 * block); otherwise the whole document is parsed. The plain pieces leave every other block unchanged too:
 * the next kept piece starts at a cut point, which closes what is open before it either way. Labels are
 * global, so a full reference `[T][L]` of a plain piece is taken only when L is defined (by a plain
 * definition or in the rest), and a plain definition only when its label occurs nowhere in the rest of the
 * document: taking it out would leave a use there unresolved. When all that is left is the front matter (most
 * blog posts), its tree is made without micromark too (bare-front-matter.ts).
 */

/** A run of kept text: where it starts in the document and in the reduced text, and its length. */
interface Segment {
  start: number;
  reducedStart: number;
  length: number;
  /** Line endings taken out before this segment. */
  linesBefore: number;
}

/**
 * Parse like parseMarkdown, with the plain blocks (see above) read here instead of by micromark.
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

  const tree = parseBareFrontMatter(reduced) ?? parseMarkdown(reduced);
  if (!closedAtJunctions(tree, reduced, junctions)) return parseMarkdown(text);
  const defined = new Set<string>();
  collectIdentifiers(tree, defined);
  for (const piece of plain) for (const block of piece.blocks) if (block.kind === 'definition') defined.add(block.label.toLowerCase());
  for (const piece of plain) if (!referencesDefined(piece, defined)) return parseMarkdown(text);

  for (const child of tree.children) movePositions(child, segments);
  const lines = createLineIndex(text);
  const nodes = plain.flatMap((piece) => buildPlainNodes(piece.blocks, text, lines));
  tree.children = mergeByStart(tree.children, nodes);
  const end = lines.locate(text.length);
  tree.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: end.line, column: end.column, offset: text.length } };
  return tree;
}

function referencesDefined(piece: PlainPiece, defined: Set<string>): boolean {
  for (const block of piece.blocks) {
    if (block.kind === 'definition') continue;
    const groups = block.kind === 'list' ? block.items : [block];
    for (const group of groups) {
      for (const link of group.links) if (link.label !== undefined && !defined.has(link.label.toLowerCase())) return false;
    }
  }
  return true;
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
  return keepUnusedDefinitions(text, out);
}

/**
 * Characters that micromark's label matching (lower case, then upper case) may turn into ASCII: a label
 * written with them could match a plain label although it does not hold it. Pinned against every code point
 * by test/extract/plain-blocks.test.ts.
 */
export const FOLDS_TO_ASCII = /[\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96-\u1e9a\u1e9e\u212a\ufb00-\ufb06]/;

/**
 * The pieces without those whose definitions may be used outside the pieces: a label that occurs (in any
 * case) outside every piece taken, or any label when the text holds a character of FOLDS_TO_ASCII.
 * Dropping a piece puts its text outside, so this repeats until nothing changes.
 */
function keepUnusedDefinitions(text: string, pieces: PlainPiece[]): PlainPiece[] {
  const labels = new Map<PlainPiece, string[]>();
  for (const piece of pieces) {
    const own = piece.blocks.flatMap((block) => (block.kind === 'definition' ? [block.label] : []));
    if (own.length > 0) labels.set(piece, own);
  }
  if (labels.size === 0) return pieces;
  if (FOLDS_TO_ASCII.test(text)) return pieces.filter((piece) => !labels.has(piece));
  let taken = pieces;
  for (let changed = true; changed; ) {
    changed = false;
    const outside = textOutside(text, taken);
    for (const [piece, own] of labels) {
      if (own.some((label) => outside.includes(label.toLowerCase()))) {
        taken = taken.filter((other) => other !== piece);
        labels.delete(piece);
        changed = true;
      }
    }
  }
  return taken;
}

/** The text outside the pieces, in lower case, the gaps joined by line endings (no label holds one). */
function textOutside(text: string, pieces: PlainPiece[]): string {
  const gaps: string[] = [];
  let at = 0;
  for (const piece of pieces) {
    gaps.push(text.slice(at, piece.start));
    at = piece.end;
  }
  gaps.push(text.slice(at));
  return gaps.join('\n').toLowerCase();
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
    const closer = fenceCloser(line);
    if (closer) {
      state = closer;
      continue;
    }
    const html = htmlBlockStart(line);
    if (html && !html.end.test(html.after)) state = html.end;
  }
  return state;
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

/** Two lists of top-level blocks, each in document order, as one. */
function mergeByStart(parsed: RootContent[], plain: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let next = 0;
  for (const node of parsed) {
    const at = node.position?.start.offset ?? 0;
    while (next < plain.length && (plain[next]?.position?.start.offset ?? 0) < at) out.push(plain[next++] as RootContent);
    out.push(node);
  }
  while (next < plain.length) out.push(plain[next++] as RootContent);
  return out;
}
