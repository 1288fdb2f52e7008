import type { CheckedLink, Suggestion, SuggestionKind } from '../model.js';

/**
 * The suggestion `--fix` applies to a link, if any: the archive snapshot for a dead link, the new address for a
 * permanent redirect, else an https or cleaned-up URL for a link that works (alive or permanently redirected).
 * Links that are suspicious, blocked, unreachable, temporarily redirected or skipped are left alone: nothing
 * proves their URL should change; except a page that is about something else now than in its capture from before
 * the post (`content-changed`, with `--drift`): the capture is what the post linked to. A short link's `expand` goes first whatever its state: it is only offered
 * once the target was checked and works, and writing the target keeps what the author linked to.
 */
export function chooseSuggestion(link: CheckedLink, kinds: readonly SuggestionKind[]): Suggestion | undefined {
  const accepted = (kind: SuggestionKind): Suggestion | undefined =>
    kinds.includes(kind) ? link.suggestions.find((suggestion) => suggestion.kind === kind) : undefined;
  const expand = link.state === 'skipped' ? undefined : accepted('expand');
  if (expand !== undefined) return expand;
  switch (link.state) {
    case 'dead':
      return accepted('archive');
    case 'redirected':
      if (link.reason !== 'redirect-permanent') return undefined;
      return accepted('moved') ?? accepted('https') ?? accepted('clean');
    case 'alive':
      return accepted('https') ?? accepted('clean');
    case 'suspicious':
      return link.reason === 'content-changed' ? accepted('archive') : undefined;
    case 'blocked':
    case 'unreachable':
    case 'skipped':
      return undefined;
    default: {
      const unreachable: never = link;
      return unreachable;
    }
  }
}
