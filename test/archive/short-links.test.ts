import nock from 'nock';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { getGlobalDispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadShorteners, matchShortener, redirectCapturesQueryUrl, refreshTarget, targetOfReplayLocation } from '../../src/archive/index.js';
import { isLinkrotError } from '../../src/errors.js';
import { planFixes } from '../../src/fix/index.js';
import type { CheckedLink, ExtractedFile, Link } from '../../src/model.js';
import { checkExtracted, type CheckOptions } from '../../src/pipeline/index.js';
import { startRawServer } from '../helpers/servers.js';

const ARCHIVE = 'https://web.archive.org';
const HEADER = ['timestamp', 'original', 'statuscode', 'mimetype'];
const PAGE = '<html><head><title>An article</title></head><body><h1>An article</h1><p>' + 'Words that make a page. '.repeat(40) + '</p></body></html>';

/** Answer HEAD and GET for one URL, as often as asked. */
function serve(origin: string, path: string, status: number, headers: Record<string, string> = {}, body = ''): void {
  const reply = { 'content-type': 'text/html; charset=utf-8', ...headers };
  nock(origin).persist().head(path).reply(status, undefined, reply);
  nock(origin).persist().get(path).reply(status, body, reply);
}

/** The CDX query for a short link's redirect captures, answered with these rows. */
function redirectCaptures(url: string, rows: string[][]) {
  return nock(ARCHIVE)
    .get('/cdx/search/cdx')
    .query({ url, output: 'json', fl: 'timestamp,original,statuscode,mimetype', filter: 'statuscode:30[1278]', limit: '10' })
    .reply(200, rows.length === 0 ? [] : [HEADER, ...rows]);
}

/** The CDX query for a page's good captures at or before the post date. */
function goodCaptures(url: string, to: string, rows: string[][]) {
  return nock(ARCHIVE)
    .get('/cdx/search/cdx')
    .query({ url, output: 'json', fl: 'timestamp,original,statuscode,mimetype', filter: 'statuscode:200', to, limit: '-10' })
    .reply(200, rows.length === 0 ? [] : [HEADER, ...rows]);
}

function link(url: string, line = 1): Link {
  return { url, kind: 'link', syntax: 'link', text: 'a link', line, column: 1, offset: { start: 0, end: url.length } };
}

async function check(urls: string[], options: CheckOptions = {}): Promise<Map<string, CheckedLink>> {
  let clock = 0;
  const files: ExtractedFile[] = [{ path: 'post.md', date: '2017-03-01', links: urls.map((url, index) => link(url, index + 1)) }];
  const report = await checkExtracted(files, {
    dispatcher: getGlobalDispatcher(),
    retries: 0,
    now: () => clock,
    sleep: async (ms) => void (clock += ms),
    ...options,
  });
  return new Map(report.files[0]!.links.map((checked) => [checked.url, checked]));
}

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('short links that still redirect', () => {
  it('a bit.ly link that answers 301 to a working page is redirected, with the target as an `expand` fix', async () => {
    // Bitly answers 301 to the long URL (Hootsuite and Bitly help pages; linklyhq.com "What is a bitly link", 2023).
    serve('https://bit.ly', '/2kXyZab', 301, { location: 'https://example.com/article' });
    serve('https://example.com', '/article', 200, {}, PAGE);
    const links = await check(['https://bit.ly/2kXyZab']);
    const short = links.get('https://bit.ly/2kXyZab')!;
    expect(short).toMatchObject({ state: 'redirected', reason: 'redirect-permanent', finalUrl: 'https://example.com/article' });
    expect(short.detail).toContain('Bitly short link to https://example.com/article');
    expect(short.suggestions).toContainEqual(expect.objectContaining({ kind: 'expand', url: 'https://example.com/article' }));
    const source = 'https://bit.ly/2kXyZab';
    expect(planFixes(source, [short], ['expand'])).toEqual([expect.objectContaining({ from: source, to: 'https://example.com/article', kind: 'expand' })]);
  });

  it('a short link whose target is dead is dead, says so, and suggests the target’s capture from before the post', async () => {
    serve('https://bit.ly', '/deadtarget', 301, { location: 'https://example.com/removed' });
    serve('https://example.com', '/removed', 404, {}, 'Not found');
    const archive = goodCaptures('https://example.com/removed', '20170301', [['20161110101010', 'https://example.com/removed', '200', 'text/html']]);
    const links = await check(['https://bit.ly/deadtarget']);
    const short = links.get('https://bit.ly/deadtarget')!;
    expect(short).toMatchObject({ state: 'dead', reason: 'http-404' });
    expect(short.detail).toMatch(/^the Bitly short link leads to https:\/\/example\.com\/removed, which is dead/);
    expect(short.suggestions[0]).toMatchObject({ kind: 'archive', url: `${ARCHIVE}/web/20161110101010/https://example.com/removed` });
    expect(short.suggestions.some((suggestion) => suggestion.kind === 'expand')).toBe(false);
    expect(archive.isDone()).toBe(true);
  });
});

