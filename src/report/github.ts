import { STATE_ORDER, STATE_PRESENTATION } from '../model.js';
import type { Report } from '../model.js';
import { stripControl } from '../util/terminal.js';
import { historyWords } from './history-words.js';
import { redactField, redactText } from './redact.js';
import { formatTimestamp, summaryLine } from './text.js';

/**
 * GitHub Actions workflow commands: one `::error` (dead) or `::warning` (suspicious, blocked, unreachable) or
 * `::notice` (redirected) per link occurrence, on its file, line and column, then the summary as a notice.
 * Escaping follows the workflow-command format: in data `%`, CR and LF; in property values also `:` and `,`.
 * Other control characters (ANSI escapes, bidi overrides) are removed first.
 */
export function renderGithub(report: Report): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.error !== undefined) {
      lines.push(command('error', { file: file.path, title: 'linkrot: file not checked' }, file.error));
    }
  }
  for (const state of STATE_ORDER) {
    const severity = STATE_PRESENTATION[state].severity;
    if (severity === 'none') continue;
    for (const file of report.files) {
      for (const link of file.links) {
        if (link.state !== state) continue;
        const family = link.family === undefined ? '' : ` (${link.family})`;
        const message = [`${link.state}: ${link.reason}${family}: ${link.detail}`, `URL: ${redactField(link.resolved ?? link.url)}`];
        const history = historyWords(link);
        if (history !== '') message.push(`History: ${history}`);
        for (const suggestion of link.suggestions) {
          const when = suggestion.timestamp === undefined ? '' : ` (${formatTimestamp(suggestion.timestamp)})`;
          message.push(`Suggested (${suggestion.kind}${when}): ${redactField(suggestion.url)}`);
        }
        const title = `linkrot: ${STATE_PRESENTATION[state].label.toLowerCase()} link (${link.reason})`;
        lines.push(command(severity, { file: file.path, line: link.line, col: link.column, title }, message.join('\n')));
      }
    }
  }
  for (const notice of report.notices ?? []) lines.push(command('warning', { title: `linkrot: ${notice.code}` }, notice.message));
  lines.push(command('notice', { title: 'linkrot' }, summaryLine(report.summary)));
  return `${lines.join('\n')}\n`;
}

function command(name: 'error' | 'warning' | 'notice', properties: Record<string, string | number>, message: string): string {
  const list = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name} ${list}::${escapeData(message)}`;
}

/** Keep newlines (they are encoded), drop every other control or bidi character. */
function cleanMultiline(text: string): string {
  return redactText(text)
    .split(/\r\n|\r|\n/)
    .map((line) => stripControl(line))
    .join('\n');
}

export function escapeData(text: string): string {
  return cleanMultiline(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
