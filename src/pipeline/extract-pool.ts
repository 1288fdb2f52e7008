/**
 * Read and extract posts, in the order given, either here or on a second thread.
 *
 * On the thread, parsing (CPU) runs beside the checking (mostly waiting on the network, but every answer costs
 * CPU too) instead of taking turns with it on one core: on a 2-core machine that was most of the gap between a
 * run and the time its requests need. A few posts are sent ahead, not all: memory stays bounded on a big site.
 * Without the compiled thread script (running from sources) or for a single post, extraction stays here.
 */
import { existsSync } from 'node:fs';
import { LinkrotError } from '../errors.js';
import { extractPost } from '../extract/index.js';
import type { ExtractedFile } from '../model.js';
import type { ExtractReply } from './extract-messages.js';
import { canUseExtractThread, EXTRACT_WORKER_FILE, ExtractThread, takePrestartedThread } from './extract-thread.js';

export interface ExtractedPost {
  file: ExtractedFile;
  /** The text that was read (kept for `--fix`). */
  source: string;
}

export type PostOutcome = { path: string; post: ExtractedPost } | { path: string; error: LinkrotError };

export interface ExtractPostsOptions {
  baseUrl?: string;
  /**
   * Extract on a second thread: `auto` when there are cores to spare and more than one post, `always` whatever
   * the cores (tests), `never` (the default). A thread started ahead with `prestartExtractThread` is used (or
   * closed) here.
   */
  thread?: 'auto' | 'always' | 'never';
}

/** Milliseconds of in-process extraction between two turns of the event loop. */
export const EXTRACT_SLICE_MS = 50;

/** Posts sent to the thread ahead of the one being consumed. */
export const EXTRACT_WINDOW = 8;

export async function* extractPosts(paths: readonly string[], options: ExtractPostsOptions = {}): AsyncGenerator<PostOutcome> {
  const request = options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl };
  const prestarted = takePrestartedThread();
  const mode = options.thread ?? 'never';
  const useThread =
    paths.length > 1 &&
    ((mode !== 'never' && prestarted !== undefined) ||
      (mode === 'auto' && canUseExtractThread()) ||
      (mode === 'always' && existsSync(EXTRACT_WORKER_FILE)));
  if (!useThread) {
    await prestarted?.close();
    // Reading and parsing a post is synchronous, and promise callbacks alone never give the event loop a turn:
    // without a pause no request went out until every post was parsed. A pause after every post was the other
    // extreme (each pause waits for every answer that came in meanwhile, so the last posts' links reached their
    // hosts a second late). Extraction takes the loop for a slice of time, then lets the answers through.
    // The first post's links go out at once; after that, slices.
    let sliceStart = Number.NEGATIVE_INFINITY;
    for (const path of paths) {
      yield await extractHere(path, request);
      if (performance.now() - sliceStart >= EXTRACT_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    return;
  }
  const thread = prestarted ?? new ExtractThread(EXTRACT_WORKER_FILE);
  thread.keepAlive(true);
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