describe('short links that redirect with a page (t.co for browsers)', () => {
  // t.co answers browser user agents 200 with an HTML redirect instead of a 301 (indieweb/indiewebify-me#47,
  // 2016-08-02); the page is only this (sparklemotion/mechanize PR #294, 2013-02-19).
  const tcoPage = (target: string): string =>
    `<noscript><META http-equiv="refresh" content="0;URL=${target}"></noscript><script>location.replace("${target.replace(/\//g, '\\/')}")</script>`;

  it('reads the HTML redirect: redirected, with the checked target as `expand`, and no archive lookup', async () => {
    serve('https://t.co', '/Lizw8srs', 200, {}, tcoPage('https://example.com/article?a=1&amp;b=2'));
    serve('https://example.com', '/article?a=1&b=2', 200, {}, PAGE);
    const archive = nock(ARCHIVE).get(/.*/).reply(200, []);
    const short = (await check(['https://t.co/Lizw8srs'])).get('https://t.co/Lizw8srs')!;
    expect(short).toMatchObject({ state: 'redirected', reason: 'redirect-temporary', finalUrl: 'https://example.com/article?a=1&b=2' });
    expect(short.detail).toBe("X's (Twitter's) t.co short link to https://example.com/article?a=1&b=2 (an HTML redirect)");
    expect(short.suggestions[0]).toMatchObject({ kind: 'expand', url: 'https://example.com/article?a=1&b=2' });
    expect(archive.isDone()).toBe(false);
  });

  it('an HTML redirect to a dead page is dead, with the target’s capture', async () => {
    serve('https://t.co', '/DeadEnd', 200, {}, tcoPage('https://example.com/removed'));
    serve('https://example.com', '/removed', 404);
    goodCaptures('https://example.com/removed', '20170301', [['20161110101010', 'https://example.com/removed', '200', 'text/html']]);
    const short = (await check(['https://t.co/DeadEnd'])).get('https://t.co/DeadEnd')!;
    expect(short).toMatchObject({ state: 'dead', reason: 'http-404' });
    expect(short.detail).toMatch(/^the X's \(Twitter's\) t\.co short link to https:\/\/example\.com\/removed \(an HTML redirect\) leads to a dead page/);
    expect(short.suggestions[0]).toMatchObject({ kind: 'archive', url: `${ARCHIVE}/web/20161110101010/https://example.com/removed` });
  });

  it('finds the refresh in a header or a meta tag, and only an http(s) one', () => {
    expect(refreshTarget('', '0;URL=https://example.com/a', 'https://t.co/x')).toBe('https://example.com/a');
    expect(refreshTarget('<html><head><meta http-equiv="Refresh" content="5; url=\'/b\'"></head></html>', undefined, 'https://tinyurl.com/x')).toBe('https://tinyurl.com/b');
    expect(refreshTarget('<meta http-equiv="refresh" content="0;URL=javascript:alert(1)">', undefined, 'https://t.co/x')).toBeUndefined();
    expect(refreshTarget('<p>no redirect here</p>', undefined, 'https://t.co/x')).toBeUndefined();
  });
});

