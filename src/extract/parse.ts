import type { Nodes, Parents, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { countLineEndings } from './line-index.js';
import { findCutPoints, isOpenFence, isOpenHtml } from './split-blocks.js';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const LINE_BREAK = /[\r\n]/;
const PRINTABLE_ASCII_NONEMPTY = /^[\x20-\x7e]+$/;

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/**
 * Documents are parsed in pieces of at least this many characters, cut between top-level blocks
 * (split-blocks.ts). micromark 4.0.3 copies the whole event list of the document each time it closes a
 * container (a list or block quote followed by other content), which makes a long document with many lists
 * quadratic: 1.5 s for a 214 KB awesome-list. Pieces bound that cost; a document shorter than two pieces is
 * parsed whole.
 */
export const DEFAULT_PIECE_CHARS = 16 * 1024;

export interface ParseOptions {
  /** Minimum length of a piece (tests use small values to cut often). */
  pieceChars?: number;
}

/**
 * Parses independent Markdown texts, each exactly as `parseSource` does, in the order given, possibly on
 * another thread (the CLI installs one, see pipeline/extract-pieces.ts). Used for the pieces of a long document.
 */
export type BatchParser = (sources: readonly string[]) => Root[];

/**
 * Characters (of the pieces, all together) below which a batch is parsed here. A second thread loads its own
 * parser and runs it cold: measured on the 2-core benchmark machine (alternating runs of `linkrot extract`), a
 * 214 KB awesome-list took 1.6x the wall time with it. (The CLI uses a second thread only from three cores on,
 * see pipeline/extract-pieces.ts.)
 */
export const BATCH_MIN_CHARS = 256 * 1024;

let batchParser: BatchParser | undefined;

/** Install (or, with undefined, remove) the parser that the pieces of long documents are handed to. */
export function useBatchParser(parser: BatchParser | undefined): void {
  batchParser = parser;
}

/** One text parsed alone (GFM, YAML front matter), positions as micromark gives them. */
export function parseSource(source: string): Root {
  return processor.parse(source);
}

/** Each text parsed alone: by the installed batch parser when the texts are long enough, else here. */
function parseAll(sources: readonly string[]): Root[] {
  if (batchParser && sources.length > 1 && sources.reduce((sum, source) => sum + source.length, 0) >= BATCH_MIN_CHARS) return batchParser(sources);
  return sources.map(parseSource);
}

/** Parse Markdown (GFM, YAML front matter) into mdast; every node gets a position (see below). */
export function parseMarkdown(text: string, options: ParseOptions = {}): Root {
  const tree = parseInPieces(text, options.pieceChars ?? DEFAULT_PIECE_CHARS) ?? parseSource(text);
  placeUnpositioned(tree, text);
  return tree;
}

interface Piece {
  start: number;
  end: number;
  tree: Root;
}

/** A fake definition line that makes a label defined, and the words any use of the label must contain. */
interface Label {
  line: string;
  identifier: string;
  words: string[] | undefined;
  pieces: Set<Piece>;
}

/**
 * The tree of the whole document built from the trees of its pieces, or undefined when the document is
 * parsed whole (too short, no cut point, or a label this code cannot restate).
 *
 * A piece is parsed alone; if it ends inside a fenced code block or an HTML block of kind 1-5 (which can
 * span blank lines), it is joined to the next piece and parsed again. In a long document with a batch parser
 * installed, the pieces are parsed as one batch first (on two threads), the joins after. Link and footnote definitions are
 * global: a piece that may use a label defined in another piece is parsed again with a definition of that
 * label before it (after it for the first piece, which may hold front matter). The extra definitions are
 * dropped from the tree; positions are moved back into the document.
 */
export function parseInPieces(text: string, pieceChars: number): Root | undefined {
  if (text.length < 2 * pieceChars) return undefined;
  const bounds = [0];
  for (const cut of findCutPoints(text)) {
    const last = bounds[bounds.length - 1] ?? 0;
    if (cut - last >= pieceChars && text.length - cut >= pieceChars) bounds.push(cut);
  }
  if (bounds.length < 2) return undefined;
  bounds.push(text.length);

  // With a batch parser, every stretch between two bounds is parsed at once (most are pieces as they are);
  // without one, a stretch joined to the next is never parsed alone.
  const stretches = batchParser && text.length >= BATCH_MIN_CHARS ? parseAll(bounds.slice(1).map((end, index) => text.slice(bounds[index], end))) : [];
  const pieces: Piece[] = [];
  for (let index = 0; index < bounds.length - 1; ) {
    const start = bounds[index] ?? 0;
    let next = index + 1;
    let tree = stretches[index] ?? parseSource(text.slice(start, bounds[next]));
    while (next < bounds.length - 1 && endsOpen(tree, text, start, bounds[next] ?? text.length)) {
      next++;
      tree = parseSource(text.slice(start, bounds[next]));
    }
    pieces.push({ start, end: bounds[next] ?? text.length, tree });
    index = next;
  }
  if (pieces.length < 2) return undefined;

  const labels = collectLabels(pieces, text);
  if (!labels) return undefined;
  const relabelled = pieces.flatMap((piece, index) => {
    const needed = foreignLabels(piece, labels, text);
    return needed.length > 0 ? [{ piece, labelled: withLabels(text.slice(piece.start, piece.end), needed, index === 0) }] : [];
  });
  const trees = parseAll(relabelled.map(({ labelled }) => labelled.source));
  relabelled.forEach(({ piece, labelled }, index) => {
    piece.tree = labelled.finish(trees[index] ?? parseSource(labelled.source));
  });
  return join(pieces, text);
}

/**
 * Whether a piece ends inside a block that the next piece could continue: its last top-level block is a
 * fenced code or HTML block of kind 1-5 left open, or any block on its last-child chain (a fence in a list
 * item, say) reaches past the piece's last non-blank character, i.e. took in the blank line the piece ends
 * with; in the whole document the next line would have ended it before that blank line.
 */
function endsOpen(tree: Root, text: string, start: number, end: number): boolean {
  const last = tree.children[tree.children.length - 1];
  if (last?.type === 'code' || last?.type === 'html') {
    const from = last.position?.start.offset;
    const to = last.position?.end.offset;
    if (from === undefined || to === undefined) return true;
    const raw = text.slice(start + from, start + to);
    if (last.type === 'code' ? isOpenFence(raw) : isOpenHtml(raw)) return true;
  }
  const contentEnd = text.slice(start, end).trimEnd().length;
  for (let node: Nodes | undefined = last; node; node = 'children' in node ? (node.children as Nodes[]).at(-1) : undefined) {
    if ((node.position?.end.offset ?? Number.POSITIVE_INFINITY) > contentEnd) return true;
  }
  return false;
}

/** Every link and footnote definition of the document, keyed by namespace and identifier. */
function collectLabels(pieces: Piece[], text: string): Map<string, Label> | undefined {
  const labels = new Map<string, Label>();
  for (const piece of pieces) {
    let failed = false;
    visit(piece.tree, (node) => {
      if (node.type !== 'definition' && node.type !== 'footnoteDefinition') return;
      const footnote = node.type === 'footnoteDefinition';
      const key = `${footnote ? 'f' : 'd'}:${node.identifier}`;
      const known = labels.get(key);
      if (known) {
        known.pieces.add(piece);
        return;
      }
      const at = node.position?.start.offset;
      const label = at === undefined ? undefined : restateLabel(text, piece.start + at, footnote, node.identifier);
      if (label === undefined) {
        failed = true;
        return;
      }
      labels.set(key, {
        line: footnote ? `[^${label}]: x` : `[${label}]: x`,
        identifier: node.identifier,
        words: PRINTABLE_ASCII.test(node.identifier) ? wordsOf(node.identifier) : undefined,
        pieces: new Set([piece]),
      });
    });
    if (failed) return undefined;
  }
  return labels;
}

/**
 * The label of the definition that starts at `at`, written so that it normalises to the same identifier:
 * the raw label when it is on one line, else the identifier itself when it is ASCII (case folding and white
 * space collapsing are then exact); undefined otherwise.
 */
function restateLabel(text: string, at: number, footnote: boolean, identifier: string): string | undefined {
  const open = footnote ? '[^' : '[';
  if (at < 0 || !text.startsWith(open, at)) return undefined;
  let index = at + open.length;
  for (; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === ']') break;
  }
  if (text[index + 1] !== ':') return undefined;
  const raw = text.slice(at + open.length, index);
  if (!LINE_BREAK.test(raw)) return raw;
  return PRINTABLE_ASCII_NONEMPTY.test(identifier) && !identifier.includes(']') ? identifier : undefined;
}

