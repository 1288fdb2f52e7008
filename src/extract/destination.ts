/**
 * Where the destination of a Markdown link is written. mdast gives the span of the whole construct and the
 * decoded URL; the fix stage needs the exact characters, so they are found again in the source.
 */

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** True when the character at `index` is escaped by an odd number of backslashes before it. */
function isEscaped(text: string, index: number): boolean {
  let count = 0;
  for (let at = index - 1; at >= 0 && text[at] === '\\'; at--) count++;
  return count % 2 === 1;
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/**
 * Decode a destination as CommonMark does (backslash escapes, numeric character references; named ones are
 * left as written). Used to check that a span found in the source really is the destination.
 */
export function decodeDestination(raw: string): string {
  return raw
    .replace(/\\(.)/g, (all, char: string) => (ASCII_PUNCTUATION.test(char) ? char : all))
    .replace(/&#(\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});/g, (all, decimal?: string, hex?: string) => {
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
      if (code === 0 || code > 0x10ffff) return '\uFFFD';
      return String.fromCodePoint(code);
    });
}

function matches(raw: string, url: string): boolean {
  if (raw === url) return true;
  const decoded = decodeDestination(raw);
  if (decoded === url) return true;
  // Named references (`&amp;`) are not decoded above: accept when they are the only difference.
  if (!decoded.includes('&')) return false;
  const pattern = decoded
    .split(/&[A-Za-z][A-Za-z0-9]{0,31};/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]{1,2}');
  return new RegExp(`^${pattern}$`).test(url);
}

/**
 * The destination span of an inline link or image `[text](dest "title")` whose source is `text` (from its
 * `[`/`![` to its closing `)`), read backwards from the end; `start`/`end` are relative to `text`.
 */
export function findInlineDestination(text: string, url: string): { start: number; end: number } | undefined {
  let index = text.length - 1;
  if (text[index] !== ')') return undefined;
  index--;
  while (index >= 0 && isSpace(text[index])) index--;
  index = skipTitle(text, index);
  let start: number;
  let end: number;
  if (text[index] === '>' && !isEscaped(text, index)) {
    end = index;
    let at = index - 1;
    while (at >= 0 && !(text[at] === '<' && !isEscaped(text, at))) at--;
    if (at < 0) return undefined;
    start = at + 1;
  } else {
    end = index + 1;
    let depth = 0;
    let at = index;
    for (; at >= 0; at--) {
      const char = text[at];
      if (isSpace(char)) break;
      if (isEscaped(text, at)) continue;
      if (char === ')') depth++;
      else if (char === '(') {
        if (depth === 0) break;
        depth--;
      }
    }
    start = at + 1;
  }
  if (!matches(text.slice(start, end), url)) return undefined;
  return { start, end };
}

/** Step back over an optional link title ending at `index`; returns the index just before it. */
function skipTitle(text: string, index: number): number {
  const close = text[index];
  if (close !== '"' && close !== "'" && close !== ')') return index;
  if (isEscaped(text, index)) return index;
  const open = close === ')' ? '(' : close;
  let at = index - 1;
  for (; at >= 0; at--) {
    if (text[at] === open && !isEscaped(text, at)) break;
    if (close === ')' && text[at] === ')' && !isEscaped(text, at)) return index;
  }
  if (at <= 0 || !isSpace(text[at - 1])) return index;
  let before = at - 1;
  while (before >= 0 && isSpace(text[before])) before--;
  return before;
}

/**
 * The destination span of a definition `[label]: dest "title"` whose source is `text`; relative to `text`.
 */
export function findDefinitionDestination(text: string, url: string): { start: number; end: number } | undefined {
  let index = 1;
  while (index < text.length && !(text[index] === ']' && !isEscaped(text, index))) index++;
  if (text[index + 1] !== ':') return undefined;
  index += 2;
  for (;;) {
    while (index < text.length && isSpace(text[index])) index++;
    // A destination on the next line inside a block quote: skip the quote markers.
    if (text[index] === '>' && /\n[ \t>]*$/.test(text.slice(0, index))) {
      index++;
      continue;
    }
    break;
  }
  let start = index;
  let end: number;
  if (text[index] === '<') {
    start = index + 1;
    end = start;
    while (end < text.length && !(text[end] === '>' && !isEscaped(text, end))) end++;
  } else {
    end = index;
    while (end < text.length && !isSpace(text[end])) end++;
  }
  if (!matches(text.slice(start, end), url)) return undefined;
  return { start, end };
}

/** Last resort: the last place the URL (or its escaped form) is written literally. */
export function findLiteral(text: string, url: string): { start: number; end: number } | undefined {
  const at = text.lastIndexOf(url);
  if (at !== -1 && url !== '') return { start: at, end: at + url.length };
  return undefined;
}
