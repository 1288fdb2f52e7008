/**
 * Save Page Now 2 (SPN2): ask the Wayback Machine to capture alive links that have no recent capture, following
 * its public API documentation ("Save Page Now 2 Public API Docs Draft", Vangelis Banos, 2022-04-05):
 *
 * - `POST /save` with `Authorization: LOW <access>:<secret>`, `Accept: application/json` and the form field `url`
 *   answers `{"url", "job_id"}`, or a job-less `{"status": "error", "status_ext": "error:…", "message"}`;
 * - `GET /save/status/<job_id>` answers `{"status": "pending"}` until `"success"` (with `timestamp` and
 *   `original_url`) or `"error"` (with `status_ext` and `message`);
 * - limits: a few captures at once per account (`error:user-session-limit`), 10 captures of one URL a day
 *   (`error:too-many-daily-captures`), a daily total per account, and HTTP 429 for clients that ask too fast.
 *
 * One request at a time. The keys go only into the Authorization header: never into a message, a report or the
 * cache (a message that echoes one has it masked).
 */
import { parseRetryAfter } from '../check/index.js';
import type { Fetcher, SavePageNowReport, SaveRefusal } from '../model.js';
import { CDX_BODY_BYTES } from './archive.js';
import { cdxQueryUrl, parseCdxAnswer } from './cdx.js';

/** A capture newer than this counts as recent by default: 365 days. */
export const DEFAULT_SAVE_OLDER_THAN_MS = 365 * 24 * 60 * 60 * 1000;
/** The longest a capture job is waited for before it is reported as still pending. */
export const DEFAULT_SAVE_MAX_WAIT_MS = 3 * 60 * 1000;
/** Status polls back off from 1 s to this. */
export const SAVE_POLL_MAX_MS = 10_000;
/** The longest `Retry-After` honoured; a longer one ends the saving for this run. */
export const SAVE_MAX_RETRY_AFTER_MS = 60_000;
/** Bytes of an SPN2 answer read (its JSON is a few hundred bytes). */
export const SAVE_ANSWER_BYTES = 64 * 1024;

/** Codes after which no further capture is asked for in this run (the account's budget, not the URL's). */
/**
 * Refusals after which no other capture is asked for in this run. `network-error`: a capture request that did not
 * reach archive.org (refused, reset, hung); the next one would meet the same, each costing up to a timeout — with
 * archive.org hung, a hundred alive links were a hundred timeouts. `archive-unreachable`: the run already knows.
 */
const RUN_ENDING = new Set(['error:user-session-limit', 'error:too-many-requests', 'error:unauthorized', 'rate-limited', 'keys-refused', 'network-error', 'archive-unreachable']);

export interface SpnAnswer {
  status?: number;
  headers?: Record<string, string>;
  text?: string;
  /** A network failure: no answer at all. */
  error?: string;
}

/** How SPN2 requests are sent (the pipeline sends them through the run's dispatcher). */
export type SpnSend = (request: { url: string; method: 'GET' | 'POST'; headers: Record<string, string>; body?: string }) => Promise<SpnAnswer>;

