import { describe, expect, it } from 'vitest';
import { createRandom } from '../../bench/random.mjs';
import { LONGEST_PARKED_KEYWORD, parkedPhrase, parkedPhraseOf } from '../../src/diagnose/parked.js';
import { diagnose, followUpsFor, requestFor, SIBLING_FOLLOW_UP, OEMBED_FOLLOW_UP, DEFAULT_CONTENT_BODY_BYTES, DEFAULT_FRAGMENT_BODY_BYTES } from '../../src/diagnose/index.js';
import { html, input, redirected, result, SETTINGS } from './helpers.js';
import {
  PARKED_TEXT_KEYWORDS,
  PARKED_TEXT_SIGNS,
  PARKING_SOURCE_KEYWORDS,
  PARKING_SOURCE_SIGNS,
} from '../../src/diagnose/rules/parked-signs.js';

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Understanding LSTM Networks -- colah's blog</title>
<style>body{font-family:serif}</style><script>window.dataLayer=[];</script></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<h1 id="understanding-lstm-networks">Understanding LSTM Networks</h1>
<h2 id="recurrent-neural-networks">Recurrent Neural Networks</h2>
<p>Humans don’t start their thinking from scratch every second. As you read this essay, you understand each word based on your understanding of previous words. Traditional neural networks can’t do this, and it seems like a major shortcoming.</p>
<h2 id="the-problem-of-long-term-dependencies">The Problem of Long-Term Dependencies</h2>
<p>One of the appeals of RNNs is the idea that they might be able to connect previous information to the present task.</p>
<a name="footnotes"></a><h2 id="lstm-networks">LSTM Networks</h2><p>Long Short Term Memory networks are a special kind of RNN.</p>
</body></html>`;

const SOFT_404_EN = `<!DOCTYPE html><html><head><title>Page Not Found | University of Alberta</title></head><body>
<header><a href="/">UAlberta</a></header><main><h1>Page not found</h1><p>Sorry, the page you requested could not be found. It may have moved.</p>
<p><a href="/search">Search the site</a></p></main></body></html>`;

const SOFT_404_DE = `<html><head><title>Seite nicht gefunden – Beispiel GmbH</title></head><body><h1>Seite nicht gefunden</h1><p>Die angeforderte Seite existiert leider nicht mehr.</p></body></html>`;
const SOFT_404_JA = `<html><head><title>ページが見つかりません | 例</title></head><body><h1>お探しのページは見つかりませんでした</h1></body></html>`;
const SOFT_404_FR = `<html><head><title>Erreur 404 - Page introuvable</title></head><body><h1>Oups</h1></body></html>`;
const ARTICLE_ABOUT_404 = `<html><head><title>How to design a helpful 404 page for your web application in 2017</title></head><body><h1>How to design a helpful 404 page for your web application in 2017</h1><p>${'Error pages matter. '.repeat(40)}</p></body></html>`;

const PARKED = `<html><head><title>deeplearning-course.com</title><script src="https://www.google.com/adsense/domains/caf.js"></script></head>
<body><div class="header">deeplearning-course.com</div><p>This domain may be for sale!</p><div id="related">Related Searches: Online Courses, Machine Learning</div></body></html>`;

const URL_PAGE = 'https://webdocs.example.edu/~sutton/book/ebook/the-book.html';

describe('soft 404', () => {
  it.each([
    ['English', SOFT_404_EN],
    ['German', SOFT_404_DE],
    ['Japanese', SOFT_404_JA],
    ['French', SOFT_404_FR],
  ])('a 200 page titled "not found" (%s) asks for a sibling probe, and is dead when the probe gets the same page', (_, page) => {
    const checked = result(URL_PAGE, html(page));
    const followUps = followUpsFor(URL_PAGE, checked, SETTINGS);
    const probe = followUps.find((followUp) => followUp.key === SIBLING_FOLLOW_UP);
    expect(probe?.request.url).toMatch(/^https:\/\/webdocs\.example\.edu\/~sutton\/book\/ebook\/linkrot-probe-[0-9a-f]{12}\.html$/);
    const sibling = result(probe?.request.url ?? '', html(page));
    const verdict = diagnose(input(URL_PAGE, checked, { [SIBLING_FOLLOW_UP]: sibling }), SETTINGS);
    expect([verdict.state, verdict.reason]).toEqual(['dead', 'soft-404']);
    expect(verdict.httpStatus).toBe(200);
  });

  it('is only likely when the title alone says so and the site answers a made-up address with a real 404', () => {
    const checked = result(URL_PAGE, html(SOFT_404_FR));
    const sibling = result('https://webdocs.example.edu/~sutton/book/ebook/x.html', { status: 404 });
    const verdict = diagnose(input(URL_PAGE, checked, { [SIBLING_FOLLOW_UP]: sibling }), SETTINGS);
    expect([verdict.state, verdict.reason]).toEqual(['suspicious', 'soft-404-likely']);
  });

  it('is dead when title, heading and text all say so and the site answers made-up addresses "not found" too', () => {
    const checked = result(URL_PAGE, html(SOFT_404_EN));
    const sibling = result('https://webdocs.example.edu/~sutton/book/ebook/x.html', { status: 404 });
    const verdict = diagnose(input(URL_PAGE, checked, { [SIBLING_FOLLOW_UP]: sibling }), SETTINGS);
    expect([verdict.state, verdict.reason]).toEqual(['dead', 'soft-404']);
    expect(verdict.detail).toContain('title and heading');
    expect(verdict.detail).toContain('404 Not Found');
  });

  it('is only likely when the site answers a made-up address with an ordinary page', () => {
    const checked = result(URL_PAGE, html(SOFT_404_EN));
    const sibling = result('https://webdocs.example.edu/~sutton/book/ebook/x.html', html(ARTICLE));
    const verdict = diagnose(input(URL_PAGE, checked, { [SIBLING_FOLLOW_UP]: sibling }), SETTINGS);
    expect([verdict.state, verdict.reason]).toEqual(['suspicious', 'soft-404-likely']);
    expect(verdict.detail).toContain('different page');
  });

  it('is only likely when the title alone says so and the probe could not be made', () => {
    const verdict = diagnose(input(URL_PAGE, result(URL_PAGE, html(SOFT_404_FR))), SETTINGS);
    expect(verdict.reason).toBe('soft-404-likely');
  });

  it('leaves alone a long article whose title merely mentions 404', () => {
    const checked = result(URL_PAGE, html(ARTICLE_ABOUT_404));
    expect(followUpsFor(URL_PAGE, checked, SETTINGS).map((followUp) => followUp.key)).not.toContain(SIBLING_FOLLOW_UP);
    expect(diagnose(input(URL_PAGE, checked), SETTINGS).state).toBe('alive');
  });

  it('leaves alone a normal article', () => {
    const checked = result(URL_PAGE, html(ARTICLE));
    expect(followUpsFor(URL_PAGE, checked, SETTINGS)).toEqual([]);
    expect(diagnose(input(URL_PAGE, checked), SETTINGS).reason).toBe('ok');
  });

  it('calls a tiny page that the site also serves for made-up addresses only likely', () => {
    const tiny = '<html><head><title>Example Corp</title></head><body><p>Welcome.</p></body></html>';
    const checked = result(URL_PAGE, html(tiny));
    const verdict = diagnose(input(URL_PAGE, checked, { [SIBLING_FOLLOW_UP]: result('https://webdocs.example.edu/x', html(tiny)) }), SETTINGS);
    expect([verdict.state, verdict.reason]).toEqual(['suspicious', 'soft-404-likely']);
    const different = diagnose(input(URL_PAGE, checked, { [SIBLING_FOLLOW_UP]: result('https://webdocs.example.edu/x', { status: 404 }) }), SETTINGS);
    expect(different.state).toBe('alive');
  });

  it('is not checked when content checks are off', () => {
    const settings = { ...SETTINGS, contentChecks: false };
    expect(requestFor(URL_PAGE, { fragment: false }, settings)).toEqual({ url: URL_PAGE });
    expect(diagnose(input(URL_PAGE, result(URL_PAGE, html(SOFT_404_EN))), settings).state).toBe('alive');
  });
});

describe('parked domains', () => {
  it('a parking lander is dead/parked-domain', () => {
    const url = 'http://deeplearning-course.com/lectures/1';
    const verdict = diagnose(input(url, result(url, html(PARKED))), SETTINGS);
    expect([verdict.state, verdict.reason]).toEqual(['dead', 'parked-domain']);
    expect(verdict.detail).toContain('for sale');
  });

  it('a redirect to a domain-sale service is dead/parked-domain even without a body', () => {
    const url = 'http://www.metamind-example.io/';
    const verdict = diagnose(input(url, redirected(url, [[url, 302]], 'https://www.hugedomains.com/domain_profile.cfm?d=metamind-example.io')), SETTINGS);
    expect(verdict.reason).toBe('parked-domain');
    expect(verdict.detail).toContain('hugedomains.com');
  });

  it('every parking sign contains one of the first-pass keywords (else the first pass would hide it)', () => {
    for (const sign of PARKED_TEXT_SIGNS) expect(PARKED_TEXT_KEYWORDS.test(sign.source), sign.source).toBe(true);
    for (const sign of PARKING_SOURCE_SIGNS) expect(PARKING_SOURCE_KEYWORDS.test(sign.source.replace(/\\/g, '')), sign.source).toBe(true);
  });

  it('finds a keyword in the title, the text, or across the two, as in the two joined', () => {
    const alternatives = PARKED_TEXT_KEYWORDS.source.split('|');
    expect(Math.max(...alternatives.map((word) => word.length))).toBe(LONGEST_PARKED_KEYWORD);
    // A sign across the join: the title ends where the text's sentence goes on.
    expect(parkedPhraseOf('example.org | this domain', 'is for sale. Contact us')).toBe('this domain is for sale');
    // No keyword in either part: "for sale" only across the join.
    expect(parkedPhraseOf('example.com is for', 'sale')).toBe('example.com is for sale');
    expect(parkedPhraseOf('Learning rate schedules', 'A post about warm restarts')).toBeUndefined();
    const random = createRandom(3);
    const pieces = ['for', ' sale', 'for sale', 'this domain', ' is ', 'parked', 'dom', 'ain', 'ドメ', 'イン', 'x.com', 'buy', ' ', 'text'];
    const words = (): string => Array.from({ length: Math.floor(random() * 5) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    for (let round = 0; round < 3000; round += 1) {
      const [title, text] = [words(), words()];
      expect(parkedPhraseOf(title, text), JSON.stringify([title, text])).toBe(parkedPhrase(`${title} ${text}`));
    }
  });

  it('a lander recognised by its source alone (no sale phrase in the text) is parked', () => {
    const lander = '<html><head><title>example.net</title><script src="https://www.google.com/adsense/domains/caf.js"></script></head><body><p>Related searches</p></body></html>';
    const url = 'http://example.net/old-page';
    expect(diagnose(input(url, result(url, html(lander))), SETTINGS).reason).toBe('parked-domain');
  });

  it('a long article about selling domains is not parked', () => {
    const article = `<html><head><title>Domain investing</title></head><body><p>${'When this domain is for sale, owners list it on marketplaces. '.repeat(100)}</p></body></html>`;
    const url = 'https://blog.example.com/domains';
    expect(diagnose(input(url, result(url, html(article))), SETTINGS).state).toBe('alive');
  });
});

describe('content type', () => {
  it('a .pdf link that now serves HTML is suspicious', () => {
    const url = 'https://cs224d.example.edu/reports/YuanYe.pdf';
    const verdict = diagnose(input(url, result(url, { headers: { 'content-type': 'text/html; charset=UTF-8' } })), SETTINGS);
    expect([verdict.state, verdict.reason]).toEqual(['suspicious', 'content-type-mismatch']);
    expect(verdict.detail).toBe('The link names a PDF file but the server now sends text/html.');
  });

  it('a .pdf served as PDF or octet-stream is fine, and is checked with HEAD', () => {
    const url = 'http://www.iro.example.ca/~bengioy/talks/DL-Tutorial-NIPS2015.pdf';
    expect(requestFor(url, { fragment: false }, SETTINGS)).toEqual({ url });
    for (const type of ['application/pdf', 'application/octet-stream']) {
      expect(diagnose(input(url, result(url, { method: 'HEAD', headers: { 'content-type': type } })), SETTINGS).state).toBe('alive');
    }
  });
});

describe('requests', () => {
  it('reads a bounded body for content checks and more for fragments', () => {
    expect(requestFor(URL_PAGE, { fragment: false }, SETTINGS)).toEqual({ url: URL_PAGE, method: 'GET', bodyBytes: DEFAULT_CONTENT_BODY_BYTES });
    expect(requestFor(URL_PAGE, { fragment: true }, SETTINGS)).toEqual({ url: URL_PAGE, method: 'GET', bodyBytes: DEFAULT_FRAGMENT_BODY_BYTES });
    expect(requestFor(URL_PAGE, { fragment: true }, { ...SETTINGS, fragments: false, contentChecks: false })).toEqual({ url: URL_PAGE });
  });

  it('uses HEAD for a family that is dead whatever the page says', () => {
    const url = 'https://plus.google.com/communities/112866381580457264725';
    expect(requestFor(url, { fragment: false }, SETTINGS)).toEqual({ url });
  });

  it('asks for the https variant of an http link that stayed on http, not of one that moved to https', () => {
    const url = 'http://yann.example.com/exdb/mnist/';
    expect(followUpsFor(url, result(url, html(ARTICLE)), SETTINGS)).toEqual([{ key: 'https', request: { url: 'https://yann.example.com/exdb/mnist/', retries: 0, auxiliary: true } }]);
    expect(followUpsFor(url, redirected(url, [[url, 301]], 'https://yann.example.com/exdb/mnist/', html(ARTICLE)), SETTINGS)).toEqual([]);
  });

  it('asks for the oEmbed answer of a video link that loaded', () => {
    const url = 'http://www.youtube.com/watch?v=n1ViNeWhC24';
    const keys = followUpsFor(url, result(url), SETTINGS);
    expect(keys[0]).toEqual({
      key: OEMBED_FOLLOW_UP,
      request: { url: 'https://www.youtube.com/oembed?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3Dn1ViNeWhC24&format=json', method: 'GET', bodyBytes: 16384, auxiliary: true },
    });
  });
});

describe('the evidence ladder on the pages that were reported dead (issue 12)', () => {
  const URL_ARTICLE = 'https://en.wikipedia.example/wiki/HTTP_404';
  const REAL_404 = result('https://en.wikipedia.example/wiki/linkrot-probe-0', { status: 404, ...html('<html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>', { status: 404 }) });
  /** The verdict on `page` where the site answers made-up addresses with a real 404 page of its own. */
  const beside404 = (page: string) => diagnose(input(URL_ARTICLE, result(URL_ARTICLE, html(page)), { [SIBLING_FOLLOW_UP]: REAL_404 }), SETTINGS);
  const article = (title: string, heading: string, words: string) =>
    `<html><head><title>${title}</title></head><body><h1>${heading}</h1><p>${words}</p><p>${'The status code is sent by the server when it cannot find the resource that was asked for. '.repeat(22)}</p></body></html>`;

  it.each([
    ['HTTP 404 - Wikipedia', 'HTTP 404', 'The HTTP 404, 404 not found, page not found or file not found error message is a response code.'],
    ['nginx returns 404 Not Found - Stack Overflow', 'nginx returns 404 Not Found', 'Every request returns 404 Not Found; the log says the file does not exist.'],
    ['404 Not Found - HTTP | MDN', '404 Not Found', 'The 404 Not Found status code indicates that the server cannot find the requested resource.'],
  ])('an article titled "%s" is alive although made-up addresses get a real 404', (title, heading, words) => {
    expect(beside404(article(title, heading, words)).state).toBe('alive');
  });

  it('a short page whose title mentions the phrase among other words is never dead, at most suspicious', () => {
    const page = '<html><head><title>nginx returns 404 Not Found - Q&amp;A</title></head><body><h1>nginx returns 404 Not Found</h1><p>The log says the file does not exist.</p></body></html>';
    const verdict = beside404(page);
    expect([verdict.state, verdict.reason]).toEqual(['suspicious', 'soft-404-likely']);
  });

  it.each(['Page t-01404', '[1404.5555] Learning to rank', 'Widget #4040', 'Issue #404: crash on start', 'Release v1.404.2', '404.html template'])(
    'numbers inside identifiers never match: "%s" shows no sign',
    (title) => {
      const page = `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${'Details of this item, its owner and its status. '.repeat(6)}</p></body></html>`;
      const checked = result(URL_ARTICLE, html(page));
      expect(followUpsFor(URL_ARTICLE, checked, SETTINGS).map((followUp) => followUp.key)).not.toContain(SIBLING_FOLLOW_UP);
      expect(diagnose(input(URL_ARTICLE, checked, { [SIBLING_FOLLOW_UP]: result(URL_ARTICLE, html(page)) }), SETTINGS).state).toBe('alive');
    },
  );

  it.each([
    [
      'a bare "404" names a song or a room unless the page says it is missing',
      '<html><head><title>404 | Lantern Hollow</title></head><body><h1>404</h1><p>from the album Static Season, released March 3, 2016. Digital track, streaming and download, 03:41.</p></body></html>',
      '<html><head><title>404 | Lantern Hollow</title></head><body><h1>404</h1><p>Sorry, the page you are looking for does not exist.</p></body></html>',
    ],
    [
      'a sentence about the page itself confirms under the site-name title, not under a heading of its own',
      '<html><head><title>Help Center</title></head><body><h1>How can we help?</h1><p>Can’t find the page you are looking for? Search our articles or contact us.</p></body></html>',
      '<html><head><title>Tinker Diary</title></head><body><header><a href="/">Tinker Diary</a></header><h1>Tinker Diary</h1><p>Sorry, the page you were looking for in this blog does not exist.</p></body></html>',
    ],
  ])('%s', (_, alivePage, deadPage) => {
    expect(beside404(alivePage).state).toBe('alive');
    expect(beside404(deadPage).reason).toBe('soft-404');
  });

  it('a redirect is to an error page only when the target is named as one, not when it is an article about 404s', () => {
    const url = 'https://blog.example/2014/05/fixing-404-errors';
    const moved = diagnose(input(url, redirected(url, [[url, 301]], 'https://blog.example/blog/fixing-404-errors/', html(ARTICLE))), SETTINGS);
    expect([moved.state, moved.reason]).toEqual(['redirected', 'redirect-permanent']);
    for (const target of ['https://blog.example/404.html', 'https://blog.example/errors/404/', 'https://blog.example/page-not-found?url=x', 'https://i.example/removed.png']) {
      const verdict = diagnose(input(url, redirected(url, [[url, 302]], target, html(ARTICLE))), SETTINGS);
      expect([verdict.state, verdict.reason], target).toEqual(['dead', 'soft-404']);
    }
  });

  it('a catch-all that serves the same tiny page everywhere leaves the site root alone', () => {
    const tiny = '<html><head><title>Studio</title></head><body><p>Furniture, made to order.</p></body></html>';
    const root = 'https://studio.example/';
    expect(diagnose(input(root, result(root, html(tiny)), { [SIBLING_FOLLOW_UP]: result(root, html(tiny)) }), SETTINGS).state).toBe('alive');
  });
});
