/**
 * The pipeline: extract → plan → check → diagnose → archive → report model. It only wires the stages; each
 * stage decides its own part. Used by the CLI and by the library entry point `checkFiles`.
 */
import type { Dispatcher } from 'undici';
import { createArchive, snapshotSuggestion, type SnapshotLookup, type SnapshotStore } from '../archive/index.js';
import {
  createDispatcher,
  createFetcher,
  DEFAULT_CHECK_SETTINGS,
  detectNoNetwork,
  type CheckSettings,
  type HostSettings,
} from '../check/index.js';
import {
  diagnose,
  followUpsFor,
  loadRules,
  requestFor,
  type DiagnoseSettings,
  type KnownDeadFamily,
} from '../diagnose/index.js';
import { LinkrotError } from '../errors.js';
import { extractFile } from '../extract/index.js';
import type { CheckedLink, CheckResult, ExtractedFile, FileReport, Link, Report, Verdict } from '../model.js';
import { planChecks, type PlannedLink } from '../plan/index.js';
import { buildReport } from '../report/index.js';
import { hostOf, inShard, type Shard } from './shard.js';
import { VERSION } from '../version.js';

export type { Shard } from './shard.js';

/** Verdicts remembered between runs, per request URL and fragment (see `src/cache/`). */
export interface VerdictStore {
  get(url: string, fragment: string): Verdict | undefined;
  set(url: string, fragment: string, verdict: Verdict): void;
  readonly archive: SnapshotStore;
}

export interface CheckOptions extends Partial<Omit<CheckSettings, 'retry' | 'hosts'>> {
  retry?: Partial<CheckSettings['retry']>;
  hosts?: Record<string, HostSettings & { acceptStatus?: number[] }>;
  /** The undici dispatcher to send requests through; when absent one is made (and closed) here. */
  dispatcher?: Dispatcher;
  insecure?: boolean;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  exclude?: string[];
  rootDir?: string;
  baseUrl?: string;
  /** Look up archive.org snapshots for dead and suspicious links (default true). */
  archive?: boolean;
  archiveBaseUrl?: string;
  fragments?: boolean;
  contentChecks?: boolean;
  knownDead?: KnownDeadFamily[];
  cache?: VerdictStore;
  shard?: Shard;
  /** Keep only some links of each file (e.g. the links added since a git ref). */
  filter?: (file: ExtractedFile, link: Link) => boolean;
  onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  phase: 'check' | 'archive';
  done: number;
  total: number;
}

/** Extract, check and diagnose the given Markdown files; never throws for a finding, only for a run that cannot go on. */
export async function checkFiles(paths: string[], options: CheckOptions = {}): Promise<Report> {
  const files: ExtractedFile[] = [];
  const failed: FileReport[] = [];
  for (const path of paths) {
    try {
      files.push(await extractFile(path, options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }));
    } catch (error) {
      if (!(error instanceof LinkrotError)) throw error;
      failed.push({ path, links: [], error: error.message });
    }
  }
  const report = await checkExtracted(files, options);
  if (failed.length === 0) return report;
  return buildReport([...report.files, ...failed], {
    version: VERSION,
    requests: report.summary.requests,
    durationMs: report.summary.durationMs,
    urls: report.summary.urls,
  });
}

