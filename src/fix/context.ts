import { unescapeCellPipes } from '../extract/table-cell.js';
import type { Link } from '../model.js';
import { decodeEntities } from './entities.js';

/** How the URL characters of a link are written, which decides how they are read and how a new URL is escaped. */
export type UrlContext =
  | 'destination' // [t](url "title"), [label]: url
  | 'angle-destination' // [t](<url>), [label]: <url>   (span = inside the brackets)
  | 'autolink' // <https://…>                          (span = inside the brackets)
  | 'bare' // GFM literal https://… or www.…
  | 'html-double' // <a href="url">
  | 'html-single' // <a href='url'>
  | 'html-unquoted'; // <a href=url>

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Where the link's URL characters sit, from its syntax and the characters around its span. */
export function contextOf(source: string, link: Link): UrlContext | undefined {
  const { start, end } = link.offset;
  const before = source[start - 1];
  const after = source[end];
  switch (link.syntax) {
    case 'link':
    case 'image':
    case 'reference':
    case 'reference-image':
    case 'definition':
      return before === '<' && after === '>' ? 'angle-destination' : 'destination';
    case 'autolink':
      return before === '<' && after === '>' ? 'autolink' : undefined;
    case 'bare':
      return 'bare';
    case 'html':
      return htmlContext(source, start);
    case 'template':
      return undefined;
    default: {
      const unreachable: never = link.syntax;
      return unreachable;
    }
  }
}

/** Walk back from the value to its `=`: the nearest quote (or none) says how the attribute is quoted. */
function htmlContext(source: string, start: number): UrlContext | undefined {
  for (let at = start - 1; at >= 0 && start - at < 100_000; at--) {
    const char = source[at];
    if (char === '"') return 'html-double';
    if (char === "'") return 'html-single';
    if (char === '=') return 'html-unquoted';
    if (char === '<' || char === '>') return undefined;
  }
  return undefined;
}

/**
 * The URL the extract stage read from `raw` in this context; undefined when we cannot be sure. In a table cell
 * each `\|` is a `|` first (a destination's backslash escapes read it so anyway).
 */
export function readUrl(context: UrlContext, raw: string, inTableCell = false): string | undefined {
  if (inTableCell && context !== 'destination' && context !== 'angle-destination') return readUrl(context, unescapeCellPipes(raw).text);
  switch (context) {
    case 'destination':
    case 'angle-destination': {
      const unescaped = raw.replace(/\\(.)/gs, (all, char: string) => (ASCII_PUNCTUATION.test(char) ? `\u0000${char.charCodeAt(0)}\u0000` : all));
      const decoded = decodeEntities(unescaped);
      return decoded?.replace(/\u0000(\d+)\u0000/g, (_all, code: string) => String.fromCharCode(Number(code)));
    }
    case 'autolink':
    case 'bare':
      return raw;
    case 'html-double':
    case 'html-single':
    case 'html-unquoted':
      return decodeEntities(raw);
    default: {
      const unreachable: never = context;
      return unreachable;
    }
  }
}

/** True when `raw` read in `context` is the link as extracted (bare `www.` and e-mail forms included). */
export function spanMatches(context: UrlContext, raw: string, link: Link): boolean {
  const read = readUrl(context, raw, link.inTableCell === true);
  if (read === undefined) return false;
  if (read === link.url) return true;
  if (context === 'bare' || context === 'autolink') return `http://${read}` === link.url || `mailto:${read}` === link.url;
  return false;
}

function percent(char: string): string {
  return Array.from(Buffer.from(char, 'utf8'), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

function balancedParentheses(url: string): boolean {
  let depth = 0;
  for (const char of url) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * `url` written for `context`, so that Markdown (or HTML) reads it back as exactly `url`; undefined when it
 * cannot be written there safely (the fix is then skipped). `srcset` candidates cannot hold spaces or end in `,`.
 * In a GFM table cell every `|` is written `\|`, or it would end the cell (GFM spec 0.29, example 200): cmark-gfm
 * takes the backslash out before reading the cell, micromark reads it as an escape or leaves it to the extract
 * stage's cell reading (see `src/extract/table-cell.ts`).
 */
export function writeUrl(context: UrlContext, url: string, options: { srcset?: boolean; inTableCell?: boolean } = {}): string | undefined {
  const written = writeUrlOutsideTables(context, url, options);
  return options.inTableCell === true ? written?.replace(/\|/g, '\\|') : written;
}

function writeUrlOutsideTables(context: UrlContext, url: string, options: { srcset?: boolean }): string | undefined {
  if (url === '' || (/[\u0000-\u001f\u007f]/.test(url) && context !== 'destination' && context !== 'angle-destination')) {
    return undefined;
  }
  switch (context) {
    case 'destination': {
      const escapeParentheses = !balancedParentheses(url);
      let out = url
        .replace(/[\u0000-\u0020\u007f]/g, percent)
        .replace(/\\/g, '\\\\')
        .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
      if (escapeParentheses) out = out.replace(/[()]/g, '\\$&');
      return out.startsWith('<') ? `\\${out}` : out;
    }
    case 'angle-destination':
      return url
        .replace(/[\u0000-\u001f\u007f]/g, percent)
        .replace(/[\\<>]/g, '\\$&')
        .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
    case 'autolink':
      if (!/^[A-Za-z][A-Za-z0-9+.-]{1,31}:/.test(url)) return undefined;
      return url.replace(/[ <>]/g, percent);
    case 'bare':
      if (isSafeBare(url)) return url;
      return /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*$/.test(url) ? `<${url}>` : undefined;
    case 'html-double':
    case 'html-single':
    case 'html-unquoted': {
      if (options.srcset === true && (/\s/.test(url) || url.endsWith(','))) return undefined;
      const amp = url.replace(/&/g, '&amp;');
      if (context === 'html-double') return amp.replace(/"/g, '&quot;');
      if (context === 'html-single') return amp.replace(/'/g, '&#39;');
      // an unquoted value cannot hold these: quote it (the quotes become part of the replaced span)
      return /[\s"'=<>`]/.test(amp) ? `"${amp.replace(/"/g, '&quot;')}"` : amp;
    }
    default: {
      const unreachable: never = context;
      return unreachable;
    }
  }
}

/**
 * A URL that GFM's literal auto-linking reads back whole: http(s) scheme, a plain host name with a dot and no
 * underscore, no space or `<`, balanced parentheses, not ending in punctuation that GFM trims, no trailing
 * entity-like `&x;`.
 */
function isSafeBare(url: string): boolean {
  const match = /^https?:\/\/([A-Za-z0-9.-]+)(?:[/?#][^\s<>]*)?$/.exec(url);
  if (match === null) return false;
  const host = match[1] ?? '';
  if (!host.includes('.') || host.startsWith('.') || host.endsWith('.')) return false;
  if (/[?!.,:*_~'"]$/.test(url) || /&[A-Za-z0-9]+;$/.test(url)) return false;
  return balancedParentheses(url);
}
