/**
 * The extraction thread: reads and parses the posts the main thread sends, one at a time, and posts back each
 * post's links (or its one-line input error). Parsing is CPU and checking is mostly waiting, so on a machine
 * with a second core the two run side by side instead of taking turns (see `extract-pool.ts`). The same script
 * parses the pieces of a long document beside the main thread (`extract-pieces.ts`).
 */
import { parentPort } from 'node:worker_threads';
import { LinkrotError } from '../errors.js';
import { extractPost } from '../extract/index.js';
import { parseSource } from '../extract/parse.js';
import { CANCELLED, NEXT, POSTED, type ExtractReply, type ExtractRequest, type ParseBatchReply, type ParseBatchRequest, type ThreadRequest } from './extract-messages.js';

const port = parentPort;
if (port === null) throw new Error('extract-worker.js runs as a worker thread');

port.on('message', (request: ThreadRequest) => {
  if ('kind' in request) parseBatch(request);
  else extract(request);
});

function extract(request: ExtractRequest): void {
  extractPost(request.path, request.baseUrl === undefined ? {} : { baseUrl: request.baseUrl }).then(
    ({ file, source }) => port?.postMessage({ id: request.id, ok: true, file, source } satisfies ExtractReply),
    (error: unknown) => {
      const reply: ExtractReply =
        error instanceof LinkrotError
          ? { id: request.id, ok: false, code: error.code, message: error.message }
          : { id: request.id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      port?.postMessage(reply);
    },
  );
}

/** Take texts of the batch until none is left (the main thread takes them from the same counter). */
function parseBatch({ sources, state, port: replies }: ParseBatchRequest): void {
  while (Atomics.load(state, CANCELLED) === 0) {
    const index = Atomics.add(state, NEXT, 1);
    const source = sources[index];
    if (source === undefined) break;
    let reply: ParseBatchReply;
    try {
      reply = { index, tree: parseSource(source) };
    } catch (error) {
      reply = { index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    replies.postMessage(reply);
    Atomics.add(state, POSTED, 1);
    Atomics.notify(state, POSTED);
  }
  replies.close();
}
