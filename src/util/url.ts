/**
 * Parse `text` as a WHATWG URL, resolved against `base` when one is given; undefined when it does not parse.
 * One place for the try/catch around `new URL()` (Node 20 has no `URL.parse`); each caller picks its own fallback.
 */
export function parseUrl(text: string, base?: string | URL): URL | undefined {
  try {
    return base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    return undefined;
  }
}

/** Recently read URLs: diagnosing one link reads the same few URLs about ten times (rules, kind, video, hygiene). */
const recentlyRead = new Map<string, Readonly<URL> | null>();
const RECENTLY_READ_MAX = 1024;

/**
 * `parseUrl` for readers: the same parsed URL for the same text while it is recent. Read-only — the object is
 * shared, so a caller that needs to change a URL takes its own from `parseUrl`.
 */
export function readUrl(text: string): Readonly<URL> | undefined {
  const known = recentlyRead.get(text);
  if (known !== undefined) return known ?? undefined;
  const parsed = parseUrl(text);
  if (recentlyRead.size >= RECENTLY_READ_MAX) recentlyRead.clear();
  recentlyRead.set(text, parsed ?? null);
  return parsed;
}
