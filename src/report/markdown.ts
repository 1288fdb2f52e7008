import { STATE_ORDER, STATE_PRESENTATION } from '../model.js';
import type { CheckedLink, FileReport, Report, State } from '../model.js';
import { codeSpanInTable, encodeDestination, encodePath, escapeMarkdownText } from './markdown-escape.js';
import { historyWords, newsWords } from './history-words.js';
import { formatTimestamp, plural } from './text.js';
import { savePageNowLines } from './save-page-now.js';

export interface MarkdownOptions {
  /** Repository web address (`https://github.com/owner/repo`): file:line cells link to the lines. */
  repoUrl?: string;
  /** Commit or branch for those links (needs `repoUrl`). */
  ref?: string;
  /** Heading of the report. */
  title?: string;
  /** Rows listed in each collapsed section before "… and N more". */
  maxRows?: number;
  /** Characters the whole report may take: rows past it are counted, not listed (a PR comment holds 65,536). */
  maxChars?: number;
}

export const DEFAULT_MARKDOWN_TITLE = 'linkrot report';
export const DEFAULT_MARKDOWN_MAX_ROWS = 200;
/** GitHub refuses a pull-request comment over 65,536 characters; leave room for a header someone adds. */
export const DEFAULT_MARKDOWN_MAX_CHARS = 60_000;
/** Room kept for the `<details>` lines and the "… and N more" notes around the tables. */
const WRAPPER_RESERVE = 1_000;

/** States that make the table of problems; the others are collapsed into `<details>` sections. */
const PROBLEM_STATES: readonly State[] = ['dead', 'suspicious', 'blocked', 'unreachable'];
const COLLAPSED_STATES: readonly State[] = STATE_ORDER.filter((state) => !PROBLEM_STATES.includes(state));

interface Row {
  file: FileReport;
  link: CheckedLink;
}

/**
 * The Markdown report, for a pull-request comment or a GitHub job summary. Every piece of untrusted text
 * (paths, link texts, URLs, details) goes through an escaper, so it cannot inject markup, close the table or
 * the `<details>`, make links or images, or ping people.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxRows = options.maxRows ?? DEFAULT_MARKDOWN_MAX_ROWS;
  const out: string[] = [`## ${escapeMarkdownText(options.title ?? DEFAULT_MARKDOWN_TITLE)}`, '', summarySentence(report), ''];
  for (const notice of report.notices ?? []) out.push(`> **Note:** ${escapeMarkdownText(notice.message)}`, '');

  const news = newsLines(report);
  if (news.length > 0) out.push('**New since the last run:**', '', ...news, '');

  const failed = report.files.filter((file) => file.error !== undefined);
  if (failed.length > 0) {
    out.push('**Files that could not be checked:**', '');
    for (const file of failed) out.push(`- ${escapeMarkdownText(file.path)}: ${escapeMarkdownText(file.error ?? '')}`);
    out.push('');
  }

  // What the tables may take: the limit less what is written so far and room for the section wrappers and notes.
  const budget = { left: (options.maxChars ?? DEFAULT_MARKDOWN_MAX_CHARS) - out.join('\n').length - WRAPPER_RESERVE };
  const problems = PROBLEM_STATES.flatMap((state) => rowsIn(report.files, state));
  if (problems.length === 0) {
    out.push('No problems found.', '');
  } else {
    out.push(...table(problems, options, budget), '');
  }

  for (const state of COLLAPSED_STATES) {
    const rows = rowsIn(report.files, state);
    if (rows.length === 0) continue;
    const { label, icon } = STATE_PRESENTATION[state];
    out.push(`<details><summary>${icon} ${label} (${rows.length})</summary>`, '');
    out.push(...table(rows.slice(0, maxRows), options, budget));
    if (rows.length > maxRows) out.push('', `… and ${rows.length - maxRows} more.`);
    out.push('', '</details>', '');
  }
  const [saveHead, ...saves] = savePageNowLines(report);
  if (saveHead !== undefined) out.push(`**${escapeMarkdownText(saveHead)}**`, '', ...saves.map((line) => `- ${escapeMarkdownText(line.trim())}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** One item per URL whose history changed with this run (newly dead, confirmed, alive again), worst first. */
