import { STATES } from '../model.js';
import type { CheckedLink, ContentDrift, ExtractReport, Link, LinkHistory, RedirectHop, Report, Suggestion } from '../model.js';
import { redactField, redactText } from './redact.js';

/**
 * The JSON report: field names as in DESIGN.md and model.ts, in a fixed order (so two runs diff cleanly),
 * optional fields left out when absent, and every credential (`user:password@`) removed from URLs and texts.
 */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

/** How the top-level `files` array reads when empty: the place each file's text goes instead. */
const EMPTY_FILES = '\n  "files": []';
/** What `JSON.stringify([[x]], null, 2)` puts around `x`. */
const NESTED_OPEN = '[\n  [\n    ';
const NESTED_CLOSE = '\n  ]\n]';

/**
 * `renderJson`'s text in pieces: the head, each file, the tail. Written one by one, a report of 20,000 links is
 * never one document of ordered objects and one string at once (that was the peak of a big run's memory).
 * Each file is stringified alone and indented to its place: the same bytes as the whole document stringified.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  const document = {
    schemaVersion: report.schemaVersion,
    tool: { name: report.tool.name, version: report.tool.version },
    summary: {
      files: report.summary.files,
      links: report.summary.links,
      urls: report.summary.urls,
      requests: report.summary.requests,
      durationMs: report.summary.durationMs,
      ...Object.fromEntries(STATES.map((state) => [state, report.summary[state]])),
    },
    ...(report.notices === undefined ? {} : { notices: report.notices.map((notice) => ({ code: notice.code, message: redactText(notice.message), links: notice.links })) }),
    files: [],
    ...(report.savePageNow === undefined ? {} : { savePageNow: orderSaves(report.savePageNow) }),
  };
  const frame = escapeInvisible(JSON.stringify(document, null, 2));
  // A raw newline and two spaces only ever precede a top-level key (strings escape their newlines).
  const at = frame.indexOf(EMPTY_FILES);
  if (report.files.length === 0 || at < 0) {
    yield `${frame}\n`;
    return;
  }
  yield `${frame.slice(0, at)}\n  "files": [`;
  const last = report.files.length - 1;
  for (const [index, file] of report.files.entries()) {
    // Stringified two arrays deep, a file comes out indented as the `files` array holds it: the wrapper is cut
    // off, rather than every line of the file's text indented again (a second copy of it).
    const nested = JSON.stringify([[orderFile(file, orderCheckedLink)]], null, 2);
    const text = nested.slice(NESTED_OPEN.length, nested.length - NESTED_CLOSE.length);
    yield `\n    ${escapeInvisible(text)}${index < last ? ',' : ''}`;
  }
  yield `\n  ]${frame.slice(at + EMPTY_FILES.length)}\n`;
}

/** `--save-alive`'s outcome, credentials removed like every other URL and text. */
function orderSaves(saves: NonNullable<Report['savePageNow']>): NonNullable<Report['savePageNow']> {
  return {
    saved: saves.saved.map((saved) => ({ url: redactField(saved.url), capture: redactField(saved.capture), timestamp: saved.timestamp })),
    refused: saves.refused.map((refused) => ({ url: redactField(refused.url), code: refused.code, reason: redactText(refused.reason) })),
    recent: saves.recent,
  };
}

/**
 * JSON.stringify escapes C0 controls but writes DEL, C1 controls (U+009B is a terminal's CSI) and bidi
 * overrides as they are. They can only occur inside strings, where `\uXXXX` means the same value: so the
 * output is safe to print on a terminal and parses to the same data.
 */
