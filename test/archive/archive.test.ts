import nock from 'nock';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { Agent, getGlobalDispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdxQueryUrl, createArchive, snapshotSuggestion, type SnapshotLookup, type SnapshotStore } from '../../src/archive/index.js';
import { ARCHIVE_HOST_SETTINGS, createFetcher, DEFAULT_CHECK_SETTINGS } from '../../src/check/index.js';
import { useCleanup } from '../check/helpers.js';
import { startRawServer } from '../helpers/servers.js';

const ARCHIVE = 'https://web.archive.org';
const FIELDS = 'timestamp,original,statuscode,mimetype';
const HEADER = ['timestamp', 'original', 'statuscode', 'mimetype'];
const PAGE = 'http://www.cs.ox.ac.uk/teaching/courses/2014-2015/ml/';

/** The shared fetcher with a fake clock, so archive.org's one-per-second interval costs no wall time. */
function makeFetcher(retries = 0) {
  let clock = 0;
  return createFetcher(
    { ...DEFAULT_CHECK_SETTINGS, retries },
    { dispatcher: getGlobalDispatcher(), now: () => clock, sleep: async (ms) => void (clock += ms), random: () => 0.5 },
  );
}

function cdx(url: string, range: Record<string, string>) {
  return nock(ARCHIVE).get('/cdx/search/cdx').query({ url, output: 'json', fl: FIELDS, filter: 'statuscode:200', ...range });
}

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('findSnapshot', () => {
  it('takes the last good capture at or before the post date, with one CDX query', async () => {
    const scope = cdx(PAGE, { to: '20170301', limit: '-10' }).reply(200, [
      HEADER,
      ['20150321101010', 'http://www.cs.ox.ac.uk:80/teaching/courses/2014-2015/ml/', '200', 'text/html'],
      ['20161102225804', 'http://www.cs.ox.ac.uk/teaching/courses/2014-2015/ml/', '200', 'text/html'],
      ['20170215093012', 'http://www.cs.ox.ac.uk:80/teaching/courses/2014-2015/ml/', '200', 'text/html'],
    ]);
    const fetcher = makeFetcher();
    const found = await createArchive(fetcher).findSnapshot(PAGE, '2017-03-01');
    expect(found).toEqual({
      status: 'found',
      timestamp: '20170215093012',
      original: PAGE,
      url: `https://web.archive.org/web/20170215093012/${PAGE}`,
    });
    expect(scope.isDone()).toBe(true);
    expect(fetcher.requestCount).toBe(1);
  });

  it('prefers a capture of the same kind: a PDF link wants application/pdf', async () => {
    const pdf = 'http://www.iro.umontreal.ca/~bengioy/talks/DL-Tutorial-NIPS2015.pdf';
    cdx(pdf, { to: '20170301', limit: '-10' }).reply(200, [
      HEADER,
      ['20160110120000', pdf, '200', 'application/pdf'],
      ['20170101120000', pdf, '200', 'text/html'],
    ]);
    const found = await createArchive(makeFetcher()).findSnapshot(pdf, '2017-03-01');
    expect(found).toMatchObject({ status: 'found', timestamp: '20160110120000' });
  });

  it('takes the first good capture after the date when there is none before', async () => {
    const url = 'https://webdocs.cs.ualberta.ca/~sutton/book/ebook/the-book.html';
    const before = cdx(url, { to: '20170301', limit: '-10' }).reply(200, []);
    const after = cdx(url, { from: '20170301', limit: '10' }).reply(200, [
      HEADER,
      ['20170412000000', url, '200', 'text/html'],
      ['20180101000000', url, '200', 'text/html'],
    ]);
    const found = await createArchive(makeFetcher()).findSnapshot(url, '2017-03-01');
    expect(found).toMatchObject({ status: 'found', timestamp: '20170412000000' });
    expect(before.isDone() && after.isDone()).toBe(true);
  });

  it('falls back to the redirect lookup when the CDX has nothing', async () => {
    const url = 'https://plus.google.com/communities/112866381580457264725';
    cdx(url, { to: '20170301', limit: '-10' }).reply(200, []);
    cdx(url, { from: '20170301', limit: '10' }).reply(200, []);
    const redirect = nock(ARCHIVE)
      .get(`/web/20170301/${url}`)
      .reply(302, '', { location: `https://web.archive.org/web/20170227143225/${url}` });
    const found = await createArchive(makeFetcher()).findSnapshot(url, '2017-03-01');
    expect(found).toMatchObject({ status: 'found', timestamp: '20170227143225', original: url });
    expect(redirect.isDone()).toBe(true);
  });

  it('is "none" only when every lookup answered that there is nothing', async () => {
    const url = 'https://example.com/never-archived';
    cdx(url, { to: '20170301', limit: '-10' }).reply(200, []);
    cdx(url, { from: '20170301', limit: '10' }).reply(200, []);
    nock(ARCHIVE).get(`/web/20170301/${url}`).reply(404, 'Not Found');
    const fetcher = makeFetcher();
    expect(await createArchive(fetcher).findSnapshot(url, '2017-03-01')).toEqual({ status: 'none' });
    expect(fetcher.requestCount).toBe(3);
  });

  it.each([
    ['a 503', (scope: nock.Interceptor) => scope.reply(503, 'Service Unavailable')],
    ['malformed JSON', (scope: nock.Interceptor) => scope.reply(200, '[["timestamp","original"],["2017')],
    ['an HTML error page', (scope: nock.Interceptor) => scope.reply(200, '<html><body>Wayback is down</body></html>')],
  ])('a failed CDX lookup (%s) with a failing fall-back is unavailable, never none', async (_, reply) => {
    reply(cdx(PAGE, { to: '20170301', limit: '-10' }));
    nock(ARCHIVE).get(`/web/20170301/${PAGE}`).reply(502, 'Bad Gateway');
    const found = await createArchive(makeFetcher()).findSnapshot(PAGE, '2017-03-01');
    expect(found.status).toBe('unavailable');
  });

  it('stops asking after a 429 that outlived the retries', async () => {
    const scope = cdx(PAGE, { to: '20170301', limit: '-10' }).times(2).reply(429, 'Too Many Requests', { 'retry-after': '1' });
    const fetcher = makeFetcher(1);
    const found = await createArchive(fetcher).findSnapshot(PAGE, '2017-03-01');
    expect(found.status).toBe('unavailable');
    expect(scope.isDone()).toBe(true);
    expect(fetcher.requestCount).toBe(2);
  });

  it('caches answers in the store and never stores "unavailable"', async () => {
    const saved = new Map<string, SnapshotLookup>();
    const store: SnapshotStore = { get: (key) => saved.get(key), set: (key, value) => void saved.set(key, value) };
    cdx(PAGE, { to: '20170301', limit: '-10' }).reply(200, [HEADER, ['20170215093012', PAGE, '200', 'text/html']]);
    const fetcher = makeFetcher();
    const archive = createArchive(fetcher, { store });
    const first = await archive.findSnapshot(PAGE, '2017-03-01');
    const again = await createArchive(fetcher, { store }).findSnapshot(PAGE, '2017-03-01');
    expect(again).toEqual(first);
    expect(fetcher.requestCount).toBe(1);

    const other = 'https://example.com/flaky';
    cdx(other, { to: '20170301', limit: '-10' }).reply(500, 'oops');
    nock(ARCHIVE).get(`/web/20170301/${other}`).reply(500, 'oops');
    expect((await archive.findSnapshot(other, '2017-03-01')).status).toBe('unavailable');
    expect([...saved.keys()]).toEqual([`${PAGE} 20170301`]);
  });

  it('asks once for concurrent lookups of the same URL and date', async () => {
    const scope = cdx(PAGE, { to: '20170301', limit: '-10' }).once().reply(200, [HEADER, ['20170215093012', PAGE, '200', 'text/html']]);
    const fetcher = makeFetcher();
    const archive = createArchive(fetcher);
    const answers = await Promise.all([archive.findSnapshot(PAGE, '2017-03-01'), archive.findSnapshot(PAGE, '2017-03-01'), archive.findSnapshot(PAGE, '2017-03-01')]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(scope.isDone()).toBe(true);
    expect(fetcher.requestCount).toBe(1);
  });

  it('uses a configurable base URL (a local archive in tests)', async () => {
    const scope = nock('http://archive.test:8080')
      .get('/cdx/search/cdx')
      .query(true)
      .reply(200, [HEADER, ['20170101000000', PAGE, '200', 'text/html']]);
    const found = await createArchive(makeFetcher(), { baseUrl: 'http://archive.test:8080/' }).findSnapshot(PAGE, '2017-03-01');
    expect(found).toMatchObject({ url: `http://archive.test:8080/web/20170101000000/${PAGE}` });
    expect(scope.isDone()).toBe(true);
  });
});

/**
 * archive.org that cannot be reached: in a sandbox or behind a strict firewall its name does not resolve (or the
 * resolver itself fails), a middlebox refuses or resets the connection, or it accepts and does not answer — it
 * is often slow (lychee #1501, 2024-09-16; endoflife.date #3481, 2023-08-27: "web.archive.org may take a long
 * time to respond"). The first connection-level failure, or two timeouts in a row, ends every lookup of the run.
 */
describe('archive.org unreachable', () => {
  const local = useCleanup();
  const URLS = Array.from({ length: 8 }, (_, n) => `https://example.com/gone-${n}`);

  function realFetcher(timeoutMs = 3000) {
    // Real clock and sleeps (the point is that nothing waits), and archive.org's one request at a time.
    const hosts = { ...DEFAULT_CHECK_SETTINGS.hosts, '127.0.0.1': ARCHIVE_HOST_SETTINGS };
    return createFetcher({ ...DEFAULT_CHECK_SETTINGS, allowPrivate: true, timeoutMs, hosts }, { dispatcher: local.track(new Agent()) });
  }

  async function lookUpAll(archive: ReturnType<typeof createArchive>) {
    return Promise.all(URLS.map((url) => archive.findSnapshot(url, '2017-03-01')));
  }

  it.each([
    ['its name does not exist (ENOTFOUND)', 'ENOTFOUND', 'dns-not-found'],
    ['the resolver fails (EAI_AGAIN)', 'EAI_AGAIN', 'dns-error'],
    ['the connection is reset', 'ECONNRESET', 'connection-reset'],
  ])('%s: one request, then every lookup is unavailable (never none) at once', async (_, code, expected) => {
    const scope = nock(ARCHIVE).get('/cdx/search/cdx').query(true).replyWithError(Object.assign(new Error(`getaddrinfo ${code} web.archive.org`), { code }));
    const fetcher = makeFetcher(2);
    const saved = new Map<string, SnapshotLookup>();
    const archive = createArchive(fetcher, { store: { get: (key) => saved.get(key), set: (key, value) => void saved.set(key, value) } });
    const answers = await lookUpAll(archive);
    expect(answers.every((answer) => answer.status === 'unavailable' && answer.unreachable === true)).toBe(true);
    expect(archive.unreachable).toContain(code);
    expect(fetcher.requestCount).toBe(1);
    expect(fetcher.stats().hosts['web.archive.org']?.requests).toBe(1);
    expect(scope.isDone()).toBe(true);
    expect(saved.size).toBe(0);
    expect((await fetcher.fetch({ url: `${ARCHIVE}/cdx/search/cdx?url=x`, auxiliary: true })).error).toMatchObject({ code: expected, originDown: expect.any(String) as unknown });
  });

  it('refused (a closed port): one connection attempt for every lookup of the run, later ones too', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createNetServer().listen(0, '127.0.0.1', () => {
        const { port: taken } = probe.address() as AddressInfo;
        probe.close(() => resolve(taken));
      });
    });
    const fetcher = realFetcher();
    const archive = createArchive(fetcher, { baseUrl: `http://127.0.0.1:${port}` });
    const answers = await lookUpAll(archive);
    expect(answers.map((answer) => answer.status)).toEqual(URLS.map(() => 'unavailable'));
    expect(archive.unreachable).toMatch(/ECONNREFUSED/);
    expect(await archive.findSnapshot('https://example.com/later', '2017-03-01')).toMatchObject({ status: 'unavailable', unreachable: true });
    expect(fetcher.requestCount).toBe(1);
  });

  it('hung (accepts, never answers): two timeouts in a row, then no more requests', async () => {
    const server = local.track(await startRawServer(() => undefined));
    const fetcher = realFetcher(200);
    const archive = createArchive(fetcher, { baseUrl: server.origin });
    const answers = await lookUpAll(archive);
    expect(answers.every((answer) => answer.status === 'unavailable' && answer.unreachable === true)).toBe(true);
    expect(archive.unreachable).toMatch(/2 times in a row/);
    expect(server.received).toHaveLength(2);
  });

  it('one slow answer is not an outage: the lookup after it still asks', async () => {
    let requests = 0;
    const server = await local.serve((request, response) => {
      requests += 1;
      if (requests === 1) return; // the first CDX query never gets an answer
      const original = new URL(request.url ?? '/', 'http://x').searchParams.get('url') ?? '';
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify([HEADER, ['20170101000000', original, '200', 'text/html']]));
    });
    const fetcher = realFetcher(200);
    const archive = createArchive(fetcher, { baseUrl: server.origin });
    const answers = await Promise.all(URLS.slice(0, 3).map((url) => archive.findSnapshot(url, '2017-03-01')));
    expect(answers.map((answer) => answer.status)).toEqual(['found', 'found', 'found']);
    expect(archive.unreachable).toBeUndefined();
  });
});

describe('CDX query and suggestion', () => {
  it('builds the documented query: last rows at or before the date, url encoded', () => {
    expect(cdxQueryUrl(ARCHIVE, 'https://www.quora.com/a?srid=J2jU', { to: '20170301' })).toBe(
      'https://web.archive.org/cdx/search/cdx?url=https%3A%2F%2Fwww.quora.com%2Fa%3Fsrid%3DJ2jU&output=json&fl=timestamp,original,statuscode,mimetype&filter=statuscode:200&to=20170301&limit=-10',
    );
  });

  it('turns a snapshot into an archive suggestion with its timestamp', () => {
    expect(snapshotSuggestion({ status: 'found', url: `https://web.archive.org/web/20170215093012/${PAGE}`, timestamp: '20170215093012', original: PAGE })).toEqual({
      kind: 'archive',
      url: `https://web.archive.org/web/20170215093012/${PAGE}`,
      timestamp: '20170215093012',
      note: 'Wayback Machine capture of 2017-02-15',
    });
  });
});