/** Check links that were already extracted. */
export async function checkExtracted(input: ExtractedFile[], options: CheckOptions = {}): Promise<Report> {
  const started = (options.now ?? Date.now)();
  const files = options.filter ? input.map((file) => ({ ...file, links: file.links.filter((link) => options.filter!(file, link)) })) : input;
  const settings = resolveCheckSettings(options);
  const diagnoseSettings = resolveDiagnoseSettings(options);
  const plan = await planChecks(files, {
    exclude: options.exclude ?? [],
    allowPrivate: settings.allowPrivate,
    ...(options.rootDir === undefined ? {} : { rootDir: options.rootDir }),
  });
  const planned = options.shard ? plan.links.filter((entry) => inShard(entry, options.shard!)) : plan.links;

  const ownDispatcher = options.dispatcher === undefined;
  const dispatcher =
    options.dispatcher ??
    createDispatcher({
      allowPrivate: settings.allowPrivate,
      insecure: options.insecure ?? false,
      connectTimeoutMs: settings.timeoutMs,
    });
  const fetcher = createFetcher(settings, {
    dispatcher,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.now ? { now: options.now } : {}),
  });

  try {
    const verdicts = new Map<PlannedLink, Verdict>();
    const byRequest = groupByRequest(planned, verdicts);
    const results: CheckResult[] = [];
    let done = 0;
    const total = byRequest.size;
    await Promise.all(
      [...byRequest].map(async ([url, entries]) => {
        const fragments = new Set(entries.map((entry) => entry.fragment ?? ''));
        const cached = options.cache ? lookupCached(options.cache, url, fragments) : undefined;
        if (cached) {
          for (const entry of entries) verdicts.set(entry, cached.get(entry.fragment ?? '')!);
        } else {
          const needs = { fragment: entries.some((entry) => entry.fragment !== undefined && entry.fragment !== '') };
          const result = await fetcher.fetch(requestFor(url, needs, diagnoseSettings));
          // Only the facts the no-network test needs: a body sample must not outlive its diagnosis.
          const { body: _body, ...facts } = result;
          results.push(facts);
          const followUps: Record<string, CheckResult> = {};
          await Promise.all(
            followUpsFor(url, result, diagnoseSettings).map(async (followUp) => {
              followUps[followUp.key] = await fetcher.fetch(followUp.request);
            }),
          );
          for (const entry of entries) {
            const verdict = diagnose(
              {
                link: entry.link,
                url,
                ...(entry.fragment === undefined ? {} : { fragment: entry.fragment }),
                result,
                followUps,
                post: files[entry.file]!,
              },
              diagnoseSettings,
            );
            verdicts.set(entry, verdict);
            if (options.cache && isFinal(verdict)) options.cache.set(url, entry.fragment ?? '', verdict);
          }
        }
        done += 1;
        options.onProgress?.({ phase: 'check', done, total });
      }),
    );

    if (results.length > 0 && detectNoNetwork(results)) {
      throw new LinkrotError(
        'LINKROT_NO_NETWORK',
        `No network: none of the ${results.length} URLs could be reached (every host failed DNS or connect); nothing was judged dead.`,
      );
    }

    if (options.archive !== false) {
      await addArchiveSuggestions(files, planned, verdicts, fetcher, options);
    }

    const reports: FileReport[] = files.map((file, fileIndex) => ({
      path: file.path,
      ...(file.title === undefined ? {} : { title: file.title }),
      ...(file.date === undefined ? {} : { date: file.date }),
      links: planned
        .filter((entry) => entry.file === fileIndex)
        .map((entry): CheckedLink => ({ ...entry.link, ...verdicts.get(entry)! })),
    }));
    return buildReport(reports, {
      version: VERSION,
      requests: fetcher.requestCount,
      durationMs: (options.now ?? Date.now)() - started,
      urls: byRequest.size,
    });
  } finally {
    if (ownDispatcher) await dispatcher.close();
  }
}

function groupByRequest(planned: PlannedLink[], verdicts: Map<PlannedLink, Verdict>): Map<string, PlannedLink[]> {
  const byRequest = new Map<string, PlannedLink[]>();
  for (const entry of planned) {
    if (entry.verdict) {
      verdicts.set(entry, entry.verdict);
      continue;
    }
    if (entry.request === undefined) continue;
    const list = byRequest.get(entry.request);
    if (list) list.push(entry);
    else byRequest.set(entry.request, [entry]);
  }
  return byRequest;
}

