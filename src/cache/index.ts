export { openCache, DEFAULT_CACHE_FILE, DEFAULT_MAX_AGE_MS, CACHE_VERSION } from './results-cache.js';
export type { ResultsCache, VerdictCache, CacheOptions, CacheStats, SnapshotLookup } from './results-cache.js';
export { isCacheable } from './cacheable.js';
export { DEFAULT_CACHED_BODY_CHARS } from './compact.js';
