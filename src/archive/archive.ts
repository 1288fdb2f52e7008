import { kindMatches, kindOfUrl } from '../diagnose/index.js';
import type { Fetcher, Suggestion } from '../model.js';
import { cdxQueryUrl, parseCdxAnswer, type CdxRow } from './cdx.js';
import { parseUrl } from '../util/url.js';

export const DEFAULT_ARCHIVE_BASE_URL = 'https://web.archive.org';
/** CDX answers for a few rows are a few kilobytes; this bounds a misbehaving answer. */
export const CDX_BODY_BYTES = 256 * 1024;

export type SnapshotLookup =
  | { status: 'found'; url: string; timestamp: string; original: string }
  | { status: 'none' }
  /** `unreachable`: archive.org itself could not be reached in this run (the same answer for every lookup). */
  | { status: 'unavailable'; message: string; unreachable?: true };

/** Where answers are kept between runs (the results cache implements it). `unavailable` is never stored. */
export interface LookupStore<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}
export type SnapshotStore = LookupStore<SnapshotLookup>;
/** A lookup archive.org left unanswered (never stored). */
export type Unavailable = SnapshotLookup & { status: 'unavailable' };

export interface Archive {
  /**
   * The Wayback capture that best shows what the author linked to: the last capture at or before `date`
   * (`YYYY-MM-DD`) that answered 200 with the same kind of content, else the first good one after it, else the
   * capture the redirect lookup (`/web/<date>/<url>`) points to. A lookup that fails is `unavailable`.
   */
  findSnapshot(url: string, date?: string): Promise<SnapshotLookup>;
  /**
   * Why archive.org could not be reached, once it failed at the connection level or timed out twice in a row
   * (the fetcher's rule for auxiliary requests). From then on every lookup, pending or new, is `unavailable`
   * at once, without a request.
   */
  readonly unreachable: string | undefined;
  /** Where archive.org is asked (no trailing slash). */
  readonly baseUrl: string;
  /**
   * Another kind of lookup (a short link's redirect capture) under the same rules as `findSnapshot`: `run` asks
   * archive.org only through `ask` (auxiliary requests, and the end of the lookup once archive.org is
   * unreachable); found and none answers are kept in the store under `key`, concurrent lookups of a key share
   * one run, and once archive.org is unreachable the answer is `unavailable` at once, without a request.
   * Another kind of answer (a capture's summary) is kept in its own `store`.
   */
  lookUp(key: string, run: (ask: Fetcher['fetch']) => Promise<SnapshotLookup>): Promise<SnapshotLookup>;
  lookUp<T extends { status: string }>(key: string, run: (ask: Fetcher['fetch']) => Promise<T | Unavailable>, store: LookupStore<T> | undefined): Promise<T | Unavailable>;
}

/** Thrown inside a lookup when archive.org turns out to be unreachable: the lookup ends wherever it is. */
class ArchiveUnreachable extends Error {}

