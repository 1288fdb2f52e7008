export { openCache, DEFAULT_CACHE_FILE, DEFAULT_MAX_AGE_MS, CACHE_VERSION, HISTORY_KEEP_MS } from './results-cache.js';
export type { ResultsCache, CacheOptions, CacheStats } from './results-cache.js';
export {
  DEFAULT_CONFIRM,
  isConfirmed,
  MAX_OBSERVATIONS,
  memoryHistory,
  newsOf,
  observationOf,
  observe,
  summarise,
  type ConfirmSettings,
  type HistoryRecord,
  type HistoryStore,
  type Observation,
} from './history.js';
