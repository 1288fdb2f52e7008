/**
 * `--drift` end to end through `checkFiles` (library): every pair of test/drift/pairs.ts served as it is now
 * (nock, under the pair's real host) and as the Wayback Machine captured it (CDX + raw `id_` capture on nock's
 * web.archive.org). Also: archive.org asked one request at a time, a second apart; the results cache answering every
 * capture on the next run (no archive request at all); a 429 ending the phase with a notice.
 */
import nock from 'nock';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getGlobalDispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache } from '../../src/cache/index.js';
import { checkFiles, type CheckOptions } from '../../src/index.js';
import type { CheckedLink, Report } from '../../src/model.js';
import { validateReport } from '../../src/report/index.js';
import { mockOrigins } from './mock-origins.js';
import { pageHtml, PAIRS, type DriftPair } from './pairs.js';

const ARCHIVE = 'https://web.archive.org';
const CAPTURED = '20180315090000';
const POST_DATE = '2019-06-01';

/** The pair's URL made unique (several pairs share a page, at different times). */
const urlOf = (pair: DriftPair): string => `${pair.url}${pair.url.includes('?') ? '&' : '?'}pair=${pair.id}`;

interface ArchiveLog {
  /** Injected-clock time and path of every request archive.org received. */
  requests: Array<{ at: number; path: string }>;
}

let clock = 0;
let inFlight = 0;
let mostInFlight = 0;

function serveNow(pairs: readonly DriftPair[]): void {
  const byUrl = new Map(pairs.map((pair) => [urlOf(pair), pair]));
  mockOrigins(
    pairs.map((pair) => new URL(pair.url).origin),
    (url) => {
      const pair = byUrl.get(url);
      if (pair === undefined) return [404, '<title>Not found</title><h1>Page not found</h1>', { 'content-type': 'text/html' }];
      return [200, pageHtml(pair.now), { 'content-type': 'text/html; charset=utf-8' }];
    },
  );
}

/** web.archive.org with a capture of each pair's `then` page; `rateLimit` answers 429 from that request on. */
function serveArchive(pairs: readonly DriftPair[], options: { rateLimit?: number } = {}): ArchiveLog {
  const log: ArchiveLog = { requests: [] };
  const byUrl = new Map(pairs.map((pair) => [urlOf(pair), pair]));
  nock(ARCHIVE)
    .persist()
    .get(() => true)
    .delay(5)
    .reply((request: Request) => {
      const url = new URL(request.url);
      const path = url.pathname + url.search;
      log.requests.push({ at: clock, path });
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      setTimeout(() => (inFlight -= 1), 0);
      if (options.rateLimit !== undefined && log.requests.length >= options.rateLimit) return [429, 'Too Many Requests', { 'retry-after': '1' }];
      if (url.pathname === '/cdx/search/cdx') {
        const original = url.searchParams.get('url') ?? '';
        expect(url.searchParams.get('to')).toBe(POST_DATE.replace(/-/g, ''));
        const rows = byUrl.has(original) ? [['timestamp', 'original', 'statuscode', 'mimetype'], [CAPTURED, original, '200', 'text/html']] : [];
        return [200, JSON.stringify(rows), { 'content-type': 'application/json' }];
      }
      const raw = /^\/web\/(\d{14})id_\/(.+)$/.exec(url.pathname + url.search);
      const pair = raw === null ? undefined : byUrl.get(raw[2]!);
      if (pair === undefined || raw![1] !== CAPTURED) return [404, 'not in archive'];
      return [200, pageHtml(pair.then), { 'content-type': 'text/html; charset=utf-8' }];
    });
  return log;
}

let dir = '';

async function writePost(pairs: readonly DriftPair[]): Promise<string> {
  const path = join(dir, `${POST_DATE}-links.md`);
  const lines = pairs.map((pair) => `- [${pair.id}](${urlOf(pair)})`);
  await writeFile(path, `---\ntitle: Links\ndate: ${POST_DATE}\n---\n${lines.join('\n')}\n`);
  return path;
}

async function run(post: string, options: CheckOptions = {}): Promise<Report> {
  const report = await checkFiles([post], {
    dispatcher: getGlobalDispatcher(),
    drift: true,
    retries: 0,
    now: () => clock,
    sleep: async (ms) => void (clock += ms),
    ...options,
  });
  expect(validateReport(JSON.parse(JSON.stringify(report)))).toEqual([]);
  return report;
}

