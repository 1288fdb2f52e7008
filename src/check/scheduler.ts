/**
 * Politeness: a global limit, a per-host limit, a minimum interval between request starts to one host, and a
 * shared "paused until" time per host that a 429/503 sets for every pending request of that host.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { findHostSettings, type CheckSettings } from './settings.js';

export interface HostStats {
  requests: number;
  maxInFlight: number;
  rateLimited: number;
}

interface HostState {
  limit: LimitFunction;
  intervalMs: number;
  lastStartAt: number;
  pausedUntil: number;
  inFlight: number;
  stats: HostStats;
}

export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export class HostScheduler {
  readonly #global: LimitFunction;
  readonly #hosts = new Map<string, HostState>();
  readonly #settings: CheckSettings;
  readonly #clock: Clock;
  #inFlight = 0;
  #maxInFlight = 0;

  constructor(settings: CheckSettings, clock: Clock) {
    this.#settings = settings;
    this.#clock = clock;
    this.#global = pLimit(Math.max(1, settings.concurrency));
  }

  #state(host: string): HostState {
    let state = this.#hosts.get(host);
    if (state === undefined) {
      // Keys are `host:port`; settings are per host name (IPv6 keeps its brackets).
      const own = findHostSettings(this.#settings.hosts, host.replace(/:\d+$/, ''));
      state = {
        limit: pLimit(Math.max(1, own?.concurrency ?? this.#settings.perHost)),
        intervalMs: Math.max(0, own?.intervalMs ?? this.#settings.intervalMs),
        lastStartAt: Number.NEGATIVE_INFINITY,
        pausedUntil: 0,
        inFlight: 0,
        stats: { requests: 0, maxInFlight: 0, rateLimited: 0 },
      };
      this.#hosts.set(host, state);
    }
    return state;
  }

  /**
   * Wait until this host may start a request: after its pause, and one interval after the previous start as
   * it really happened (not as planned: a late timer must not squeeze the next two starts together).
   */
  async #waitForTurn(state: HostState): Promise<void> {
    for (;;) {
      const now = this.#clock.now();
      const earliest = Math.max(state.lastStartAt + state.intervalMs, state.pausedUntil);
      if (now >= earliest) break;
      await this.#clock.sleep(earliest - now);
      // A clock that does not move (a test's injected sleep without `now`): take the turn rather than spin.
      if (this.#clock.now() === now) break;
    }
    state.lastStartAt = this.#clock.now();
  }

  /** Run one request to `host` under every limit. The host slot is taken first so a busy host never holds global slots. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.#state(host);
    return state.limit(async () => {
      await this.#waitForTurn(state);
      return this.#global(async () => {
        // The start as it really happens: waiting for a global slot may have taken a while.
        state.lastStartAt = Math.max(state.lastStartAt, this.#clock.now());
        state.inFlight += 1;
        this.#inFlight += 1;
        state.stats.requests += 1;
        state.stats.maxInFlight = Math.max(state.stats.maxInFlight, state.inFlight);
        this.#maxInFlight = Math.max(this.#maxInFlight, this.#inFlight);
        try {
          return await task();
        } finally {
          state.inFlight -= 1;
          this.#inFlight -= 1;
        }
      });
    });
  }

  /**
   * The host said "too many requests": no request to it starts before `until`, and (for a 429) at most half as
   * many run at once from now on, never fewer than one.
   */
  pause(host: string, until: number, rateLimited: boolean): void {
    const state = this.#state(host);
    state.pausedUntil = Math.max(state.pausedUntil, until);
    if (rateLimited) {
      state.stats.rateLimited += 1;
      state.limit.concurrency = Math.max(1, Math.floor(state.limit.concurrency / 2));
    }
  }

  get maxInFlight(): number {
    return this.#maxInFlight;
  }

  hostStats(): Record<string, HostStats> {
    const result: Record<string, HostStats> = {};
    for (const [host, state] of this.#hosts) result[host] = { ...state.stats };
    return result;
  }
}
