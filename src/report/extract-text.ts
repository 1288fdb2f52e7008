import type { ExtractReport } from '../model.js';
import { stripControl } from '../util/terminal.js';
import { redactField, redactText } from './redact.js';
import { plural } from './text.js';

/** `linkrot extract` for people: one line per link (`file:line:col  kind  url  “text”`), then a summary. */
export function renderExtractText(report: ExtractReport, options: { color: boolean }): string {
  const paint = options.color ? (code: string, text: string) => `\u001b[${code}m${text}\u001b[0m` : (_code: string, text: string) => text;
  const lines: string[] = [];
  for (const file of report.files) {
    const meta = [file.date, file.title === undefined ? undefined : `“${stripControl(redactText(file.title))}”`].filter((part) => part !== undefined);
    lines.push(paint('1', `${stripControl(file.path)}${meta.length > 0 ? `  ${meta.join(' ')}` : ''}`));
    if (file.error !== undefined) lines.push(`  ${paint('31', 'error')}: ${stripControl(redactText(file.error))}`);
    for (const link of file.links) {
      const where = `${link.line}:${link.column}`;
      const url = stripControl(redactField(link.url));
      const resolved = link.resolved !== undefined && link.resolved !== link.url ? ` → ${stripControl(redactField(link.resolved))}` : '';
      const text = link.text === '' ? '' : `  ${paint('2', `“${stripControl(redactText(link.text))}”`)}`;
      lines.push(`  ${where.padEnd(9)} ${link.kind.padEnd(15)} ${url}${resolved}${text}`);
    }
  }
  lines.push('', `${plural(report.summary.links, 'link')} in ${plural(report.summary.files, 'file')}`);
  return `${lines.join('\n')}\n`;
}