export function createArchive(fetcher: Fetcher, options: { baseUrl?: string; store?: SnapshotStore } = {}): Archive {
  const baseUrl = (options.baseUrl ?? DEFAULT_ARCHIVE_BASE_URL).replace(/\/+$/, '');
  const store = options.store;
  const pending = new Map<string, Promise<unknown>>();
  let unreachable: string | undefined;

  /** Every request to archive.org: auxiliary, and the end of every lookup once its origin is down. */
  const ask: Fetcher['fetch'] = async (request) => {
    if (unreachable !== undefined) throw new ArchiveUnreachable(unreachable);
    const result = await fetcher.fetch({ ...request, auxiliary: true });
    if (result.error?.originDown !== undefined) {
      unreachable ??= result.error.originDown;
      throw new ArchiveUnreachable(unreachable);
    }
    return result;
  };

  async function snapshotOf(url: string, stamp: string | undefined): Promise<SnapshotLookup> {
    const expected = kindOfUrl(url);
    const fits = (row: CdxRow): boolean => expected === undefined || kindMatches(expected, row.mimetype);
    let rateLimited = false;
    const queryCdx = async (range: { to?: string; from?: string }) => {
      const result = await ask({ url: cdxQueryUrl(baseUrl, url, range), method: 'GET', bodyBytes: CDX_BODY_BYTES });
      if (result.status === 429) rateLimited = true;
      return parseCdxAnswer(result);
    };

    const before = await queryCdx(stamp === undefined ? {} : { to: stamp });
    let fallback: CdxRow | undefined;
    let failure: string | undefined;
    if (before.ok) {
      const best = before.rows.filter(fits).at(-1);
      if (best !== undefined) return found(baseUrl, best);
      fallback = before.rows.at(-1);
      if (stamp !== undefined) {
        const after = await queryCdx({ from: stamp });
        if (after.ok) {
          const first = after.rows.find(fits);
          if (first !== undefined) return found(baseUrl, first);
          fallback ??= after.rows[0];
        } else {
          failure = after.message;
        }
      }
      // Captures exist but none of the same kind: a capture of what the URL served then beats none at all.
      if (fallback !== undefined) return found(baseUrl, fallback);
    } else {
      failure = before.message;
    }
    // archive.org still refuses us after the fetcher's retries: asking it anything else now only makes it worse.
    if (rateLimited) return { status: 'unavailable', message: failure ?? 'archive.org is rate-limiting us' };
    const redirect = await redirectLookup(ask, baseUrl, url, stamp);
    if (redirect.status !== 'unavailable') return redirect;
    return failure === undefined ? { status: 'none' } : { status: 'unavailable', message: failure };
  }

  return {
    get unreachable(): string | undefined {
      return unreachable;
    },
    baseUrl,
    findSnapshot(url: string, date?: string): Promise<SnapshotLookup> {
      const stamp = toStamp(date);
      return lookUp(`${url} ${stamp ?? 'latest'}`, () => snapshotOf(url, stamp));
    },
    lookUp,
  };

  function lookUp<T extends { status: string }>(
    key: string,
    run: (fetch: Fetcher['fetch']) => Promise<T | Unavailable>,
    own?: LookupStore<T>,
  ): Promise<T | Unavailable> {
    const kept = (own ?? store) as LookupStore<T> | undefined;
    const cached = kept?.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    if (unreachable !== undefined) return Promise.resolve({ status: 'unavailable', message: unreachable, unreachable: true });
    const running = pending.get(key) as Promise<T | Unavailable> | undefined;
    if (running !== undefined) return running;
    const lookup = run(ask)
      .catch((error: unknown): Unavailable => {
        if (error instanceof ArchiveUnreachable) return { status: 'unavailable', message: error.message, unreachable: true };
        return { status: 'unavailable', message: error instanceof Error ? error.message : String(error) };
      })
      .then((answer) => {
        if (!isUnavailable(answer)) kept?.set(key, answer);
        return answer;
      })
      .finally(() => pending.delete(key));
    pending.set(key, lookup);
    return lookup;
  }
}

function isUnavailable<T extends { status: string }>(answer: T | Unavailable): answer is Unavailable {
  return answer.status === 'unavailable';
}

/** `2017-03-01` → `20170301`; undefined for a missing or malformed date (then the latest capture is wanted). */
export function toStamp(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const stamp = date.replace(/-/g, '').slice(0, 8);
  return /^\d{8}$/.test(stamp) ? stamp : undefined;
}

function found(baseUrl: string, row: CdxRow): SnapshotLookup {
  const original = withoutDefaultPort(row.original);
  return { status: 'found', url: `${baseUrl}/web/${row.timestamp}/${original}`, timestamp: row.timestamp, original };
}

/** Old CDX rows keep the port (`http://example.com:80/`); the snapshot URL reads better without it. */
function withoutDefaultPort(original: string): string {
  return original.replace(/^(http:\/\/[^/:?#]+):80(?=[/?#]|$)/i, '$1').replace(/^(https:\/\/[^/:?#]+):443(?=[/?#]|$)/i, '$1');
}

/** The redirect lookup: `/web/<stamp>/<url>` answers 302 to the nearest capture, 404 when there is none. */
async function redirectLookup(fetch: Fetcher['fetch'], baseUrl: string, url: string, stamp: string | undefined): Promise<SnapshotLookup> {
  const result = await fetch({ url: `${baseUrl}/web/${stamp ?? ''}${stamp === undefined ? '' : '/'}${url}`, method: 'GET', followRedirects: false });
  if (result.error !== undefined) return { status: 'unavailable', message: `redirect lookup failed: ${result.error.code}` };
  if (result.status === 404) return { status: 'none' };
  const location = result.headers?.['location'];
  if (result.status !== undefined && result.status >= 300 && result.status < 400 && location !== undefined) {
    const target = parseUrl(location, `${baseUrl}/`);
    if (target === undefined) return { status: 'unavailable', message: 'redirect lookup gave an unparsable Location' };
    const match = /\/web\/(\d{14})(?:[a-z]{2}_)?\/(.+)$/.exec(target.pathname + target.search);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      return found(baseUrl, { timestamp: match[1], original: match[2], statuscode: '200', mimetype: '' });
    }
    return { status: 'unavailable', message: 'redirect lookup pointed somewhere unexpected' };
  }
  return { status: 'unavailable', message: `redirect lookup answered ${result.status ?? 'nothing'}` };
}

/** The `archive` suggestion for a found snapshot. */
export function snapshotSuggestion(snapshot: SnapshotLookup & { status: 'found' }): Suggestion {
  const t = snapshot.timestamp;
  return {
    kind: 'archive',
    url: snapshot.url,
    timestamp: t,
    note: `Wayback Machine capture of ${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`,
  };
}
