/**
 * The drift phase: for each alive link, the page now against its capture from before the post's date. One
 * archive lookup at a time (archive.org's politeness is one request a second anyway, and a 429 must stop the
 * lookups still to come, not only the ones after the queue drains).
 */
import type { Archive } from '../archive/index.js';
import { readUrl } from '../util/url.js';
import { findCaptureBefore, RATE_LIMITED, type CaptureRecord, type CaptureStore } from './capture.js';
import { compare } from './compare.js';
import type { PageSummary } from './summary.js';

export interface DriftCandidate {
  /** The URL as linked (looked up in the archive). */
  url: string;
  /** The post's date as a Wayback stamp, `YYYYMMDD`. */
  stamp: string;
}

export type DriftFinding =
  | { status: 'changed'; why: string; then: PageSummary; now: PageSummary; capture: Extract<CaptureRecord, { status: 'found' }> }
  | { status: 'same'; why: string }
  /** No capture from before the date, or none that could be read: nothing is said. */
  | { status: 'no-capture' }
  /** Left unjudged: archive.org unreachable or rate-limiting, or the page now unreadable. */
  | { status: 'unjudged' };

export interface DriftSettings {
  archive: Archive;
  store?: CaptureStore;
  /** The page now, summarised (from the check step's answer, or asked again). Undefined when not a page. */
  pageNow: (url: string) => Promise<PageSummary | undefined>;
  onProgress?: (done: number, total: number) => void;
}

export interface DriftOutcome {
  /** Per candidate key (`url stamp`). */
  findings: Map<string, DriftFinding>;
  /** Why the phase ended early (a 429, archive.org unreachable), when it did. */
  stopped?: string;
}

export function driftKey(candidate: DriftCandidate): string {
  return `${candidate.url} ${candidate.stamp}`;
}

export async function findDrift(candidates: readonly DriftCandidate[], settings: DriftSettings): Promise<DriftOutcome> {
  const { archive } = settings;
  const findings = new Map<string, DriftFinding>();
  const unique = [...new Map(candidates.map((candidate) => [driftKey(candidate), candidate])).values()];
  let stopped: string | undefined;
  let done = 0;
  for (const candidate of unique) {
    const key = driftKey(candidate);
    stopped ??= archive.unreachable;
    if (stopped !== undefined) {
      findings.set(key, { status: 'unjudged' });
      continue;
    }
    const capture = await findCaptureBefore(archive, candidate.url, candidate.stamp, settings.store);
    if (capture.status === 'unavailable') {
      // A 429 or an unreachable archive ends the phase; another failure skips one link.
      if (capture.message === RATE_LIMITED.message || archive.unreachable !== undefined) stopped = archive.unreachable ?? capture.message;
      findings.set(key, { status: 'unjudged' });
    } else if (capture.status !== 'found') {
      findings.set(key, { status: 'no-capture' });
    } else {
      const now = await settings.pageNow(candidate.url);
      if (now === undefined) {
        findings.set(key, { status: 'unjudged' });
      } else {
        const verdict = compare(capture.summary, now, readUrl(candidate.url)?.hostname ?? '');
        findings.set(key, verdict.changed ? { status: 'changed', why: verdict.why, then: capture.summary, now, capture } : { status: 'same', why: verdict.why });
      }
    }
    done += 1;
    settings.onProgress?.(done, unique.length);
  }
  return { findings, ...(stopped === undefined ? {} : { stopped }) };
}
