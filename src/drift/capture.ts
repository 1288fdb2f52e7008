/**
 * The page as it was: the last Wayback capture at or before a date (CDX, `to=<date>`, status 200, HTML), read
 * raw (`/web/<timestamp>id_/<url>`: the page as archived, without the Wayback toolbar) and summarised. What
 * archive.org had before a date does not change, so the answer, found or not, is kept for good.
 */
import { cdxQueryUrl, CDX_BODY_BYTES, parseCdxAnswer, type Archive, type LookupStore, type Unavailable } from '../archive/index.js';
import { DEFAULT_CONTENT_BODY_BYTES, kindMatches } from '../diagnose/index.js';
import type { Fetcher } from '../model.js';
import { summarizeResult, type PageSummary } from './summary.js';

export type CaptureRecord =
  /** The capture and what it showed. */
  | { status: 'found'; url: string; timestamp: string; original: string; summary: PageSummary }
  /** archive.org has no HTML capture of the URL from before the date. */
  | { status: 'none' }
  /** The capture could not be read as a page (replay refused, not HTML): nothing to compare with. */
  | { status: 'unusable'; url: string; message: string };

/** Where captures are kept (the results cache keeps them for good). */
export type CaptureStore = LookupStore<CaptureRecord>;

/**
 * The lookup's answer when archive.org answers 429: the drift phase ends there (see `findDrift`). Never stored
 * (an `unavailable` answer is not kept).
 */
export const RATE_LIMITED: Unavailable = { status: 'unavailable', message: 'archive.org answered 429 Too Many Requests' };

/** The capture of `url` from at or before `stamp` (`YYYYMMDD`), through the archive's lookup rules. */
export function findCaptureBefore(archive: Archive, url: string, stamp: string, store: CaptureStore | undefined): Promise<CaptureRecord | Unavailable> {
  return archive.lookUp<CaptureRecord>(`${url} ${stamp}`, (ask) => readCapture(ask, archive.baseUrl, url, stamp), store);
}

async function readCapture(ask: Fetcher['fetch'], baseUrl: string, url: string, stamp: string): Promise<CaptureRecord | Unavailable> {
  const listed = await ask({ url: cdxQueryUrl(baseUrl, url, { to: stamp }), method: 'GET', bodyBytes: CDX_BODY_BYTES });
  if (listed.status === 429) return RATE_LIMITED;
  const answer = parseCdxAnswer(listed);
  if (!answer.ok) return { status: 'unavailable', message: answer.message };
  const row = answer.rows.filter((candidate) => kindMatches('html', candidate.mimetype)).at(-1);
  if (row === undefined) return { status: 'none' };
  const capture = `${baseUrl}/web/${row.timestamp}/${row.original}`;
  const page = await ask({ url: `${baseUrl}/web/${row.timestamp}id_/${row.original}`, method: 'GET', bodyBytes: DEFAULT_CONTENT_BODY_BYTES });
  if (page.status === 429) return RATE_LIMITED;
  if (page.error !== undefined) return { status: 'unavailable', message: `capture could not be read: ${page.error.code}` };
  if (page.status !== undefined && page.status >= 500) return { status: 'unavailable', message: `capture answered ${page.status}` };
  const summary = summarizeResult(page);
  if (summary === undefined) return { status: 'unusable', url: capture, message: `capture answered ${page.status ?? 'nothing'} without an HTML page` };
  return { status: 'found', url: capture, timestamp: row.timestamp, original: row.original, summary };
}
