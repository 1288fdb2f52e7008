import type { Report } from '../model.js';
import { redactField, redactText } from './redact.js';

/**
 * The `--save-alive` section, as plain lines (each format escapes them its own way): what was captured, with
 * the new capture's address, and what was refused and why. Empty without `--save-alive`.
 */
export function savePageNowLines(report: Report): string[] {
  const spn = report.savePageNow;
  if (spn === undefined) return [];
  const lines = [
    `Save Page Now: ${spn.saved.length} saved, ${spn.refused.length} refused, ${spn.recent} already had a recent capture`,
  ];
  for (const saved of spn.saved) lines.push(`  saved ${redactField(saved.url)} → ${redactField(saved.capture)}`);
  for (const refused of spn.refused) lines.push(`  refused ${redactField(refused.url)}: ${redactText(refused.reason)}`);
  return lines;
}
