import { LinkrotError } from '../errors.js';

/**
 * The most link candidates one file may hold. The largest real lists (awesome-* READMEs) have a few thousand;
 * a file far beyond this is generated or hostile, and parsing it would take minutes and gigabytes.
 */
export const DEFAULT_MAX_LINKS_PER_FILE = 100_000;

/** Every place a link can start: an inline or reference destination, an autolink, a bare URL, an HTML attribute. */
const CANDIDATE = /\]\(|\]\[|\]:|<[a-z][a-z0-9+.-]*:|https?:\/\/|www\.|\b(?:href|src|srcset|poster|data|cite|action)\s*=/gi;

/**
 * Count link candidates without parsing (an upper bound of the links the parser can find) and refuse a file
 * that holds more than `limit`, with one line naming it.
 */
export function assertLinkBudget(text: string, path: string | undefined, limit = DEFAULT_MAX_LINKS_PER_FILE): void {
  let count = 0;
  CANDIDATE.lastIndex = 0;
  while (CANDIDATE.exec(text) !== null) {
    count += 1;
    if (count > limit) {
      throw new LinkrotError(
        'LINKROT_INPUT',
        `${path === undefined ? 'The text' : `\`${path}\``} has more than ${limit.toLocaleString('en-US')} link candidates, over the limit for one Markdown file`,
      );
    }
  }
}