describe('short links whose service no longer redirects: the target from the Wayback Machine', () => {
  it('a goo.gl link answering 404 gets its target from the capture of its redirect, checked and offered as `expand`', async () => {
    // Since 2025-08-25 goo.gl links answer a plain HTTP 404 (ws-dl.blogspot.com, "Goodbye, goo.gl/0R8XX6",
    // 2025-10-14). An `id_` replay of a redirect capture answers with the Location rewritten into the archive
    // (edgi-govdata-archiving/wayback PR #60, 2020-11-03).
    serve('https://goo.gl', '/AbCdEf', 404, {}, 'Not Found');
    const cdx = redirectCaptures('https://goo.gl/AbCdEf', [['20170105093000', 'https://goo.gl/AbCdEf', '301', 'text/html']]);
    const replay = nock(ARCHIVE)
      .get('/web/20170105093000id_/https://goo.gl/AbCdEf')
      .reply(301, '', { location: 'https://web.archive.org/web/20170105093000id_/https://example.com/deep/learning' });
    serve('https://example.com', '/deep/learning', 200, {}, PAGE);
    const links = await check(['https://goo.gl/AbCdEf']);
    const short = links.get('https://goo.gl/AbCdEf')!;
    expect(short.state).toBe('dead');
    expect(short.detail).toContain("the Wayback Machine's capture of 2017-01-05 shows the short link led to https://example.com/deep/learning, which works");
    expect(short.suggestions[0]).toMatchObject({ kind: 'expand', url: 'https://example.com/deep/learning' });
    expect(planFixes('https://goo.gl/AbCdEf', [short], ['archive', 'expand'])[0]).toMatchObject({ kind: 'expand', to: 'https://example.com/deep/learning' });
    expect(cdx.isDone() && replay.isDone()).toBe(true);
  });

  it('two short links recovered to one target check that target once', async () => {
    let asked = 0;
    for (const code of ['Twin01', 'Twin02']) {
      serve('https://goo.gl', `/${code}`, 404, {}, 'Not Found');
      redirectCaptures(`https://goo.gl/${code}`, [['20170105093000', `https://goo.gl/${code}`, '301', 'text/html']]);
      nock(ARCHIVE)
        .get(`/web/20170105093000id_/https://goo.gl/${code}`)
        .reply(301, '', { location: 'https://web.archive.org/web/20170105093000id_/https://example.com/shared' });
    }
    for (const method of ['HEAD', 'GET']) {
      nock('https://example.com').persist().intercept('/shared', method).reply(() => {
        asked += 1;
        return [200, method === 'GET' ? PAGE : '', { 'content-type': 'text/html; charset=utf-8' }];
      });
    }
    const links = await check(['https://goo.gl/Twin01', 'https://goo.gl/Twin02']);
    for (const code of ['Twin01', 'Twin02']) expect(links.get(`https://goo.gl/${code}`)!.suggestions[0]).toMatchObject({ kind: 'expand', url: 'https://example.com/shared' });
    // One check of the target (a HEAD, or a GET where content is read), shared by both short links.
    expect(asked).toBe(1);
  });

  it('skips a capture of the service redirecting to itself (http → https) and reads the next one', async () => {
    serve('http://ow.ly', '/x1Y2z', 404);
    redirectCaptures('http://ow.ly/x1Y2z', [
      ['20140101000000', 'http://ow.ly/x1Y2z', '301', 'text/html'],
      ['20150101000000', 'http://ow.ly/x1Y2z', '301', 'text/html'],
    ]);
    nock(ARCHIVE).get('/web/20140101000000id_/http://ow.ly/x1Y2z').reply(301, '', { location: '/web/20140101000000id_/https://ow.ly/x1Y2z' });
    nock(ARCHIVE).get('/web/20150101000000id_/http://ow.ly/x1Y2z').reply(301, '', { location: 'http://example.org/talk.pdf' });
    serve('http://example.org', '/talk.pdf', 200, { 'content-type': 'application/pdf' }, '%PDF-1.4');
    const short = (await check(['http://ow.ly/x1Y2z'])).get('http://ow.ly/x1Y2z')!;
    expect(short.suggestions[0]).toMatchObject({ kind: 'expand', url: 'http://example.org/talk.pdf' });
    expect(short.detail).toContain('capture of 2015-01-01');
  });

  it('when the recovered target is dead too, suggests the target’s own dated capture', async () => {
    serve('https://goo.gl', '/GoneToo', 404);
    redirectCaptures('https://goo.gl/GoneToo', [['20161201000000', 'https://goo.gl/GoneToo', '302', 'text/html']]);
    nock(ARCHIVE).get('/web/20161201000000id_/https://goo.gl/GoneToo').reply(302, '', { location: 'https://web.archive.org/web/20161201000000id_/https://example.net/slides' });
    serve('https://example.net', '/slides', 404);
    goodCaptures('https://example.net/slides', '20170301', [['20170210000000', 'https://example.net/slides', '200', 'text/html']]);
    const short = (await check(['https://goo.gl/GoneToo'])).get('https://goo.gl/GoneToo')!;
    expect(short.state).toBe('dead');
    expect(short.detail).toContain('which is dead too');
    expect(short.suggestions[0]).toMatchObject({ kind: 'archive', url: `${ARCHIVE}/web/20170210000000/https://example.net/slides` });
    expect(short.suggestions.some((suggestion) => suggestion.kind === 'expand')).toBe(false);
  });

  it('a service that answers 200 with its own page instead of redirecting is suspicious, with the recovered target', async () => {
    // Bitly's free links show an interstitial page instead of redirecting since 2025 (Bitly announcement, summarised
    // in the Bitly Wikipedia article); a shortener's own "link not found" pages answer 200 as well.
    serve('https://bit.ly', '/interstitial', 200, {}, '<html><head><title>Bitly</title></head><body>You are leaving Bitly. Continue?</body></html>');
    redirectCaptures('https://bit.ly/interstitial', [['20180303000000', 'https://bit.ly/interstitial', '301', 'text/html']]);
    nock(ARCHIVE).get('/web/20180303000000id_/https://bit.ly/interstitial').reply(301, '', { location: 'https://web.archive.org/web/20180303000000id_/https://example.com/article' });
    serve('https://example.com', '/article', 200, {}, PAGE);
    const short = (await check(['https://bit.ly/interstitial'])).get('https://bit.ly/interstitial')!;
    expect(short).toMatchObject({ state: 'suspicious', reason: 'soft-404-likely' });
    expect(short.detail).toMatch(/^Bitly answered with a page of its own instead of redirecting; /);
    expect(short.suggestions[0]).toMatchObject({ kind: 'expand', url: 'https://example.com/article' });
  });

  it('a service that refuses connections stays unreachable, but its recovered target is offered and --fix takes it', async () => {
    nock('https://ow.ly').persist().head('/gone1').replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    nock('https://ow.ly').persist().get('/gone1').replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    redirectCaptures('https://ow.ly/gone1', [['20120606000000', 'https://ow.ly/gone1', '301', 'text/html']]);
    nock(ARCHIVE).get('/web/20120606000000id_/https://ow.ly/gone1').reply(301, '', { location: 'https://web.archive.org/web/20120606000000id_/https://example.com/article' });
    serve('https://example.com', '/article', 200, {}, PAGE);
    // A second link that answers, or the run would rightly say "no network" instead of judging anything.
    const short = (await check(['https://ow.ly/gone1', 'https://example.com/article'])).get('https://ow.ly/gone1')!;
    expect(short).toMatchObject({ state: 'unreachable', reason: 'connection-refused' });
    expect(short.suggestions[0]).toMatchObject({ kind: 'expand', url: 'https://example.com/article' });
    expect(planFixes('https://ow.ly/gone1', [short], ['expand'])[0]).toMatchObject({ to: 'https://example.com/article' });
  });

  it('no capture of the redirect: the verdict says so and nothing is suggested', async () => {
    serve('https://goo.gl', '/Never', 404);
    redirectCaptures('https://goo.gl/Never', []);
    nock(ARCHIVE).get('/cdx/search/cdx').query(true).reply(200, []).persist();
    nock(ARCHIVE).get(/^\/web\//).reply(404).persist();
    const short = (await check(['https://goo.gl/Never'])).get('https://goo.gl/Never')!;
    expect(short.state).toBe('dead');
    expect(short.detail).toContain('the Wayback Machine has no capture of where this short link led');
    expect(short.suggestions).toEqual([]);
  });

  it('an archive that fails is "archive unavailable", never "no capture"', async () => {
    serve('https://goo.gl', '/Busy', 404);
    nock(ARCHIVE).get('/cdx/search/cdx').query(true).reply(503, 'busy').persist();
    nock(ARCHIVE).get(/^\/web\//).reply(503).persist();
    const short = (await check(['https://goo.gl/Busy'])).get('https://goo.gl/Busy')!;
    expect(short.detail).toContain('archive unavailable: CDX lookup answered 503');
    expect(short.detail).not.toContain('no capture');
  });

  it('archive.org resetting: the recovery is an auxiliary lookup, one connection ends every archive lookup of the run', async () => {
    serve('https://goo.gl', '/Reset', 404);
    serve('https://example.com', '/gone', 404);
    let asked = 0;
    nock(ARCHIVE).persist().get(/.*/).query(true).reply(() => {
      asked += 1;
      throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    });
    const report = await checkExtracted([{ path: 'post.md', date: '2017-03-01', links: [link('https://goo.gl/Reset'), link('https://example.com/gone', 2)] }], {
      dispatcher: getGlobalDispatcher(),
      retries: 2,
      sleep: async () => undefined,
    });
    const [short, gone] = report.files[0]!.links;
    // Said once, in the notice that counts both links; not repeated in each link's detail.
    expect(short!.archive).toBe('unavailable');
    expect(short!.detail).not.toContain('archive unavailable');
    expect(gone!.archive).toBe('unavailable');
    expect(report.notices?.map((notice) => notice.code)).toEqual(['archive-unreachable']);
    expect(report.notices?.[0]?.links).toBe(2);
    // Not retried, and the lookup of the dead page's captures did not connect again.
    expect(asked).toBe(1);
  });

  it('--no-archive: no archive request is made, the plain verdict stays', async () => {
    serve('https://goo.gl', '/Off', 404);
    const archive = nock(ARCHIVE).get(/.*/).reply(200, []);
    const short = (await check(['https://goo.gl/Off'], { archive: false })).get('https://goo.gl/Off')!;
    expect(short.state).toBe('dead');
    expect(short.suggestions).toEqual([]);
    expect(archive.isDone()).toBe(false);
  });
});

/** A local port nothing listens on: connecting to it is refused. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('short links while archive.org cannot be reached', () => {
  const DEAD = ['https://goo.gl/Gone1', 'https://goo.gl/Gone2', 'https://goo.gl/Gone3'];

  /** Three dead goo.gl links, an ow.ly link whose service refuses connections, and a working page. */
  async function run(options: CheckOptions) {
    for (const url of DEAD) serve('https://goo.gl', new URL(url).pathname, 404);
    nock('https://ow.ly').persist().head('/down').replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    nock('https://ow.ly').persist().get('/down').replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    serve('https://example.com', '/article', 200, {}, PAGE);
    nock.enableNetConnect('127.0.0.1');
    const files: ExtractedFile[] = [{ path: 'post.md', date: '2017-03-01', links: [...DEAD, 'https://ow.ly/down', 'https://example.com/article'].map((url, index) => link(url, index + 1)) }];
    let clock = 0;
    return checkExtracted(files, { dispatcher: getGlobalDispatcher(), retries: 0, now: () => clock, sleep: async (ms) => void (clock += ms), allowPrivate: true, ...options });
  }

  function expectOneNotice(report: Awaited<ReturnType<typeof run>>, cause: RegExp): void {
    expect(report.notices).toEqual([
      { code: 'archive-unreachable', message: expect.stringMatching(new RegExp(`^archive\\.org could not be reached: .*${cause.source}.*; 3 dead and 1 unreachable links have no archive suggestion$`)) as unknown, links: 4 },
    ]);
    const links = new Map(report.files[0]!.links.map((checked) => [checked.url, checked]));
    for (const url of [...DEAD, 'https://ow.ly/down']) {
      expect(links.get(url)).toMatchObject({ archive: 'unavailable', suggestions: [] });
      // Said once, in the notice, not on every link.
      expect(links.get(url)!.detail).not.toContain('archive unavailable');
    }
    expect(links.get('https://example.com/article')!.archive).toBeUndefined();
  }

  it('refused: the first failure ends every recovery of the run, and the notice counts those links', async () => {
    const port = await closedPort();
    const report = await run({ archiveBaseUrl: `http://127.0.0.1:${port}` });
    const without = await run({ archive: false });
    // One archive request in all: the first recovery's CDX query; no other recovery, no snapshot lookup after it.
    expect(report.summary.requests - without.summary.requests).toBe(1);
    expectOneNotice(report, /ECONNREFUSED/);
  });

  it('reset (a middlebox, lychee #1501): one connection to archive.org, not one per dead short link', async () => {
    const server = await startRawServer((socket: Socket) => socket.once('data', () => socket.resetAndDestroy()));
    try {
      // One request at a time, as web.archive.org is asked (ARCHIVE_HOST_SETTINGS).
      const report = await run({ archiveBaseUrl: server.origin, hosts: { '127.0.0.1': { concurrency: 1 } } });
      expect(server.connections).toBe(1);
      expectOneNotice(report, /ECONNRESET|reset/);
    } finally {
      await server.close();
    }
  });
});

