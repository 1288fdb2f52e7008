/**
 * Every built-in site family against the answer its service really gives today, served by a simulated web
 * (a loopback forward proxy, see families-web.ts; the shapes and their sources are in families-shapes.ts)
 * through the real fetcher. For a platform that is still up (an `on-gone-answer`
 * family) a live item must stay alive, and answers that only look alike must not be taken for its "gone" page.
 */
import { readFileSync } from 'node:fs';
import type { Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_DEAD_FAMILIES, loadRules, validateFamily } from '../../src/diagnose/index.js';
import type { State, Verdict } from '../../src/model.js';
import type { TestServer } from '../helpers/servers.js';
import { FAMILY_WEB } from './families-shapes.js';
import { checkLink, startWeb, throughWeb } from './families-web.js';
import { SETTINGS } from './helpers.js';

interface Case {
  /** What the case shows. */
  name: string;
  url: string;
  /** The family the verdict must name, or null for none. */
  family: string | null;
  state: State;
  reason?: string;
  /** A `moved` suggestion the verdict must carry first. */
  moved?: string;
  /** Text the detail must contain. */
  detail?: string;
}

const CASES: Case[] = [
  // Shut down: dead by the family, whatever the answer.
  { name: 'Google+ page that 404s', url: 'http://plus.google.com/+SomeUser/posts/abc123', family: 'google-plus', state: 'dead', reason: 'known-dead', detail: '404 Not Found' },
  { name: 'Google Code project, with the archive address', url: 'http://code.google.com/p/word2vec/', family: 'google-code', state: 'dead', moved: 'https://code.google.com/archive/p/word2vec' },
  { name: 'googlecode.com project host gone from DNS', url: 'http://word2vec.googlecode.com/svn/trunk/README', family: 'google-code-hosting', state: 'dead', detail: 'no longer exists in DNS' },
  { name: 'deactivated goo.gl link', url: 'http://goo.gl/AbCd12', family: 'goo-gl', state: 'dead', reason: 'known-dead' },
  { name: 'goo.gl link that still redirects', url: 'http://goo.gl/Live42', family: null, state: 'redirected' },
  { name: 'unpublished classic Google Site', url: 'http://sites.google.com/site/oldproject/home', family: 'google-sites-classic', state: 'dead' },
  { name: 'Yahoo Groups page', url: 'http://groups.yahoo.com/neo/groups/oldlist/info', family: 'yahoo-groups', state: 'dead' },
  { name: 'del.icio.us bookmark list', url: 'http://del.icio.us/someuser/python', family: 'delicious', state: 'dead' },
  { name: "Coursera's old platform", url: 'http://class.coursera.org/hwswinterface-001/class', family: 'coursera-old-platform', state: 'dead' },
  { name: "Coursera's old /course/ page", url: 'http://www.coursera.org/course/ml', family: 'coursera-old-course-pages', state: 'dead' },
  { name: 'retired Coursera course', url: 'http://www.coursera.org/learn/retired-course', family: 'coursera-retired-course', state: 'dead' },
  { name: 'twitter.com profile', url: 'http://twitter.com/ColorizeBot', family: 'twitter', state: 'blocked', reason: 'login-wall' },
  { name: 'GeoCities page', url: 'http://www.geocities.com/SiliconValley/Lakes/1234/', family: 'geocities', state: 'dead', detail: '2009-10-26' },
  { name: 'GeoCities Japan page', url: 'http://www.geocities.jp/twicli/index_en.html', family: 'geocities-japan', state: 'dead' },
  { name: 'Posterous blog', url: 'http://someone.posterous.com/a-post', family: 'posterous', state: 'dead' },
  { name: 'Storify story', url: 'http://storify.com/bph/wordpress-gutenberg-early-comments', family: 'storify', state: 'dead' },
  { name: 'Vine video', url: 'http://vine.co/v/5lQeQr3bPiB', family: 'vine', state: 'dead' },
  { name: 'Google Reader page', url: 'http://www.google.com/reader/view/', family: 'google-reader', state: 'dead' },
  { name: 'Picasa Web Albums photo', url: 'http://picasaweb.google.com/lh/photo/AbCdEf', family: 'picasa-web-albums', state: 'dead' },
  { name: 'Dropbox Public folder file', url: 'http://dl.dropboxusercontent.com/u/1234567/wordnet.json', family: 'dropbox-public-folder', state: 'dead' },
  { name: 'Mozilla Persona sign-in', url: 'http://login.persona.org/about', family: 'mozilla-persona', state: 'dead' },
  { name: 'Freebase topic', url: 'http://www.freebase.com/m/02mjmr', family: 'freebase', state: 'dead' },
  { name: 'Parse API endpoint', url: 'http://api.parse.com/1/classes/Score', family: 'parse', state: 'dead', detail: '200 OK' },
  { name: 'Fabric roadmap', url: 'http://get.fabric.io/roadmap', family: 'fabric', state: 'dead' },
  { name: 'RawGit file, with the jsDelivr address', url: 'http://cdn.rawgit.com/mathjax/MathJax/2.7.1/MathJax.js', family: 'rawgit', state: 'dead', moved: 'https://cdn.jsdelivr.net/gh/mathjax/MathJax@2.7.1/MathJax.js' },
  { name: 'Bintray download', url: 'http://dl.bintray.com/someone/maven/com/example/lib/1.0/lib-1.0.jar', family: 'bintray', state: 'dead' },
  { name: 'CodePlex project', url: 'http://cscore.codeplex.com/', family: 'codeplex', state: 'dead' },
  { name: 'Stack Overflow Documentation topic', url: 'http://stackoverflow.com/documentation/python/193/getting-started', family: 'stack-overflow-documentation', state: 'dead' },

  // Platforms still up: dead only on their own "gone" answer.
  { name: 'deleted imgur image (redirect to removed.png)', url: 'http://i.imgur.com/Gone123.jpg', family: 'imgur-removed', state: 'dead', reason: 'known-dead', detail: 'removed.png' },
  { name: 'deleted imgur image behind a second hop', url: 'http://i.imgur.com/dWs5fLb.png', family: 'imgur-removed', state: 'dead', reason: 'known-dead' },
  { name: 'live imgur image', url: 'http://i.imgur.com/Live456.jpg', family: null, state: 'alive' },
  { name: 'Heroku "No such app"', url: 'http://registry-old.herokuapp.com/thomasdavis', family: 'heroku-no-such-app', state: 'dead', reason: 'known-dead' },
  { name: `Heroku "There's nothing here, yet."`, url: 'http://doccano.herokuapp.com/', family: 'heroku-no-such-app', state: 'dead', reason: 'known-dead' },
  { name: 'crashed Heroku app is an outage, not gone', url: 'http://todomvc-htmx.herokuapp.com/', family: null, state: 'unreachable' },
  { name: 'live Heroku app', url: 'http://live-demo.herokuapp.com/', family: null, state: 'alive' },
  { name: 'GitHub Pages site gone', url: 'http://rionbr.github.io/distanceclosure/', family: 'github-pages-no-site', state: 'dead', reason: 'known-dead' },
  { name: 'live GitHub Pages post', url: 'http://karpathy.github.io/2015/05/21/rnn-effectiveness/', family: null, state: 'alive' },
  { name: "a live Pages site's own 404", url: 'http://karpathy.github.io/2014/01/01/no-such-post/', family: null, state: 'dead', reason: 'http-404' },
  { name: 'Vercel deployment gone', url: 'http://vue-notion-8gmx6yx8s-mawnir.vercel.app/', family: 'vercel-deployment-gone', state: 'dead', reason: 'known-dead' },
  { name: 'live Vercel deployment without the path', url: 'http://duckduckgo-api.vercel.app/search', family: null, state: 'dead', reason: 'http-404' },
  { name: 'live Vercel deployment', url: 'http://pastemd.vercel.app/', family: null, state: 'alive' },
  { name: 'Netlify site gone', url: 'http://pastemd.netlify.app/', family: 'netlify-not-found', state: 'dead', reason: 'known-dead' },
  { name: 'Netlify page gone', url: 'http://rsangole.netlify.app/post/2017/old-post/', family: 'netlify-not-found', state: 'dead', reason: 'known-dead' },
  { name: 'live Netlify site', url: 'http://rsangole.netlify.app/', family: null, state: 'alive' },
  { name: 'deleted Tumblr blog', url: 'http://blog-twig.tumblr.com/post/12345/release', family: 'tumblr-blog-gone', state: 'dead', reason: 'known-dead' },
  { name: 'live Tumblr blog', url: 'http://fromanotherroom.tumblr.com/', family: null, state: 'alive' },
  { name: 'removed Blogger blog', url: 'http://removedexample.blogspot.com/2012/05/a-post.html', family: 'blogger-blog-removed', state: 'dead', reason: 'known-dead' },
  { name: 'live Blogger post', url: 'http://googleresearch.blogspot.com/2016/03/alphago.html', family: null, state: 'alive' },
  { name: 'live Blogger post quoting the removed-blog message', url: 'http://bloggerhelp.blogspot.com/2019/05/restore-a-deleted-blog.html', family: null, state: 'alive' },
  { name: 'deleted Medium story (410)', url: 'http://medium.com/@kentcdodds/first-timers-only-78281ea47455', family: 'medium-story-deleted', state: 'dead', reason: 'known-dead', detail: '410 Gone' },
  { name: 'live Medium story', url: 'http://medium.com/@karpathy/software-2-0-a64152b37c35', family: null, state: 'alive' },
  { name: 'deleted Google Drive file', url: 'http://drive.google.com/file/d/1CwhDy8SBXaInfY2WdWfgK1wROeUNuesC/view', family: 'google-drive-file-gone', state: 'dead', reason: 'known-dead' },
  { name: 'private Google Doc asks to sign in', url: 'http://docs.google.com/document/d/1PrivateDocId/edit', family: null, state: 'blocked', reason: 'login-wall' },
  { name: 'live Google Sheet', url: 'http://docs.google.com/spreadsheets/d/1LiveSheetId/edit', family: null, state: 'alive' },

  // Moved: the answer decides the state; the family explains and names the successor.
  { name: 'docs.microsoft.com page moved to Learn', url: 'http://docs.microsoft.com/en-us/dotnet/csharp/', family: 'docs-microsoft', state: 'redirected', moved: 'http://learn.microsoft.com/en-us/dotnet/csharp/', detail: 'Microsoft Learn' },
  { name: 'docs.microsoft.com page that did not survive the move', url: 'http://docs.microsoft.com/en-us/dynamics365/business-central/dev-itpro/old-topic', family: 'docs-microsoft', state: 'dead', reason: 'http-404' },
  { name: 'MSDN blog post, with its archive address', url: 'http://blogs.msdn.microsoft.com/ericlippert/2006/04/06/odious-ambiguous-overloads-part-two/', family: 'msdn-blogs', state: 'dead', reason: 'http-404', moved: 'https://learn.microsoft.com/archive/blogs/ericlippert/odious-ambiguous-overloads-part-two' },
  { name: 'MSDN Library page', url: 'http://msdn.microsoft.com/en-us/library/ms173109.aspx', family: 'msdn-technet-library', state: 'redirected', reason: 'redirect-permanent' },
  { name: 'old edX course address', url: 'http://www.edx.org/course/compilers', family: 'edx-course-pages', state: 'redirected', reason: 'redirect-temporary' },
  { name: 'old Udacity course address', url: 'http://www.udacity.com/courses/ud120', family: 'udacity-course-pages', state: 'redirected', reason: 'redirect-permanent' },
];

