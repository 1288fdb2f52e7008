import { Parser } from 'htmlparser2';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const HEADING_TAG = /^h([1-6])$/;
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
}

const HIDDEN_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg']);
const TEXT_CAP = 20_000;

/**
 * The last few scans: one page is read by the follow-up planning and by every occurrence's diagnosis, and
 * parsing it once is enough (scanning was a tenth of a run's CPU time). Facts are never mutated by readers.
 */
const recentScans = new Map<string, HtmlFacts>();
const RECENT_SCANS = 32;

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
  let inTitle = false;
  let currentHeading: { level: number; text: string } | undefined;
  let titleDone = false;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const id = attributes['id'];
        if (id !== undefined && id !== '') anchors.add(id);
        const anchorName = attributes['name'];
        if (name === 'a' && anchorName !== undefined && anchorName !== '') anchors.add(anchorName);
        if (HIDDEN_TAGS.has(name)) hiddenDepth += 1;
        if (name === 'title' && !titleDone) inTitle = true;
        const level = HEADING_TAG.exec(name)?.[1];
        if (level !== undefined && Number(level) < headingLevel && currentHeading === undefined) {
          currentHeading = { level: Number(level), text: '' };
        }
      },
      ontext(data) {
        if (inTitle) {
          title += data;
          return;
        }
        if (hiddenDepth > 0) return;
        if (currentHeading !== undefined) currentHeading.text += data;
        const collapsed = data.replace(WHITE_SPACE, ' ');
        if (collapsed.trim() === '') return;
        textLength += collapsed.length;
        if (text.length < TEXT_CAP) text += collapsed;
      },
      onclosetag(name) {
        if (HIDDEN_TAGS.has(name) && hiddenDepth > 0) hiddenDepth -= 1;
        if (name === 'title' && inTitle) {
          inTitle = false;
          titleDone = true;
        }
        if (currentHeading !== undefined && name === `h${currentHeading.level}`) {
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
  return { title: collapse(title), heading, anchors, text: collapse(text).slice(0, TEXT_CAP), textLength };
}

function collapse(value: string): string {
  return value.replace(WHITE_SPACE, ' ').trim();
}

/** True when a content type (or, without one, the sample itself) says HTML. */
export function isHtml(contentType: string | undefined, sample: string | undefined): boolean {
  if (contentType !== undefined && contentType !== '') return HTML_TYPE.test(contentType);
  return sample !== undefined && HTML_START.test(sample);
}
