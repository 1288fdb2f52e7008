import { readFile } from 'node:fs/promises';
import type { SnapshotLookup, SnapshotStore } from '../archive/index.js';
import type { CaptureRecord, CaptureStore } from '../drift/index.js';
import type { Verdict } from '../model.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { isHistoryRecord, observe, type HistoryRecord, type HistoryStore, type Observation } from './history.js';
import { acquireLock } from './lock.js';
import { stringifyCacheFile } from './stable-json.js';

export const DEFAULT_CACHE_FILE = '.linkrot-cache.json';
/** One day: a link checked today is not checked again until tomorrow. */
export const DEFAULT_MAX_AGE_MS = 86_400_000;
/**
 * Version of the cache file format. Version 1 (verdicts and archive lookups only) is read and upgraded: each
 * of its verdicts becomes the first observation of a history. A file of another version is ignored (and
 * replaced on save). Files that still carry the old, never-read `results` section lose it on save.
 */
export const CACHE_VERSION = 2;
const UPGRADED_VERSIONS: readonly unknown[] = [1];
/** A history nobody observed for this long is dropped on save (the link has left every post). */
export const HISTORY_KEEP_MS = 365 * 86_400_000;

interface Entry<T> {
  /** When the fact was learnt (ISO 8601). */
  checkedAt: string;
  value: T;
}

interface CacheFile {
  version: typeof CACHE_VERSION;
  /** Verdicts per request URL and fragment (`url` or `url#fragment`). */
  verdicts: Record<string, Entry<Verdict>>;
  /** Archive lookups per key (the archive stage's keys). */
  archive: Record<string, Entry<SnapshotLookup>>;
  /** Observations per request URL and fragment (same keys as `verdicts`), kept past the maximum age. */
  history: Record<string, HistoryRecord>;
  /**
   * `--drift`'s Wayback captures from before a date and their summaries, per `url YYYYMMDD`, kept for good: what
   * archive.org had before a date does not change. A file without this section (written before it existed, or by
   * a version that did not know it) simply has none yet.
   */
  drift: Record<string, Entry<CaptureRecord>>;
}

const SECTIONS = ['verdicts', 'archive', 'drift'] as const;
/** Sections whose entries never grow stale. */
const KEPT_FOR_GOOD: ReadonlySet<string> = new Set(['drift']);

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found but older than the maximum age (checked again). */
  stale: number;
}

/**
 * What the pipeline remembers between runs (it satisfies the pipeline's `VerdictStore`): verdicts per request
 * URL and fragment, and archive lookups.
 */
export interface ResultsCache {
  get(url: string, fragment: string): Verdict | undefined;
  set(url: string, fragment: string, verdict: Verdict): void;
  readonly archive: SnapshotStore;
  /** Every observation, transient ones included, whatever the maximum age. */
  readonly history: HistoryStore;
  readonly drift: CaptureStore;
  save(): Promise<void>;
  readonly stats: CacheStats;
}

export interface CacheOptions {
  maxAgeMs: number;
  now?: () => number;
  /** Where the one warning about an unreadable cache file goes (default: stderr). */
  warn?: (message: string) => void;
}

function emptyFile(): CacheFile {
  return { version: CACHE_VERSION, verdicts: {}, archive: {}, history: {}, drift: {} };
}

/** Verdicts that depend on the moment or on settings are decided again next run. */
function isVerdictCacheable(verdict: Verdict): boolean {
  return verdict.state !== 'unreachable' && verdict.reason !== 'rate-limited' && verdict.reason !== 'private-redirect' && verdict.reason !== 'private-address';
}

type Parsed = { ok: true; file: CacheFile } | { ok: false; problem: string } | { ok: 'missing' };

function isEntryMap(value: unknown): value is Record<string, Entry<unknown>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every(
    (entry) => entry !== null && typeof entry === 'object' && typeof (entry as Entry<unknown>).checkedAt === 'string' && typeof (entry as Entry<unknown>).value === 'object',
  );
}

async function readCacheFile(path: string): Promise<Parsed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: 'missing' };
    return { ok: false, problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'is not valid JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('version' in value)) {
    return { ok: false, problem: 'is not a linkrot cache' };
  }
  const record = value as Record<string, unknown>;
  const upgrade = UPGRADED_VERSIONS.includes(record['version']);
  if (record['version'] !== CACHE_VERSION && !upgrade) {
    return { ok: false, problem: `has version ${JSON.stringify(record['version'])}, expected ${CACHE_VERSION}` };
  }
  const file = emptyFile();
  for (const section of SECTIONS) {
    const entries = record[section] ?? {};
    if (!isEntryMap(entries)) return { ok: false, problem: 'is not a linkrot cache' };
    (file as unknown as Record<string, unknown>)[section] = entries;
  }
  const history = upgrade ? historyFromVerdicts(file.verdicts) : (record['history'] ?? {});
  if (history === null || typeof history !== 'object' || Array.isArray(history) || !Object.values(history).every(isHistoryRecord)) {
    return { ok: false, problem: 'is not a linkrot cache' };
  }
  file.history = history as Record<string, HistoryRecord>;
  return { ok: true, file };
}

/** Upgrade from version 1: each remembered verdict was one observation, made when it was checked. */
function historyFromVerdicts(verdicts: CacheFile['verdicts']): Record<string, HistoryRecord> {
  const history: Record<string, HistoryRecord> = {};
  for (const [key, { checkedAt, value }] of Object.entries(verdicts)) {
    if (!Number.isFinite(Date.parse(checkedAt))) continue;
    history[key] = observe(undefined, {
      at: checkedAt,
      state: value.state,
      reason: value.reason,
      ...(value.httpStatus === undefined ? {} : { status: value.httpStatus }),
    });
  }
  return history;
}

