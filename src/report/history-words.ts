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

/** What this run changed for a link, in words; the order is the one reports list them in (confirmed first). */
export const NEWS_WORDS: Readonly<Record<NonNullable<LinkHistory['news']>, string>> = {
  confirmed: 'dead, now confirmed',
  dead: 'newly dead',
  recovered: 'alive again',
};

/** "newly dead", "dead, now confirmed", "alive again" for what this run changed; empty when nothing did. */
export function newsWords(history: LinkHistory | undefined): string {
  return history?.news === undefined ? '' : NEWS_WORDS[history.news];
}
