import { describe, expect, it } from 'vitest';
import { diagnose, OEMBED_FOLLOW_UP } from '../../src/diagnose/index.js';
import { editDistance } from '../../src/diagnose/fragments.js';
import { oembedUrlFor } from '../../src/diagnose/video.js';
import { html, input, result, SETTINGS } from './helpers.js';

const README = `<html><head><title>GitHub - ChristosChristofidis/awesome-deep-learning</title></head><body>
<article class="markdown-body"><h1 dir="auto"><a id="user-content-awesome-deep-learning" class="anchor" href="#awesome-deep-learning"></a>Awesome Deep Learning</h1>
<h2><a id="user-content-free-online-books" class="anchor" href="#free-online-books"></a>Free Online Books</h2>
<h2><a id="user-content-courses" class="anchor" href="#courses"></a>Courses</h2>
<h2><a id="user-content-videos-and-lectures" class="anchor" href="#videos-and-lectures"></a>Videos and Lectures</h2>
<p><a name="legacy-anchor"></a>Old anchor.</p></article></body></html>`;

const URL_README = 'https://github.com/ChristosChristofidis/awesome-deep-learning';

function judgeFragment(fragment: string, truncated = false) {
  const checked = result(URL_README, html(README, { body: { text: README, bytes: README.length, truncated } }));
  return diagnose(input(URL_README, checked, {}, fragment), SETTINGS);
}

describe('fragments', () => {
  it.each(['courses', 'videos-and-lectures', 'user-content-courses', 'legacy-anchor', 'top', 'L10-L20', ''])('#%s is found or not checkable', (fragment) => {
    expect(judgeFragment(fragment).state).toBe('alive');
  });

  it('a missing anchor is suspicious and proposes the nearest existing one', () => {
    const verdict = judgeFragment('free-books');
    expect([verdict.state, verdict.reason, verdict.fragment]).toEqual(['suspicious', 'fragment-missing', 'free-books']);
    expect(verdict.detail).toBe('The page has no anchor "#free-books"; the nearest existing one is "#free-online-books".');
    expect(verdict.suggestions).toEqual([{ kind: 'moved', url: `${URL_README}#free-online-books`, note: 'nearest existing anchor #free-online-books (check it)' }]);
  });

  it('proposes nothing when no anchor is close', () => {
    const verdict = judgeFragment('installation-instructions-for-windows');
    expect(verdict.reason).toBe('fragment-missing');
    expect(verdict.suggestions).toEqual([]);
  });

  it('does not call a fragment missing on a page that was only partly read', () => {
    expect(judgeFragment('free-books', true).state).toBe('alive');
  });

  it('percent-encoded fragments are decoded before the lookup', () => {
    const page = '<html><body><h2 id="café-au-lait">Café</h2></body></html>';
    const url = 'https://example.com/menu';
    expect(diagnose(input(url, result(url, html(page)), {}, 'caf%C3%A9-au-lait'), SETTINGS).state).toBe('alive');
  });

  it('is off with fragments: false', () => {
    const checked = result(URL_README, html(README));
    expect(diagnose(input(URL_README, checked, {}, 'nope'), { ...SETTINGS, fragments: false }).state).toBe('alive');
  });

  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('video availability through oEmbed', () => {
  it.each([
    ['http://www.youtube.com/watch?v=n1ViNeWhC24', 'https://www.youtube.com/watch?v=n1ViNeWhC24'],
    ['https://youtu.be/n1ViNeWhC24?t=30', 'https://www.youtube.com/watch?v=n1ViNeWhC24'],
    ['https://m.youtube.com/watch?v=n1ViNeWhC24&feature=share', 'https://www.youtube.com/watch?v=n1ViNeWhC24'],
    ['https://www.youtube.com/embed/n1ViNeWhC24', 'https://www.youtube.com/watch?v=n1ViNeWhC24'],
    ['https://m.youtube.com/playlist?list=PLE6Wd9FR--EfW8dtjAuPoTuPcqmOV53Fu', 'https://www.youtube.com/playlist?list=PLE6Wd9FR--EfW8dtjAuPoTuPcqmOV53Fu'],
  ])('%s is looked up as %s', (url, canonical) => {
    expect(oembedUrlFor(url)).toBe(`https://www.youtube.com/oembed?url=${encodeURIComponent(canonical)}&format=json`);
  });

  it('Vimeo links use the Vimeo endpoint; thumbnails and channels are not videos', () => {
    expect(oembedUrlFor('https://vimeo.com/channels/staffpicks/76979871')).toBe('https://vimeo.com/api/oembed.json?url=https%3A%2F%2Fvimeo.com%2F76979871');
    expect(oembedUrlFor('https://player.vimeo.com/video/76979871')).toBe('https://vimeo.com/api/oembed.json?url=https%3A%2F%2Fvimeo.com%2F76979871');
    expect(oembedUrlFor('http://img.youtube.com/vi/n1ViNeWhC24/hqdefault.jpg')).toBeUndefined();
    expect(oembedUrlFor('https://www.youtube.com/channel/UCcIXc5mJsHVYTZR1maL5l9w')).toBeUndefined();
  });

  const url = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
  const page = result(url);
  const oembed = (status: number, text: string) => result('https://www.youtube.com/oembed', { status, body: { text, bytes: text.length, truncated: false } });

  it('404 means deleted: dead/video-unavailable', () => {
    const verdict = diagnose(input(url, page, { [OEMBED_FOLLOW_UP]: oembed(404, 'Not Found') }), SETTINGS);
    expect([verdict.state, verdict.reason]).toEqual(['dead', 'video-unavailable']);
    expect(verdict.httpStatus).toBe(200);
  });

  it.each([
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [200, 'Forbidden'],
  ])('%i "%s" means private or not embeddable: suspicious/video-restricted', (status, text) => {
    const verdict = diagnose(input(url, page, { [OEMBED_FOLLOW_UP]: oembed(status, text) }), SETTINGS);
    expect([verdict.state, verdict.reason]).toEqual(['suspicious', 'video-restricted']);
  });

  it('a JSON answer means available; a failed lookup leaves the page verdict', () => {
    const json = JSON.stringify({ title: 'Andrew Ng: Deep Learning', type: 'video', provider_name: 'YouTube', html: '<iframe></iframe>' });
    expect(diagnose(input(url, page, { [OEMBED_FOLLOW_UP]: oembed(200, json) }), SETTINGS).state).toBe('alive');
    expect(diagnose(input(url, page, { [OEMBED_FOLLOW_UP]: oembed(503, 'oops') }), SETTINGS).state).toBe('alive');
  });
});

describe('edit distance with a cap', () => {
  it('reports more than the cap, never the cap itself, when it gives up early', () => {
    expect(editDistance('free-books', 'courses', 7)).toBeGreaterThan(7);
    expect(editDistance('free-books', 'free-online-books', 7)).toBe(7);
  });
});
