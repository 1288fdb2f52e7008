import type { KnownDeadFamily } from '../diagnose/index.js';
import type { FailOn, SuggestionKind } from '../model.js';

export const CONFIG_FILE_NAME = 'linkrot.config.json';

/** Settings for one host (`hosts` in the config file). */
export interface HostConfig {
  concurrency?: number;
  intervalMs?: number;
  headers?: Record<string, string>;
  /** Status codes that count as alive for this host. */
  acceptStatus?: number[];
}

/** An extra known-dead family: the diagnose stage's own type (validated there again by `loadRules`). */
export type KnownDeadFamilyConfig = KnownDeadFamily;

/** The settings a run takes from the config file and from the command line alike (a flag wins). */
export interface RunSettings {
  concurrency?: number;
  perHost?: number;
  intervalMs?: number;
  timeoutMs?: number;
  retries?: number;
  maxRedirects?: number;
  userAgent?: string;
  headers?: Record<string, string>;
  exclude?: string[];
  allowPrivate?: boolean;
  insecure?: boolean;
  failOn?: FailOn[];
  /** Dead observations that confirm a dead link (default 2). */
  confirmAfter?: number;
  /** Least time between the first and the last of them (default one day). */
  confirmSpanMs?: number;
  format?: 'text' | 'json' | 'markdown' | 'github' | 'html';
  archive?: boolean;
  archiveBaseUrl?: string;
  /** Compare alive pages with their Wayback capture from before the post's date (`--drift`). */
  drift?: boolean;
  fragments?: boolean;
  contentChecks?: boolean;
  maxAgeMs?: number;
  baseUrl?: string;
  /** In a config file, made absolute against the config file's folder. */
  rootDir?: string;
}

/** `linkrot.config.json`, as validated by `schema/config.schema.json` (see there for each field). */
export interface ConfigFile extends RunSettings {
  $schema?: string;
  /** true: the default cache file; a string: that file (made absolute against the config file's folder). */
  cache?: boolean | string;
  /** As written (`"1d"` or milliseconds); `loadConfig` also sets `maxAgeMs` from it. */
  maxAge?: string | number;
  /** Least time between the first and the last of those observations (`"1d"` or milliseconds); sets `confirmSpanMs`. */
  confirmSpan?: string | number;
  fix?: SuggestionKind[];
  hosts?: Record<string, HostConfig>;
  knownDead?: KnownDeadFamilyConfig[];
  /** Extra URL shorteners, added to the built-in ones (an entry with a built-in id replaces it). */
  shorteners?: Array<{ id: string; name: string; hosts: string[]; source?: string; ended?: string; pathPattern?: string }>;
}
