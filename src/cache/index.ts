export { openCache, DEFAULT_CACHE_FILE, DEFAULT_MAX_AGE_MS, CACHE_VERSION } from './results-cache.js';
export type { ResultsCache, CacheOptions, CacheStats } from './results-cache.js';
