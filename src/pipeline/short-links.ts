import { matchShortener, reviewShortLink, type CompiledShortener, type ShortLinkContext } from '../archive/index.js';
import type { ExtractedFile, Verdict } from '../model.js';
import type { PlannedLink } from '../plan/index.js';

/**
 * Review every short link's verdict (see `reviewShortLink`), once per URL, fragment and post date: the same
 * short link in ten posts costs one archive lookup and one check of its target. Returns the verdicts with those
 * of the short links replaced.
 */
export async function reviewShortLinks(
  files: readonly ExtractedFile[],
  planned: readonly PlannedLink[],
  verdicts: ReadonlyMap<PlannedLink, Verdict>,
  shorteners: readonly CompiledShortener[],
  context: ShortLinkContext,
): Promise<ReadonlyMap<PlannedLink, Verdict>> {
  const reviewed = new Map(verdicts);
  const reviews = new Map<string, Promise<Verdict>>();
  await Promise.all(
    planned.map(async (entry) => {
      const verdict = verdicts.get(entry);
      const url = entry.request;
      if (verdict === undefined || url === undefined) return;
      const shortener = matchShortener(url, shorteners);
      if (shortener === undefined) return;
      const date = files[entry.file]?.date;
      const key = `${url}\u0000${entry.fragment ?? ''}\u0000${date ?? ''}`;
      let review = reviews.get(key);
      if (review === undefined) {
        review = reviewShortLink(verdict, url, date, shortener, context);
        reviews.set(key, review);
      }
      reviewed.set(entry, await review);
    }),
  );
  return reviewed;
}
