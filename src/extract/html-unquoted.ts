import type { Nodes } from 'mdast';

/**
 * micromark 4 (micromark-core-commonmark 2.0.4, html-text.js and html-flow.js) ends an unquoted attribute value
 * at `/`, so `<a href=https://example.com/x>` is no HTML tag for it: the paragraph reads as text and a GFM bare
 * URL `https://example.com/x>text`. CommonMark (and cmark-gfm) end an unquoted value only at white space or one
 * of `"'=<>` and the backtick, as HTML does (`<a href=x/>` has the value `x/`).
 *
 * Before parsing, each `/` inside an unquoted attribute value of a tag CommonMark would read is replaced by this
 * private-use character (a letter for micromark, so the value goes on); positions do not move. After parsing,
 * node values get their `/` back. A text that already holds the character is parsed as it is.
 */
const SLASH_PLACEHOLDER = '\uE001';

// An open tag as CommonMark defines it (spec 0.31, 6.6 Raw HTML): name, attributes, optional `/`, `>`; white
// space is spaces, tabs and at most one line ending (written so that it matches one way only: no backtracking
// blow-up on long runs of spaces).
const SPACE = String.raw`(?:[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?)`;
const UNQUOTED = String.raw`[^ \t\n\r"'=<>\x60]+`;
const ATTRIBUTE = String.raw`(?:(?=[ \t\r\n])${SPACE}[A-Za-z_:][A-Za-z0-9_.:-]*(?:${SPACE}=${SPACE}(?:${UNQUOTED}|'[^']*'|"[^"]*"))?)`;
const OPEN_TAG = new RegExp(String.raw`^<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*${SPACE}/?>`);
/** Longest tag looked at: a longer one keeps micromark's reading (it bounds the work per `<`). */
const MAX_TAG_CHARS = 4096;
const UNQUOTED_VALUE = new RegExp(String.raw`(=${SPACE})(${UNQUOTED})`, 'g');

/** The text with the slashes of unquoted attribute values masked; `masked` is false when nothing changed. */
export function maskUnquotedSlashes(text: string): { text: string; masked: boolean } {
  if (!text.includes('=') || text.includes(SLASH_PLACEHOLDER)) return { text, masked: false };
  let out = '';
  let last = 0;
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    if (escaped(text, at)) continue;
    const tag = OPEN_TAG.exec(text.slice(at, at + MAX_TAG_CHARS))?.[0];
    if (!tag?.includes('/')) continue;
    // Quoted values are skipped whole, so an `=` inside them starts no unquoted value.
    const masked = tag.replace(/'[^']*'|"[^"]*"|=[^'"]+/g, (part) =>
      part.startsWith('=') ? part.replace(UNQUOTED_VALUE, (_all, before: string, value: string) => before + value.replaceAll('/', SLASH_PLACEHOLDER)) : part,
    );
    if (masked === tag) continue;
    out += text.slice(last, at) + masked;
    last = at + tag.length;
    at = last - 1;
  }
  return last === 0 ? { text, masked: false } : { text: out + text.slice(last), masked: true };
}

/** Put the slashes back into every node value (HTML, code and text nodes) and URL of a tree parsed masked. */
export function unmaskSlashes(node: Nodes): void {
  if ('value' in node && node.value.includes(SLASH_PLACEHOLDER)) node.value = node.value.replaceAll(SLASH_PLACEHOLDER, '/');
  if ('url' in node && node.url.includes(SLASH_PLACEHOLDER)) node.url = node.url.replaceAll(SLASH_PLACEHOLDER, '/');
  if ('alt' in node && node.alt?.includes(SLASH_PLACEHOLDER)) node.alt = node.alt.replaceAll(SLASH_PLACEHOLDER, '/');
  if ('children' in node) for (const child of node.children as Nodes[]) unmaskSlashes(child);
}

/** Whether the character at `at` is backslash-escaped (an odd run of backslashes before it). */
function escaped(text: string, at: number): boolean {
  let count = 0;
  for (let index = at - 1; index >= 0 && text[index] === '\\'; index--) count++;
  return count % 2 === 1;
}
