import { LinkrotError } from '../errors.js';
import { SCHEMA_VERSION } from '../model.js';
import type { CheckedLink, FileReport, Report, SavePageNowReport } from '../model.js';
import { buildReport } from './build.js';

/**
 * `linkrot merge`: combine the JSON reports of several jobs (e.g. `--shard K/N`, each job visiting its own hosts)
 * into one. Files with the same path are merged link by link (an occurrence reported by two jobs is kept once),
 * links are ordered by position, the summary is recomputed: requests and URLs add up (shards are disjoint by
 * host), the duration is the longest job's (jobs run side by side). Each link keeps its own fields (history,
 * archive, suggestions), the run's notices and Save Page Now outcome are carried over, so a report rendered
 * after a JSON → merge round trip says what the run itself would have said.
 */
export function mergeReports(reports: Report[]): Report {
  if (reports.length === 0) throw new LinkrotError('LINKROT_USAGE', 'Nothing to merge: expected at least one JSON report');
  reports.forEach((report, index) => {
    if (report.schemaVersion !== SCHEMA_VERSION) {
      throw new LinkrotError(
        'LINKROT_INPUT',
        `Cannot merge report ${index + 1}: expected schemaVersion ${SCHEMA_VERSION}, found ${JSON.stringify(report.schemaVersion)}`,
      );
    }
  });

  const byPath = new Map<string, FileReport>();
  for (const report of reports) {
    for (const file of report.files) {
      const existing = byPath.get(file.path);
      byPath.set(file.path, existing === undefined ? { ...file, links: [...file.links] } : mergeFile(existing, file));
    }
  }
  const files = [...byPath.values()].map((file) => ({ ...file, links: dedupe(file.links).sort(byPosition) }));
  const first = reports[0] as Report;
  const merged = buildReport(files, {
    version: first.tool.version,
    requests: reports.reduce((total, report) => total + report.summary.requests, 0),
    urls: reports.reduce((total, report) => total + report.summary.urls, 0),
    durationMs: Math.max(...reports.map((report) => report.summary.durationMs)),
    // Each job's notice concerns its own links: all are kept, a repeated one once.
    notices: once(reports.flatMap((report) => report.notices ?? [])),
  });
  const saves = reports.flatMap((report) => (report.savePageNow === undefined ? [] : [report.savePageNow]));
  if (saves.length === 0) return merged;
  // --save-alive in each job saved its own hosts' links: the captures and refusals are all kept, the counts add up.
  const savePageNow: SavePageNowReport = {
    saved: once(saves.flatMap((save) => save.saved)),
    refused: once(saves.flatMap((save) => save.refused)),
    recent: saves.reduce((total, save) => total + save.recent, 0),
  };
  return { ...merged, savePageNow };
}

/** The items in order, one repeated by several jobs kept once. */
function once<T>(items: T[]): T[] {
  return [...new Map(items.map((item) => [JSON.stringify(item), item])).values()];
}

function mergeFile(into: FileReport, from: FileReport): FileReport {
  const merged: FileReport = { ...into, links: [...into.links, ...from.links] };
  if (merged.date === undefined && from.date !== undefined) merged.date = from.date;
  if (merged.title === undefined && from.title !== undefined) merged.title = from.title;
  if (merged.error === undefined && from.error !== undefined) merged.error = from.error;
  return merged;
}

function dedupe(links: CheckedLink[]): CheckedLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = `${link.line}:${link.column}:${link.offset.start}:${link.offset.end}:${link.syntax}:${link.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function byPosition(a: CheckedLink, b: CheckedLink): number {
  return a.line - b.line || a.column - b.column || a.offset.start - b.offset.start;
}
