import { STATE_ORDER, type Notice, type Verdict } from '../model.js';

/**
 * The report's one line for a run in which archive.org could not be reached: why, and how many links were left
 * without an archive suggestion because of it (`verdicts`: those whose lookup was unavailable, at least one), by
 * state, e.g. "archive.org could not be reached: connect ECONNREFUSED …; 23 dead links have no archive suggestion"
 * (a short link whose service is unreachable counts as such: its target could not be recovered either).
 */
export function archiveUnreachableNotice(cause: string, verdicts: readonly Pick<Verdict, 'state'>[]): Notice {
  const parts = STATE_ORDER.flatMap((state) => {
    const count = verdicts.filter((verdict) => verdict.state === state).length;
    return count > 0 ? [`${count} ${state}`] : [];
  });
  const listed = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}` : parts.join('');
  const counted = `${listed} link${verdicts.length === 1 ? '' : 's'}`;
  return {
    code: 'archive-unreachable',
    message: `archive.org could not be reached: ${cause}; ${counted} ${verdicts.length === 1 ? 'has' : 'have'} no archive suggestion`,
    links: verdicts.length,
  };
}
