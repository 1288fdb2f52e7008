import { QuoteType, Tokenizer } from 'htmlparser2';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const SPACE_CHAR = /\s/;
const ONE_SPACE = /^\s$/;

/** Which attributes of which elements hold a URL (the `cite` and `action` ones included). */
export const HTML_URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  embed: ['src'],
  script: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  input: ['src'],
  object: ['data'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite'],
  ins: ['cite'],
  form: ['action'],
};

/** One URL found in a chunk of raw HTML; indices are relative to the chunk. */
export interface HtmlUrl {
  tag: string;
  attr: string;
  /** Decoded value (entities resolved). */
  url: string;
  /** Span of the raw value characters in the chunk. */
  start: number;
  end: number;
  /** Index of the attribute name in the chunk. */
  attrStart: number;
}

interface Piece {
  /** Raw span in the chunk. */
  start: number;
  end: number;
  /** Decoded text. */
  text: string;
}

/**
 * The URLs in the attributes of a chunk of raw HTML, read with htmlparser2's tokenizer (comments, script
 * and style content are skipped by it). Entities are decoded in `url`; `start`/`end` point at the raw text.
 */
export function findHtmlUrls(chunk: string): HtmlUrl[] {
  const found: HtmlUrl[] = [];
  let tag = '';
  let wanted: readonly string[] | undefined;
  let attr = '';
  let attrStart = 0;
  let attrNameEnd = 0;
  let pieces: Array<Piece | number> = [];

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = chunk.slice(start, end).toLowerCase();
        wanted = HTML_URL_ATTRIBUTES[tag];
      },
      onattribname(start, end) {
        attr = chunk.slice(start, end).toLowerCase();
        attrStart = start;
        attrNameEnd = end;
        pieces = [];
      },
      onattribdata(start, end) {
        pieces.push({ start, end, text: chunk.slice(start, end) });
      },
      onattribentity(codepoint) {
        pieces.push(codepoint);
      },
      onattribend(quote, endIndex) {
        if (!wanted?.includes(attr) || quote === QuoteType.NoValue) return;
        // A quoted value's end index is past its closing quote.
        const end = quote === QuoteType.Unquoted ? endIndex : endIndex - 1;
        const valueStart = findValueStart(chunk, attrNameEnd, end);
        const resolved = placeEntities(chunk, pieces, valueStart, end);
        if (attr === 'srcset') found.push(...splitSrcset(resolved, valueStart, end).map((part) => ({ tag, attr, attrStart, ...part })));
        else found.push({ tag, attr, attrStart, url: resolved.map((piece) => piece.text).join(''), start: valueStart, end });
      },
      oncdata() {},
      onclosetag() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onopentagend() {},
      onprocessinginstruction() {},
      onselfclosingtag() {},
      ontext() {},
      ontextentity() {},
    },
  );
  tokenizer.write(chunk);
  tokenizer.end();
  return found;
}

/** The first raw character of an attribute value: after the name, `=`, white space and an opening quote. */
function findValueStart(chunk: string, nameEnd: number, valueEnd: number): number {
  let index = nameEnd;
  while (index < valueEnd && chunk[index] !== '=') index++;
  index++;
  while (index < valueEnd && SPACE_CHAR.test(chunk[index] ?? '')) index++;
  if (chunk[index] === '"' || chunk[index] === "'") index++;
  return Math.min(index, valueEnd);
}

/** Give each decoded entity the raw span between its neighbouring data pieces. */
function placeEntities(chunk: string, pieces: Array<Piece | number>, valueStart: number, valueEnd: number): Piece[] {
  const placed: Piece[] = [];
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index];
    if (piece === undefined) continue;
    if (typeof piece !== 'number') {
      placed.push(piece);
      continue;
    }
    const start = placed.at(-1)?.end ?? valueStart;
    const next = pieces.slice(index + 1).find((candidate): candidate is Piece => typeof candidate !== 'number');
    let end = next?.start ?? valueEnd;
    if (typeof pieces[index + 1] === 'number') {
      // Several entities in a row share one gap: this one ends at its ';' or where the next '&' starts.
      const gap = chunk.slice(start, end);
      const semicolon = gap.indexOf(';');
      const ampersand = gap.indexOf('&', 1);
      const cut = [semicolon === -1 ? -1 : semicolon + 1, ampersand].filter((value) => value > 0);
      if (cut.length > 0) end = start + Math.min(...cut);
    }
    placed.push({ start, end, text: String.fromCodePoint(piece) });
  }
  return placed;
}

/**
 * Split a `srcset` into its candidates' URLs (HTML's rules: candidates separated by commas, a URL is a run
 * of non-space characters, trailing commas belong to the separator, descriptors follow white space).
 */
function splitSrcset(pieces: Piece[], valueStart: number, valueEnd: number): Array<{ url: string; start: number; end: number }> {
  const chars: Array<{ text: string; start: number; end: number }> = [];
  for (const piece of pieces) {
    if (piece.end - piece.start === piece.text.length) {
      for (let offset = 0; offset < piece.text.length; offset++) chars.push({ text: piece.text[offset] ?? '', start: piece.start + offset, end: piece.start + offset + 1 });
    } else {
      chars.push({ text: piece.text, start: piece.start, end: piece.end });
    }
  }
  const out: Array<{ url: string; start: number; end: number }> = [];
  let index = 0;
  const isSpace = (text: string | undefined): boolean => text !== undefined && ONE_SPACE.test(text);
  while (index < chars.length) {
    while (index < chars.length && (isSpace(chars[index]?.text) || chars[index]?.text === ',')) index++;
    if (index >= chars.length) break;
    const first = index;
    while (index < chars.length && !isSpace(chars[index]?.text)) index++;
    let last = index;
    let endsWithComma = false;
    while (last > first && chars[last - 1]?.text === ',') {
      last--;
      endsWithComma = true;
    }
    if (last > first) {
      out.push({
        url: chars.slice(first, last).map((char) => char.text).join(''),
        start: chars[first]?.start ?? valueStart,
        end: chars[last - 1]?.end ?? valueEnd,
      });
    }
    if (endsWithComma) continue;
    // Skip the descriptors up to the next comma outside parentheses.
    let depth = 0;
    while (index < chars.length) {
      const text = chars[index]?.text;
      if (text === '(') depth++;
      else if (text === ')') depth = Math.max(0, depth - 1);
      else if (text === ',' && depth === 0) break;
      index++;
    }
  }
  return out;
}
