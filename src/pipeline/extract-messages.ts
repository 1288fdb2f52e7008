/** The messages between the main thread and the extraction threads. */
import type { Root } from 'mdast';
import type { MessagePort } from 'node:worker_threads';
import type { LinkrotErrorCode } from '../errors.js';
import type { ExtractedFile } from '../model.js';

export interface ExtractRequest {
  id: number;
  path: string;
  baseUrl?: string;
}

export type ExtractReply =
  | { id: number; ok: true; file: ExtractedFile; source: string }
  /** `code` is set for a LinkrotError (bad input); without it the message is a bug's stack. */
  | { id: number; ok: false; code?: LinkrotErrorCode; message: string };

/**
 * Texts to parse, shared by both threads (extract-pieces.ts): each takes the next index from `state[NEXT]`
 * until none is left; the thread posts each tree on `port`, then adds one to `state[POSTED]`.
 */
export interface ParseBatchRequest {
  kind: 'parse-batch';
  sources: readonly string[];
  state: Int32Array;
  port: MessagePort;
}

/** The slots of ParseBatchRequest.state. */
export const NEXT = 0;
export const POSTED = 1;
/** Set by the main thread when it stops waiting: the thread takes no further text. */
export const CANCELLED = 2;
export const STATE_SLOTS = 3;

/** One text of a batch: its tree, or (a bug) why there is none; the main thread then parses it itself. */
export type ParseBatchReply = { index: number; tree: Root } | { index: number; error: string };

export type ThreadRequest = ExtractRequest | ParseBatchRequest;
