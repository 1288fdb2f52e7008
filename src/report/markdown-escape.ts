import { stripControl } from '../util/terminal.js';
import { redactText } from './redact.js';

/** U+2060 WORD JOINER: invisible, and breaks `@mention`, `#123`, e-mail and URL auto-linking. */
const JOINER = '\u2060';

/** Every ASCII punctuation character: CommonMark lets any of them be backslash-escaped. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Untrusted text as inline Markdown that renders as exactly that text: no emphasis, links, images, HTML, code,
 * table breaks, math, mentions, issue references or auto-links, whatever it holds. Works inside GFM table cells
 * (`\|` keeps a pipe in its cell).
 */
export function escapeMarkdownText(text: string): string {
  return redactText(stripControl(text))
    .replace(/@/g, `@${JOINER}`)
    .replace(/#/g, `#${JOINER}`)
    .replace(/:\/\//g, `:${JOINER}//`)
    .replace(/\b(www)\./gi, `$1${JOINER}.`)
    .replace(ASCII_PUNCTUATION, (character) => `\\${character}`);
}

/**
 * Untrusted text as a code span inside a GFM table cell: shown verbatim (an URL stays copyable), never a link
 * or a mention. The fence is longer than any run of backticks inside; `|` is escaped for the table.
 */
export function codeSpanInTable(text: string): string {
  const content = redactText(stripControl(text)).replace(/\|/g, '\\|');
  if (content.trim() === '') return '';
  const longestRun = Math.max(0, ...Array.from(content.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = /^[` ]|[` ]$/.test(content) ? ` ${content} ` : content;
  return `${fence}${padded}${fence}`;
}

/** An URL for a Markdown link destination built by linkrot itself: every character that could end it encoded. */
export function encodeDestination(url: string): string {
  return url.replace(/[\s()<>\\"'`[\]]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Encode each `/`-separated part of a repository path for a blob URL. */
export function encodePath(path: string): string {
  return path
    .split(/[\\/]/)
    .map((part) => encodeURIComponent(part).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
