import type { Notice, Verdict } from '../model.js';

/**
 * The report's one line for a run in which archive.org could not be reached: why, and how many links were left
 * without an archive suggestion because of it (`verdicts`: those whose lookup was unavailable, at least one), e.g.
 * "archive.org could not be reached: connect ECONNREFUSED …; 23 dead links have no archive suggestion".
 */
export function archiveUnreachableNotice(cause: string, verdicts: readonly Pick<Verdict, 'state'>[]): Notice {
  const dead = verdicts.filter((verdict) => verdict.state === 'dead').length;
  const other = verdicts.length - dead;
  const parts = [dead > 0 ? `${dead} dead` : '', other > 0 ? `${other} suspicious` : ''].filter((part) => part !== '');
  const counted = `${parts.join(' and ')} link${verdicts.length === 1 ? '' : 's'}`;
  return {
    code: 'archive-unreachable',
    message: `archive.org could not be reached: ${cause}; ${counted} ${verdicts.length === 1 ? 'has' : 'have'} no archive suggestion`,
    links: verdicts.length,
  };
}
