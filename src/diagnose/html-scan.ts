import { Parser } from 'htmlparser2';
import type { BodySample } from '../model.js';
import { ARTICLE_TEXT_CHARS } from './rules/soft-404-signs.js';
import { RunSkippingTokenizer } from './run-skipping-tokenizer.js';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const WHITE_SPACE = /\s+/g;
/** Two white-space characters in a row, or one other than a plain space: `\s+` would change something. */
const NEEDS_COLLAPSE = /\s\s|[^\S ]/;
const HTML_TYPE = /\b(?:text\/html|application\/xhtml\+xml)\b/i;
const HTML_START = /^\s*(?:<!doctype html|<html|<head|<body)/i;

/** What the content checks need to know about an HTML sample. */
export interface HtmlFacts {
  title: string;
  /** Text of the first `<h1>` (or of the first heading when there is no `<h1>`). */
  heading: string;
  /** Every `id` attribute value, and every `name` of an `<a>` (fragment targets); of the part read. */
  anchors: Set<string>;
  /**
   * Visible text (scripts, styles and templates left out), white space collapsed, capped at 20,000 characters
   * (`TEXT_CAP`); for a body cut short once its facts settled, the text of the part read.
   */
  text: string;
  /**
   * Length of the visible text before the cap. For a body scanned as it arrived and cut short once its facts
   * settled (see `HtmlScanner`), the length of the part read: at least the text its reader asked for
   * (`VERDICT_TEXT`, or `TEXT_CAP` when the whole capped text is wanted).
   */
  textLength: number;
  /**
   * Length of the visible text outside the page's chrome (`nav`, `aside`, `footer`, and a `header` that is not
   * inside an `article` or `main`): how much the page itself has to say. Of the part read, for a body cut short.
   */
  mainTextLength: number;
  /**
   * The first characters of that text, `h1` headings left out (the heading is read on its own), white space
   * collapsed: where a page says what it is.
   */
  opening: string;
}

const HIDDEN_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg']);
export const TEXT_CAP = 20_000;
/** Elements that hold a site's chrome rather than the page's own content. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer']);
/** Elements that hold the page's own content: a `header` inside one is the content's header, not the site's. */
const CONTENT_TAGS = new Set(['article', 'main']);
const OPENING_CAP = 600;
/**
 * Elements a browser lays out as blocks (or line breaks): text on either side of one reads as separate words.
 * Without them `<li>Home</li><li>About</li>` read as "HomeAbout", one word that matched no phrase and no sibling.
 */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * The last few scans: one page is read by the follow-up planning and by every occurrence's diagnosis, and
 * parsing it once is enough (scanning was a tenth of a run's CPU time). Facts are never mutated by readers.
 */
const recentScans = new Map<string, HtmlFacts>();
const RECENT_SCANS = 32;

/**
 * `read` remembered per scanned page. The follow-up planning and every occurrence's diagnosis ask the same
 * questions of one page, and `scanHtml` hands out one facts object per page, so each is answered once.
 * `page` must be the body the facts were scanned from; its text is decoded only if `read` reads it.
 */
export function perPage<T>(read: (facts: HtmlFacts, page: BodySample) => T): (facts: HtmlFacts, page: BodySample) => T {
  const answers = new WeakMap<HtmlFacts, { value: T }>();
  return (facts, page) => {
    let known = answers.get(facts);
    if (known === undefined) {
      known = { value: read(facts, page) };
      answers.set(facts, known);
    }
    return known.value;
  };
}

/** A lone surrogate: text no decoder gives, which UTF-8 cannot hold. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Parse an HTML sample (possibly truncated) into the facts the content checks use. Never throws. */
export function scanHtml(html: string): HtmlFacts {
  const known = recentScans.get(html);
  if (known !== undefined) return known;
  let facts: HtmlFacts;
  // The scanner reads UTF-8; a string no page decodes to (a lone surrogate) is read by the parser alone.
  if (LONE_SURROGATE.test(html)) {
    facts = scanEveryCharacter(html);
  } else {
    const scanner = new HtmlScanner(undefined);
    scanner.write(Buffer.from(html));
    facts = scanner.end();
  }
  remember(html, facts);
  return facts;
}

function remember(html: string, facts: HtmlFacts): void {
  if (recentScans.size >= RECENT_SCANS) recentScans.delete(recentScans.keys().next().value!);
  recentScans.set(html, facts);
}

/** Reads a page as it arrives (the shape of the fetcher's body watcher, `BodyWatcher`): see `HtmlScanner`. */
export interface PageWatcher {
  /** The next piece of the page, as UTF-8; true once nothing more is needed. */
  write(bytes: Buffer): boolean;
  finish(make: (text: () => string) => BodySample): BodySample;
}

/**
 * A watcher that scans a page as it arrives and hands its facts over with the sample (`scanBody` finds them).
 * With `settleAt` (characters of visible text), reading stops once the facts are settled; the sample is then the
 * part read. The sample's text is decoded from the bytes kept only when someone reads it: the verdicts on a page
 * whose facts settled never do, and the contents of its scripts and styles are then never decoded at all.
 */
export function pageWatcher(settleAt: number | undefined): PageWatcher {
  const scanner = new HtmlScanner(settleAt);
  const pieces: Buffer[] = [];
  return {
    write(bytes) {
      pieces.push(bytes);
      return scanner.write(bytes);
    },
    finish(make) {
      const facts = scanner.end();
      const read = scanner.bytesRead;
      const sample = make(() => (pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces)).toString('utf8', 0, read));
      scannedBodies.set(sample, facts);
      return sample;
    },
  };
}

