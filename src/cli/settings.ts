import { DEFAULT_CACHE_FILE, DEFAULT_MAX_AGE_MS } from '../cache/index.js';
import type { ConfigFile } from '../config/index.js';
import { SUGGESTION_KINDS, type FailOn, type SuggestionKind } from '../model.js';
import type { CheckOptions } from '../pipeline/index.js';
import type { Flags, Format } from './options.js';

export const DEFAULT_FAIL_ON: readonly FailOn[] = ['dead'];

/** Everything a check run needs, fully defaulted: defaults < config file < flags. */
export interface Settings {
  format: Format;
  output: string | undefined;
  color: boolean | undefined;
  quiet: boolean;
  verbose: boolean;
  failOn: readonly FailOn[];
  cache: string | false;
  maxAgeMs: number;
  fix: SuggestionKind[] | undefined;
  dryRun: boolean;
  changedSince: string | undefined;
  onlyNewLinks: boolean;
  baseUrl: string | undefined;
  check: CheckOptions;
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

export function resolveSettings(config: ConfigFile, flags: Flags): Settings {
  const hosts = config.hosts ?? {};
  const check: CheckOptions = defined({
    concurrency: flags.concurrency ?? config.concurrency,
    perHost: flags.perHost ?? config.perHost,
    intervalMs: flags.intervalMs ?? config.intervalMs,
    timeoutMs: flags.timeoutMs ?? config.timeoutMs,
    retries: flags.retries ?? config.retries,
    maxRedirects: flags.maxRedirects ?? config.maxRedirects,
    userAgent: flags.userAgent ?? config.userAgent,
    headers: config.headers || flags.headers ? { ...config.headers, ...flags.headers } : undefined,
    hosts,
    allowPrivate: flags.allowPrivate ?? config.allowPrivate,
    insecure: flags.insecure ?? config.insecure,
    exclude: [...(config.exclude ?? []), ...(flags.exclude ?? [])],
    rootDir: flags.rootDir ?? config.rootDir,
    baseUrl: flags.baseUrl ?? config.baseUrl,
    archive: flags.archive ?? config.archive,
    archiveBaseUrl: flags.archiveBaseUrl ?? config.archiveBaseUrl,
    drift: flags.drift ?? config.drift,
    fragments: flags.fragments ?? config.fragments,
    contentChecks: flags.contentChecks ?? config.contentChecks,
    knownDead: config.knownDead,
    shorteners: config.shorteners,
    shard: flags.shard,
    confirm: defined({ observations: flags.confirmAfter ?? config.confirmAfter, spanMs: flags.confirmSpanMs ?? config.confirmSpanMs }),
  }) as CheckOptions;
  const configCache = config.cache === true ? DEFAULT_CACHE_FILE : config.cache;
  return {
    format: flags.format ?? config.format ?? 'text',
    output: flags.output,
    color: flags.color,
    quiet: flags.quiet ?? false,
    verbose: flags.verbose ?? false,
    failOn: flags.failOn ?? config.failOn ?? DEFAULT_FAIL_ON,
    cache: flags.cache ?? configCache ?? false,
    maxAgeMs: flags.maxAgeMs ?? config.maxAgeMs ?? DEFAULT_MAX_AGE_MS,
    fix: flags.fix === true ? [...(config.fix ?? SUGGESTION_KINDS)] : flags.fix,
    dryRun: flags.dryRun ?? false,
    changedSince: flags.changedSince,
    onlyNewLinks: flags.onlyNewLinks ?? false,
    baseUrl: flags.baseUrl ?? config.baseUrl,
    check,
  };
}