let web: TestServer;
let dispatcher: Dispatcher;

beforeAll(async () => {
  web = await startWeb(FAMILY_WEB);
  dispatcher = throughWeb(web);
});
afterAll(async () => {
  await dispatcher.close();
  await web.close();
});

describe('site families against the answers their services give', () => {
  it.each(CASES)('$name', async (testCase) => {
    const verdict: Verdict = await checkLink(testCase.url, dispatcher, SETTINGS);
    expect({ state: verdict.state, family: verdict.family ?? null }, verdict.detail).toEqual({ state: testCase.state, family: testCase.family });
    if (testCase.reason !== undefined) expect(verdict.reason).toBe(testCase.reason);
    if (testCase.moved !== undefined) expect(verdict.suggestions[0]).toMatchObject({ kind: 'moved', url: testCase.moved });
    if (testCase.detail !== undefined) expect(verdict.detail).toContain(testCase.detail);
  });

  it('every built-in family is exercised by a case above that names it', () => {
    const named = new Set(CASES.map((testCase) => testCase.family));
    expect(KNOWN_DEAD_FAMILIES.map((family) => family.id).filter((id) => !named.has(id))).toEqual([]);
  });

  it('every platform family has a case for a live item (not dead) on the same platform', () => {
    const rules = loadRules();
    for (const family of KNOWN_DEAD_FAMILIES.filter((f) => f.applies === 'on-gone-answer')) {
      const live = CASES.filter((testCase) => testCase.family === null && testCase.state === 'alive' && rules.families.some((f) => f.id === family.id && f.hosts.some((h) => hostIsPattern(new URL(testCase.url).hostname, h))));
      expect(live.length, family.id).toBeGreaterThan(0);
    }
  });
});

