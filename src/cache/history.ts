/**
 * What linkrot remembers of a URL over time: a bounded list of observations (one per run that asked the
 * server), and what they say together: since when it is dead, whether that is confirmed, whether it flaps.
 * Pure functions over plain data: the results cache stores the records, the pipeline summarises them.
 */
import type { LinkHistory, State, Verdict } from '../model.js';

/** Observations kept per URL and fragment (older ones are dropped; the counters below keep counting). */
export const MAX_OBSERVATIONS = 20;

export interface ConfirmSettings {
  /** Dead observations needed (at least 2 makes sense: one is what a flaky run gives). */
  observations: number;
  /** The first and the last of them at least this far apart (ms). */
  spanMs: number;
}

export const DEFAULT_CONFIRM: ConfirmSettings = { observations: 2, spanMs: 86_400_000 };

/** One run's answer for a URL (and fragment). */
export interface Observation {
  /** When (ISO 8601). */
  at: string;
  state: State;
  reason: string;
  status?: number;
}

/** The stored history of one URL and fragment. */
export interface HistoryRecord {
  firstSeen: string;
  /** Observations ever made (the list keeps only the last `MAX_OBSERVATIONS`). */
  count: number;
  /** The last alive (or redirected) observation, which may be older than the list. */
  lastAlive?: string;
  /** The first dead observation since the last alive one, which may be older than the list. */
  deadSince?: string;
  observations: Observation[];
}

/** Alive, dead, or neither (a failure that proves nothing: unreachable, blocked, suspicious). */
type Outcome = 'alive' | 'dead' | 'failing' | 'other';

function outcome(state: State): Outcome {
  if (state === 'alive' || state === 'redirected') return 'alive';
  if (state === 'dead') return 'dead';
  if (state === 'unreachable') return 'failing';
  return 'other';
}

/** The last time written by `observationOf`: a run observes every link at its start time. */
let lastTime = { at: Number.NaN, iso: '' };

export function observationOf(verdict: Verdict, at: number): Observation {
  if (lastTime.at !== at) lastTime = { at, iso: new Date(at).toISOString() };
  return {
    at: lastTime.iso,
    state: verdict.state,
    reason: verdict.reason,
    ...(verdict.httpStatus === undefined ? {} : { status: verdict.httpStatus }),
  };
}

/** The record with one more observation (kept in time order; the record passed in is not changed). */
export function observe(record: HistoryRecord | undefined, observation: Observation): HistoryRecord {
  const list = [...(record?.observations ?? []), observation];
  const last = record?.observations.at(-1);
  // Nearly always the newest: sorted only when it is not.
  if (last !== undefined && Date.parse(observation.at) < Date.parse(last.at)) list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const kept = list.slice(-MAX_OBSERVATIONS);
  const kind = outcome(observation.state);
  const lastAlive = kind === 'alive' ? latest(record?.lastAlive, observation.at) : record?.lastAlive;
  const next: HistoryRecord = {
    firstSeen: earliest(record?.firstSeen, observation.at)!,
    count: (record?.count ?? 0) + 1,
    ...(lastAlive === undefined ? {} : { lastAlive }),
    observations: kept,
  };
  const deadSince = deadSinceOf(kept, lastAlive, record?.deadSince);
  return deadSince === undefined ? next : { ...next, deadSince };
}

/**
 * The first dead observation after the last alive one. Failures that prove nothing (a host down, a bot wall)
 * neither start nor end the dead spell; an alive answer ends it.
 */
function deadSinceOf(list: readonly Observation[], lastAlive: string | undefined, before: string | undefined): string | undefined {
  const after = (at: string): boolean => lastAlive === undefined || Date.parse(at) > Date.parse(lastAlive);
  let since = before !== undefined && after(before) ? before : undefined;
  for (const item of list) {
    if (outcome(item.state) === 'dead' && after(item.at)) since = earliest(since, item.at);
  }
  return since;
}

