/**
 * The pieces of a long document parsed on two threads. parse.ts cuts a long document into pieces that parse
 * alone as they do in the whole; here the main thread and a second thread take pieces from one shared counter
 * until none is left, and the main thread waits (blocked: parsing is synchronous) for the trees of the
 * pieces the other thread took. The thread starts as soon as the inputs show a long document (else with the
 * first one, while the main thread is already parsing); short documents never start it.
 */
import type { Root } from 'mdast';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { parseSource, useBatchParser } from '../extract/parse.js';
import { CANCELLED, NEXT, POSTED, STATE_SLOTS, type ParseBatchReply, type ParseBatchRequest } from './extract-messages.js';
import { EXTRACT_WORKER_FILE } from './extract-thread.js';
import { hasLongDocument } from './long-document.js';

/**
 * How long the main thread waits for the other thread without a tree coming back before it parses the rest
 * itself: a base, and per character of the longest text (50 KB/s; micromark reads 0.2-0.5 MB/s on the
 * benchmark machine). Only a thread that died mid-batch ever reaches it.
 */
const STALL_BASE_MS = 10_000;
const STALL_MS_PER_CHAR = 0.02;

export class PieceThread {
  readonly #file: string;
  #worker: Worker | undefined;
  #broken = false;
  #fromThread = 0;

  constructor(file: string) {
    this.#file = file;
  }

  /** Every text parsed as `parseSource` would, the work shared with the thread. */
  parse(sources: readonly string[]): Root[] {
    const worker = this.#start();
    if (!worker) return sources.map(parseSource);
    const state = new Int32Array(new SharedArrayBuffer(STATE_SLOTS * Int32Array.BYTES_PER_ELEMENT));
    const { port1: replies, port2 } = new MessageChannel();
    worker.postMessage({ kind: 'parse-batch', sources, state, port: port2 } satisfies ParseBatchRequest, [port2]);

    const trees: Array<Root | undefined> = new Array(sources.length);
    let mine = 0;
    for (let index = Atomics.add(state, NEXT, 1); index < sources.length; index = Atomics.add(state, NEXT, 1)) {
      trees[index] = parseSource(sources[index] ?? '');
      mine++;
    }
    this.#collect(trees, sources.length - mine, state, replies, sources);
    replies.close();
    return trees.map((tree, index) => tree ?? parseSource(sources[index] ?? ''));
  }

  /** Receive the trees of the texts the thread took (`owed` of them); on a stall, stop waiting. */
  #collect(trees: Array<Root | undefined>, owed: number, state: Int32Array, replies: MessagePort, sources: readonly string[]): void {
    const stallMs = STALL_BASE_MS + STALL_MS_PER_CHAR * Math.max(0, ...sources.map((source) => source.length));
    let received = 0;
    while (received < owed) {
      const message = receiveMessageOnPort(replies)?.message as ParseBatchReply | undefined;
      if (message) {
        if ('tree' in message) {
          trees[message.index] = message.tree;
          this.#fromThread++;
        }
        received++;
        continue;
      }
      // Posted but not yet here: a moment. Else wait for the next post (or the stall limit).
      if (Atomics.load(state, POSTED) > received) continue;
      if (Atomics.wait(state, POSTED, received, stallMs) === 'timed-out') {
        Atomics.store(state, CANCELLED, 1);
        this.#broken = true;
        void this.#worker?.terminate();
        return;
      }
    }
  }

  #start(): Worker | undefined {
    if (this.#broken) return undefined;
    if (!this.#worker) {
      try {
        this.#worker = new Worker(this.#file);
      } catch {
        this.#broken = true;
        return undefined;
      }
      // Never the reason the process stays up; a thread that fails is not used again.
      this.#worker.unref();
      this.#worker.on('error', () => (this.#broken = true));
      this.#worker.on('exit', () => (this.#broken = true));
    }
    return this.#worker;
  }

  /** Start the thread now; resolves once it runs (so that it takes part in the next batch from its start). */
  async started(): Promise<void> {
    const worker = this.#start();
    if (worker) await once(worker, 'online');
  }

  /** How many trees the thread has given so far. */
  get fromThread(): number {
    return this.#fromThread;
  }

  async close(): Promise<void> {
    this.#broken = true;
    await this.#worker?.terminate();
  }
}

/**
 * Cores a machine needs before the pieces are parsed on a second thread. One parsing thread already keeps about
 * 1.5 cores busy: V8 scavenges its young generation (micromark allocates about 1 KB per character) on helper
 * threads. Measured on the 2-core benchmark machine, the 1 MB benchmark document parsed warm on one thread in
 * 1.0-1.1 s, 1.35-1.5 s with `--single-threaded-gc`; on two threads each thread ran at about half speed (the main
 * thread 22-30 pieces, the other 14-22, about 1.0-1.3 s either way). The whole `linkrot extract`, 16 alternating
 * runs with and without the thread: median wall 2.70 → 2.45 s, CPU (user) 4.4 → 3.6 s and peak RSS 219 → 153 MB
 * without it. Three cores leave the second thread one of its own; not measured here (this machine has two).
 */
export const PIECE_THREAD_MIN_CORES = 3;

/** Cores one parsing thread keeps busy (itself and the garbage collector's helpers; see above). */
const CORES_OF_ONE_PARSER = PIECE_THREAD_MIN_CORES - 1;

/**
 * Is a second thread worth it here: a core for it beyond the one parsing and the one collecting garbage (see
 * `PIECE_THREAD_MIN_CORES`), still free by the load average of the last minute, and the compiled thread script.
 * The thread costs CPU of its own (a second parser, loaded and run cold), which on a loaded machine only takes
 * time from the rest.
 */
export function canParseOnTwoThreads(cores = availableParallelism(), load = loadavg()[0] ?? 0): boolean {
  return cores >= PIECE_THREAD_MIN_CORES && load <= cores - CORES_OF_ONE_PARSER && existsSync(EXTRACT_WORKER_FILE);
}

/**
 * From now on, parse the pieces of long documents on two threads (when `canParseOnTwoThreads`). The thread starts
 * now when one of `paths` is that long (its start then overlaps the reading of the posts), else with the first
 * long document, if any.
 */
export function parsePiecesOnTwoThreads(paths: readonly string[]): void {
  if (!canParseOnTwoThreads()) return;
  const thread = new PieceThread(EXTRACT_WORKER_FILE);
  useBatchParser((sources) => thread.parse(sources));
  if (hasLongDocument(paths)) thread.started().catch(() => undefined);
}