/** Facts handed over by the reader that scanned a body as it arrived (see `HtmlScanner`), per body. */
const scannedBodies = new WeakMap<BodySample, HtmlFacts>();

/** The facts of a body: those its reader scanned as it arrived, else a scan of its text. */
export function scanBody(body: BodySample): HtmlFacts {
  return scannedBodies.get(body) ?? scanHtml(body.text);
}

/**
 * Visible text past which no verdict reads a page: above every length a check compares `textLength` with (tiny
 * 200, challenge 2,000, parked 5,000 — a page with more is no parked page) and the article length of the
 * soft-404 ladder (1,500). A reader that wants the page's text itself (content drift's fingerprint) asks for
 * `TEXT_CAP`. On the 90 KB pages of the benchmark, reading to 20,000 characters tokenized 25 KB of markup per page.
 */
export const VERDICT_TEXT = 5_001;

/** Bytes of markup handed to the parser at once between two looks at whether the facts are settled. */
const PIECE_BYTES = 8 * 1024;

const LT = 0x3c;
/** Where a `<script` or `<style` tag may start: `<s` or `<S` (the rest is compared byte by byte). */
const LOWER_S = Buffer.from('<s');
const UPPER_S = Buffer.from('<S');
const CLOSE_LOWER_S = Buffer.from('</s');
const CLOSE_UPPER_S = Buffer.from('</S');
/** Longest markup a raw-text start can span (`<script` and the character after it). */
const RAW_START_BYTES = 8;
const EMPTY = Buffer.alloc(0);

/**
 * The next place of a two-byte needle in a page read piece by piece, remembered between searches: a needle that
 * is rare (`<S`) would otherwise be looked for through the rest of every piece at every step. Positions are
 * offsets in the page.
 */
class NeedleCursor {
  readonly #needle: Buffer;
  /** The last place found (-1: none). */
  #at = -1;
  /** The page has no needle before this offset (from where the last search started). */
  #clearUntil = 0;

  constructor(needle: Buffer) {
    this.#needle = needle;
  }

