import type { PlannedLink } from '../plan/index.js';
import { parseUrl } from '../util/url.js';
import { fnv1a } from '../util/hash.js';

/** `--shard K/N`: this run is job K (1-based) of N; every host belongs to exactly one job. */
export interface Shard {
  index: number;
  total: number;
}

export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const total = Number(match[2]);
  if (total < 1 || index < 1 || index > total) return undefined;
  return { index, total };
}

export function hostOf(url: string): string | undefined {
  return parseUrl(url)?.hostname.toLowerCase();
}

/** FNV-1a: stable across runs, machines and Node versions, so N jobs agree on who owns a host. */
export function shardOfHost(host: string, total: number): number {
  return (fnv1a(host) % total) + 1;
}

/** A link is in the shard that owns its host; links that need no request (mailto, relative files) go to job 1. */
export function inShard(entry: PlannedLink, shard: Shard): boolean {
  const host = entry.request === undefined ? undefined : hostOf(entry.request);
  if (host === undefined) return shard.index === 1;
  return shardOfHost(host, shard.total) === shard.index;
}
