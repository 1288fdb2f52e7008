import { describe, expect, it } from 'vitest';
import { cleanUrl, diagnose, hygieneSuggestions, KNOWN_DEAD_FAMILIES, loadRules } from '../../src/diagnose/index.js';
import { isLinkrotError } from '../../src/errors.js';
import { html, input, redirected, result, SETTINGS } from './helpers.js';

describe('known-dead families', () => {
  it('Google+ is dead/known-dead and still shows what the server answered', () => {
    const url = 'https://plus.google.com/communities/112866381580457264725';
    const verdict = diagnose(input(url, result(url, { status: 404, method: 'HEAD' })), SETTINGS);
    expect([verdict.state, verdict.reason, verdict.family]).toEqual(['dead', 'known-dead', 'google-plus']);
    expect(verdict.httpStatus).toBe(404);
    expect(verdict.detail).toContain('2019-04-02');
    expect(verdict.detail).toContain('404 Not Found');
  });

  it('Google Code suggests the deterministic archive URL', () => {
    const url = 'https://code.google.com/p/word2vec/';
    const verdict = diagnose(input(url, redirected(url, [[url, 301]], 'https://code.google.com/archive/p/word2vec')), SETTINGS);
    expect(verdict.family).toBe('google-code');
    expect(verdict.suggestions[0]).toMatchObject({ kind: 'moved', url: 'https://code.google.com/archive/p/word2vec' });
  });

  it('a classic Google Site that still works is not judged by the family', () => {
    const url = 'https://sites.google.com/site/mostafasibrahim/';
    const page = '<html><head><title>Mostafa S. Ibrahim</title></head><body><h1>Mostafa S. Ibrahim</h1><p>' + 'Research in computer vision and deep learning. '.repeat(10) + '</p></body></html>';
    expect(diagnose(input(url, result(url, html(page))), SETTINGS).state).toBe('alive');
    const gone = diagnose(input(url, result(url, { status: 404 })), SETTINGS);
    expect([gone.reason, gone.family]).toEqual(['known-dead', 'google-sites-classic']);
  });

  it('a retired Coursera course that redirects to the catalogue is known-dead', () => {
    const url = 'https://www.coursera.org/learn/neural-networks';
    const verdict = diagnose(input(url, redirected(url, [[url, 302]], 'https://www.coursera.org/courses?query=neural%20networks')), SETTINGS);
    expect([verdict.state, verdict.reason, verdict.family]).toEqual(['dead', 'known-dead', 'coursera-retired-course']);
    expect(verdict.finalUrl).toBe('https://www.coursera.org/courses?query=neural%20networks');
  });

  it('a live Coursera course is alive', () => {
    const url = 'https://www.coursera.org/learn/machine-learning';
    const page = '<html><head><title>Machine Learning | Coursera</title></head><body><h1>Machine Learning</h1><p>' + 'Learn the fundamentals of machine learning. '.repeat(10) + '</p></body></html>';
    expect(diagnose(input(url, result(url, html(page))), SETTINGS).state).toBe('alive');
  });

  it('twitter.com is a login wall with the x.com address as the new home', () => {
    const url = 'https://twitter.com/ColorizeBot';
    const verdict = diagnose(input(url, redirected(url, [[url, 301]], 'https://x.com/ColorizeBot')), SETTINGS);
    expect([verdict.state, verdict.reason, verdict.family]).toEqual(['blocked', 'login-wall', 'twitter']);
    expect(verdict.suggestions).toEqual([{ kind: 'moved', url: 'https://x.com/ColorizeBot', note: 'the same page on x.com (Twitter was renamed X)' }]);
    const gone = diagnose(input(url, result(url, { status: 404 })), SETTINGS);
    expect(gone.reason).toBe('http-404');
  });

  it('every built-in family has an id, an explanation and a source', () => {
    for (const family of KNOWN_DEAD_FAMILIES) {
      expect(family.id).toMatch(/^[a-z0-9-]+$/);
      expect(family.explanation.length).toBeGreaterThan(10);
      expect(family.source).toMatch(/^https:\/\//);
    }
    expect(KNOWN_DEAD_FAMILIES.map((family) => family.id)).toEqual(
      expect.arrayContaining(['google-plus', 'google-sites-classic', 'google-code', 'goo-gl', 'yahoo-groups', 'delicious', 'coursera-old-platform', 'twitter']),
    );
  });

  it('user families merge in and replace a built-in one with the same id', () => {
    const rules = loadRules([
      { id: 'old-wiki', name: 'Old Wiki', hosts: ['wiki.example.org'], ended: '2020-01', explanation: 'the team wiki moved to Confluence', suggest: { url: 'https://docs.example.org{path}' } },
      { id: 'yahoo-groups', name: 'Yahoo Groups', hosts: ['groups.yahoo.com'], explanation: 'gone for good' },
    ]);
    const url = 'https://wiki.example.org/Build/Howto';
    const verdict = diagnose(input(url, result(url)), { ...SETTINGS, rules });
    expect([verdict.reason, verdict.family]).toEqual(['known-dead', 'old-wiki']);
    expect(verdict.suggestions[0]?.url).toBe('https://docs.example.org/Build/Howto');
    expect(rules.families.filter((family) => family.id === 'yahoo-groups')).toHaveLength(1);
    expect(rules.families.find((family) => family.id === 'yahoo-groups')?.explanation).toBe('gone for good');
  });

  it.each([
    [{ id: 'Bad Id', name: 'x', hosts: ['a.example'], explanation: 'x' }, '`id`'],
    [{ id: 'x', name: 'x', hosts: [], explanation: 'x' }, '`hosts`'],
    [{ id: 'x', name: 'x', hosts: ['a.example'], explanation: 'x', pathPattern: '([' }, '`pathPattern`'],
    [{ id: 'x', name: 'x', hosts: ['a.example'], explanation: 'x', colour: 'red' }, 'unknown key `colour`'],
    [{ id: 'x', name: 'x', hosts: ['a.example'], explanation: 'x', ended: 'last year' }, '`ended`'],
  ])('rejects an invalid user family with a one-line config error', (family, problem) => {
    try {
      loadRules([family]);
      expect.unreachable();
    } catch (error) {
      expect(isLinkrotError(error) && error.code).toBe('LINKROT_CONFIG_INVALID');
      expect((error as Error).message).toContain(problem);
      expect((error as Error).message).toContain('knownDead[0]');
    }
  });
});

describe('hygiene suggestions', () => {
  it('cleans HubSpot tracking from a nytimes link on top of its https move', () => {
    const url = 'http://www.nytimes.com/2016/03/16/world/asia/korea-alphago-vs-lee-sedol-go.html?__hstc=13887208.2c86&__hssc=13887208.1.1473023471844&__hsfp=1720600770';
    const final = url.replace('http:', 'https:');
    const suggestions = hygieneSuggestions(url, redirected(url, [[url, 301]], final), {});
    expect(suggestions).toEqual([
      { kind: 'https', url: final, note: 'the server redirects permanently to https' },
      { kind: 'clean', url: 'https://www.nytimes.com/2016/03/16/world/asia/korea-alphago-vs-lee-sedol-go.html', note: 'without tracking parameters' },
    ]);
  });

  it.each([
    ['https://www.quora.com/How-do-I-learn-NLP/answer/Vivek-Kumar-893?srid=J2jU', 'https://www.quora.com/How-do-I-learn-NLP/answer/Vivek-Kumar-893'],
    ['https://example.com/a?utm_source=twitter&utm_medium=social&id=7', 'https://example.com/a?id=7'],
    ['https://example.com/a?fbclid=IwAR0x&gclid=abc', 'https://example.com/a'],
    ['https://m.youtube.com/playlist?list=PLE6Wd9FR--EfW8dtjAuPoTuPcqmOV53Fu', 'https://www.youtube.com/playlist?list=PLE6Wd9FR--EfW8dtjAuPoTuPcqmOV53Fu'],
    ['https://en.m.wikipedia.org/wiki/Backpropagation', 'https://en.wikipedia.org/wiki/Backpropagation'],
    ['https://example.com/search?q=srid', 'https://example.com/search?q=srid'],
  ])('cleanUrl(%s)', (url, clean) => {
    expect(cleanUrl(url)).toBe(clean);
  });

  it('suggests https when the https variant answered, keeping the fragment', () => {
    const url = 'http://karpathy.example.io/2015/05/21/rnn-effectiveness/';
    const https = result('https://karpathy.example.io/2015/05/21/rnn-effectiveness/');
    const verdict = diagnose(input(url, result(url), { https }, 'sampling'), { ...SETTINGS, fragments: false });
    expect(verdict.state).toBe('alive');
    expect(verdict.suggestions).toEqual([{ kind: 'https', url: 'https://karpathy.example.io/2015/05/21/rnn-effectiveness/#sampling', note: 'the https address answers too' }]);
  });

  it('does not suggest an https variant that failed or fell back to http', () => {
    const url = 'http://old.example.edu/~prof/';
    expect(hygieneSuggestions(url, result(url), { https: result('https://old.example.edu/~prof/', { status: 404 }) })).toEqual([]);
    expect(hygieneSuggestions(url, result(url), { https: redirected('https://old.example.edu/~prof/', [['https://old.example.edu/~prof/', 301]], url) })).toEqual([]);
  });

  it('dead links get no hygiene suggestions', () => {
    const url = 'http://example.com/gone?utm_source=x';
    expect(diagnose(input(url, result(url, { status: 404 }), { https: result('https://example.com/gone?utm_source=x') }), SETTINGS).suggestions).toEqual([]);
  });
});

describe('unpublished classic Google Sites', () => {
  it('a classic site that now sends visitors to the Google sign-in page is known-dead', () => {
    const url = 'https://sites.google.com/site/mostafasibrahim/';
    const signIn = 'https://accounts.google.com/ServiceLogin?continue=https://sites.google.com/site/mostafasibrahim/';
    const verdict = diagnose(input(url, redirected(url, [[url, 302]], signIn)), SETTINGS);
    expect([verdict.state, verdict.reason, verdict.family]).toEqual(['dead', 'known-dead', 'google-sites-classic']);
    expect(verdict.detail).toContain('accounts.google.com');
  });
});
