/**
 * The extraction thread: reads and parses the posts the main thread sends, one at a time, and posts back each
 * post's links (or its one-line input error). Parsing is CPU and checking is mostly waiting, so on a machine
 * with a second core the two run side by side instead of taking turns (see `extract-pool.ts`).
 */
import { parentPort } from 'node:worker_threads';
import { LinkrotError } from '../errors.js';
import { extractPost } from '../extract/index.js';
import type { ExtractReply, ExtractRequest } from './extract-messages.js';

const port = parentPort;
if (port === null) throw new Error('extract-worker.js runs as a worker thread');

port.on('message', (request: ExtractRequest) => {
  extractPost(request.path, request.baseUrl === undefined ? {} : { baseUrl: request.baseUrl }).then(
    ({ file, source }) => port.postMessage({ id: request.id, ok: true, file, source } satisfies ExtractReply),
    (error: unknown) => {
      const reply: ExtractReply =
        error instanceof LinkrotError
          ? { id: request.id, ok: false, code: error.code, message: error.message }
          : { id: request.id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      port.postMessage(reply);
    },
  );
});