function newsLines(report: Report): string[] {
  const order = ['confirmed', 'dead', 'recovered'];
  const seen = new Set<string>();
  const rows = report.files
    .flatMap((file) => file.links.map((link) => ({ file, link })))
    .filter(({ link }) => link.history?.news !== undefined)
    .sort((a, b) => order.indexOf(a.link.history!.news!) - order.indexOf(b.link.history!.news!));
  const lines: string[] = [];
  for (const { file, link } of rows) {
    const url = link.resolved ?? link.url;
    if (seen.has(url)) continue;
    seen.add(url);
    lines.push(`- ${escapeMarkdownText(newsWords(link.history))}: ${codeSpanInTable(url)} (${escapeMarkdownText(`${file.path}:${link.line}`)})`);
  }
  return lines;
}

function summarySentence(report: Report): string {
  const { summary } = report;
  const counts = STATE_ORDER.filter((state) => summary[state] > 0).map(
    (state) => `${STATE_PRESENTATION[state].icon} ${summary[state]} ${state}`,
  );
  const head = `**${plural(summary.links, 'link')}** (${plural(summary.urls, 'URL')}) in ${plural(summary.files, 'file')}`;
  return `${head}: ${counts.length > 0 ? counts.join(' · ') : 'nothing to check'}`;
}

/** The rows as a table, while the report's character budget lasts; the rest are counted in a last line. */
function table(rows: readonly Row[], options: MarkdownOptions, budget: { left: number }): string[] {
  const lines = ['| File | Link text | URL | Verdict | Reason | Suggested replacement |', '| --- | --- | --- | --- | --- | --- |'];
  budget.left -= lines[0]!.length + lines[1]!.length + 2;
  for (const [index, { file, link }] of rows.entries()) {
    const cells = [
      location(file.path, link, options),
      escapeMarkdownText(link.text),
      codeSpanInTable(link.resolved ?? link.url),
      `${STATE_PRESENTATION[link.state].icon} ${link.state}`,
      reasonCell(link),
      suggestionCell(link),
    ];
    const line = `| ${cells.map((cell) => (cell === '' ? ' ' : cell)).join(' | ')} |`;
    if (line.length + 1 > budget.left) {
      lines.push('', `… and ${rows.length - index} more not shown here (the report would be too long for a comment): see the JSON report.`);
      budget.left = 0;
      break;
    }
    budget.left -= line.length + 1;
    lines.push(line);
  }
  return lines;
}

function location(path: string, link: CheckedLink, options: MarkdownOptions): string {
  const label = escapeMarkdownText(`${path}:${link.line}`);
  if (options.repoUrl === undefined || options.ref === undefined) return label;
  const base = options.repoUrl.replace(/\/+$/, '');
  const target = `${base}/blob/${encodePath(options.ref)}/${encodePath(path.replace(/^\.\//, ''))}#L${link.line}`;
  return `[${label}](${encodeDestination(target)})`;
}

function reasonCell(link: CheckedLink): string {
  const family = link.family === undefined ? '' : ` (${link.family})`;
  const detail = link.detail === '' ? '' : `: ${link.detail}`;
  const history = historyWords(link);
  return escapeMarkdownText(`${link.reason}${family}${detail}${history === '' ? '' : ` (${history})`}`);
}

function suggestionCell(link: CheckedLink): string {
  const first = link.suggestions[0];
  if (first === undefined) return '';
  const when = first.timestamp === undefined ? '' : `, ${formatTimestamp(first.timestamp)}`;
  return `${codeSpanInTable(first.url)} (${escapeMarkdownText(`${first.kind}${when}`)})`;
}

function rowsIn(files: readonly FileReport[], state: State): Row[] {
  const rows: Row[] = [];
  for (const file of files) {
    for (const link of file.links) if (link.state === state) rows.push({ file, link });
  }
  return rows;
}