function lookupCached(cache: VerdictStore, url: string, fragments: Set<string>): Map<string, Verdict> | undefined {
  const found = new Map<string, Verdict>();
  for (const fragment of fragments) {
    const verdict = cache.get(url, fragment);
    if (!verdict) return undefined;
    found.set(fragment, verdict);
  }
  return found;
}

/** Transient outcomes are re-checked next time rather than remembered. */
function isFinal(verdict: Verdict): boolean {
  return verdict.state !== 'unreachable' && verdict.reason !== 'rate-limited';
}

async function addArchiveSuggestions(
  files: ExtractedFile[],
  planned: PlannedLink[],
  verdicts: Map<PlannedLink, Verdict>,
  fetcher: ReturnType<typeof createFetcher>,
  options: CheckOptions,
): Promise<void> {
  const archive = createArchive(fetcher, {
    ...(options.archiveBaseUrl === undefined ? {} : { baseUrl: options.archiveBaseUrl }),
    ...(options.cache ? { store: options.cache.archive } : {}),
  });
  const wanted = planned.filter((entry) => {
    const verdict = verdicts.get(entry);
    return (
      entry.request !== undefined &&
      verdict !== undefined &&
      (verdict.state === 'dead' || verdict.state === 'suspicious') &&
      !verdict.suggestions.some((suggestion) => suggestion.kind === 'archive')
    );
  });
  const lookups = new Map<string, Promise<SnapshotLookup>>();
  let done = 0;
  await Promise.all(
    wanted.map(async (entry) => {
      const date = files[entry.file]!.date;
      const key = `${date ?? ''} ${entry.request!}`;
      let lookup = lookups.get(key);
      if (!lookup) {
        lookup = archive.findSnapshot(entry.link.resolved ?? entry.request!, date);
        lookups.set(key, lookup);
      }
      const found = await lookup;
      const verdict = verdicts.get(entry)!;
      if (found.status === 'found') {
        verdicts.set(entry, { ...verdict, suggestions: [snapshotSuggestion(found), ...verdict.suggestions] });
      } else if (found.status === 'unavailable') {
        verdicts.set(entry, { ...verdict, detail: `${verdict.detail} (archive unavailable: ${found.message})` });
      }
      done += 1;
      options.onProgress?.({ phase: 'archive', done, total: wanted.length });
    }),
  );
}

function resolveCheckSettings(options: CheckOptions): CheckSettings {
  const defaults = DEFAULT_CHECK_SETTINGS;
  const pick = <K extends keyof CheckSettings>(key: K): CheckSettings[K] =>
    (options[key as keyof CheckOptions] as CheckSettings[K] | undefined) ?? defaults[key];
  return {
    concurrency: pick('concurrency'),
    perHost: pick('perHost'),
    intervalMs: pick('intervalMs'),
    timeoutMs: pick('timeoutMs'),
    retries: pick('retries'),
    maxRedirects: pick('maxRedirects'),
    maxBodyBytes: pick('maxBodyBytes'),
    userAgent: pick('userAgent'),
    headers: { ...defaults.headers, ...options.headers },
    hosts: { ...defaults.hosts, ...stripAccept(options.hosts) },
    allowPrivate: pick('allowPrivate'),
    retry: { ...defaults.retry, ...options.retry },
  };
}

function stripAccept(hosts: CheckOptions['hosts']): Record<string, HostSettings> {
  const out: Record<string, HostSettings> = {};
  for (const [host, { acceptStatus: _accept, ...rest }] of Object.entries(hosts ?? {})) out[host] = rest;
  return out;
}

function resolveDiagnoseSettings(options: CheckOptions): DiagnoseSettings {
  const acceptStatus: Record<string, number[]> = {};
  for (const [host, settings] of Object.entries(options.hosts ?? {})) {
    if (settings.acceptStatus) acceptStatus[host] = settings.acceptStatus;
  }
  return {
    fragments: options.fragments ?? true,
    contentChecks: options.contentChecks ?? true,
    rules: loadRules(options.knownDead),
    acceptStatus,
  };
}

export { hostOf };
