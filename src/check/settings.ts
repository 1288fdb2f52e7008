/**
 * Check settings: every knob of the fetcher with its default. Defaults are exported constants so the CLI,
 * the README and the tests read one number.
 */

/**
 * Most requests in flight over all hosts. Politeness comes from the per-host limit; this one only bounds the
 * client's own sockets and memory. lychee uses 128, but 40 hosts × 8 per host need 320 slots to keep every host
 * busy, and with 128 a 2,000-link run over 40 hosts at 100 ms cannot beat ⌈2000/128⌉ × 100 ms = 1.6 s. 384 keeps 48
 * hosts × 8 busy; measured on the main benchmark (6 alternating runs): 1.80 s against 1.89 s with 256, as much CPU,
 * the same memory. Far below the usual 1,024-descriptor limit.
 */
export const DEFAULT_CONCURRENCY = 384;
/**
 * Most requests in flight to one host. Browsers open 6 connections per host over HTTP/1.1 and lychee defaults
 * to 10; 8 stays below the per-client limits common servers and CDNs enforce (answering 429 beyond them).
 */
export const DEFAULT_PER_HOST_CONCURRENCY = 8;
/** Minimum time between two request starts to one host: at most 100 starts a second per host. */
export const DEFAULT_HOST_INTERVAL_MS = 10;
/** Deadline of one attempt (connect, headers and body together). */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Deadline of the TCP/TLS connection alone. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Retries of a transient failure (timeout, reset, 5xx, 429) after the first attempt. */
export const DEFAULT_RETRIES = 2;
/** Redirects followed before `too-many-redirects` (browsers stop at 20, curl at 50, lychee at 5; 10 is the issue's). */
export const DEFAULT_MAX_REDIRECTS = 10;
/** Hard cap on any body read, after decompression, whatever a caller asks for. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** First back-off delay; doubled on each retry, with jitter. */
export const DEFAULT_RETRY_MIN_DELAY_MS = 500;
/** Longest back-off delay. */
export const DEFAULT_RETRY_MAX_DELAY_MS = 10_000;
/** Longest `Retry-After` honoured; a longer one ends the retries (the result keeps the 429/503). */
export const DEFAULT_MAX_RETRY_AFTER_MS = 30_000;

/**
 * A current desktop browser's User-Agent: some servers answer 403 to an unknown agent, some to any agent that
 * contains the word "link". Override it with `--user-agent`.
 */
export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** The other headers a browser sends when a user follows a link (names lower-case). */
export const DEFAULT_REQUEST_HEADERS: Readonly<Record<string, string>> = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
  'accept-language': 'en-US,en;q=0.9',
  'accept-encoding': 'gzip, deflate, br',
  'upgrade-insecure-requests': '1',
  'sec-fetch-dest': 'document',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-site': 'none',
  'sec-fetch-user': '?1',
};

export interface HostSettings {
  concurrency?: number;
  intervalMs?: number;
  headers?: Record<string, string>;
}

export interface RetrySettings {
  minDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

export interface CheckSettings {
  concurrency: number;
  perHost: number;
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  maxRedirects: number;
  maxBodyBytes: number;
  userAgent: string;
  /** Sent to every host (like `--header`). */
  headers: Record<string, string>;
  /** Per host: key is an exact host name or `*.suffix` (matches the suffix and its subdomains). */
  hosts: Record<string, HostSettings>;
  allowPrivate: boolean;
  retry: RetrySettings;
}

/** archive.org blocks clients that hammer it: one request at a time, about one a second. */
export const ARCHIVE_HOST_SETTINGS: HostSettings = { concurrency: 1, intervalMs: 1000 };

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  concurrency: DEFAULT_CONCURRENCY,
  perHost: DEFAULT_PER_HOST_CONCURRENCY,
  intervalMs: DEFAULT_HOST_INTERVAL_MS,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  retries: DEFAULT_RETRIES,
  maxRedirects: DEFAULT_MAX_REDIRECTS,
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  userAgent: DEFAULT_USER_AGENT,
  headers: {},
  hosts: { 'web.archive.org': ARCHIVE_HOST_SETTINGS, 'archive.org': ARCHIVE_HOST_SETTINGS },
  allowPrivate: false,
  retry: {
    minDelayMs: DEFAULT_RETRY_MIN_DELAY_MS,
    maxDelayMs: DEFAULT_RETRY_MAX_DELAY_MS,
    maxRetryAfterMs: DEFAULT_MAX_RETRY_AFTER_MS,
  },
};

/**
 * The settings for one host: an exact entry wins, then the longest matching `*.suffix` entry. Host names are
 * compared lower-case; IPv6 literals keep their brackets.
 */
export function findHostSettings(hosts: Record<string, HostSettings>, host: string): HostSettings | undefined {
  const name = host.toLowerCase();
  const exact = hosts[name];
  if (exact !== undefined) return exact;
  let best: { length: number; settings: HostSettings } | undefined;
  for (const [pattern, settings] of Object.entries(hosts)) {
    if (!pattern.startsWith('*.')) continue;
    const suffix = pattern.slice(2).toLowerCase();
    if ((name === suffix || name.endsWith(`.${suffix}`)) && (best === undefined || suffix.length > best.length)) {
      best = { length: suffix.length, settings };
    }
  }
  return best?.settings;
}

const PORT_SUFFIX = /:\d+$/;

/** The settings of a `host:port` key (how the scheduler and the pipeline key hosts; IPv6 keeps its brackets). */
export function hostKeySettings(settings: CheckSettings, hostKey: string): HostSettings | undefined {
  return findHostSettings(settings.hosts, hostKey.replace(PORT_SUFFIX, ''));
}

/** Requests one host (a `host:port` key) may have in flight at once: its own setting, else `perHost`. */
export function hostConcurrency(settings: CheckSettings, hostKey: string): number {
  return hostKeySettings(settings, hostKey)?.concurrency ?? settings.perHost;
}
