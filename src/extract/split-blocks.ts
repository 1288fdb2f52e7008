// Hoisted: a regular-expression literal in a function is a new object on every call.
const BLANK_LINE = /^[ \t]*(?:\r\n|\r|\n|$)/;

/**
 * Where a Markdown document may be cut into pieces that parse on their own exactly as they do in the whole.
 *
 * A cut goes before a line L when the line before L is blank and L starts in column 1 with a character that
 * cannot continue anything: after a blank line an unindented line closes every container (list items and
 * footnote definitions need indentation, block quotes a `>` on every line, nothing is lazy after a blank
 * line) and every leaf block except fenced code and HTML blocks of kinds 1-5 (`<pre>`, `<script>`, `<style>`,
 * `<textarea>`, comments, `<?`, `<!X`, CDATA). Those two are not tracked here: the caller checks each parsed
 * piece and joins it to the next when it ends inside one (see parse.ts). Never cut:
 * - before a list marker or `*`/`-`/`+`/digit (would change a list; `---` could look like front matter),
 * - before the end of a YAML front matter block that starts the document.
 */

/** Start of every line that may begin a new piece, in order (never 0). */
export function findCutPoints(text: string): number[] {
  const cuts: number[] = [];
  let from = frontMatterEnd(text);
  let previousBlank = false;
  const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/gy;
  LINE.lastIndex = from;
  while (from < text.length) {
    const match = LINE.exec(text);
    if (!match || match[0] === '') break;
    const start = from;
    from += match[0].length;
    const first = text.charCodeAt(start);
    const blank = BLANK_LINE.test(match[0]);
    if (previousBlank && !blank && start > 0 && canStartPiece(first)) cuts.push(start);
    previousBlank = blank;
  }
  return cuts;
}

/** Not white space, not a list or thematic-break marker, not a digit (ordered list). */
function canStartPiece(code: number): boolean {
  if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) return false;
  if (code === 0x2a || code === 0x2b || code === 0x2d) return false; // * + -
  if (code >= 0x30 && code <= 0x39) return false;
  return true;
}

/** Index just after the closing `---` line of a front matter block that starts the text, else 0. */
function frontMatterEnd(text: string): number {
  return findFrontMatter(text)?.closeEnd ?? 0;
}

const FRONT_MATTER_OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;

/**
 * Where a front matter block that starts the text lies: line 1 is `---` and optional spaces or tabs, and the
 * block ends at the first later line that is the same. `openEnd`: just after the opening line; `valueEnd`: the
 * start of the line ending before the closing line (the value is `openEnd`…`valueEnd`); `closeEnd`: the end of
 * the closing line, before its line ending. Undefined without both lines.
 */
export function findFrontMatter(text: string): { openEnd: number; valueEnd: number; closeEnd: number } | undefined {
  const open = FRONT_MATTER_OPEN.exec(text);
  if (!open) return undefined;
  const close = /(?:^|\r\n|\r|\n)---[ \t]*(?=\r\n|\r|\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const match = close.exec(text);
  if (!match) return undefined;
  return { openEnd: open[0].length, valueEnd: Math.max(open[0].length, match.index), closeEnd: match.index + match[0].length };
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** When `line` opens a fenced code block: the pattern of the line that closes it. */
export function fenceCloser(line: string): RegExp | undefined {
  const marker = FENCE_OPEN.exec(line)?.[1];
  if (!marker) return undefined;
  return new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
}

/**
 * Whether the raw text of a top-level `code` node is a fenced block left open (it ran to the end of the
 * piece). An open fence swallows everything after it, so it is always the piece's last block.
 */
export function isOpenFence(raw: string): boolean {
  const close = fenceCloser(raw);
  if (!close) return false;
  const lines = raw.split(/\r\n|\r|\n/);
  if (lines.length < 2) return true;
  return !close.test(lines[lines.length - 1] ?? '');
}

/** HTML blocks of kinds 1-5 (they may span blank lines): start of the block, end condition. */
const HTML_KINDS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** What every start of HTML_KINDS begins with: most lines fail here, before the five patterns are tried. */
const HTML_OPEN = /^ {0,3}</;

/** When `text` starts an HTML block of kind 1-5: its end condition, and the text after the start. */
export function htmlBlockStart(text: string): { end: RegExp; after: string } | undefined {
  if (!HTML_OPEN.test(text)) return undefined;
  for (const [start, end] of HTML_KINDS) {
    const opened = start.exec(text);
    if (opened) return { end, after: text.slice(opened[0].length) };
  }
  return undefined;
}

/**
 * Whether the raw text of a top-level `html` node is an HTML block of kind 1-5 whose end condition was not
 * met (it ran to the end of the piece). Errs towards "open": a false "open" only costs a re-parse.
 */
export function isOpenHtml(raw: string): boolean {
  const block = htmlBlockStart(raw);
  if (!block) return false;
  const lines = raw.split(/\r\n|\r|\n/);
  if (lines.length === 1) return !block.end.test(block.after);
  return !block.end.test(lines[lines.length - 1] ?? '');
}
