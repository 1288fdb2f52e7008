/**
 * The extraction thread, seen from the main thread: one worker and the replies it owes. Kept apart from
 * `extract-pool.ts` (which also extracts in-process) so that starting the thread loads no parser here.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { packageFile } from '../util/package-root.js';
import type { ExtractReply, ExtractRequest } from './extract-messages.js';

/** The extraction thread's young generation (V8's default would be 16–32 MB per thread). */
export const EXTRACT_THREAD_YOUNG_MB = 8;

/** The compiled thread script (the build bundles it beside the CLI's bundle). */
export const EXTRACT_WORKER_FILE = packageFile('dist', 'pipeline', 'extract-worker.js');

export class ExtractThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (reply: ExtractReply) => void; reject: (error: Error) => void }>();
  #failure: Error | undefined;

  constructor(file: string) {
    // A small young generation: parsing makes short-lived garbage, and collecting it often keeps the thread's
    // memory (and the run's peak RSS, measured: about 20 MB less) down at no cost in time.
    this.#worker = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: EXTRACT_THREAD_YOUNG_MB } });
    this.#worker.on('message', (reply: ExtractReply) => {
      const waiter = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      waiter?.resolve(reply);
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`the extraction thread stopped (exit code ${code})`)));
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiter of this.#waiting.values()) waiter.reject(this.#failure);
    this.#waiting.clear();
  }

  extract(request: ExtractRequest): Promise<ExtractReply> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise<ExtractReply>((resolve, reject) => {
      this.#waiting.set(request.id, { resolve, reject });
      this.#worker.postMessage(request);
    });
  }

  /** Whether the thread may keep the process alive (not while it only waits, started ahead, for work). */
  keepAlive(yes: boolean): void {
    if (yes) this.#worker.ref();
    else this.#worker.unref();
  }

  async close(): Promise<void> {
    this.#failure ??= new Error('the extraction thread was closed');
    await this.#worker.terminate();
  }
}

/**
 * Cores needed before extraction gets a thread. Measured on the 2-core benchmark machine (8 alternating runs of
 * the main scenario): with a thread, 2.8 s and 0.5 s more CPU; without, 2.6 s. One core handles the answers,
 * the other is needed by everything else (there, the simulated web), and the thread's own start (its parser
 * loaded a second time) is pure cost. With cores to spare, parsing no longer takes turns with the answers.
 */
export const EXTRACT_THREAD_MIN_CORES = 4;

/** Is a thread worth it here: cores to spare and the compiled script. */
export function canUseExtractThread(): boolean {
  return availableParallelism() >= EXTRACT_THREAD_MIN_CORES && existsSync(EXTRACT_WORKER_FILE);
}

let prestarted: ExtractThread | undefined;

/**
 * Start the thread now, before the posts are known: loading its parser takes a few tenths of a second, which
 * then overlap the main thread's own start (config, inputs, the dispatcher). Unused, it never holds the process.
 */
export function prestartExtractThread(): void {
  if (prestarted !== undefined || !canUseExtractThread()) return;
  prestarted = new ExtractThread(EXTRACT_WORKER_FILE);
  prestarted.keepAlive(false);
}

/** The thread started ahead, if any; it is the caller's from now on. */
export function takePrestartedThread(): ExtractThread | undefined {
  const thread = prestarted;
  prestarted = undefined;
  return thread;
}
