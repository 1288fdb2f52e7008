/**
 * The history step: each URL (and fragment) asked this run adds one observation to its history; each link of
 * the report gets what its history says (see `src/cache/history.ts`).
 */
import {
  DEFAULT_CONFIRM,
  memoryHistory,
  newsOf,
  observationOf,
  summarise,
  type ConfirmSettings,
  type HistoryStore,
} from '../cache/history.js';
import type { LinkHistory, Verdict } from '../model.js';
import type { PlannedLink } from '../plan/index.js';

export interface HistorySettings {
  store: HistoryStore;
  /** The time of this run's observations: when it started. */
  at: number;
  confirm: ConfirmSettings;
  /** Whether the store outlives the run (a results cache): only then is there a "last run" to tell news from. */
  remembers: boolean;
}

/** The history step's settings: the cache's store (else one for this run alone), the confirmation thresholds. */
export function resolveHistorySettings(store: HistoryStore | undefined, confirm: Partial<ConfirmSettings> | undefined, at: number): HistorySettings {
  return { store: store ?? memoryHistory(), at, confirm: { ...DEFAULT_CONFIRM, ...confirm }, remembers: store !== undefined };
}

/**
 * Record this run's observations (one per URL and fragment that was asked, not those answered from the cache)
 * and return each planned link's history.
 */
export function recordHistory(
  planned: readonly PlannedLink[],
  verdicts: ReadonlyMap<PlannedLink, Verdict>,
  reused: ReadonlySet<PlannedLink>,
  settings: HistorySettings,
): Map<PlannedLink, LinkHistory> {
  const keyOf = (entry: PlannedLink): string | undefined =>
    entry.request === undefined || entry.verdict !== undefined ? undefined : `${entry.request}#${entry.fragment ?? ''}`;
  const keys = planned.map(keyOf);
  // A URL asked this run may also have answered later occurrences from the cache this run filled.
  const asked = new Set(keys.filter((_, index) => !reused.has(planned[index]!)));
  const byKey = new Map<string, LinkHistory>();
  const histories = new Map<PlannedLink, LinkHistory>();
  for (const [index, entry] of planned.entries()) {
    const key = keys[index];
    const verdict = verdicts.get(entry);
    if (key === undefined || verdict === undefined) {
      // Decided without a request (a missing local file, an excluded URL): no run's accident, nothing to observe.
      histories.set(entry, { ...summarise(undefined), confirmed: verdict?.state === 'dead' });
      continue;
    }
    let history = byKey.get(key);
    if (history === undefined) {
      const [url, fragment] = [entry.request!, entry.fragment ?? ''];
      const before = summarise(settings.store.get(url, fragment), settings.confirm);
      if (asked.has(key)) settings.store.observe(url, fragment, observationOf(verdict, settings.at));
      const after = summarise(settings.store.get(url, fragment), settings.confirm);
      const news = asked.has(key) && settings.remembers ? newsOf(before, after, verdict.state) : undefined;
      history = news === undefined ? after : { ...after, news };
      byKey.set(key, history);
    }
    histories.set(entry, history);
  }
  return histories;
}