/** What the report says about a link, from its record (undefined: never observed). */
export function summarise(record: HistoryRecord | undefined, confirm: ConfirmSettings = DEFAULT_CONFIRM): LinkHistory {
  if (record === undefined || record.observations.length === 0) {
    return { firstSeen: null, lastAlive: null, deadSince: null, observations: 0, confirmed: false, flapping: false };
  }
  return {
    firstSeen: record.firstSeen,
    lastAlive: record.lastAlive ?? null,
    deadSince: record.deadSince ?? null,
    observations: record.count,
    confirmed: isConfirmed(record, confirm),
    flapping: isFlapping(record.observations),
  };
}

/**
 * Confirmed: the last observation is dead, and the current dead spell holds at least `observations` dead
 * observations whose first and last are at least `spanMs` apart.
 */
export function isConfirmed(record: HistoryRecord, confirm: ConfirmSettings): boolean {
  const list = record.observations;
  const last = list[list.length - 1];
  if (last === undefined || outcome(last.state) !== 'dead' || record.deadSince === undefined) return false;
  const spell = list.filter((item) => outcome(item.state) === 'dead' && Date.parse(item.at) >= Date.parse(record.deadSince!));
  // A spell longer than the list started before it: its first observation is `deadSince`.
  const startsEarlier = spell[0] === undefined || spell[0].at !== record.deadSince;
  const deadCount = spell.length + (startsEarlier ? 1 : 0);
  const span = Date.parse(last.at) - Date.parse(record.deadSince);
  return deadCount >= confirm.observations && span >= confirm.spanMs;
}

/** Flapping: at least two failing spells (dead or unreachable) with an alive observation between them. */
export function isFlapping(list: readonly Observation[]): boolean {
  let spells = 0;
  let previous: 'alive' | 'failing' | undefined;
  for (const item of list) {
    const kind = outcome(item.state);
    if (kind === 'other') continue;
    const now = kind === 'alive' ? 'alive' : 'failing';
    if (now === 'failing' && previous !== 'failing' && (spells === 0 || previous === 'alive')) spells += 1;
    previous = now;
  }
  return spells >= 2;
}

/**
 * What changed with this run's observation (for "new since the last run"): a link dead for the first time,
 * dead and now confirmed, or back alive after failing. Undefined when nothing changed.
 */
export function newsOf(before: LinkHistory, after: LinkHistory, state: State): 'dead' | 'confirmed' | 'recovered' | undefined {
  if (after.confirmed && !before.confirmed) return 'confirmed';
  if (state === 'dead' && before.deadSince === null && after.deadSince !== null) return 'dead';
  if (outcome(state) === 'alive' && before.observations > 0 && before.lastAlive !== after.lastAlive && before.deadSince !== null) return 'recovered';
  return undefined;
}

function earliest(a: string | undefined, b: string): string;
function earliest(a: string | undefined, b: string | undefined): string | undefined;
function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

function latest(a: string | undefined, b: string): string {
  return a === undefined || Date.parse(b) >= Date.parse(a) ? b : a;
}

/** Whether a stored value is a history record (the cache file is read from disk and may be anything). */
export function isHistoryRecord(value: unknown): value is HistoryRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Partial<HistoryRecord>;
  return (
    typeof record.firstSeen === 'string' &&
    typeof record.count === 'number' &&
    Array.isArray(record.observations) &&
    record.observations.every((item: unknown) => item !== null && typeof item === 'object' && typeof (item as Observation).at === 'string' && typeof (item as Observation).state === 'string')
  );
}

/** Where histories are kept: the results cache, or memory for a run without one. */
export interface HistoryStore {
  get(url: string, fragment: string): HistoryRecord | undefined;
  observe(url: string, fragment: string, observation: Observation): void;
}

/** A history store that forgets everything when the run ends (a run without a cache knows only itself). */
export function memoryHistory(): HistoryStore {
  const records = new Map<string, HistoryRecord>();
  return {
    get: (url, fragment) => records.get(`${url}#${fragment}`),
    observe(url, fragment, observation) {
      records.set(`${url}#${fragment}`, observe(records.get(`${url}#${fragment}`), observation));
    },
  };
}
