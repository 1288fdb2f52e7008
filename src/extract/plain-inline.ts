// Hoisted: a regular-expression literal in a function is a new object on every call.
const WWW = /^www/i;

/**
 * Plain inline content (plain-blocks.ts): text plus `[T](U)` and `[T][L]` links and `![T](U)` images, nothing
 * micromark could read as anything else:
 * - outside links, none of `[ ] \ & < \` * _ ~ | @`, NUL, a Liquid placeholder, `![`, `www` (any case) or
 *   `://` occurs: no escapes, character references, code, emphasis, strike-through, HTML, autolinks,
 *   images, footnote calls or GFM bare URLs can start;
 * - each `[` opens `[T](U)` or `[T][L]`, each `![` opens `![T](U)`, not followed by `(` or `[`: T holds none
 *   of the characters above nor `^` (so an image's alt is T as written); U is one or more of `A-Z a-z 0-9 - . _ ~ : / ? # % + = , ; $` (so it is a plain destination
 *   that decodes to itself); L is `[A-Za-z0-9][A-Za-z0-9._-]*` (the caller checks that it is defined).
 */

export interface PlainLink {
  /** `[` (`!` of an image) and just after the closing `)` or `]`. */
  start: number;
  end: number;
  /** The label text T. */
  textStart: number;
  textEnd: number;
  /** U for an inline link; undefined for a full reference. */
  url?: string;
  /** L for a full reference. */
  label?: string;
  /** An image `![T](U)`. */
  image?: true;
}

/** A link reference label or definition label this code reads: ASCII, no white space, no escapes. */
export const PLAIN_LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isLineEnding(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

export function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Characters that may start an inline construct other than the two link forms. */
export function isSpecial(code: number): boolean {
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
  if (code === 0x77 || code === 0x57) return WWW.test(text.slice(index, index + 3));
  if (code === 0x3a) return text.startsWith('//', index + 1);
  if (code === 0x21) return text.charCodeAt(index + 1) === 0x5b;
  return false;
}

/** A character of a plain destination: one that needs no escape and decodes to itself. */
export function isUrlCharacter(code: number): boolean {
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

/**
 * The links of the plain inline content `[from, to)`, in order, or undefined when it is not plain. Line
 * endings and indentation inside the range are the caller's business (they are neither special nor links).
 */
export function readPlainInline(text: string, from: number, to: number): PlainLink[] | undefined {
  const links: PlainLink[] = [];
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    const image = code === 0x21 && text.charCodeAt(index + 1) === 0x5b;
    if (code === 0x5b || image) {
      const link = readLink(text, index, to, image);
      if (!link) return undefined;
      links.push(link);
      index = link.end - 1;
      continue;
    }
    if (isSpecial(code) || startsSequence(text, index, code)) return undefined;
  }
  return links;
}

/** `[T](U)` or `[T][L]` at `open`, or `![T](U)` when `image`, or undefined. */
function readLink(text: string, open: number, limit: number, image: boolean): PlainLink | undefined {
  const bracket = image ? open + 1 : open;
  let index = bracket + 1;
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
  } else if (kind === 0x5b && !image) {
    while (close < limit && text.charCodeAt(close) !== 0x5d) close++;
    if (close >= limit || !PLAIN_LABEL.test(text.slice(textEnd + 2, close))) return undefined;
  } else {
    return undefined;
  }
  const after = text.charCodeAt(close + 1);
  if (after === 0x28 || after === 0x5b) return undefined;
  const value = text.slice(textEnd + 2, close);
  return {
    start: open,
    end: close + 1,
    textStart: bracket + 1,
    textEnd,
    ...(kind === 0x28 ? { url: value } : { label: value }),
    ...(image ? { image: true as const } : {}),
  };
}
