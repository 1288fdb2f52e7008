/**
 * Admission of URL jobs into the fetcher. A job admitted is a chain of pending promises, closures and a parsed URL
 * (a few kilobytes); a job waiting here is one small closure. Every host keeps twice its concurrency admitted, so
 * the scheduler always has its next request queued and no host waits on admission, and the run as a whole keeps
 * at most `total` admitted. Measured before it: the 20,000-link benchmark held all 20,000 jobs pending at once.
 */
import { Fifo } from '../util/fifo.js';

export interface AdmissionLimits {
  /** Jobs admitted at once for one host (`host:port`). */
  perHost: (host: string) => number;
  /** Jobs admitted at once over all hosts. */
  total: number;
}

export class Admission {
  readonly #limits: AdmissionLimits;
  readonly #waiting = new Map<string, Fifo<() => void>>();
  readonly #admitted = new Map<string, number>();
  readonly #room = new Map<string, number>();
  #total = 0;
  /** Some host with room was refused because the run as a whole was full: worth a look at every host later. */
  #totalBound = false;

  constructor(limits: AdmissionLimits) {
    this.#limits = limits;
  }

  /** Run `job` once its host has room; resolves (or rejects) with it. */
  submit(host: string, job: () => Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const start = (): void => {
        job()
          .then(resolve, reject)
          .finally(() => this.#finish(host));
      };
      if (this.#hasRoom(host) && !this.#waiting.has(host)) {
        if (this.#total < this.#limits.total) {
          this.#admit(host, start);
          return;
        }
        this.#totalBound = true;
      }
      let queue = this.#waiting.get(host);
      if (queue === undefined) {
        queue = new Fifo();
        this.#waiting.set(host, queue);
      }
      queue.push(start);
      this.#pump(host);
    });
  }

  /** Jobs admitted and not finished. */
  get admitted(): number {
    return this.#total;
  }

  #hasRoom(host: string): boolean {
    let room = this.#room.get(host);
    if (room === undefined) {
      room = Math.max(1, this.#limits.perHost(host));
      this.#room.set(host, room);
    }
    return (this.#admitted.get(host) ?? 0) < room;
  }

  #admit(host: string, start: () => void): void {
    this.#admitted.set(host, (this.#admitted.get(host) ?? 0) + 1);
    this.#total += 1;
    start();
  }

  #finish(host: string): void {
    this.#admitted.set(host, (this.#admitted.get(host) ?? 1) - 1);
    this.#total -= 1;
    this.#pump(host);
  }

  /** Admit what fits: the host that just gained room first, then the others in the order they started waiting. */
  #pump(first: string): void {
    this.#drain(first);
    // Other hosts can only have been held back by the total (their own room changes only when theirs finish).
    if (!this.#totalBound || this.#total >= this.#limits.total) return;
    for (const host of this.#waiting.keys()) {
      if (host !== first) this.#drain(host);
      if (this.#total >= this.#limits.total) return;
    }
    this.#totalBound = false;
  }

  #drain(host: string): void {
    const queue = this.#waiting.get(host);
    if (queue === undefined) return;
    while (queue.size > 0 && this.#hasRoom(host)) {
      if (this.#total >= this.#limits.total) {
        this.#totalBound = true;
        return;
      }
      this.#admit(host, queue.shift());
    }
    if (queue.size === 0) this.#waiting.delete(host);
  }
}