describe('the built-in pack as data', () => {
  it('has at least 30 families, each valid as a user family would be, with a source and a date', () => {
    expect(KNOWN_DEAD_FAMILIES.length).toBeGreaterThanOrEqual(30);
    KNOWN_DEAD_FAMILIES.forEach((family, index) => {
      expect(() => validateFamily(family, `built-in[${index}]`)).not.toThrow();
      expect(family.source, family.id).toMatch(/^https:\/\//);
      expect(family.ended ?? family.sourceDate, family.id).toMatch(/^\d{4}/);
    });
    expect(new Set(KNOWN_DEAD_FAMILIES.map((family) => family.id)).size).toBe(KNOWN_DEAD_FAMILIES.length);
  });

  it('the README table lists every built-in family', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Known-dead site families'), readme.indexOf('### Suggestions'));
    const listed = [...section.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((row) => row[1]);
    expect(listed.sort()).toEqual(KNOWN_DEAD_FAMILIES.map((family) => family.id).sort());
  });

  it('no platform family can make a link dead without a status or redirect condition', () => {
    // A body phrase alone could match an article quoting it: every built-in "gone" answer also needs an error
    // status or the platform's own redirect target.
    for (const family of KNOWN_DEAD_FAMILIES.filter((f) => f.goneAnswer !== undefined)) {
      const gone = family.goneAnswer!;
      const errorStatus = gone.status !== undefined && gone.status.every((status) => status >= 400);
      expect(errorStatus || gone.finalUrl !== undefined, family.id).toBe(true);
    }
  });
});

function hostIsPattern(host: string, pattern: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}