  /** The first place at or after `from` in `bytes` (which start at `base` in the page), or -1. */
  next(bytes: Buffer, base: number, from: number): number {
    if (this.#at >= from) return this.#at;
    // A needle may straddle the end of what was searched before.
    const start = Math.max(from, this.#clearUntil - 1);
    const hit = bytes.indexOf(this.#needle, start - base);
    this.#at = hit < 0 ? -1 : base + hit;
    this.#clearUntil = hit < 0 ? base + bytes.length : this.#at;
    return this.#at;
  }
}

/**
 * Scans HTML as it arrives, piece by piece of its UTF-8 bytes, into `HtmlFacts` — what htmlparser2 gives reading
 * every character of the same text.
 *
 * The contents of `<script>` and `<style>` are skipped without decoding or tokenizing them: where one may start is
 * found by a search of the bytes, the parser reads the opening tag, and when it has opened that very element there
 * (not in a comment, an attribute value or a `<title>`: the parser is the judge), its closing tag is found by a
 * search of the bytes too (a partial `</script` at the end of a piece is carried to the next) and the content
 * between is never handed over. The content is hidden text, which no fact reads. In UTF-8 a byte below 0x80 is
 * always that ASCII character, so a search of the bytes finds what a search of the text would, and the text is
 * cut for the parser only next to an ASCII character (before a `<`, after a `>`), where decoding in parts gives
 * what decoding whole gives. Only the part not yet read past is held, never the whole page.
 *
 * With `settleAt`, `write` answers true once the page has shown everything its reader wants of it: its title, its
 * `h1`, its whole opening and `settleAt` characters of visible text (`VERDICT_TEXT` for the verdicts; `TEXT_CAP`
 * when `text` must be whole, as content drift's fingerprint needs), with an article's worth of its own. The rest of the page can then change no verdict: `textLength` and `mainTextLength` stay
 * lower bounds past every threshold, and only `anchors` (read for a `#fragment`, whose request never settles)
 * would grow. The facts and the bytes read (`bytesRead`) are then those of the part read.
 */
export class HtmlScanner {
  /** Visible text after which the facts may settle (undefined: read to the end). */
  readonly #settleAt: number | undefined;
  /** The bytes not yet read past: from the first byte neither handed to the parser nor skipped. */
  #bytes: Buffer = EMPTY;
  /** Where `#bytes` starts in the page. */
  #base = 0;
  /** Bytes given so far. */
  #given = 0;
  /** In `#bytes`: start of the markup not yet handed to the parser. */
  #unwritten = 0;
  /** Characters handed to the parser so far (its positions). */
  #written = 0;
  /** In `#bytes`: where the search for the next script or style, or for the closing tag, resumes. */
  #searchFrom = 0;
  /** The name of the script or style element whose content is being skipped. */
  #raw: string | undefined;
  #settled = false;
  readonly #lower = new NeedleCursor(LOWER_S);
  readonly #upper = new NeedleCursor(UPPER_S);
  readonly #state = new ScanState();
  readonly #parser: Parser;

  constructor(settleAt: number | undefined) {
    this.#settleAt = settleAt;
    this.#parser = this.#state.parser(true);
  }

  /** Bytes of the page read: up to where the facts settled, once they have, else all given. */
  get bytesRead(): number {
    return this.#settled ? this.#base + this.#unwritten : this.#given;
  }

  /** The next piece of the page (UTF-8); true once the facts are settled (then later pieces are ignored). */
  write(bytes: Buffer): boolean {
    if (this.#settled) return true;
    this.#given += bytes.length;
    this.#bytes = this.#bytes.length === 0 ? bytes : Buffer.concat([this.#bytes, bytes]);
    this.#advance(false);
    this.#release();
    return this.#settled;
  }

  /** The facts of what was read. */
  end(): HtmlFacts {
    if (!this.#settled) {
      this.#advance(true);
      if (!this.#settled) this.#parser.end();
    }
    this.#bytes = EMPTY;
    return this.#state.facts();
  }

  /** Let go of the bytes read past: those handed to the parser, and skipped content. */
  #release(): void {
    const from = this.#raw !== undefined ? this.#searchFrom : Math.min(this.#unwritten, this.#searchFrom);
    if (from <= 0) return;
    this.#bytes = from >= this.#bytes.length ? EMPTY : this.#bytes.subarray(from);
    this.#base += from;
    this.#unwritten = Math.max(0, this.#unwritten - from);
    this.#searchFrom -= from;
  }

  /** Hand the markup up to `to` to the parser; settles when the facts are. */
  #handOver(to: number): void {
    if (to <= this.#unwritten) return;
    const text = this.#bytes.toString('utf8', this.#unwritten, to);
    this.#parser.write(text);
    this.#written += text.length;
    this.#unwritten = to;
    if (this.#settleAt !== undefined && this.#state.settled(this.#settleAt)) this.#settled = true;
  }

  /**
   * Hand over the markup before `to` in pieces, each ending before a `<` (where the parser ends a text anyway, so
   * the pieces give the same events as the whole), looking at the facts after each.
   */
  #handOverBefore(to: number): void {
    while (!this.#settled && to - this.#unwritten > PIECE_BYTES) {
      const lt = this.#bytes.indexOf(LT, this.#unwritten + PIECE_BYTES);
      if (lt < 0 || lt >= to) break;
      this.#handOver(lt);
    }
    if (!this.#settled) this.#handOver(to);
  }

  /**
   * Where the next `<script` or `<style` tag may start (followed by white space, `/` or `>`), in `#bytes`; -1 when
   * there is none, or when the bytes end before one is certain (it is then found again once more arrive).
   */
  #rawStart(): number {
    const bytes = this.#bytes;
    const base = this.#base;
    let from = base + this.#searchFrom;
    for (;;) {
      const lower = this.#lower.next(bytes, base, from);
      const upper = this.#upper.next(bytes, base, from);
      const at = lower < 0 ? upper : upper < 0 ? lower : Math.min(lower, upper);
      if (at < 0) return -1;
      const match = rawStartAt(bytes, at - base);
      if (match === true) return at - base;
      if (match === undefined) return -1;
      from = at + 1;
    }
  }

  /** Read on as far as what arrived allows; at the end of the page (`last`), everything. */
  #advance(last: boolean): void {
    const bytes = this.#bytes;
    while (!this.#settled) {
      const raw = this.#raw;
      if (raw !== undefined) {
        const close = closingTag(bytes, this.#searchFrom, raw);
        if (close < 0) {
          // Not closed (yet): at the end of the page the rest is that element's hidden text.
          if (last) this.#unwritten = bytes.length;
          else this.#searchFrom = Math.max(this.#searchFrom, bytes.length - raw.length - 2);
          return;
        }
        this.#raw = undefined;
        this.#unwritten = close;
        this.#searchFrom = close;
      }
      const candidate = this.#rawStart();
      if (candidate < 0) {
        if (last) {
          this.#handOverBefore(bytes.length);
        } else {
          // The text after the last `<` may go on in the next piece.
          const lt = bytes.lastIndexOf(LT);
          if (lt > this.#unwritten) this.#handOverBefore(lt);
          this.#searchFrom = Math.max(this.#searchFrom, bytes.length - RAW_START_BYTES);
        }
        return;
      }
      this.#handOverBefore(candidate);
      if (this.#settled) return;
      const tag = openTagEnd(bytes, candidate);
      if (tag === undefined) {
        if (last) this.#handOverBefore(bytes.length);
        else this.#searchFrom = candidate;
        return;
      }
      this.#state.rawOpenedAt = -1;
      this.#handOver(tag.end);
      // Skipped only when the parser opened a script or style at this very tag and reads its content as raw text.
      if (this.#state.rawOpenedAt === this.#written - 1 && !tag.selfClosing) {
        this.#raw = (bytes[candidate + 2]! | 0x20) === 0x63 ? 'script' : 'style';
        this.#searchFrom = tag.end;
      } else {
        this.#searchFrom = candidate + 1;
      }
    }
  }
}

/**
 * Does a `<script` or `<style` tag start at `at` (`<s` there), any case, followed by white space, `/` or `>`?
 * Undefined when the bytes end before that is known.
 */
function rawStartAt(bytes: Buffer, at: number): boolean | undefined {
  const name = (bytes[at + 2] ?? -1) | 0x20;
  if (at + 2 >= bytes.length) return undefined;
  const rest = name === 0x63 ? 'cript' : name === 0x74 ? 'tyle' : undefined;
  if (rest === undefined) return false;
  for (let index = 0; index < rest.length; index += 1) {
    const byte = bytes[at + 2 + index];
    if (byte === undefined) return undefined;
    if ((byte | 0x20) !== rest.charCodeAt(index)) return false;
  }
  const after = bytes[at + 2 + rest.length];
  if (after === undefined) return undefined;
  return after === 0x2f || after === 0x3e || isMarkupSpace(after);
}

/** htmlparser2's white space in markup. */
function isMarkupSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0c || code === 0x0d;
}

/**
 * The end (after its `>`) of the opening tag at `lt`, read as htmlparser2's tokenizer reads one, and whether it
 * closes itself (`/` before the `>`). Undefined when the markup ends first. Every byte it looks for is ASCII.
 */
function openTagEnd(bytes: Buffer, lt: number): { end: number; selfClosing: boolean } | undefined {
  const length = bytes.length;
  let at = lt + 1;
  while (at < length) {
    const code = bytes[at]!;
    if (code === 0x2f || code === 0x3e || isMarkupSpace(code)) break;
    at += 1;
  }
  // Attributes: a name, then `=` and a value, quoted or not; `/` before `>` closes the tag itself.
  let slash = false;
  while (at < length) {
    const code = bytes[at]!;
    if (code === 0x3e) return { end: at + 1, selfClosing: slash };
    if (code === 0x2f) {
      slash = true;
      at += 1;
      continue;
    }
    if (isMarkupSpace(code)) {
      at += 1;
      continue;
    }
    // An attribute name: its first character is taken whatever it is (`<a ="x>` names an attribute `="x`).
    slash = false;
    at += 1;
    while (at < length) {
      const c = bytes[at]!;
      if (c === 0x3d || c === 0x2f || c === 0x3e || isMarkupSpace(c)) break;
      at += 1;
    }
    while (at < length && isMarkupSpace(bytes[at]!)) at += 1;
    if (at >= length) return undefined;
    if (bytes[at] !== 0x3d) continue;
    at += 1;
    while (at < length && isMarkupSpace(bytes[at]!)) at += 1;
    if (at >= length) return undefined;
    const quote = bytes[at]!;
    if (quote === 0x22 || quote === 0x27) {
      const close = bytes.indexOf(quote, at + 1);
      if (close < 0) return undefined;
      at = close + 1;
    } else {
      while (at < length) {
        const c = bytes[at]!;
        if (c === 0x3e || isMarkupSpace(c)) break;
        at += 1;
      }
    }
  }
  return undefined;
}

/**
 * Where the raw text of the element `name` (`script` or `style`) ends: the `<` of its closing tag (`</name`
 * followed by `>` or white space, any case), or -1 when the bytes read so far have none.
 */
function closingTag(bytes: Buffer, from: number, name: string): number {
  let at = from;
  for (;;) {
    // `</s` and `</S`, not `</`: a script's strings often hold markup (`</h2>`), and every stop is a call.
    let lt = bytes.indexOf(CLOSE_LOWER_S, at);
    const upper = lt < 0 ? bytes.indexOf(CLOSE_UPPER_S, at) : bytes.subarray(at, lt).indexOf(CLOSE_UPPER_S);
    if (upper >= 0) lt = lt < 0 ? upper : at + upper;
    if (lt < 0) return -1;
    const end = lt + 2 + name.length;
    // The bytes read so far end inside what may be the closing tag: wait for more.
    if (end >= bytes.length) return -1;
    let same = true;
    for (let index = 1; same && index < name.length; index += 1) same = (bytes[lt + 2 + index]! | 0x20) === name.charCodeAt(index);
    if (same) {
      const code = bytes[end]!;
      if (code === 0x3e || isMarkupSpace(code)) return lt;
    }
    at = lt + 2;
  }
}

/** What the parser's events build up into the facts. */
class ScanState {
  anchors = new Set<string>();
  title = '';
  heading = '';
  headingLevel = 7;
  text = '';
  textLength = 0;
  hiddenDepth = 0;
  chromeDepth = 0;
  contentDepth = 0;
  /** For each open `header`: whether it counted as chrome. */
  headers: boolean[] = [];
  mainTextLength = 0;
  opening = '';
  h1Depth = 0;
  inTitle = false;
  currentHeading: { level: number; text: string } | undefined;
  titleDone = false;
  /**
   * Since the last text, a block element opened or closed, or white space stood alone between two elements: a
   * reader sees a space (or a line break) there.
   */
  pendingSpace = false;
  /** The visible text so far ends with white space (known past the cap too, where `text` is no longer built). */
  endsInSpace = true;
  /** `text` has two spaces in a row somewhere (else it is collapsed but for its ends). */
  textCollapses = false;
  /** `text` ends with a space. */
  textEndsInSpace = false;
  /** `text` starts with a space. */
  textStartsInSpace = false;
  /** Where the parser last opened a script or style (its `>`); -1 once it is closed. */
  rawOpenedAt = -1;
  /**
   * The text of an open `textarea`, `xmp` or second `title`, read whole at its end: the parser reads it as one
   * text, but in pieces when the page arrives in pieces (a `<` inside it is where a piece may end).
   */
  escapable: string | undefined;
  #parser: Parser | undefined;
  /** The tag being opened closed itself (`<xmp />`): the tokenizer reads on as markup, not as raw text. */
  #selfClosing = false;

  /** Everything a check can read is known (see `HtmlScanner`). */
  settled(textChars: number): boolean {
    return (
      this.titleDone &&
      this.headingLevel === 1 &&
      this.opening.length >= OPENING_CAP &&
      this.text.length >= Math.min(textChars, TEXT_CAP) &&
      this.textLength >= textChars &&
      this.mainTextLength >= ARTICLE_TEXT_CHARS
    );
  }

  facts(): HtmlFacts {
    return {
      title: own(collapse(this.title)),
      heading: own(this.heading),
      anchors: this.anchors.size === 0 ? new Set() : new Set([...this.anchors].map(own)),
      text: this.textCollapses ? own(collapse(this.text).slice(0, TEXT_CAP)) : this.#trimmedText(),
      textLength: this.textLength,
      mainTextLength: this.mainTextLength,
      opening: own(collapse(this.opening).slice(0, OPENING_CAP)),
    };
  }

  /**
   * `text` trimmed and capped, copied once. Without two spaces in a row its only white space is single spaces
   * (its pieces are collapsed), so at most one at each end; `trim` would copy the text once more.
   */
  #trimmedText(): string {
    const text = this.text;
    const start = this.textStartsInSpace ? 1 : 0;
    const end = Math.min(text.length - (this.textEndsInSpace ? 1 : 0), start + TEXT_CAP);
    return end <= start ? '' : own(text).slice(start, end);
  }

  /**
   * The parser whose events build the facts. `skipRuns`: its tokenizer reads runs of plain text at once (see
   * `RunSkippingTokenizer`); the reference reads every character with htmlparser2's own.
   */
  parser(skipRuns: boolean): Parser {
    this.#parser = new Parser(
      {
        onopentag: (name, attributes) => this.onopentag(name, attributes),
        ontext: (data) => this.ontext(data),
        onclosetag: (name) => this.onclosetag(name),
      },
      {
        decodeEntities: true,
        lowerCaseTags: true,
        lowerCaseAttributeNames: true,
        ...(skipRuns ? { Tokenizer: RunSkippingTokenizer } : {}),
      },
    );
    // The parser tells its handler a self-closing tag only in foreign content: learn it from the tokenizer's call.
    const parser = this.#parser as unknown as { onselfclosingtag(endIndex: number): void };
    const selfClosing = parser.onselfclosingtag.bind(parser);
    parser.onselfclosingtag = (endIndex) => {
      this.#selfClosing = true;
      try {
        selfClosing(endIndex);
      } finally {
        this.#selfClosing = false;
      }
    };
    return this.#parser;
  }

  onopentag(name: string, attributes: Record<string, string>): void {
    if (name === 'script' || name === 'style') this.rawOpenedAt = this.#selfClosing ? -1 : this.#parser!.endIndex;
    else if (isEscapable(name, this.titleDone) && !this.#selfClosing) this.escapable = '';
    const id = attributes['id'];
    if (id !== undefined && id !== '') this.anchors.add(id);
    const anchorName = attributes['name'];
    if (name === 'a' && anchorName !== undefined && anchorName !== '') this.anchors.add(anchorName);
    if (HIDDEN_TAGS.has(name)) this.hiddenDepth += 1;
    if (CHROME_TAGS.has(name)) this.chromeDepth += 1;
    else if (CONTENT_TAGS.has(name)) this.contentDepth += 1;
    else if (name === 'header') {
      this.headers.push(this.contentDepth === 0);
      if (this.contentDepth === 0) this.chromeDepth += 1;
    }
    if (name === 'h1') this.h1Depth += 1;
    if (BLOCK_TAGS.has(name)) this.pendingSpace = true;
    if (name === 'title' && !this.titleDone) this.inTitle = true;
    const level = headingLevelOf(name);
    if (level !== 0 && level < this.headingLevel && this.currentHeading === undefined) this.currentHeading = { level, text: '' };
  }

  ontext(data: string): void {
    if (this.escapable !== undefined) {
      this.escapable += data;
      return;
    }
    this.read(data);
  }

  read(data: string): void {
    if (this.inTitle) {
      this.title += data;
      return;
    }
    if (this.hiddenDepth > 0) return;
    const heading = this.currentHeading;
    if (heading !== undefined) heading.text += this.pendingSpace && heading.text !== '' ? ` ${data}` : data;
    // Counted without building the collapsed text: past the cap (most of a long page) only the count is needed.
    const length = collapsedLength(data);
    if (length === 0) {
      if (data !== '') this.pendingSpace = true;
      return;
    }
    const separate = this.pendingSpace && !this.endsInSpace && !isWhiteSpace(data.charCodeAt(0));
    this.pendingSpace = false;
    this.endsInSpace = isWhiteSpace(data.charCodeAt(data.length - 1));
    this.textLength += separate ? length + 1 : length;
    const opens = this.chromeDepth === 0 && this.opening.length < OPENING_CAP && this.h1Depth === 0;
    if (this.text.length >= TEXT_CAP && !opens) {
      if (this.chromeDepth === 0) this.mainTextLength += length;
      return;
    }
    const collapsed = collapsedAlready ? data : data.replace(WHITE_SPACE, ' ');
    if (this.text.length < TEXT_CAP) {
      // Pieces are collapsed: two spaces in a row can only meet where one ends and the next begins. (Reading the
      // end of `text` itself would flatten the string built so far on every piece.)
      if (!separate && this.textEndsInSpace && collapsed.charCodeAt(0) === 0x20) this.textCollapses = true;
      if (this.text.length === 0) this.textStartsInSpace = collapsed.charCodeAt(0) === 0x20;
      this.text += separate ? ` ${collapsed}` : collapsed;
      this.textEndsInSpace = collapsed.charCodeAt(collapsed.length - 1) === 0x20;
    }
    if (this.chromeDepth === 0) {
      this.mainTextLength += length;
      if (opens) this.opening += separate ? ` ${collapsed}` : collapsed;
    }
  }

  onclosetag(name: string): void {
    if (name === 'script' || name === 'style') this.rawOpenedAt = -1;
    const escapable = this.escapable;
    if (escapable !== undefined && isEscapable(name, this.titleDone)) {
      this.escapable = undefined;
      if (escapable !== '') this.read(escapable);
    }
    if (HIDDEN_TAGS.has(name) && this.hiddenDepth > 0) this.hiddenDepth -= 1;
    if (CHROME_TAGS.has(name) || (name === 'header' && this.headers.pop() === true)) this.chromeDepth = Math.max(0, this.chromeDepth - 1);
    else if (CONTENT_TAGS.has(name) && this.contentDepth > 0) this.contentDepth -= 1;
    if (name === 'h1' && this.h1Depth > 0) this.h1Depth -= 1;
    if (BLOCK_TAGS.has(name)) this.pendingSpace = true;
    if (name === 'title' && this.inTitle) {
      this.inTitle = false;
      this.titleDone = true;
    }
    const heading = this.currentHeading;
    if (heading !== undefined && headingLevelOf(name) === heading.level) {
      const collapsed = collapse(heading.text);
      if (collapsed !== '') {
        this.heading = collapsed;
        this.headingLevel = heading.level;
      }
      this.currentHeading = undefined;
    }
  }
}


/**
 * An element whose text the parser reads as text up to its own closing tag, markup included, and which counts as
 * the page's text: `textarea`, `xmp`, and a `title` after the first (the first is the page's title).
 */
function isEscapable(name: string, titleDone: boolean): boolean {
  return name === 'textarea' || name === 'xmp' || (titleDone && name === 'title');
}

/** 1 to 6 for `h1` … `h6`, else 0 (called for every tag of the page). */
function headingLevelOf(name: string): number {
  if (name.length !== 2 || name.charCodeAt(0) !== 0x68) return 0;
  const digit = name.charCodeAt(1) - 0x30;
  return digit >= 1 && digit <= 6 ? digit : 0;
}

/**
 * The length of `data` with every run of white space made one space (`data.replace(/\s+/g, ' ')`), or 0 when
 * `data` is only white space. White space is exactly what `\s` matches.
 */
export function collapsedLength(data: string): number {
  // Most text has only single plain spaces: then it is collapsed already (a search in native code tells).
  if (!NEEDS_COLLAPSE.test(data)) {
    collapsedAlready = true;
    return data.length === 0 || data === ' ' ? 0 : data.length;
  }
  let length = 0;
  let inSpace = false;
  let seenText = false;
  let plain = true;
  for (let index = 0; index < data.length; index += 1) {
    const code = data.charCodeAt(index);
    if (code > 0x20 && code < 0xa0) {
      length += 1;
      inSpace = false;
      seenText = true;
    } else if (isWhiteSpace(code)) {
      if (inSpace || code !== 0x20) plain = false;
      if (!inSpace) length += 1;
      inSpace = true;
    } else {
      length += 1;
      inSpace = false;
      seenText = true;
    }
  }
  collapsedAlready = plain;
  return seenText ? length : 0;
}

/** Set by each `collapsedLength`: its text has no two white-space characters in a row and none but plain spaces. */
let collapsedAlready = true;

/** The characters of `\s`: ASCII white space, NBSP, the Unicode space separators, line and paragraph separators, BOM. */
function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * A copy of `value` that shares no memory with the page it was read from. The parser's texts and attribute
 * values are slices of the page, and in V8 a slice keeps the whole string it was cut from alive: facts that
 * outlive their page kept it (and made every garbage collection copy it), a third of a run's CPU time.
 */
function own(value: string): string {
  // V8 copies strings under 13 characters; a longer one is flattened into a new string when sliced.
  return value.length < 13 ? value : ` ${value}`.slice(1);
}

/** `value` with every run of white space made one space, trimmed. */
export function collapse(value: string): string {
  // Most text is collapsed already (built from collapsed pieces): then only its ends may need trimming.
  return (NEEDS_COLLAPSE.test(value) ? value.replace(WHITE_SPACE, ' ') : value).trim();
}

/** `isHtml` for a body: its text (decoded when first read) is read only when there is no content type. */
export function isHtmlBody(contentType: string | undefined, body: BodySample): boolean {
  return isHtml(contentType, contentType !== undefined && contentType !== '' ? undefined : body.text);
}

/** True when a content type (or, without one, the sample itself) says HTML. */
export function isHtml(contentType: string | undefined, sample: string | undefined): boolean {
  if (contentType !== undefined && contentType !== '') return HTML_TYPE.test(contentType);
  return sample !== undefined && HTML_START.test(sample);
}

/**
 * The facts htmlparser2 gives reading every character, nothing skipped: the reference `HtmlScanner`'s skips are
 * tested against (it must agree on any markup).
 */
export function scanEveryCharacter(html: string): HtmlFacts {
  const state = new ScanState();
  const parser = state.parser(false);
  parser.write(html);
  parser.end();
  return state.facts();
}