const WORD_BREAK = /[\s[\]>^]+/;

/** Case-folded like micromark's label normalisation, one word at a time. */
function fold(word: string): string {
  return word.toLowerCase().toUpperCase().toLowerCase();
}

function wordsOf(identifier: string): string[] {
  return identifier.split(WORD_BREAK).filter((word) => word !== '');
}

/**
 * Labels defined only in other pieces that this piece may use. A use of an ASCII label holds each of its
 * words (split at white space, brackets, `^` (footnote calls) and `>` (block-quote prefixes)) as a whole word of the
 * piece, case-folded; a non-ASCII label is assumed used whenever the piece has a `[`. Extra labels are
 * harmless (they are defined in the document anyway); a missing one would not be.
 */
function foreignLabels(piece: Piece, labels: Map<string, Label>, text: string): Label[] {
  const source = text.slice(piece.start, piece.end);
  if (!source.includes('[')) return [];
  let words: Set<string> | undefined;
  const needed: Label[] = [];
  for (const label of labels.values()) {
    if (label.pieces.has(piece)) continue;
    if (label.words) {
      words ??= new Set(source.split(WORD_BREAK).map(fold));
      if (!label.words.every((word) => words?.has(word))) continue;
    }
    needed.push(label);
  }
  return needed;
}

