/**
 * Politeness: a global limit, a per-host limit, a minimum interval between request starts to one host, and a
 * shared "paused until" time per host that a 429/503 sets for every pending request of that host.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { Fifo } from '../util/fifo.js';
import { hostConcurrency, hostKeySettings, type CheckSettings } from './settings.js';

export interface HostStats {
  requests: number;
  maxInFlight: number;
  rateLimited: number;
}

interface Waiting {
  task: () => Promise<unknown>;
  /** An answer that makes the request unnecessary (it then leaves the queue without a slot or a turn). */
  skip: (() => unknown) | undefined;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

interface HostState {
  /** Requests this host may have started at once (halved by a 429). */
  concurrency: number;
  /** Requests holding one of those slots: waiting for a global slot or running. */
  active: number;
  /** Requests waiting for a slot of this host, first come first served. */
  queue: Fifo<Waiting>;
  intervalMs: number;
  lastStartAt: number;
  pausedUntil: number;
  /** A timer is set to look at the queue again (one per host, however many wait). */
  waking: boolean;
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
      state = {
        concurrency: Math.max(1, hostConcurrency(this.#settings, host)),
        active: 0,
        queue: new Fifo(),
        intervalMs: Math.max(0, hostKeySettings(this.#settings, host)?.intervalMs ?? this.#settings.intervalMs),
        lastStartAt: Number.NEGATIVE_INFINITY,
        pausedUntil: 0,
        waking: false,
        inFlight: 0,
        stats: { requests: 0, maxInFlight: 0, rateLimited: 0 },
      };
      this.#hosts.set(host, state);
    }
    return state;
  }

  /**
   * Run one request to `host` under every limit: a slot of the host (first come first served), its turn (one
   * interval after the previous start as it really happened, not as planned, and after any pause), then a global
   * slot. The host slot is taken first so a busy host never holds global slots.
   *
   * The per-host part is a plain queue rather than a limiter plus a timer per waiting request: with thousands of
   * requests, the promises and closures of that chain were most of what the scheduler allocated.
   *
   * `skip`, asked whenever the request is next in line: an answer that makes sending it unnecessary (its origin
   * failed meanwhile). Such a request leaves the queue with that answer at once, without taking a turn.
   */
  run<T>(host: string, task: () => Promise<T>, skip?: () => T | undefined): Promise<T> {
    const state = this.#state(host);
    return new Promise<T>((resolve, reject) => {
      state.queue.push({ task, skip, resolve: resolve as (value: unknown) => void, reject });
      this.#pump(state);
    });
  }

  /**
   * Start what may start now. `stuckAt`: the clock read when a wait began; if it still reads the same after the
   * wait (a test's injected sleep without its own clock), the next request takes its turn rather than spin.
   */
  #pump(state: HostState, stuckAt?: number): void {
    while (state.active < state.concurrency && state.queue.size > 0) {
      const next = state.queue.peek();
      const answer = next.skip?.();
      if (answer !== undefined) {
        state.queue.shift();
        next.resolve(answer);
        continue;
      }
      const now = this.#clock.now();
      const earliest = Math.max(state.lastStartAt + state.intervalMs, state.pausedUntil);
      if (now < earliest && stuckAt !== now) {
        this.#wakeLater(state, earliest - now, now);
        return;
      }
      stuckAt = undefined;
      const waiting = state.queue.shift();
      state.active += 1;
      state.lastStartAt = now;
      const release = (): void => {
        state.active -= 1;
        this.#pump(state);
      };
      this.#global(() => this.#start(state, waiting.task)).then(
        (value) => {
          release();
          waiting.resolve(value);
        },
        (error: unknown) => {
          release();
          waiting.reject(error);
        },
      );
    }
  }

  #wakeLater(state: HostState, ms: number, now: number): void {
    if (state.waking) return;
    state.waking = true;
    void this.#clock.sleep(ms).then(() => {
      state.waking = false;
      this.#pump(state, this.#clock.now() === now ? now : undefined);
    });
  }

  async #start<T>(state: HostState, task: () => Promise<T>): Promise<T> {
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
      state.concurrency = Math.max(1, Math.floor(state.concurrency / 2));
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
