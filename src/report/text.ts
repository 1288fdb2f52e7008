import { STATE_ORDER, STATE_PRESENTATION } from '../model.js';
import type { CheckedLink, FileReport, Report, State, Summary } from '../model.js';
import { stripControl } from '../util/terminal.js';
import { historyWords } from './history-words.js';
import { redactField, redactText } from './redact.js';
import { savePageNowLines } from './save-page-now.js';

export interface TextOptions {
  /** Colour with ANSI escapes (only ever those linkrot writes itself). */
  color: boolean;
  /** List alive and skipped links one by one instead of a count. */
  verbose?: boolean;
  /** Only the problems: redirected links become a count too. */
  quiet?: boolean;
  /** Terminal width: details are wrapped and link texts shortened to fit (URLs never are, so they stay copyable). */
  width?: number;
}

/** States listed link by link even without `verbose`. */
const COLLAPSED: ReadonlySet<State> = new Set<State>(['alive', 'skipped']);

const STATE_COLOUR: Record<State, string> = {
  dead: '31', // red
  suspicious: '33', // yellow
  blocked: '35', // magenta
  unreachable: '33',
  redirected: '36', // cyan
  alive: '32', // green
  skipped: '90', // grey
};

type Paint = (code: string, text: string) => string;

/** The terminal report: grouped by state (worst first), one block per link, a one-line summary at the end. */
export function renderText(report: Report, options: TextOptions): string {
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const fit = (text: string, indent: number): string => shorten(text, options.width === undefined ? undefined : options.width - indent);
  const lines: string[] = [];

  for (const file of report.files) {
    if (file.error !== undefined) lines.push(`${paint('31', 'error')} ${clean(file.path)}: ${fit(clean(file.error), file.path.length + 8)}`);
  }
  if (lines.length > 0) lines.push('');

  for (const state of STATE_ORDER) {
    const rows = linksIn(report.files, state);
    if (rows.length === 0) continue;
    const { label, icon } = STATE_PRESENTATION[state];
    const heading = paint(STATE_COLOUR[state], `${icon} ${label}`);
    const collapsed = options.verbose === true ? false : COLLAPSED.has(state) || (options.quiet === true && state === 'redirected');
    if (collapsed) {
      lines.push(`${heading}: ${plural(rows.length, 'link')}`);
      continue;
    }
    lines.push(`${heading} (${rows.length})`);
    for (const { file, link } of rows) {
      lines.push(`  ${paint('1', `${clean(file.path)}:${link.line}:${link.column}`)}  ${clean(redactField(link.resolved ?? link.url))}`);
      const family = link.family === undefined ? '' : ` (${clean(link.family)})`;
      const [first = '', ...rest] = wrap(clean(redactText(link.detail)), options.width, 6 + link.reason.length + family.length, 6);
      lines.push(`    ${paint(STATE_COLOUR[state], `${link.reason}${family}`)}: ${first}`);
      for (const line of rest) lines.push(`      ${line}`);
      if (link.text !== '') lines.push(`    ${paint('2', fit(`“${clean(redactText(link.text))}”`, 4))}`);
      const history = historyWords(link);
      if (history !== '') lines.push(`    history: ${history}`);
      for (const suggestion of link.suggestions) {
        const when = suggestion.timestamp === undefined ? '' : ` (${formatTimestamp(suggestion.timestamp)})`;
        lines.push(`    → ${suggestion.kind}${when}: ${paint('32', clean(redactField(suggestion.url)))}`);
      }
    }
    lines.push('');
  }
  if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  const saves = savePageNowLines(report).map(clean);
  if (saves.length > 0) lines.push(...saves, '');
  for (const notice of report.notices ?? []) lines.push(`${paint('33', 'note')}: ${clean(redactText(notice.message))}`);
  lines.push(summaryLine(report.summary));
  return `${lines.join('\n')}\n`;
}

/** `55 links (54 URLs) in 1 file: 4 dead, 2 suspicious, … · 60 requests · 3.2 s` */
export function summaryLine(summary: Summary): string {
  const counts = STATE_ORDER.filter((state) => summary[state] > 0).map((state) => `${summary[state]} ${state}`);
  const head = `${plural(summary.links, 'link')} (${plural(summary.urls, 'URL')}) in ${plural(summary.files, 'file')}`;
  const seconds = (summary.durationMs / 1000).toFixed(1);
  return `${head}: ${counts.length > 0 ? counts.join(', ') : 'nothing to check'} · ${plural(summary.requests, 'request')} · ${seconds} s`;
}

function linksIn(files: readonly FileReport[], state: State): Array<{ file: FileReport; link: CheckedLink }> {
  const rows: Array<{ file: FileReport; link: CheckedLink }> = [];
  for (const file of files) {
    for (const link of file.links) if (link.state === state) rows.push({ file, link });
  }
  return rows;
}

function clean(text: string): string {
  return stripControl(text);
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Break text at spaces into lines that fit `width` after an indent (`firstIndent` for the first line, `nextIndent`
 * after it); a word longer than a line stays whole. One line when no width is known.
 */
export function wrap(text: string, width: number | undefined, firstIndent: number, nextIndent: number): string[] {
  if (width === undefined) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const room = Math.max(width - (lines.length === 0 ? firstIndent : nextIndent), 20);
    if (line !== '' && Array.from(line).length + 1 + Array.from(word).length > room) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

/** Shorten to `max` characters (code points) with an ellipsis; no limit when `max` is undefined. */
export function shorten(text: string, max: number | undefined): string {
  if (max === undefined) return text;
  const limit = Math.max(max, 8);
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

/** `20170215093012` → `2017-02-15`. */
export function formatTimestamp(timestamp: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(timestamp);
  return match === null ? stripControl(timestamp) : `${match[1]}-${match[2]}-${match[3]}`;
}
