import { STATES } from '../model.js';
import type { CheckedLink, ExtractReport, FileReport, Link, RedirectHop, Report, Suggestion } from '../model.js';
import { redactField, redactText } from './redact.js';

/**
 * The JSON report: field names as in DESIGN.md and model.ts, in a fixed order (so two runs diff cleanly),
 * optional fields left out when absent, and every credential (`user:password@`) removed from URLs and texts.
 */
export function renderJson(report: Report): string {
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
    files: report.files.map(orderFile),
  };
  return `${escapeInvisible(JSON.stringify(document, null, 2))}\n`;
}

/**
 * JSON.stringify escapes C0 controls but writes DEL, C1 controls (U+009B is a terminal's CSI) and bidi
 * overrides as they are. They can only occur inside strings, where `\uXXXX` means the same value: so the
 * output is safe to print on a terminal and parses to the same data.
 */
function escapeInvisible(json: string): string {
  return json.replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The JSON printed by `linkrot extract`: the same shape without the verdict fields. */
export function renderExtractJson(report: ExtractReport): string {
  const document = {
    schemaVersion: report.schemaVersion,
    tool: { name: report.tool.name, version: report.tool.version },
    summary: { files: report.summary.files, links: report.summary.links },
    files: report.files.map((file) => ({
      path: file.path,
      ...optional('date', file.date),
      ...optional('title', file.title === undefined ? undefined : redactText(file.title)),
      ...optional('error', file.error === undefined ? undefined : redactText(file.error)),
      links: file.links.map(orderLink),
    })),
  };
  return `${escapeInvisible(JSON.stringify(document, null, 2))}\n`;
}

function orderFile(file: FileReport): Record<string, unknown> {
  return {
    path: file.path,
    ...optional('date', file.date),
    ...optional('title', file.title === undefined ? undefined : redactText(file.title)),
    ...optional('error', file.error === undefined ? undefined : redactText(file.error)),
    links: file.links.map(orderCheckedLink),
  };
}

function orderLink(link: Link): Record<string, unknown> {
  return {
    url: redactField(link.url),
    ...optional('resolved', link.resolved === undefined ? undefined : redactField(link.resolved)),
    kind: link.kind,
    syntax: link.syntax,
    text: redactText(link.text),
    line: link.line,
    column: link.column,
    offset: { start: link.offset.start, end: link.offset.end },
    ...optional('urlLine', link.urlLine),
    ...optional('html', link.html === undefined ? undefined : { tag: link.html.tag, attr: link.html.attr }),
    ...optional('inLink', link.inLink),
    ...optional('label', link.label === undefined ? undefined : redactText(link.label)),
    ...optional('definitionLine', link.definitionLine),
  };
}

function orderCheckedLink(link: CheckedLink): Record<string, unknown> {
  return {
    ...orderLink(link),
    state: link.state,
    reason: link.reason,
    ...optional('family', link.family),
    ...optional('httpStatus', link.httpStatus),
    ...optional('finalUrl', link.finalUrl === undefined ? undefined : redactField(link.finalUrl)),
    ...optional('redirects', link.redirects?.map(orderHop)),
    ...optional('fragment', link.fragment === undefined ? undefined : redactText(link.fragment)),
    detail: redactText(link.detail),
    suggestions: link.suggestions.map(orderSuggestion),
  };
}

function orderHop(hop: RedirectHop): Record<string, unknown> {
  return {
    url: redactField(hop.url),
    status: hop.status,
    ...optional('location', hop.location === undefined ? undefined : redactField(hop.location)),
  };
}

function orderSuggestion(suggestion: Suggestion): Record<string, unknown> {
  return {
    kind: suggestion.kind,
    url: redactField(suggestion.url),
    ...optional('timestamp', suggestion.timestamp),
    ...optional('note', suggestion.note === undefined ? undefined : redactText(suggestion.note)),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