/**
 * A piece with fake definitions before it (after it for the first piece): the text to parse, and what turns
 * its tree into the piece's (the fakes dropped, positions moved back).
 */
function withLabels(piece: string, labels: Label[], first: boolean): { source: string; finish: (tree: Root) => Root } {
  const fakes = labels.map((label) => label.line).join('\n\n');
  if (first) {
    return {
      source: `${piece}\n\n${fakes}\n`,
      finish: (tree) => {
        tree.children = tree.children.filter((node) => (node.position?.start.offset ?? 0) < piece.length);
        return tree;
      },
    };
  }
  const prefix = `${fakes}\n\n`;
  return {
    source: prefix + piece,
    finish: (tree) => {
      tree.children = tree.children.filter((node) => (node.position?.start.offset ?? prefix.length) >= prefix.length);
      shift(tree, -prefix.length, -countLineEndings(prefix));
      return tree;
    },
  };
}

/** One root holding every piece's blocks, positions moved to the document. */
function join(pieces: Piece[], text: string): Root {
  const children: RootContent[] = [];
  let line = 0;
  let counted = 0;
  for (const piece of pieces) {
    line += countLineEndings(text, counted, piece.start);
    counted = piece.start;
    for (const node of piece.tree.children) {
      shift(node, piece.start, line);
      children.push(node);
    }
  }
  const last = pieces[pieces.length - 1];
  const end = last?.tree.position?.end;
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: end ? { line: end.line + line, column: end.column, offset: (end.offset ?? 0) + (last?.start ?? 0) } : { line: 1, column: 1, offset: 0 },
    },
  };
}

function shift(node: Nodes, offset: number, lines: number): void {
  const position = node.position;
  if (position) {
    if (position.start.offset !== undefined) position.start.offset += offset;
    if (position.end.offset !== undefined) position.end.offset += offset;
    position.start.line += lines;
    position.end.line += lines;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) shift(child, offset, lines);
}

/**
 * mdast-util-gfm-autolink-literal finds some bare URLs in a second pass over text nodes and gives the nodes
 * it creates no position. Find them again in the source, in order, between their positioned siblings.
 */
function placeUnpositioned(node: Parents, text: string): void {
  let cursor = node.position?.start.offset ?? 0;
  for (const child of node.children as Nodes[]) {
    if (child.position?.start.offset !== undefined && child.position.end.offset !== undefined) {
      cursor = child.position.end.offset;
    } else {
      const written = child.type === 'link' ? literalText(child) : child.type === 'text' ? child.value : '';
      const at = written === '' ? -1 : text.indexOf(written, cursor);
      if (at !== -1) {
        const end = at + written.length;
        child.position = { start: { line: 0, column: 0, offset: at }, end: { line: 0, column: 0, offset: end } };
        if (child.type === 'link') {
          for (const inner of child.children) inner.position ??= { start: { line: 0, column: 0, offset: at }, end: { line: 0, column: 0, offset: end } };
        }
        cursor = end;
      }
    }
    if ('children' in child) placeUnpositioned(child, text);
  }
}

function literalText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(literalText).join('');
  return '';
}
