import { STATE_ORDER, STATE_PRESENTATION } from '../model.js';
import type { CheckedLink, FileReport, LinkHistory, Report, State, Suggestion, SuggestionKind } from '../model.js';
import { stripControl } from '../util/terminal.js';
import { HTML_CSP, HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import { redactField, redactText } from './redact.js';
import { NEWS_WORDS } from './history-words.js';
import { formatTimestamp, plural } from './text.js';

export interface HtmlOptions {
  /** Heading and title of the page. */
  title?: string;
}

export const DEFAULT_HTML_TITLE = 'linkrot report';

/** States whose links are problems: listed first in each post, and the filter's default selection. */
const PROBLEM_STATES: ReadonlySet<State> = new Set<State>(['dead', 'suspicious', 'blocked', 'unreachable']);
/** States hidden by the filter when the page opens (the checkboxes turn them on). */
const HIDDEN_AT_FIRST: ReadonlySet<State> = new Set<State>(['alive', 'skipped']);

const SUGGESTION_LABEL: Record<SuggestionKind, string> = {
  archive: 'Archive copy',
  moved: 'Moved to',
  https: 'HTTPS version',
  clean: 'Without tracking',
  expand: 'Short link leads to',
};

/**
 * What the results cache knows of a link over time (the history stage adds it to the model as `history`, its
 * dates `null` when unknown, and `news` for what this run changed). Read defensively: each field is shown only
 * when present and of the expected type, and a link without it shows nothing.
 */
interface HistoryShown {
  firstSeen?: string;
  lastAlive?: string;
  deadSince?: string;
  observations?: number;
  confirmed?: boolean;
  flapping?: boolean;
  news?: News;
}

type News = NonNullable<LinkHistory['news']>;
/** What this run changed, worst first. */
const NEWS_ORDER = Object.keys(NEWS_WORDS) as News[];

/**
 * The HTML report: one self-contained page (no network, works from `file://`), with a summary, each post's links
 * worst first, and filters by state and reason, search and sort. Every string from a post or the web is escaped
 * and only http(s) URLs become links; the page's Content-Security-Policy lets nothing run or load but its own
 * inline style and script.
 */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const title = options.title ?? DEFAULT_HTML_TITLE;
  const presentStates = STATE_ORDER.filter((state) => report.summary[state] > 0);
  const anyProblem = presentStates.some((state) => !HIDDEN_AT_FIRST.has(state));

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(HTML_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="linkrot ${attr(report.tool.version)}">
<title>${text(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<a class="skip" href="#posts">Skip to the links</a>
<header>
<h1>${text(title)}</h1>
<p class="lead">${text(leadSentence(report))}</p>
${countsList(report)}
${runNotices(report)}
${newSinceLastRun(report.files)}
${fileErrors(report.files)}
${savePageNowSection(report)}
</header>
<div class="controls">
${filtersForm(report, presentStates, anyProblem)}
<p id="status" role="status" aria-live="polite"></p>
</div>
<main id="posts" tabindex="-1">
${report.files.map((file, index) => postSection(file, index)).join('\n')}
<p id="empty" hidden>No link matches these filters.</p>
</main>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

function leadSentence(report: Report): string {
  const { summary } = report;
  const seconds = (summary.durationMs / 1000).toFixed(1);
  return `${plural(summary.links, 'link')} (${plural(summary.urls, 'URL')}) in ${plural(summary.files, 'file')} · ${plural(summary.requests, 'request')} · ${seconds} s · linkrot ${report.tool.version}`;
}

function countsList(report: Report): string {
  const items = STATE_ORDER.filter((state) => report.summary[state] > 0).map((state) => {
    const { icon, label } = STATE_PRESENTATION[state];
    return `<li class="state-${state}"><strong>${report.summary[state]}</strong>${text(`${icon} ${label}`)}</li>`;
  });
  if (items.length === 0) return '<p>Nothing to check.</p>';
  return `<ul class="counts" aria-label="Links per state">${items.join('')}</ul>`;
}

function fileErrors(files: readonly FileReport[]): string {
  const failed = files.filter((file) => file.error !== undefined);
  if (failed.length === 0) return '';
  const items = failed.map((file) => `<li><code>${text(file.path)}</code>: ${text(file.error ?? '')}</li>`);
  return `<section class="errors" aria-label="Files that could not be checked"><p><strong>Files that could not be checked:</strong></p><ul>${items.join('')}</ul></section>`;
}

/** What is said once about the run (archive.org could not be reached …); nothing when there is none. */
function runNotices(report: Report): string {
  const notices = report.notices ?? [];
  if (notices.length === 0) return '';
  const items = notices.map((notice) => `<p><strong>Note:</strong> ${text(notice.message)}</p>`);
  return `<section class="notices" aria-label="About this run">${items.join('')}</section>`;
}

/** The `--save-alive` outcome: each new capture with its address, each refusal with its code and reason. */
function savePageNowSection(report: Report): string {
  const spn = report.savePageNow;
  if (spn === undefined) return '';
  const saved = spn.saved.map(
    (save) => `<li>Saved ${urlElement(save.url, 'url')} → <span class="kind">capture of ${text(formatTimestamp(save.timestamp))}:</span> ${urlElement(save.capture, 'url')}</li>`,
  );
  const refused = spn.refused.map((refusal) => `<li>Refused ${urlElement(refusal.url, 'url')}: <code>${text(refusal.code)}</code> ${text(refusal.reason)}</li>`);
  const heading = `Save Page Now: ${spn.saved.length} saved, ${spn.refused.length} refused, ${spn.recent} already had a recent capture`;
  const list = saved.length + refused.length === 0 ? '' : `<ul>${[...saved, ...refused].join('')}</ul>`;
  return `<section class="saves" aria-labelledby="saves-heading"><h2 id="saves-heading">${text(heading)}</h2>${list}</section>`;
}

function filtersForm(report: Report, presentStates: readonly State[], anyProblem: boolean): string {
  const boxes = presentStates.map((state) => {
    const { icon, label } = STATE_PRESENTATION[state];
    const checked = anyProblem && HIDDEN_AT_FIRST.has(state) ? '' : ' checked';
    return `<label><input type="checkbox" name="state" value="${state}"${checked}> <span class="state-${state}">${text(icon)}</span> ${text(label)} (${report.summary[state]})</label>`;
  });
  const reasons = new Map<string, number>();
  for (const file of report.files) for (const link of file.links) reasons.set(link.reason, (reasons.get(link.reason) ?? 0) + 1);
  const reasonOptions = [...reasons.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, count]) => `<option value="${attr(reason)}">${text(reason)} (${count})</option>`);
  return `<form id="filters" role="search" aria-label="Filter the links" hidden>
<fieldset><legend>State</legend>${boxes.join('\n')}</fieldset>
<div class="field"><label for="reason">Reason</label><select id="reason" name="reason"><option value="">Any reason</option>${reasonOptions.join('')}</select></div>
<div class="field"><label for="q">Search URL or text</label><input type="search" id="q" name="q" autocomplete="off" spellcheck="false"></div>
<div class="field"><label for="sort">Posts</label><select id="sort" name="sort"><option value="problems">Most problems first</option><option value="path">By path</option><option value="newest">Newest post first</option><option value="oldest">Oldest post first</option></select></div>
<div class="field"><label for="order">Links</label><select id="order" name="order"><option value="worst">Problems first</option><option value="line">In line order</option></select></div>
<div class="field"><button type="reset">Reset</button></div>
</form>`;
}

function postSection(file: FileReport, index: number): string {
  const problems = file.links.filter((link) => PROBLEM_STATES.has(link.state)).length;
  const rows = [...file.links].sort(worstFirst).map((link) => linkRow(link, index));
  const heading = file.title === undefined || file.title === '' ? file.path : file.title;
  const meta = [file.path, file.date, plural(file.links.length, 'link'), problems > 0 ? plural(problems, 'problem') : 'no problem'];
  if (file.title === undefined || file.title === '') meta.shift();
  const error = file.error === undefined ? '' : `<p class="errors">Could not be checked: ${text(file.error)}</p>`;
  const id = `post-${index + 1}`;
  const table =
    rows.length === 0
      ? ''
      : `<table aria-labelledby="${id}"><colgroup><col class="c-line"><col class="c-link"><col class="c-verdict"><col></colgroup>
<thead><tr><th scope="col">Line</th><th scope="col">Link</th><th scope="col">Verdict</th><th scope="col">Suggestions</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
  return `<section class="post" aria-labelledby="${id}" data-index="${index}" data-path="${attr(clean(file.path).toLowerCase())}" data-date="${attr(clean(file.date ?? ''))}" data-problems="${problems}"${file.error === undefined ? '' : ' data-error="true"'}>
<h2 id="${id}">${text(heading)}</h2>
<p class="meta">${meta.filter((part) => part !== undefined).map((part) => text(part)).join(' · ')}</p>
${error}${table}
</section>`;
}

function linkRow(link: CheckedLink, fileIndex: number): string {
  const { icon, label } = STATE_PRESENTATION[link.state];
  const url = link.resolved ?? link.url;
  const search = [link.url, link.resolved, link.text].flatMap((part) => (part === undefined || part === '' ? [] : [clean(redactField(part))])).join(' ').toLowerCase();
  const history = historyOf(link);
  const isNew = history?.news !== undefined;
  const family = link.family === undefined ? '' : ` (${text(link.family)})`;
  const linkText = link.text === '' ? '<span class="text none">(no text)</span>' : `<span class="text">${text(link.text)}</span>`;
  const historyLine = history === undefined ? '' : historyWords(history, link.state);
  const cells = [
    `<td class="line">${link.line}</td>`,
    `<td>${linkText}${urlElement(url, 'url')}</td>`,
    `<td><span class="state state-${link.state}">${text(`${icon} ${label}`)}</span> <code>${text(link.reason)}</code>${family}${
      link.detail === '' ? '' : `<span class="detail">${text(link.detail)}</span>`
    }${historyLine === '' ? '' : `<span class="history">${text(historyLine)}</span>`}</td>`,
    `<td>${suggestionList(link.suggestions)}</td>`,
  ];
  return `<tr id="${rowId(fileIndex, link)}"${isNew ? ' class="is-new"' : ''} data-state="${link.state}" data-reason="${attr(link.reason)}" data-rank="${STATE_ORDER.indexOf(link.state)}" data-line="${link.line}" data-search="${attr(search)}">${cells.join('')}</tr>`;
}

function suggestionList(suggestions: readonly Suggestion[]): string {
  if (suggestions.length === 0) return '';
  const items = suggestions.map((suggestion) => {
    const when = suggestion.timestamp === undefined ? '' : ` of ${formatTimestamp(suggestion.timestamp)}`;
    const note = suggestion.note === undefined ? '' : `<span class="note">${text(suggestion.note)}</span>`;
    return `<li><span class="kind">${text(`${SUGGESTION_LABEL[suggestion.kind]}${when}`)}:</span> ${urlElement(suggestion.url, 'url')}${note}</li>`;
  });
  return `<ul class="suggestions">${items.join('')}</ul>`;
}

/** An URL as a link when it is http(s), else as plain text: `javascript:`, `data:` and the like never become an href. */
function urlElement(url: string, className: string): string {
  const shown = text(redactField(url));
  const href = safeHref(url);
  if (href === undefined) return `<code class="${className}">${shown}</code>`;
  return `<a class="${className}" href="${attr(href)}" rel="noopener noreferrer">${shown}</a>`;
}

/** The href for an http(s) URL, as the WHATWG parser (the browser's) serialises it; undefined for anything else. */
export function safeHref(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(redactField(url));
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

function worstFirst(a: CheckedLink, b: CheckedLink): number {
  return STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || a.line - b.line || a.column - b.column;
}

/** Unique in the page: the post's place in the report, then the link's line and column. */
function rowId(fileIndex: number, link: CheckedLink): string {
  return `link-${fileIndex + 1}-${link.line}-${link.column}`;
}

// ---------------------------------------------------------------------------------------------------------
// History (present when the results cache has one)
// ---------------------------------------------------------------------------------------------------------

function historyOf(link: CheckedLink): HistoryShown | undefined {
  const value: unknown = (link as { history?: unknown }).history;
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const history: HistoryShown = {};
  for (const key of ['firstSeen', 'lastAlive', 'deadSince'] as const) {
    if (typeof record[key] === 'string' && record[key] !== '') history[key] = record[key];
  }
  if (typeof record.observations === 'number' && Number.isFinite(record.observations)) history.observations = record.observations;
  if (typeof record.confirmed === 'boolean') history.confirmed = record.confirmed;
  if (typeof record.flapping === 'boolean') history.flapping = record.flapping;
  if (typeof record.news === 'string' && (NEWS_ORDER as string[]).includes(record.news)) history.news = record.news as News;
  return history;
}

/** `newly dead · dead since 2026-11-20 · seen 3 times · not confirmed yet · flapping (…)`; empty for a link never observed. */
export function historyWords(history: HistoryShown, state: State): string {
  const parts: string[] = [];
  if (history.news !== undefined) parts.push(NEWS_WORDS[history.news]);
  const seen = history.observations === undefined || history.observations === 0 ? [] : [`seen ${history.observations === 1 ? 'once' : `${history.observations} times`}`];
  if (history.deadSince !== undefined) {
    parts.push(`dead since ${day(history.deadSince)}`, ...seen);
    if (state === 'dead' && history.confirmed !== undefined) parts.push(history.confirmed ? 'confirmed' : 'not confirmed yet');
    if (history.lastAlive !== undefined) parts.push(`last alive ${day(history.lastAlive)}`);
  } else if (PROBLEM_STATES.has(state)) {
    if (history.lastAlive !== undefined) parts.push(`last alive ${day(history.lastAlive)}`);
    else if (history.firstSeen !== undefined) parts.push(`never seen alive since ${day(history.firstSeen)}`);
    parts.push(...seen);
  }
  if (history.flapping === true) parts.push('flapping (alternates between alive and failing)');
  return parts.join(' · ');
}

/** What this run changed (present when the results cache has a history): newly dead, confirmed, alive again. */
function newSinceLastRun(files: readonly FileReport[]): string {
  const rows = files.flatMap((file, fileIndex) => file.links.map((link) => ({ file, fileIndex, link, history: historyOf(link) })));
  if (rows.every(({ history }) => history === undefined)) return '';
  const changed = rows.filter(({ history }) => history?.news !== undefined);
  changed.sort((a, b) => NEWS_ORDER.indexOf(a.history!.news!) - NEWS_ORDER.indexOf(b.history!.news!));
  const items = changed.map(({ file, fileIndex, link, history }) => {
    const place = `${file.path}:${link.line}`;
    return `<li>${text(NEWS_WORDS[history!.news!])}: <a href="#${rowId(fileIndex, link)}">${text(place)}</a> <span class="url">${text(redactField(link.resolved ?? link.url))}</span></li>`;
  });
  const body = items.length === 0 ? '<p>Nothing changed since the last run.</p>' : `<ul>${items.join('')}</ul>`;
  return `<section class="new" aria-labelledby="new-heading"><h2 id="new-heading">New since the last run (${items.length})</h2>${body}</section>`;
}

function day(value: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : clean(value);
}

// ---------------------------------------------------------------------------------------------------------
// Escaping: every string that reaches the page goes through one of these
// ---------------------------------------------------------------------------------------------------------

/** No control or bidi character, no credentials. */
function clean(value: string): string {
  return stripControl(redactText(value));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text content: can never open a tag or an entity of its own. */
function text(value: string): string {
  return clean(value).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** A double-quoted attribute value: the same escapes (quotes included). */
const attr = text;
