import type { CheckedLink, LinkHistory } from '../model.js';
import { plural } from './text.js';

/** `2026-11-20T06:00:00.000Z` → `2026-11-20`. */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * What a link's history says, in words: "dead since 2026-11-20, seen 3 times, confirmed", "last alive
 * 2026-11-18, seen 4 times, flapping". Empty when the history says nothing worth a line (a link seen alive, or
 * seen only by this run).
 */
export function historyWords(link: Pick<CheckedLink, 'state' | 'history'>): string {
  const history = link.history;
  // One observation is this run's own answer, already said by the verdict.
  if (history === undefined || history.observations <= 1) return '';
  const seen = `seen ${plural(history.observations, 'time')}`;
  const parts: string[] = [];
  if (history.deadSince !== null) {
    parts.push(`dead since ${day(history.deadSince)}`, seen);
    if (link.state === 'dead') parts.push(history.confirmed ? 'confirmed' : 'not confirmed yet');
  } else if (link.state !== 'alive' && link.state !== 'redirected') {
    parts.push(history.lastAlive === null ? `never seen alive since ${day(history.firstSeen!)}` : `last alive ${day(history.lastAlive)}`, seen);
  }
  if (history.flapping) parts.push('flapping (alternates between alive and failing)');
  return parts.join(', ');
}

/** "new: dead", "new: confirmed dead", "new: alive again" for what this run changed. */
export function newsWords(history: LinkHistory | undefined): string {
  switch (history?.news) {
    case 'dead':
      return 'newly dead';
    case 'confirmed':
      return 'dead, now confirmed';
    case 'recovered':
      return 'alive again';
    default:
      return '';
  }
}
