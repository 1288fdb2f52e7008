/** Stable codes for the failures that stop linkrot itself (never for a finding about a link). */
export type LinkrotErrorCode =
  | 'LINKROT_USAGE' // bad flags or arguments
  | 'LINKROT_INPUT' // a path that is missing, unreadable, binary, not UTF-8, or no Markdown found
  | 'LINKROT_CONFIG_INVALID' // config file unreadable, not JSON, or not matching the schema
  | 'LINKROT_NO_NETWORK' // nothing at all could be reached
  | 'LINKROT_FILE_CHANGED' // --fix: the file changed since it was read
  | 'LINKROT_WRITE_FAILED' // --fix or --output: the file could not be written
  | 'LINKROT_GIT' // --changed-since: git failed
  | 'LINKROT_INTERNAL';

/** Exit codes (DESIGN.md): 0 nothing fails, 1 failing findings, 2 bad usage, config or input. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class LinkrotError extends Error {
  readonly code: LinkrotErrorCode;
  constructor(code: LinkrotErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LinkrotError';
    this.code = code;
  }
}

export function isLinkrotError(error: unknown): error is LinkrotError {
  return error instanceof LinkrotError;
}
