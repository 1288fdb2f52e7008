import type { CheckResult } from '../model.js';

/** Rows asked from the CDX server per query: enough to skip captures of another kind of content. */
export const CDX_ROWS = 10;

export interface CdxRow {
  timestamp: string;
  original: string;
  statuscode: string;
  mimetype: string;
}

/**
 * The CDX query for the captures of `url` that answered 200, either the last ones at or before `to`
 * (`limit=-N`) or the first ones from `from` on (`limit=N`).
 *
 * Why `limit=-N` with N > 1: the CDX server treats `limit=-1` specially — it reads the index backwards from the
 * newest capture (`fastLatest`) and, for an exact URL, stops at the first capture newer than `to`, so a page
 * captured after the post date answers `[]` even when older captures exist. With `limit=-N`, N > 1, it reads
 * forwards, stops at `to`, and keeps the last N matching rows: exactly "the last captures at or before the date".
 * `to=YYYYMMDD` includes the whole day (the server compares timestamp prefixes).
 */
export function cdxQueryUrl(baseUrl: string, url: string, range: { to?: string; from?: string }): string {
  const parameters = [
    `url=${encodeURIComponent(url)}`,
    'output=json',
    'fl=timestamp,original,statuscode,mimetype',
    'filter=statuscode:200',
  ];
  if (range.to !== undefined) parameters.push(`to=${range.to}`);
  if (range.from !== undefined) parameters.push(`from=${range.from}`);
  parameters.push(range.from !== undefined ? `limit=${CDX_ROWS}` : `limit=-${CDX_ROWS}`);
  return `${baseUrl}/cdx/search/cdx?${parameters.join('&')}`;
}

export type CdxAnswer = { ok: true; rows: CdxRow[] } | { ok: false; message: string };

/**
 * Read a CDX answer: a JSON array whose first row is the header, or `[]` when nothing matched. Rows whose status
 * `accept` refuses are dropped (by default all but 200).
 */
export function parseCdxAnswer(result: CheckResult, accept: (statuscode: string) => boolean = (status) => status === '200'): CdxAnswer {
  if (result.error !== undefined) return { ok: false, message: `CDX lookup failed: ${result.error.code}` };
  if (result.status !== 200) return { ok: false, message: `CDX lookup answered ${result.status ?? 'nothing'}` };
  const text = result.body?.text;
  if (text === undefined) return { ok: false, message: 'CDX lookup returned no body' };
  if (result.body?.truncated === true) return { ok: false, message: 'CDX answer was larger than expected' };
  if (text.trim() === '') return { ok: true, rows: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'CDX answer is not JSON' };
  }
  if (!Array.isArray(parsed)) return { ok: false, message: 'CDX answer is not a JSON array' };
  if (parsed.length === 0) return { ok: true, rows: [] };
  const [header, ...body] = parsed as unknown[];
  if (!isStringArray(header)) return { ok: false, message: 'CDX answer has no header row' };
  const index = (name: string): number => header.indexOf(name);
  const columns = { timestamp: index('timestamp'), original: index('original'), statuscode: index('statuscode'), mimetype: index('mimetype') };
  if (columns.timestamp < 0 || columns.original < 0) return { ok: false, message: 'CDX header lacks timestamp or original' };
  const rows: CdxRow[] = [];
  for (const row of body) {
    if (!isStringArray(row)) {
      // A resume key block (`[]`, `["key"]`) is not an error; anything else is.
      if (Array.isArray(row) && row.length <= 1) continue;
      return { ok: false, message: 'CDX answer has a malformed row' };
    }
    if (row.length < header.length) continue;
    const timestamp = row[columns.timestamp] ?? '';
    if (!/^\d{14}$/.test(timestamp)) continue;
    rows.push({
      timestamp,
      original: row[columns.original] ?? '',
      statuscode: columns.statuscode < 0 ? '200' : (row[columns.statuscode] ?? ''),
      mimetype: columns.mimetype < 0 ? '' : (row[columns.mimetype] ?? ''),
    });
  }
  return { ok: true, rows: rows.filter((row) => accept(row.statuscode) && row.original !== '') };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 1 && value.every((cell) => typeof cell === 'string');
}