/**
 * Open the results cache: a small, human-readable JSON file (sorted keys) of verdicts per URL and fragment
 * and of archive lookups, each with the time it was learnt. A missing file is an empty cache; a corrupt file or
 * one of another version is ignored with one warning and replaced on save. `save` merges with what is on disk at that
 * moment (another run may have saved meanwhile: entries this run set win, others are kept), drops entries past
 * `maxAgeMs`, and writes atomically under a lock file.
 */
export async function openCache(path: string, options: CacheOptions): Promise<ResultsCache> {
  const now = options.now ?? Date.now;
  const warn = options.warn ?? ((message: string) => void process.stderr.write(`linkrot: ${message}\n`));
  const parsed = await readCacheFile(path);
  if (parsed.ok === false) warn(`ignoring the cache file \`${path}\`: it ${parsed.problem}; it will be rewritten`);
  const loaded: CacheFile = parsed.ok === true ? parsed.file : emptyFile();
  const stats: CacheStats = { hits: 0, misses: 0, stale: 0 };

  const isFresh = (entry: Entry<unknown>): boolean => {
    const at = Date.parse(entry.checkedAt);
    return Number.isFinite(at) && now() - at <= options.maxAgeMs;
  };
  /** One section of the file: what was loaded, and what this run set (it wins over the disk on save). */
  const section = <T>(name: (typeof SECTIONS)[number]) => {
    const entries = new Map(Object.entries(loaded[name] as Record<string, Entry<T>>));
    const touched = new Map<string, Entry<T>>();
    const fresh = KEPT_FOR_GOOD.has(name) ? () => true : isFresh;
    return {
      read(key: string): { entry: Entry<T>; fresh: boolean } | undefined {
        const entry = entries.get(key);
        return entry === undefined ? undefined : { entry, fresh: fresh(entry) };
      },
      write(key: string, value: T): void {
        const entry = { checkedAt: new Date(now()).toISOString(), value };
        entries.set(key, entry);
        touched.set(key, entry);
      },
      merge(onDisk: Record<string, Entry<T>>): Record<string, Entry<T>> {
        const merged = { ...Object.fromEntries(entries), ...onDisk, ...Object.fromEntries(touched) };
        return Object.fromEntries(Object.entries(merged).filter(([, entry]) => fresh(entry)));
      },
    };
  };
  const verdicts = section<Verdict>('verdicts');
  const archive = section<SnapshotLookup>('archive');
  const drift = section<CaptureRecord>('drift');

  const counted = <T>(found: { entry: Entry<T>; fresh: boolean } | undefined): T | undefined => {
    if (found === undefined) {
      stats.misses += 1;
      return undefined;
    }
    if (!found.fresh) {
      stats.stale += 1;
      return undefined;
    }
    stats.hits += 1;
    return found.entry.value;
  };
  const archiveStore: SnapshotStore = {
    get(key: string): SnapshotLookup | undefined {
      const found = archive.read(key);
      return found?.fresh === true ? found.entry.value : undefined;
    },
    set(key: string, value: SnapshotLookup): void {
      if (value.status !== 'unavailable') archive.write(key, value); // a failed lookup is never an answer
    },
  };
  const verdictKey = (url: string, fragment: string): string => (fragment === '' ? url : `${url}#${fragment}`);

  const records = new Map(Object.entries(loaded.history));
  /** This run's observations per key, replayed onto what is on disk when saving. */
  const observed = new Map<string, Observation[]>();
  const historyStore: HistoryStore = {
    get: (url, fragment) => records.get(verdictKey(url, fragment)),
    observe(url, fragment, observation) {
      const key = verdictKey(url, fragment);
      records.set(key, observe(records.get(key), observation));
      observed.set(key, [...(observed.get(key) ?? []), observation]);
    },
  };
  const mergeHistory = (onDisk: Record<string, HistoryRecord>): Record<string, HistoryRecord> => {
    const merged: Record<string, HistoryRecord> = { ...Object.fromEntries(records), ...onDisk };
    for (const [key, added] of observed) {
      merged[key] = added.reduce<HistoryRecord | undefined>((record, observation) => observe(record, observation), onDisk[key] ?? loaded.history[key])!;
    }
    return Object.fromEntries(
      Object.entries(merged).filter(([, record]) => now() - Date.parse(record.observations[record.observations.length - 1]?.at ?? '') <= HISTORY_KEEP_MS),
    );
  };

  return {
    get: (url, fragment) => counted(verdicts.read(verdictKey(url, fragment))),
    set: (url, fragment, verdict) => {
      if (isVerdictCacheable(verdict)) verdicts.write(verdictKey(url, fragment), verdict);
    },
    archive: archiveStore,
    history: historyStore,
    drift: {
      get: (key) => drift.read(key)?.entry.value,
      set: (key, value) => drift.write(key, value),
    },
    async save() {
      const release = await acquireLock(path);
      try {
        const disk = await readCacheFile(path);
        const onDisk = disk.ok === true ? disk.file : emptyFile();
        const captures = drift.merge(onDisk.drift);
        const file: Omit<CacheFile, 'drift'> & { drift?: CacheFile['drift'] } = {
          version: CACHE_VERSION,
          verdicts: verdicts.merge(onDisk.verdicts),
          archive: archive.merge(onDisk.archive),
          history: mergeHistory(onDisk.history),
          // Only runs with --drift have captures: the file of every other run stays as it was.
          ...(Object.keys(captures).length === 0 ? {} : { drift: captures }),
        };
        await writeFileAtomic(path, stringifyCacheFile(file as unknown as Record<string, unknown>));
      } finally {
        await release();
      }
    },
    stats,
  };
}