function escapeInvisible(json: string): string {
  // Nearly every report has none: a test is one scan, a replace also builds a copy of the whole document.
  if (!INVISIBLE.test(json)) return json;
  return json.replace(INVISIBLE_ALL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const INVISIBLE = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/** The JSON printed by `linkrot extract`: the same shape without the verdict fields. */
export function renderExtractJson(report: ExtractReport): string {
  const document = {
    schemaVersion: report.schemaVersion,
    tool: { name: report.tool.name, version: report.tool.version },
    summary: { files: report.summary.files, links: report.summary.links },
    files: report.files.map((file) => orderFile(file, orderLink)),
  };
  return `${escapeInvisible(JSON.stringify(document, null, 2))}\n`;
}

/**
 * The objects below are built by assignment in the documented field order (insertion order is the order
 * JSON.stringify writes): 2,000 links through spreads of one-key objects were a tenth of a second.
 */
type Fields = Record<string, unknown>;

/** Set `key` only when there is a value (optional fields are left out, never `null`). */
function put(target: Fields, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/** A file's fields; its links as `orderLink` gives them (extract) or with their verdicts (check). */
function orderFile<L>(file: { path: string; date?: string; title?: string; error?: string; links: L[] }, order: (link: L) => Fields): Fields {
  const out: Fields = { path: file.path };
  put(out, 'date', file.date);
  put(out, 'title', file.title === undefined ? undefined : redactText(file.title));
  put(out, 'error', file.error === undefined ? undefined : redactText(file.error));
  out['links'] = file.links.map(order);
  return out;
}

function orderLink(link: Link): Fields {
  const out: Fields = { url: redactField(link.url) };
  put(out, 'resolved', link.resolved === undefined ? undefined : redactField(link.resolved));
  out['kind'] = link.kind;
  out['syntax'] = link.syntax;
  out['text'] = redactText(link.text);
  out['line'] = link.line;
  out['column'] = link.column;
  out['offset'] = { start: link.offset.start, end: link.offset.end };
  put(out, 'urlLine', link.urlLine);
  put(out, 'html', link.html === undefined ? undefined : { tag: link.html.tag, attr: link.html.attr });
  put(out, 'inLink', link.inLink);
  put(out, 'label', link.label === undefined ? undefined : redactText(link.label));
  put(out, 'definitionLine', link.definitionLine);
  return out;
}

function orderCheckedLink(link: CheckedLink): Fields {
  const out = orderLink(link);
  out['state'] = link.state;
  out['reason'] = link.reason;
  put(out, 'family', link.family);
  put(out, 'httpStatus', link.httpStatus);
  put(out, 'finalUrl', link.finalUrl === undefined ? undefined : redactField(link.finalUrl));
  put(out, 'redirects', link.redirects?.map(orderHop));
  put(out, 'fragment', link.fragment === undefined ? undefined : redactText(link.fragment));
  out['detail'] = redactText(link.detail);
  out['suggestions'] = link.suggestions.map(orderSuggestion);
  put(out, 'archive', link.archive);
  put(out, 'drift', link.drift === undefined ? undefined : orderDrift(link.drift));
  put(out, 'history', link.history === undefined ? undefined : orderHistory(link.history));
  return out;
}

function orderDrift(drift: ContentDrift): Fields {
  return { then: redactText(drift.then), now: redactText(drift.now), capture: redactField(drift.capture), why: redactText(drift.why) };
}

function orderHistory(history: LinkHistory): Fields {
  const { firstSeen, lastAlive, deadSince, observations, confirmed, flapping } = history;
  const out: Fields = { firstSeen, lastAlive, deadSince, observations, confirmed, flapping };
  put(out, 'news', history.news);
  return out;
}

function orderHop(hop: RedirectHop): Fields {
  const out: Fields = { url: redactField(hop.url), status: hop.status };
  put(out, 'location', hop.location === undefined ? undefined : redactField(hop.location));
  return out;
}

function orderSuggestion(suggestion: Suggestion): Fields {
  const out: Fields = { kind: suggestion.kind, url: redactField(suggestion.url) };
  put(out, 'timestamp', suggestion.timestamp);
  put(out, 'note', suggestion.note === undefined ? undefined : redactText(suggestion.note));
  return out;
}
