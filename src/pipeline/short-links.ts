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
  const reviews = new Map<string, Promise<Verdict>>();
  /** Only short links wait for a review: a promise per link was 28 MB of garbage on the 20,000-link benchmark. */
  const waiting: Array<[PlannedLink, Promise<Verdict>]> = [];
  for (const entry of planned) {
    const verdict = verdicts.get(entry);
    const url = entry.request;
    if (verdict === undefined || url === undefined) continue;
    const shortener = matchShortener(url, shorteners);
    if (shortener === undefined) continue;
    const date = files[entry.file]?.date;
    const key = `${url}\u0000${entry.fragment ?? ''}\u0000${date ?? ''}`;
    let review = reviews.get(key);
    if (review === undefined) {
      review = reviewShortLink(verdict, url, date, shortener, context);
      reviews.set(key, review);
    }
    waiting.push([entry, review]);
  }
  if (waiting.length === 0) return verdicts;
  const answers = await Promise.all(waiting.map(([, review]) => review));
  const reviewed = new Map(verdicts);
  waiting.forEach(([entry], index) => reviewed.set(entry, answers[index]!));
  return reviewed;
}
