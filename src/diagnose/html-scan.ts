import { Parser } from 'htmlparser2';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const WHITE_SPACE = /\s+/g;
const HTML_TYPE = /\b(?:text\/html|application\/xhtml\+xml)\b/i;
const HTML_START = /^\s*(?:<!doctype html|<html|<head|<body)/i;

/** What the content checks need to know about an HTML sample. */
export interface HtmlFacts {
  title: string;
  /** Text of the first `<h1>` (or of the first heading when there is no `<h1>`). */
  heading: string;
  /** Every `id` attribute value, and every `name` of an `<a>` (fragment targets). */
  anchors: Set<string>;
  /** Visible text (scripts, styles and templates left out), white space collapsed, capped. */
  text: string;
  /** Length of the visible text before the cap. */
  textLength: number;
  /**
   * Length of the visible text outside the page's chrome (`nav`, `aside`, `footer`, and a `header` that is not
   * inside an `article` or `main`): how much the page itself has to say.
   */
  mainTextLength: number;
  /**
   * The first characters of that text, `h1` headings left out (the heading is read on its own), white space
   * collapsed: where a page says what it is.
   */
  opening: string;
}

const HIDDEN_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg']);
const TEXT_CAP = 20_000;
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
 * `html` must be the page the facts were scanned from.
 */
export function perPage<T>(read: (facts: HtmlFacts, html: string) => T): (facts: HtmlFacts, html: string) => T {
  const answers = new WeakMap<HtmlFacts, { value: T }>();
  return (facts, html) => {
    let known = answers.get(facts);
    if (known === undefined) {
      known = { value: read(facts, html) };
      answers.set(facts, known);
    }
    return known.value;
  };
}

/** Parse an HTML sample (possibly truncated) into the facts the content checks use. Never throws. */
export function scanHtml(html: string): HtmlFacts {
  const known = recentScans.get(html);
  if (known !== undefined) return known;
  const facts = scanHtmlOnce(html);
  if (recentScans.size >= RECENT_SCANS) recentScans.delete(recentScans.keys().next().value!);
  recentScans.set(html, facts);
  return facts;
}

function scanHtmlOnce(html: string): HtmlFacts {
  const anchors = new Set<string>();
  let title = '';
  let heading = '';
  let headingLevel = 7;
  let text = '';
  let textLength = 0;
  let hiddenDepth = 0;
  let chromeDepth = 0;
  let contentDepth = 0;
  /** For each open `header`: whether it counted as chrome. */
  const headers: boolean[] = [];
  let mainTextLength = 0;
  let opening = '';
  let h1Depth = 0;
  let inTitle = false;
  let currentHeading: { level: number; text: string } | undefined;
  let titleDone = false;
  /**
   * Since the last text, a block element opened or closed, or white space stood alone between two elements: a
   * reader sees a space (or a line break) there.
   */
  let pendingSpace = false;
  /** The visible text so far ends with white space (known past the cap too, where `text` is no longer built). */
  let endsInSpace = true;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const id = attributes['id'];
        if (id !== undefined && id !== '') anchors.add(id);
        const anchorName = attributes['name'];
        if (name === 'a' && anchorName !== undefined && anchorName !== '') anchors.add(anchorName);
        if (HIDDEN_TAGS.has(name)) hiddenDepth += 1;
        if (CHROME_TAGS.has(name)) chromeDepth += 1;
        else if (CONTENT_TAGS.has(name)) contentDepth += 1;
        else if (name === 'header') {
          headers.push(contentDepth === 0);
          if (contentDepth === 0) chromeDepth += 1;
        }
        if (name === 'h1') h1Depth += 1;
        if (BLOCK_TAGS.has(name)) pendingSpace = true;
        if (name === 'title' && !titleDone) inTitle = true;
        const level = headingLevelOf(name);
        if (level !== 0 && level < headingLevel && currentHeading === undefined) currentHeading = { level, text: '' };
      },
      ontext(data) {
        if (inTitle) {
          title += data;
          return;
        }
        if (hiddenDepth > 0) return;
        if (currentHeading !== undefined) currentHeading.text += pendingSpace && currentHeading.text !== '' ? ` ${data}` : data;
        // Counted without building the collapsed text: past the cap (most of a long page) only the count is needed.
        const length = collapsedLength(data);
        if (length === 0) {
          if (data !== '') pendingSpace = true;
          return;
        }
        const separate = pendingSpace && !endsInSpace && !isWhiteSpace(data.charCodeAt(0));
        pendingSpace = false;
        endsInSpace = isWhiteSpace(data.charCodeAt(data.length - 1));
        textLength += separate ? length + 1 : length;
        if (text.length < TEXT_CAP) text += separate ? ` ${data.replace(WHITE_SPACE, ' ')}` : data.replace(WHITE_SPACE, ' ');
        if (chromeDepth === 0) {
          mainTextLength += length;
          if (opening.length < OPENING_CAP && h1Depth === 0) opening += `${separate ? ' ' : ''}${data.replace(WHITE_SPACE, ' ')}`;
        }
      },
      onclosetag(name) {
        if (HIDDEN_TAGS.has(name) && hiddenDepth > 0) hiddenDepth -= 1;
        if (CHROME_TAGS.has(name) || (name === 'header' && headers.pop() === true)) chromeDepth = Math.max(0, chromeDepth - 1);
        else if (CONTENT_TAGS.has(name) && contentDepth > 0) contentDepth -= 1;
        if (name === 'h1' && h1Depth > 0) h1Depth -= 1;
        if (BLOCK_TAGS.has(name)) pendingSpace = true;
        if (name === 'title' && inTitle) {
          inTitle = false;
          titleDone = true;
        }
        if (currentHeading !== undefined && headingLevelOf(name) === currentHeading.level) {
          const collapsed = collapse(currentHeading.text);
          if (collapsed !== '') {
            heading = collapsed;
            headingLevel = currentHeading.level;
          }
          currentHeading = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return {
    title: collapse(title),
    heading,
    anchors,
    text: collapse(text).slice(0, TEXT_CAP),
    textLength,
    mainTextLength,
    opening: collapse(opening).slice(0, OPENING_CAP),
  };
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
  let length = 0;
  let inSpace = false;
  let seenText = false;
  for (let index = 0; index < data.length; index += 1) {
    if (isWhiteSpace(data.charCodeAt(index))) {
      if (!inSpace) length += 1;
      inSpace = true;
    } else {
      length += 1;
      inSpace = false;
      seenText = true;
    }
  }
  return seenText ? length : 0;
}

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

function collapse(value: string): string {
  return value.replace(WHITE_SPACE, ' ').trim();
}

/** True when a content type (or, without one, the sample itself) says HTML. */
export function isHtml(contentType: string | undefined, sample: string | undefined): boolean {
  if (contentType !== undefined && contentType !== '') return HTML_TYPE.test(contentType);
  return sample !== undefined && HTML_START.test(sample);
}
