/** The one URL shape that is requested, de-duplicated and cached. */

import { parseUrl } from '../util/url.js';

/**
 * Normalise a link for fetching with the WHATWG URL parser: lower-case scheme and host, default port and dot
 * segments removed, IDN to punycode, IPv4 in dotted form; then the fragment and any `user:password@` are
 * dropped (credentials are never sent anywhere). Undefined for anything that is not an absolute http(s) URL
 * with a host.
 */
export function normalizeUrl(raw: string): string | undefined {
  const url = parseUrl(raw.trim());
  if (url === undefined) return undefined;
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  return url.href;
}

/** The fragment as written (without `#`), when there is a non-empty one. */
export function fragmentOf(raw: string): string | undefined {
  const index = raw.indexOf('#');
  if (index < 0) return undefined;
  const fragment = raw.slice(index + 1);
  return fragment === '' ? undefined : fragment;
}

/**
 * Order requests so that hosts interleave: the first URL of every host, then the second of every host, … so
 * that the per-host limit never leaves the global pool idle behind one big host.
 */
export function interleaveByHost(urls: readonly string[]): string[] {
  const byHost = new Map<string, string[]>();
  for (const url of urls) {
    const host = new URL(url).host;
    const list = byHost.get(host);
    if (list === undefined) byHost.set(host, [url]);
    else list.push(url);
  }
  const queues = [...byHost.values()];
  const ordered: string[] = [];
  for (let round = 0; ordered.length < urls.length; round += 1) {
    for (const queue of queues) {
      const url = queue[round];
      if (url !== undefined) ordered.push(url);
    }
  }
  return ordered;
}
