/**
 * Acceptance test of issue 4: the reference post, with every host it links to answering the way it does today
 * (mocked with nock), checked end to end (extract → plan → check → diagnose → archive). Every link's verdict,
 * reason and suggestions are asserted, and each dead link gets a Wayback snapshot from on or before the post date.
 */
import nock from 'nock';
import { fileURLToPath } from 'node:url';
import { getGlobalDispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/index.js';
import type { CheckedLink, Report } from '../../src/model.js';

const POST = fileURLToPath(new URL('../../fixtures/posts/2017-03-01-learning-deep-learning.md', import.meta.url));

type Answer = { status: number; body?: string; headers?: Record<string, string> };
type Route = Answer | ((method: string) => Answer);

function page(title: string): Answer {
  const text = `${title}. `.repeat(3) + 'This page is still here and says what it said when the post was written, with enough words to read as a real page.';
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>` };
}
const pdf: Answer = { status: 200, headers: { 'content-type': 'application/pdf', 'content-length': '1048576' }, body: '%PDF-1.5' };
const moved = (location: string, status = 301): Answer => ({ status, headers: { location } });
const notFound: Answer = { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>' };
const refused = 'refused';

/** `http://x/…` → 301 to `https://x/…`, which answers a page. */
function upgrades(web: Map<string, Route | typeof refused>, url: string, title: string): void {
  const https = url.replace(/^http:/, 'https:');
  web.set(url, moved(https));
  web.set(https, page(title));
}

const SUTTON = 'https://webdocs.cs.ualberta.ca/~sutton/book/ebook/the-book.html';
const GOOGLE_PLUS = 'https://plus.google.com/communities/112866381580457264725';
const RETIRED_COURSE = 'https://www.coursera.org/learn/neural-networks';
const CLASSIC_SITE = 'https://sites.google.com/site/mostafasibrahim/research/articles/how-to-start';
const CLASSIC_SITE_HOME = 'https://sites.google.com/site/mostafasibrahim/';
const NYTIMES =
  'http://www.nytimes.com/2016/03/16/world/asia/korea-alphago-vs-lee-sedol-go.html?__hstc=13887208.2c86f1d755a00edda38e8cb1d7fb3483.1473023471841.1473023471841.1473023471844.2&__hssc=13887208.1.1473023471844&__hsfp=1720600770';
const PLAYLIST = 'https://m.youtube.com/playlist?list=PLE6Wd9FR--EfW8dtjAuPoTuPcqmOV53Fu';

/** The web as the reference post's hosts answer today. Anything not listed answers 404 (sibling probes too). */
function buildWeb(): Map<string, Route | typeof refused> {
  const web = new Map<string, Route | typeof refused>();
  web.set('https://www.quora.com/How-do-I-learn-deep-learning-in-2-months/answer/Vivek-Kumar-893', page('How do I learn deep learning in 2 months? - Quora'));
  web.set('https://www.quora.com/How-do-I-learn-Natural-Language-Processing/answer/Vivek-Kumar-893?srid=J2jU', page('How do I learn Natural Language Processing? - Quora'));
  web.set('https://www.quora.com/Who-should-I-follow-on-Twitter-to-get-useful-and-reliable-machine-learning-information/answer/Vivek-Kumar-893', page('Who should I follow on Twitter? - Quora'));
  web.set('http://www.youtube.com/watch?v=n1ViNeWhC24', moved('https://www.youtube.com/watch?v=n1ViNeWhC24'));
  web.set('https://www.youtube.com/watch?v=n1ViNeWhC24', page('Andrew Ng: Deep Learning, Self-Taught Learning and Unsupervised Feature Learning - YouTube'));
  web.set('http://img.youtube.com/vi/n1ViNeWhC24/hqdefault.jpg', { status: 200, headers: { 'content-type': 'image/jpeg' }, body: 'JFIF' });
  web.set('https://img.youtube.com/vi/n1ViNeWhC24/hqdefault.jpg', { status: 200, headers: { 'content-type': 'image/jpeg' }, body: 'JFIF' });
  web.set('https://www.youtube.com/oembed?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3Dn1ViNeWhC24&format=json', {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Andrew Ng: Deep Learning, Self-Taught Learning and Unsupervised Feature Learning', type: 'video', version: '1.0', provider_name: 'YouTube', html: '<iframe></iframe>' }),
  });
  web.set('https://www.youtube.com/oembed?url=https%3A%2F%2Fwww.youtube.com%2Fplaylist%3Flist%3DPLE6Wd9FR--EfW8dtjAuPoTuPcqmOV53Fu&format=json', {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Machine Learning 2014-2015', type: 'video', version: '1.0', provider_name: 'YouTube', html: '<iframe></iframe>' }),
  });
  web.set(PLAYLIST, page('Machine Learning 2014-2015 - YouTube'));
  web.set('https://www.coursera.org/learn/machine-learning', page('Machine Learning | Coursera'));
  web.set(RETIRED_COURSE, moved('https://www.coursera.org/courses?query=neural%20networks', 302));
  web.set('https://www.coursera.org/courses?query=neural%20networks', page('Neural Networks Courses | Coursera'));
  web.set('http://www.iro.umontreal.ca/~bengioy/talks/DL-Tutorial-NIPS2015.pdf', pdf);
  web.set('https://www.iro.umontreal.ca/~bengioy/talks/DL-Tutorial-NIPS2015.pdf', refused);
  upgrades(web, 'http://www.cs.ox.ac.uk/teaching/courses/2014-2015/ml/', 'Machine Learning: 2014-2015');
  web.set('https://en.wikipedia.org/wiki/Backpropagation', page('Backpropagation - Wikipedia'));
  web.set('https://en.wikipedia.org/wiki/Deep_learning', page('Deep learning - Wikipedia'));
  web.set('http://info.usherbrooke.ca/hlarochelle/neural_networks/content.html', page('Neural networks class - Université de Sherbrooke'));
  web.set('https://info.usherbrooke.ca/hlarochelle/neural_networks/content.html', page('Neural networks class - Université de Sherbrooke'));
  web.set('https://work.caltech.edu/telecourse.html', page('Learning From Data - Online Course (MOOC)'));
  upgrades(web, 'http://neuralnetworksanddeeplearning.com/', 'Neural networks and deep learning');
  upgrades(web, 'http://michaelnielsen.org/', 'Michael Nielsen');
  upgrades(web, 'http://www.deeplearningbook.org/', 'Deep Learning');
  upgrades(web, 'http://cs231n.github.io/', 'CS231n Convolutional Neural Networks for Visual Recognition');
  web.set(CLASSIC_SITE, notFound);
  web.set(CLASSIC_SITE_HOME, moved('https://accounts.google.com/ServiceLogin?continue=https://sites.google.com/site/mostafasibrahim/', 302));
  web.set('https://accounts.google.com/ServiceLogin?continue=https://sites.google.com/site/mostafasibrahim/', page('Sign in - Google Accounts'));
  upgrades(web, 'http://web.stanford.edu/class/cs224n/', 'Stanford CS 224N | Natural Language Processing with Deep Learning');
  upgrades(web, 'http://nlp.stanford.edu/~manning/', 'Christopher Manning, Stanford NLP');
  upgrades(web, 'http://cs224d.stanford.edu/', 'CS224d: Deep Learning for Natural Language Processing');
  web.set('https://www.metamind.io/', moved('https://www.salesforce.com/products/einstein/overview/'));
  web.set('https://www.salesforce.com/products/einstein/overview/', page('Salesforce Einstein'));
  for (const id of ['1410.3916', '1506.07285', '1406.2661', '1601.06759', '1511.06434', '1508.06576v1']) upgrades(web, `http://arxiv.org/abs/${id}`, `[${id}] arXiv`);
  web.set('https://arxiv.org/abs/1312.6114', page('[1312.6114] Auto-Encoding Variational Bayes'));
  web.set(NYTIMES, moved(NYTIMES.replace('http:', 'https:')));
  web.set(NYTIMES.replace('http:', 'https:'), page('In Seoul, Go Games Spark Interest (and Concern) About Artificial Intelligence - The New York Times'));
  web.set('http://www0.cs.ucl.ac.uk/staff/d.silver/web/Teaching.html', moved('https://www.davidsilver.uk/teaching/'));
  web.set('https://www.davidsilver.uk/teaching/', page('Teaching - David Silver'));
  web.set(SUTTON, notFound);
  upgrades(web, 'http://colah.github.io/posts/2015-08-Understanding-LSTMs/', "Understanding LSTM Networks -- colah's blog");
  for (const path of ['2015/05/21/rnn-effectiveness/', '2016/05/31/rl/', '2015/10/25/selfie/', '']) upgrades(web, `http://karpathy.github.io/${path}`, 'Andrej Karpathy blog');
  web.set('http://papers.nips.cc/paper/5773-deep-generative-image-models-using-a-laplacian-pyramid-of-adversarial-networks', moved('https://papers.nips.cc/paper/2015/hash/aa169b49b583a2b5af89203c2b78c67c-Abstract.html'));
  web.set('https://papers.nips.cc/paper/2015/hash/aa169b49b583a2b5af89203c2b78c67c-Abstract.html', page('Deep Generative Image Models using a Laplacian Pyramid of Adversarial Networks'));
  web.set('https://github.com/Newmu/dcgan_code', page('GitHub - Newmu/dcgan_code'));
  web.set('https://github.com/david-gpu/srez', page('GitHub - david-gpu/srez: Image super-resolution through deep learning'));
  web.set('https://github.com/ChristosChristofidis/awesome-deep-learning', page('GitHub - ChristosChristofidis/awesome-deep-learning'));
  web.set('http://yann.lecun.com/exdb/mnist/', page('MNIST handwritten digit database'));
  web.set('https://yann.lecun.com/exdb/mnist/', page('MNIST handwritten digit database'));
  web.set('http://image-net.org/index', moved('https://www.image-net.org/index.php'));
  web.set('https://www.image-net.org/index.php', page('ImageNet'));
  web.set('http://image-net.org/challenges/LSVRC/2016/', moved('https://www.image-net.org/challenges/LSVRC/2016/'));
  web.set('https://www.image-net.org/challenges/LSVRC/2016/', page('ILSVRC2016'));
  web.set('https://cs224d.stanford.edu/reports/YuanYe.pdf', pdf);
  web.set('http://casa.disi.unitn.it/~moschitt/since2013/2015_SIGIR_Severyn_TwitterSentimentAnalysis.pdf', pdf);
  web.set('https://casa.disi.unitn.it/~moschitt/since2013/2015_SIGIR_Severyn_TwitterSentimentAnalysis.pdf', refused);
  upgrades(web, 'http://www.hexahedria.com/2015/08/03/composing-music-with-recurrent-neural-networks/', 'Composing Music With Recurrent Neural Networks');
  web.set('https://twitter.com/ColorizeBot', moved('https://x.com/ColorizeBot'));
  web.set('https://x.com/ColorizeBot', page('X'));
  upgrades(web, 'http://cs231n.stanford.edu/reports2016.html', 'CS231n reports 2016');
  upgrades(web, 'http://cs231n.stanford.edu/reports.html', 'CS231n reports 2015');
  web.set('https://christopherolah.wordpress.com/', page("Christopher Olah's blog"));
  web.set(GOOGLE_PLUS, notFound);
  return web;
}

/** The links that are dead today, and the capture the Wayback CDX has of each before the post date. */
const CAPTURES: Record<string, string> = {
  [GOOGLE_PLUS]: '20170104120931',
  [RETIRED_COURSE]: '20170212083450',
  [SUTTON]: '20161128004512',
  [CLASSIC_SITE]: '20160315221704',
  [CLASSIC_SITE_HOME]: '20170110035511',
};

const received: string[] = [];
let report: Report;

function mockWeb(web: Map<string, Route | typeof refused>): void {
  const origins = new Set([...web.keys()].map((url) => new URL(url).origin));
  for (const origin of origins) {
    for (const method of ['HEAD', 'GET'] as const) {
      const interceptor = nock(origin).persist().intercept(() => true, method);
      interceptor.reply((request: Request) => {
        const url = request.url;
        received.push(`${method} ${url}`);
        const route = web.get(url);
        if (route === refused) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        const answer = route === undefined ? notFound : typeof route === 'function' ? route(method) : route;
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
