/**
 * Read and extract posts, in the order given, either here or on a second thread.
 *
 * On the thread, parsing (CPU) runs beside the checking (mostly waiting on the network, but every answer costs
 * CPU too) instead of taking turns with it on one core: on a 2-core machine that was most of the gap between a
 * run and the time its requests need. A few posts are sent ahead, not all: memory stays bounded on a big site.
 * Without the compiled thread script (running from sources) or for a single post, extraction stays here.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { LinkrotError } from '../errors.js';
import { extractPost } from '../extract/index.js';
import type { ExtractedFile } from '../model.js';
import { packageFile } from '../util/package-root.js';
import type { ExtractReply, ExtractRequest } from './extract-messages.js';

export interface ExtractedPost {
  file: ExtractedFile;
  /** The text that was read (kept for `--fix`). */
  source: string;
}

export type PostOutcome = { path: string; post: ExtractedPost } | { path: string; error: LinkrotError };

export interface ExtractPostsOptions {
  baseUrl?: string;
  /** Extract on a second thread when there is a spare core and more than one post (default false). */
  thread?: boolean;
}

/** The extraction thread's young generation (V8's default would be 16–32 MB per thread). */
export const EXTRACT_THREAD_YOUNG_MB = 8;

/** Posts sent to the thread ahead of the one being consumed. */
export const EXTRACT_WINDOW = 8;

/** The compiled thread script (the CLI bundle ships it beside the library's modules). */
export const EXTRACT_WORKER_FILE = packageFile('dist', 'pipeline', 'extract-worker.js');

export async function* extractPosts(paths: readonly string[], options: ExtractPostsOptions = {}): AsyncGenerator<PostOutcome> {
  const request = options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl };
  const useThread = options.thread === true && paths.length > 1 && availableParallelism() > 1 && existsSync(EXTRACT_WORKER_FILE);
  if (!useThread) {
    for (const path of paths) yield await extractHere(path, request);
    return;
  }
  const thread = new ExtractThread(EXTRACT_WORKER_FILE);
  try {
    const pending: Promise<ExtractReply>[] = [];
    let sent = 0;
    const sendAhead = (): void => {
      while (sent < paths.length && pending.length < EXTRACT_WINDOW) {
        const reply = thread.extract({ id: sent, path: paths[sent]!, ...request });
        // Awaited in order below; one left behind by an early stop must not count as unhandled.
        reply.catch(() => undefined);
        pending.push(reply);
        sent += 1;
      }
    };
    sendAhead();
    for (const path of paths) {
      const reply = await pending.shift()!;
      sendAhead();
      yield toOutcome(path, reply);
    }
  } finally {
    await thread.close();
  }
}

async function extractHere(path: string, options: { baseUrl?: string }): Promise<PostOutcome> {
  try {
    return { path, post: await extractPost(path, options) };
  } catch (error) {
    if (error instanceof LinkrotError) return { path, error };
    throw error;
  }
}

function toOutcome(path: string, reply: ExtractReply): PostOutcome {
  if (reply.ok) return { path, post: { file: reply.file, source: reply.source } };
  if (reply.code !== undefined) return { path, error: new LinkrotError(reply.code, reply.message) };
  // A bug in the thread: the same failure as one here would be (exit 70 with the stack).
  throw new Error(`extraction thread: ${reply.message}`);
}

/** One worker thread and the replies it owes. */
class ExtractThread {
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

  async close(): Promise<void> {
    this.#failure ??= new Error('the extraction thread was closed');
    await this.#worker.terminate();
  }
}