export interface SavePageNowSettings {
  accessKey: string;
  secretKey: string;
  baseUrl: string;
  /** Save only links whose newest capture is older than this (ms). */
  olderThanMs: number;
  maxWaitMs?: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** `20170215093012` → milliseconds since the epoch (UTC). */
export function timestampMs(timestamp: string): number {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((at, index) => Number(timestamp.slice(at, at + (index === 0 ? 4 : 2))));
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function field(answer: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = answer?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Capture each alive URL that has no capture newer than `olderThanMs`, one at a time. Returns what was saved,
 * what was refused (and why) and how many already had a recent capture.
 */
export async function saveAlive(urls: readonly string[], fetcher: Fetcher, send: SpnSend, settings: SavePageNowSettings): Promise<SavePageNowReport> {
  const report: SavePageNowReport = { saved: [], refused: [], recent: 0 };
  const secrets = [settings.accessKey, settings.secretKey].filter((secret) => secret !== '');
  const mask = (text: string): string => secrets.reduce((masked, secret) => masked.split(secret).join('***'), text);
  const headers = { authorization: `LOW ${settings.accessKey}:${settings.secretKey}`, accept: 'application/json' };
  const refuse = (url: string, code: string, reason: string): SaveRefusal => {
    const refusal = { url, code, reason: mask(reason) };
    report.refused.push(refusal);
    return refusal;
  };
  let ended: SaveRefusal | undefined;

  for (const url of urls) {
    if (ended !== undefined) {
      refuse(url, 'not-attempted', `not attempted: ${ended.reason}`);
      continue;
    }
    const { newest, down } = await newestCapture(fetcher, settings.baseUrl, url);
    if (down !== undefined) {
      // The run's lookups found archive.org unreachable (see the fetcher's auxiliary requests): no capture is asked.
      ended = refuse(url, 'archive-unreachable', `archive.org could not be reached: ${down}`);
      continue;
    }
    if (newest !== undefined && settings.now() - timestampMs(newest) < settings.olderThanMs) {
      report.recent += 1;
      continue;
    }
    const outcome = await saveOne(url, send, headers, settings);
    if ('capture' in outcome) report.saved.push({ url, capture: outcome.capture, timestamp: outcome.timestamp });
    else {
      const refusal = refuse(url, outcome.code, outcome.reason);
      if (RUN_ENDING.has(outcome.code)) ended = refusal;
    }
  }
  return report;
}

/**
 * The newest good capture's timestamp (undefined when there is none or the CDX server could not say), and
 * `down` when archive.org is known unreachable in this run (the lookup was answered without a request).
 */
async function newestCapture(fetcher: Fetcher, baseUrl: string, url: string): Promise<{ newest?: string; down?: string }> {
  const result = await fetcher.fetch({ url: cdxQueryUrl(baseUrl, url, {}), method: 'GET', bodyBytes: CDX_BODY_BYTES, auxiliary: true });
  if (result.error?.originDown !== undefined) return { down: result.error.originDown };
  const answer = parseCdxAnswer(result);
  const newest = answer.ok ? answer.rows.at(-1)?.timestamp : undefined;
  return newest === undefined ? {} : { newest };
}

type SaveOutcome = { capture: string; timestamp: string } | { code: string; reason: string };

/** The job-less error or the HTTP failure of an SPN2 answer; undefined when it is a usable JSON answer. */
function failureOf(answer: SpnAnswer, what: string): { code: string; reason: string } | undefined {
  if (answer.error !== undefined) return { code: 'network-error', reason: `${what} failed: ${answer.error}` };
  if (answer.status === 401 || answer.status === 403) return { code: 'keys-refused', reason: `archive.org refused the keys (HTTP ${answer.status})` };
  if (answer.status === 429) return { code: 'rate-limited', reason: 'archive.org is rate-limiting us (HTTP 429)' };
  const json = parseJson(answer.text);
  if (json !== undefined && field(json, 'status') === 'error') {
    const code = field(json, 'status_ext') ?? 'error';
    return { code, reason: `${field(json, 'message') ?? code} (${code})` };
  }
  if (answer.status !== 200 || json === undefined) return { code: 'bad-answer', reason: `${what} answered ${answer.status ?? 'nothing'}${json === undefined ? ' without JSON' : ''}` };
  return undefined;
}

async function saveOne(url: string, send: SpnSend, headers: Record<string, string>, settings: SavePageNowSettings): Promise<SaveOutcome> {
  const form = new URLSearchParams({ url, skip_first_archive: '1', if_not_archived_within: `${Math.floor(settings.olderThanMs / 1000)}` });
  let answer: SpnAnswer = {};
  // A 429 is retried once after its Retry-After (when that is short); a second one ends the run's saving.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    answer = await send({ url: `${settings.baseUrl}/save`, method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    if (answer.status !== 429) break;
    const wait = parseRetryAfter(answer.headers?.['retry-after'], settings.now());
    if (wait === undefined || wait > SAVE_MAX_RETRY_AFTER_MS || attempt === 1) break;
    await settings.sleep(wait);
  }
  const failed = failureOf(answer, 'the capture request');
  if (failed !== undefined) return failed;
  const jobId = field(parseJson(answer.text), 'job_id');
  if (jobId === undefined || !/^[\w.-]+$/.test(jobId)) return { code: 'bad-answer', reason: 'the capture request answered without a job id' };

  const started = settings.now();
  let delay = 1000;
  for (;;) {
    await settings.sleep(delay);
    const status = await send({ url: `${settings.baseUrl}/save/status/${jobId}`, method: 'GET', headers });
    const statusFailed = failureOf(status, 'the status request');
    if (statusFailed !== undefined) return statusFailed;
    const json = parseJson(status.text);
    if (field(json, 'status') === 'success') {
      const timestamp = field(json, 'timestamp') ?? '';
      if (!/^\d{14}$/.test(timestamp)) return { code: 'bad-answer', reason: 'the capture succeeded without a timestamp' };
      return { capture: `${settings.baseUrl}/web/${timestamp}/${field(json, 'original_url') ?? url}`, timestamp };
    }
    if (settings.now() - started >= (settings.maxWaitMs ?? DEFAULT_SAVE_MAX_WAIT_MS)) {
      return { code: 'pending', reason: `the capture was still pending after ${Math.round((settings.now() - started) / 1000)} s (job ${jobId})` };
    }
    delay = Math.min(delay * 2, SAVE_POLL_MAX_MS);
  }
}