const linksOf = (report: Report): Map<string, CheckedLink> => new Map(report.files[0]!.links.map((link) => [link.text, link]));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-drift-'));
  clock = 0;
  inFlight = 0;
  mostInFlight = 0;
  nock.disableNetConnect();
});
afterEach(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await rm(dir, { recursive: true, force: true });
});

describe('--drift through checkFiles', () => {
  it('every pair: a changed page is content-changed (or already dead as parked), the same page stays alive', async () => {
    serveNow(PAIRS);
    const archive = serveArchive(PAIRS);
    const report = await run(await writePost(PAIRS));
    const links = linksOf(report);
    for (const pair of PAIRS) {
      const link = links.get(pair.id)!;
      if (!pair.changed) {
        expect(link, pair.id).toMatchObject({ state: 'alive', reason: 'ok' });
        continue;
      }
      // A parked page now is already dead by the content checks: drift is asked only about alive pages.
      if (link.state === 'dead') {
        expect(link.reason, pair.id).toBe('parked-domain');
        continue;
      }
      expect(link, pair.id).toMatchObject({ state: 'suspicious', reason: 'content-changed', archive: 'found' });
      const capture = `${ARCHIVE}/web/${CAPTURED}/${urlOf(pair)}`;
      expect(link.suggestions[0], pair.id).toMatchObject({ kind: 'archive', url: capture, timestamp: CAPTURED });
      expect(link.drift, pair.id).toMatchObject({ then: pair.then.title, now: pair.now.title, capture });
      expect(link.detail).toContain(`then: «${pair.then.title}» · now: «${pair.now.title}»`);
    }
    const drifted = [...links.values()].filter((link) => link.reason === 'content-changed').length;
    expect(drifted).toBeGreaterThanOrEqual(PAIRS.filter((pair) => pair.changed).length - 4);
    // archive.org: one request at a time, a second apart (the injected clock), a CDX query and a capture per alive page.
    expect(mostInFlight).toBe(1);
    const gaps = archive.requests.slice(1).map((request, index) => request.at - archive.requests[index]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
    // One CDX query per page (the dead ones' by the archive step, for their snapshot), one capture read per alive page.
    const alive = PAIRS.length - [...links.values()].filter((link) => link.state === 'dead').length;
    expect(archive.requests.filter((request) => request.path.startsWith('/cdx/'))).toHaveLength(PAIRS.length);
    expect(archive.requests.filter((request) => request.path.includes('id_/'))).toHaveLength(alive);
  }, 60_000);

  it('the issue example: then «Machine Learning – Stanford University» · now «Supervised Machine Learning: Regression and Classification»', async () => {
    const pair = PAIRS.find((candidate) => candidate.id === 'coursera-ml-course-replaced')!;
    serveNow([pair]);
    serveArchive([pair]);
    const link = linksOf(await run(await writePost([pair]))).get(pair.id)!;
    expect(link.detail).toMatch(/then: «Machine Learning – Stanford University» · now: «Supervised Machine Learning: Regression and Classification»$/);
  });

  it('a capture is cached for good: the next run, past the maximum age, asks archive.org nothing and says the same', async () => {
    const pairs = PAIRS.filter((pair) => ['coursera-ml-course-replaced', 'keras-docs-renamed', 'typescript-handbook-moved'].includes(pair.id));
    serveNow(pairs);
    const first = serveArchive(pairs);
    const file = join(dir, 'cache.json');
    const post = await writePost(pairs);
    const cache = await openCache(file, { maxAgeMs: 86_400_000, now: () => clock });
    const before = linksOf(await run(post, { cache }));
    await cache.save();
    expect(first.requests).toHaveLength(6);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { drift: Record<string, { value: { status: string } }> };
    expect(Object.keys(saved.drift)).toHaveLength(3);

    nock.cleanAll();
    serveNow(pairs);
    const second = serveArchive(pairs);
    clock += 30 * 86_400_000; // a month later: verdicts are stale, captures are not
    const again = await openCache(file, { maxAgeMs: 86_400_000, now: () => clock });
    const after = linksOf(await run(post, { cache: again }));
    expect(second.requests).toEqual([]);
    for (const pair of pairs) expect(after.get(pair.id)).toMatchObject({ state: before.get(pair.id)!.state, reason: before.get(pair.id)!.reason });
    expect(after.get('coursera-ml-course-replaced')!.reason).toBe('content-changed');
  });

  it('a cache written before drift existed is read and gains the section; verdicts answered by it are compared too', async () => {
    const pair = PAIRS.find((candidate) => candidate.id === 'coursera-ml-course-replaced')!;
    const file = join(dir, 'old-cache.json');
    const verdict = { state: 'alive', reason: 'ok', detail: 'answered 200', httpStatus: 200, suggestions: [] };
    await writeFile(file, JSON.stringify({ version: 2, verdicts: { [urlOf(pair)]: { checkedAt: new Date(0).toISOString(), value: verdict } }, archive: {}, history: {} }));
    serveNow([pair]);
    const archive = serveArchive([pair]);
    const cache = await openCache(file, { maxAgeMs: 86_400_000, now: () => clock });
    const link = linksOf(await run(await writePost([pair]), { cache })).get(pair.id)!;
    // The verdict came from the cache; drift read the page now itself and compared it.
    expect(link.reason).toBe('content-changed');
    expect(archive.requests).toHaveLength(2);
    await cache.save();
    const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(saved).sort()).toEqual(['archive', 'drift', 'history', 'verdicts', 'version']);
    expect(Object.keys(saved['verdicts'] as object)).toEqual([urlOf(pair)]);
  });

  it('a 429 ends the drift phase: no archive request after it, the rest stay alive, one notice', async () => {
    const pairs = PAIRS.filter((pair) => !pair.changed).slice(0, 4).concat(PAIRS.filter((pair) => pair.id === 'coursera-ml-course-replaced'));
    serveNow(pairs);
    // The first page's CDX query and capture go through; the second page's CDX query is refused.
    const archive = serveArchive(pairs, { rateLimit: 3 });
    const report = await run(await writePost(pairs));
    expect(archive.requests).toHaveLength(3);
    const links = [...linksOf(report).values()];
    expect(links.filter((link) => link.state === 'alive')).toHaveLength(pairs.length);
    expect(report.notices).toEqual([
      { code: 'drift-incomplete', message: expect.stringMatching(/^drift check stopped: archive\.org answered 429 Too Many Requests; 4 alive links were not compared with their capture$/), links: 4 },
    ]);
  });

  it('archive.org unreachable: the breaker ends the phase at the first failure, nothing is judged, one notice', async () => {
    const pairs = PAIRS.filter((pair) => pair.changed && !pair.now.title.includes('for sale')).slice(0, 3);
    serveNow(pairs);
    let asked = 0;
    nock(ARCHIVE)
      .persist()
      .get(() => true)
      .reply(() => {
        asked += 1;
        throw Object.assign(new Error('connect ECONNREFUSED 207.241.224.2:443'), { code: 'ECONNREFUSED' });
      });
    const report = await run(await writePost(pairs));
    expect(asked).toBe(1);
    expect([...linksOf(report).values()].map((link) => link.state)).toEqual(['alive', 'alive', 'alive']);
    expect(report.notices).toEqual([{ code: 'drift-incomplete', message: expect.stringMatching(/^drift check stopped: .*ECONNREFUSED.*; 3 alive links were not compared with their capture$/), links: 3 }]);
  });

  it('no capture from before the date: nothing is said; a post without a date: not looked up', async () => {
    const pair = PAIRS.find((candidate) => candidate.id === 'coursera-ml-course-replaced')!;
    serveNow([pair]);
    const archive = serveArchive([]);
    const link = linksOf(await run(await writePost([pair]))).get(pair.id)!;
    expect(link).toMatchObject({ state: 'alive', reason: 'ok' });
    expect(link.archive).toBeUndefined();
    expect(archive.requests).toHaveLength(1);

    const undated = join(dir, 'undated.md');
    await writeFile(undated, `[${pair.id}](${urlOf(pair)})\n`);
    const before = archive.requests.length;
    const report = await run(undated);
    expect(report.files[0]!.links[0]).toMatchObject({ state: 'alive' });
    expect(archive.requests).toHaveLength(before);
  });
});
