import { SCHEMA_VERSION, STATES } from '../model.js';
import type { FileReport, Notice, Report, State, Summary } from '../model.js';

export interface ReportMeta {
  version: string;
  /** Requests sent over the whole run (every method, hop and retry). */
  requests: number;
  durationMs: number;
  /** Unique URLs checked. */
  urls: number;
  /** Things said once about the whole run (left out of the report when empty). */
  notices?: readonly Notice[] | undefined;
}

/** Count link occurrences per state over every file. */
export function countStates(files: readonly FileReport[]): Record<State, number> {
  const counts = Object.fromEntries(STATES.map((state) => [state, 0])) as Record<State, number>;
  for (const file of files) {
    for (const link of file.links) counts[link.state] += 1;
  }
  return counts;
}

export function summarise(files: readonly FileReport[], meta: Omit<ReportMeta, 'version'>): Summary {
  const links = files.reduce((total, file) => total + file.links.length, 0);
  return {
    files: files.length,
    links,
    urls: meta.urls,
    requests: meta.requests,
    durationMs: Math.max(0, Math.round(meta.durationMs)),
    ...countStates(files),
  };
}

/** The one report model every format is rendered from. */
export function buildReport(files: FileReport[], meta: ReportMeta): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'linkrot', version: meta.version },
    summary: summarise(files, meta),
    ...(meta.notices === undefined || meta.notices.length === 0 ? {} : { notices: [...meta.notices] }),
    files,
  };
}