describe('the list of shorteners', () => {
  it('matches the built-in services by host, and a user entry from the config adds one', () => {
    const builtIn = loadShorteners();
    for (const url of ['https://bit.ly/abc', 'http://goo.gl/xyz', 'https://t.co/AbC123', 'https://youtu.be/dQw4w9WgXcQ', 'https://amzn.to/2xYz', 'https://lnkd.in/eAbC']) {
      expect(matchShortener(url, builtIn), url).toBeDefined();
    }
    // The service's own home page and unrelated hosts are not short links.
    expect(matchShortener('https://bit.ly/', builtIn)).toBeUndefined();
    expect(matchShortener('https://example.com/bit.ly/abc', builtIn)).toBeUndefined();
    const withOwn = loadShorteners([{ id: 'go-links', name: 'Our go links', hosts: ['go.example.com'], pathPattern: '^/[a-z-]+$' }]);
    expect(matchShortener('https://go.example.com/handbook', withOwn)?.id).toBe('go-links');
    expect(matchShortener('https://go.example.com/Not/A/Go/Link', withOwn)).toBeUndefined();
    // Every built-in entry names where its behaviour is documented.
    expect(builtIn.every((entry) => entry.source?.startsWith('https://'))).toBe(true);
  });

  it('a malformed user entry is one config error naming it', () => {
    try {
      loadShorteners([{ id: 'x', name: 'X', hosts: ['not a host'] }]);
      expect.unreachable();
    } catch (error) {
      expect(isLinkrotError(error) && error.code).toBe('LINKROT_CONFIG_INVALID');
      expect((error as Error).message).toBe('Invalid shortener at `shorteners[0]`: `hosts` has an invalid host "not a host"');
    }
  });

  it('reads a replay Location in each form the Wayback Machine writes it', () => {
    const original = 'http://bit.ly/abc';
    expect(targetOfReplayLocation('https://web.archive.org/web/20170105093000id_/https://example.com/a?b=1', ARCHIVE, original)).toBe('https://example.com/a?b=1');
    expect(targetOfReplayLocation('/web/20170105093000id_/http://example.com/a', ARCHIVE, original)).toBe('http://example.com/a');
    expect(targetOfReplayLocation('/web/20170105093000/http:/example.com/a', ARCHIVE, original)).toBe('http://example.com/a');
    expect(targetOfReplayLocation('https://example.com/raw', ARCHIVE, original)).toBe('https://example.com/raw');
    expect(targetOfReplayLocation('javascript:alert(1)', ARCHIVE, original)).toBeUndefined();
    expect(targetOfReplayLocation('/web/20170105093000id_/mailto:me@example.com', ARCHIVE, original)).toBeUndefined();
    expect(redirectCapturesQueryUrl(ARCHIVE, original)).toBe(
      `${ARCHIVE}/cdx/search/cdx?url=http%3A%2F%2Fbit.ly%2Fabc&output=json&fl=timestamp,original,statuscode,mimetype&filter=statuscode:30[1278]&limit=10`,
    );
  });
});
