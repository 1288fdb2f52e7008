/**
 * Acceptance test of issue 4: the reference post, with every host it links to answering the way it does today
 * (mocked with nock), checked end to end (extract → plan → check → diagnose → archive). Every link's verdict,
 * reason and suggestions are asserted, and each dead link gets a Wayback snapshot from on or before the post date.
 */
import nock from 'nock';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getGlobalDispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/index.js';
import type { CheckedLink, Report } from '../../src/model.js';

const POST = fileURLToPath(new URL('../../fixtures/posts/2017-03-01-learning-deep-learning.md', import.meta.url));

type Answer = { status: number; body?: string; headers?: Record<string, string> };
const refused = 'refused';
const notFound: Answer = { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>' };

/**
 * The web as the reference post's hosts answer today, and the capture the Wayback CDX has of each dead link
 * from before the post date: recorded data, shared with `npm run demo`. Anything not listed answers 404.
 */
const RECORDED = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/web/reference-post-today.json', import.meta.url)), 'utf8')) as {
  routes: Record<string, Answer | typeof refused>;
  captures: Record<string, string>;
};
const buildWeb = (): Map<string, Answer | typeof refused> => new Map(Object.entries(RECORDED.routes));
const CAPTURES = RECORDED.captures;

const SUTTON = 'https://webdocs.cs.ualberta.ca/~sutton/book/ebook/the-book.html';
const GOOGLE_PLUS = 'https://plus.google.com/communities/112866381580457264725';
const RETIRED_COURSE = 'https://www.coursera.org/learn/neural-networks';
const CLASSIC_SITE = 'https://sites.google.com/site/mostafasibrahim/research/articles/how-to-start';
const CLASSIC_SITE_HOME = 'https://sites.google.com/site/mostafasibrahim/';
const NYTIMES =
  'http://www.nytimes.com/2016/03/16/world/asia/korea-alphago-vs-lee-sedol-go.html?__hstc=13887208.2c86f1d755a00edda38e8cb1d7fb3483.1473023471841.1473023471841.1473023471844.2&__hssc=13887208.1.1473023471844&__hsfp=1720600770';
const PLAYLIST = 'https://m.youtube.com/playlist?list=PLE6Wd9FR--EfW8dtjAuPoTuPcqmOV53Fu';

const received: string[] = [];
let report: Report;

function mockWeb(web: Map<string, Answer | typeof refused>): void {
  const origins = new Set([...web.keys()].map((url) => new URL(url).origin));
  for (const origin of origins) {
    for (const method of ['HEAD', 'GET'] as const) {
      const interceptor = nock(origin).persist().intercept(() => true, method);
      interceptor.reply((request: Request) => {
        const url = request.url;
        received.push(`${method} ${url}`);
        const route = web.get(url);
        if (route === refused) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        const answer = route ?? notFound;
        return [answer.status, method === 'HEAD' ? '' : (answer.body ?? ''), answer.headers ?? {}];
      });
    }
  }
  nock('https://web.archive.org')
    .persist()
    .get(() => true)
    .reply((request: Request) => {
      received.push(`GET ${request.url}`);
      const parsed = new URL(request.url);
      if (parsed.pathname !== '/cdx/search/cdx') return [404, 'Not Found'];
      const url = parsed.searchParams.get('url') ?? '';
      const timestamp = CAPTURES[url];
      const to = parsed.searchParams.get('to');
      if (timestamp === undefined || to === null || timestamp.slice(0, 8) > to) return [200, '[]'];
      return [200, JSON.stringify([['timestamp', 'original', 'statuscode', 'mimetype'], [timestamp, url, '200', 'text/html']])];
    });
}

beforeAll(async () => {
  nock.disableNetConnect();
  mockWeb(buildWeb());
  let clock = 0;
  report = await checkFiles([POST], {
    dispatcher: getGlobalDispatcher(),
    sleep: async (ms: number) => void (clock += ms),
    now: () => clock,
  });
}, 60_000);

afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

function linkTo(url: string): CheckedLink {
  const found = report.files[0]?.links.find((link) => link.url === url);
  if (found === undefined) throw new Error(`no link to ${url} in the report`);
  return found;
}

function kinds(link: CheckedLink): string[] {
  return link.suggestions.map((suggestion) => `${suggestion.kind} ${suggestion.url}`);
}

describe('the reference post, checked against today’s web', () => {
  it('reports all 55 links and sends nothing to an unmocked host', () => {
    expect(report.files[0]?.links).toHaveLength(55);
    expect(report.files[0]?.date).toBe('2017-03-01');
    expect(report.files[0]?.links.filter((link) => link.state === 'unreachable')).toEqual([]);
  });

  it('Google+ is dead (known-dead, google-plus) with the 404 it answered and a snapshot from before the post', () => {
    const link = linkTo(GOOGLE_PLUS);
    expect([link.state, link.reason, link.family, link.httpStatus]).toEqual(['dead', 'known-dead', 'google-plus', 404]);
    expect(kinds(link)).toEqual([`archive https://web.archive.org/web/20170104120931/${GOOGLE_PLUS}`]);
  });

  it('the retired Coursera course that redirects to the catalogue is dead (known-dead) with a snapshot', () => {
    const link = linkTo(RETIRED_COURSE);
    expect([link.state, link.reason, link.family]).toEqual(['dead', 'known-dead', 'coursera-retired-course']);
    expect(link.finalUrl).toBe('https://www.coursera.org/courses?query=neural%20networks');
    expect(link.redirects).toEqual([{ url: RETIRED_COURSE, status: 302, location: 'https://www.coursera.org/courses?query=neural%20networks' }]);
    expect(kinds(link)).toEqual([`archive https://web.archive.org/web/20170212083450/${RETIRED_COURSE}`]);
  });

  it('the old Sutton book page is dead (http-404) with a snapshot', () => {
    const link = linkTo(SUTTON);
    expect([link.state, link.reason, link.httpStatus]).toEqual(['dead', 'http-404', 404]);
    expect(kinds(link)).toEqual([`archive https://web.archive.org/web/20161128004512/${SUTTON}`]);
  });

  it('the classic Google Sites pages are dead (known-dead): one 404s, one sends visitors to sign in', () => {
    for (const url of [CLASSIC_SITE, CLASSIC_SITE_HOME]) {
      const link = linkTo(url);
      expect([link.state, link.reason, link.family]).toEqual(['dead', 'known-dead', 'google-sites-classic']);
      expect(link.suggestions[0]).toMatchObject({ kind: 'archive', timestamp: CAPTURES[url] });
    }
  });

  it('every dead link has a Wayback snapshot from on or before 2017-03-01', () => {
    const dead = report.files[0]?.links.filter((link) => link.state === 'dead') ?? [];
    expect(dead.map((link) => link.url).sort()).toEqual(Object.keys(CAPTURES).sort());
    for (const link of dead) {
      const archive = link.suggestions.find((suggestion) => suggestion.kind === 'archive');
      expect(archive?.timestamp).toMatch(/^\d{14}$/);
      expect((archive?.timestamp ?? '99999999').slice(0, 8) <= '20170301').toBe(true);
      expect(archive?.url).toBe(`https://web.archive.org/web/${archive?.timestamp}/${link.url}`);
    }
  });

  it('the tracking-laden nytimes link moved to https and gets a clean suggestion', () => {
    const link = linkTo(NYTIMES);
    expect([link.state, link.reason]).toEqual(['redirected', 'redirect-permanent']);
    expect(kinds(link)).toEqual([
      `https ${NYTIMES.replace('http:', 'https:')}`,
      'clean https://www.nytimes.com/2016/03/16/world/asia/korea-alphago-vs-lee-sedol-go.html',
    ]);
  });

  it('the m.youtube.com playlist is alive, available per oEmbed, with the canonical host suggested', () => {
    const link = linkTo(PLAYLIST);
    expect([link.state, link.reason]).toEqual(['alive', 'ok']);
    expect(kinds(link)).toEqual(['clean https://www.youtube.com/playlist?list=PLE6Wd9FR--EfW8dtjAuPoTuPcqmOV53Fu']);
  });

  it('the Quora answer with srid gets a clean suggestion', () => {
    const link = linkTo('https://www.quora.com/How-do-I-learn-Natural-Language-Processing/answer/Vivek-Kumar-893?srid=J2jU');
    expect(kinds(link)).toEqual(['clean https://www.quora.com/How-do-I-learn-Natural-Language-Processing/answer/Vivek-Kumar-893']);
  });

  it('http links that redirect to https are redirected with an https suggestion', () => {
    for (const url of ['http://www.youtube.com/watch?v=n1ViNeWhC24', 'http://arxiv.org/abs/1406.2661', 'http://karpathy.github.io/', 'http://cs231n.github.io/']) {
      const link = linkTo(url);
      expect([link.state, link.reason]).toEqual(['redirected', 'redirect-permanent']);
      expect(kinds(link)).toEqual([`https ${url.replace('http:', 'https:')}`]);
    }
  });

  it('http links that stay on http get https suggested only when the https address answers', () => {
    for (const url of ['http://yann.lecun.com/exdb/mnist/', 'http://info.usherbrooke.ca/hlarochelle/neural_networks/content.html', 'http://img.youtube.com/vi/n1ViNeWhC24/hqdefault.jpg']) {
      const link = linkTo(url);
      expect([link.state, link.reason]).toEqual(['alive', 'ok']);
      expect(kinds(link)).toEqual([`https ${url.replace('http:', 'https:')}`]);
    }
    const pdfLink = linkTo('http://www.iro.umontreal.ca/~bengioy/talks/DL-Tutorial-NIPS2015.pdf');
    expect([pdfLink.state, pdfLink.suggestions]).toEqual(['alive', []]);
  });

  it('pages that moved for good get a moved suggestion', () => {
    expect(kinds(linkTo('https://www.metamind.io/'))).toEqual(['moved https://www.salesforce.com/products/einstein/overview/']);
    expect(kinds(linkTo('http://www0.cs.ucl.ac.uk/staff/d.silver/web/Teaching.html'))).toEqual(['moved https://www.davidsilver.uk/teaching/']);
  });

  it('twitter.com is a login wall with the x.com address suggested', () => {
    const link = linkTo('https://twitter.com/ColorizeBot');
    expect([link.state, link.reason, link.family]).toEqual(['blocked', 'login-wall', 'twitter']);
    expect(kinds(link)).toEqual(['moved https://x.com/ColorizeBot']);
  });

  it('the rest is alive, and the summary adds up', () => {
    const summary = report.summary;
    expect(summary).toMatchObject({ links: 55, urls: 54, dead: 5, blocked: 1, suspicious: 0, unreachable: 0, skipped: 0 });
    expect(summary.alive + summary.redirected).toBe(49);
    for (const url of ['https://www.coursera.org/learn/machine-learning', 'https://en.wikipedia.org/wiki/Backpropagation', 'https://github.com/ChristosChristofidis/awesome-deep-learning', 'https://cs224d.stanford.edu/reports/YuanYe.pdf']) {
      expect(linkTo(url).state).toBe('alive');
    }
  });

  it('asked the archive only about dead links, and at most twice each (CDX, then the redirect lookup never needed)', () => {
    const archiveRequests = received.filter((line) => line.includes('web.archive.org'));
    expect(archiveRequests).toHaveLength(Object.keys(CAPTURES).length);
    expect(archiveRequests.every((line) => line.includes('limit=-10') && line.includes('to=20170301'))).toBe(true);
  });
});
