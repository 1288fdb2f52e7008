/**
 * The drift step (`--drift`): each alive link's page now against its Wayback capture from before its post's
 * date (see `src/drift/`). A page about something else now becomes `suspicious`/`content-changed`, with the
 * capture suggested; every other link stays as it was.
 */
import { snapshotSuggestion, toStamp, type Archive } from '../archive/index.js';
import { DEFAULT_CONTENT_BODY_BYTES } from '../diagnose/index.js';
import { driftKey, findDrift, summarizeResult, type CaptureStore, type DriftCandidate, type PageSummary } from '../drift/index.js';
import type { ExtractedFile, Fetcher, Notice, Verdict } from '../model.js';
import type { PlannedLink } from '../plan/index.js';

export interface DriftInput {
  files: readonly ExtractedFile[];
  planned: readonly PlannedLink[];
  /** Pages summarised by the check step, per request URL (those the cache answered are not among them). */
  pages: ReadonlyMap<string, PageSummary>;
}

export async function addDriftVerdicts(
  input: DriftInput,
  verdicts: ReadonlyMap<PlannedLink, Verdict>,
  context: { archive: Archive; fetcher: Fetcher; store?: CaptureStore; onProgress?: (done: number, total: number) => void },
): Promise<{ verdicts: ReadonlyMap<PlannedLink, Verdict>; notices: Notice[] }> {
  const candidates = new Map<PlannedLink, DriftCandidate>();
  /** The request URL behind each looked-up URL (the page now is asked under it). */
  const requests = new Map<string, string>();
  for (const entry of input.planned) {
    const verdict = verdicts.get(entry);
    const stamp = toStamp(input.files[entry.file]?.date);
    if (verdict?.state !== 'alive' || entry.request === undefined || stamp === undefined) continue;
    const url = entry.link.resolved ?? entry.request;
    candidates.set(entry, { url, stamp });
    requests.set(url, entry.request);
  }
  if (candidates.size === 0) return { verdicts, notices: [] };

  const asked = new Map<string, Promise<PageSummary | undefined>>();
  const pageNow = (url: string): Promise<PageSummary | undefined> => {
    const request = requests.get(url) ?? url;
    const known = input.pages.get(request);
    if (known !== undefined) return Promise.resolve(known);
    // Answered by the cache, or checked without its body: read it now (the link's own host, not archive.org).
    let page = asked.get(request);
    if (page === undefined) {
      page = context.fetcher.fetch({ url: request, method: 'GET', bodyBytes: DEFAULT_CONTENT_BODY_BYTES }).then(summarizeResult);
      asked.set(request, page);
    }
    return page;
  };

  const outcome = await findDrift([...candidates.values()], {
    archive: context.archive,
    pageNow,
    ...(context.store === undefined ? {} : { store: context.store }),
    ...(context.onProgress === undefined ? {} : { onProgress: context.onProgress }),
  });
  const changed = new Map(verdicts);
  let unjudged = 0;
  for (const [entry, candidate] of candidates) {
    const finding = outcome.findings.get(driftKey(candidate));
    if (finding?.status === 'unjudged') unjudged += 1;
    if (finding?.status !== 'changed') continue;
    const verdict = verdicts.get(entry)!;
    const then = nameOf(finding.then);
    const now = nameOf(finding.now);
    const snapshot = { status: 'found' as const, url: finding.capture.url, timestamp: finding.capture.timestamp, original: finding.capture.original };
    changed.set(entry, {
      ...verdict,
      state: 'suspicious',
      reason: 'content-changed',
      detail: `not the page the post linked to (${finding.why}); then: «${then}» · now: «${now}»`,
      suggestions: [snapshotSuggestion(snapshot), ...verdict.suggestions],
      archive: 'found',
      drift: { then, now, capture: finding.capture.url, why: finding.why },
    });
  }
  const notices: Notice[] =
    outcome.stopped === undefined || unjudged === 0
      ? []
      : [
          {
            code: 'drift-incomplete',
            message: `drift check stopped: ${outcome.stopped}; ${unjudged} alive link${unjudged === 1 ? ' was' : 's were'} not compared with ${unjudged === 1 ? 'its' : 'their'} capture`,
            links: unjudged,
          },
        ];
  return { verdicts: changed, notices };
}

/** What a page calls itself: its title, else its heading. */
function nameOf(page: PageSummary): string {
  return page.title !== '' ? page.title : page.heading;
}
