/** The messages between the main thread and the extraction thread. */
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
