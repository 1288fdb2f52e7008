/**
 * User families from the config file, all three kinds, through the library and through the built binary: the
 * shipped CLI reads `knownDead` from linkrot.config.json and fetches through HTTP_PROXY (the simulated web), so
 * real family links keep their host names while nothing leaves 127.0.0.1.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { diagnose, loadRules } from '../../src/diagnose/index.js';
import { validateReport } from '../../src/report/index.js';
import type { TestServer } from '../helpers/servers.js';
import { runCli } from '../cli/run-cli.js';
import { FAMILY_WEB } from './families-shapes.js';
import { article, page, startWeb } from './families-web.js';
import { html, input, redirected, result, SETTINGS } from './helpers.js';

/** One family of each kind, as a user would write them. */
const USER_FAMILIES = [
  {
    id: 'team-wiki',
    name: 'Team wiki',
    hosts: ['wiki.corp.example'],
    applies: 'on-gone-answer',
    goneAnswer: { status: [410], body: 'this page was retired' },
    explanation: 'the team wiki retires pages instead of deleting them',
    source: 'https://wiki.corp.example/Help/Retired_pages',
    sourceDate: '2021-04',
  },
  {
    id: 'old-docs',
    name: 'Old docs site',
    hosts: ['docs.corp.example'],
    state: 'moved',
    ended: '2022-05',
    explanation: 'the docs moved to docs.example.org',
    suggest: { url: 'https://docs.example.org{path}', note: 'the same page on the new docs site' },
  },
  { id: 'old-forum', name: 'Old forum', hosts: ['forum.corp.example'], ended: '2019', explanation: 'the forum was closed' },
];

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-families-'));
  return () => rm(dir, { recursive: true, force: true });
});

describe('user families in the config file', () => {
  it('are accepted by the schema and judge links like built-in ones', async () => {
    await writeFile(join(dir, 'linkrot.config.json'), JSON.stringify({ knownDead: USER_FAMILIES }));
    const { config } = await loadConfig({ cwd: dir });
    const settings = { ...SETTINGS, rules: loadRules(config.knownDead) };

    const retired = 'https://wiki.corp.example/Build/Howto';
    const gone = diagnose(input(retired, result(retired, { status: 410, ...html('<html><body><p>This page was retired in 2021.</p></body></html>') })), settings);
    expect([gone.state, gone.reason, gone.family]).toEqual(['dead', 'known-dead', 'team-wiki']);
    // A 410 without the wiki's own words is still dead, by the generic rule, and not explained by the family.
    const plain = diagnose(input(retired, result(retired, { status: 410 })), settings);
    expect([plain.state, plain.reason, plain.family]).toEqual(['dead', 'http-410', undefined]);
    const live = diagnose(input(retired, result(retired, html('<html><head><title>Howto</title></head><body><h1>Howto</h1><p>This page was retired? No: it is current.</p></body></html>'))), settings);
    expect(live.state).toBe('alive');

    const old = 'https://docs.corp.example/guide/install';
    const moved = diagnose(input(old, redirected(old, [[old, 302]], 'https://docs.example.org/')), settings);
    expect([moved.state, moved.family]).toEqual(['suspicious', 'old-docs']);
    expect(moved.detail).toMatch(/^The docs moved to docs\.example\.org \(Old docs site, moved 2022-05\)\. The link redirects/);
    expect(moved.suggestions[0]).toEqual({ kind: 'moved', url: 'https://docs.example.org/guide/install', note: 'the same page on the new docs site' });

    const forum = 'https://forum.corp.example/t/123';
    expect(diagnose(input(forum, result(forum)), settings)).toMatchObject({ state: 'dead', reason: 'known-dead', family: 'old-forum' });
  });

  it.each([
    [{ ...USER_FAMILIES[0], goneAnswer: undefined }, 'needs a `goneAnswer`'],
    [{ ...USER_FAMILIES[2], goneAnswer: { status: [404] } }, '`goneAnswer` goes with `applies: "on-gone-answer"`'],
    [{ ...USER_FAMILIES[0], goneAnswer: {} }, 'at least one of'],
    [{ ...USER_FAMILIES[0], goneAnswer: { status: [] } }, '`goneAnswer.status`'],
    [{ ...USER_FAMILIES[0], goneAnswer: { body: '([' } }, '`goneAnswer.body` is not a valid regular expression'],
    [{ ...USER_FAMILIES[0], goneAnswer: { header: 'x' } }, 'unknown key `goneAnswer.header`'],
    [{ ...USER_FAMILIES[2], state: 'gone' }, '`state` must be "dead", "blocked" or "moved"'],
    [{ ...USER_FAMILIES[2], sourceDate: 'last spring' }, '`sourceDate`'],
  ])('a bad family is one config error naming the entry (%#)', (family, problem) => {
    const message = expect.stringMatching(new RegExp(`^Invalid known-dead family at \`knownDead\\[0\\]\`: .*${escapeRegExp(problem)}`));
    expect(() => loadRules([family])).toThrow(expect.objectContaining({ code: 'LINKROT_CONFIG_INVALID', message }));
  });

  it.each([
    [{ goneAnswer: { status: [404], colour: 'red' } }, '`colour`'],
    [{ goneAnswer: { body: '([' } }, '`knownDead[0].goneAnswer.body` is not a valid regular expression'],
    [{ state: 'vanished' }, 'knownDead[0].state'],
  ])('the config file is checked too (%#)', async (patch, problem) => {
    await writeFile(join(dir, 'linkrot.config.json'), JSON.stringify({ knownDead: [{ ...USER_FAMILIES[0], ...patch }] }));
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(problem);
  });
});

describe('families in the shipped binary', () => {
  let web: TestServer;
  beforeAll(async () => {
    web = await startWeb({
      ...FAMILY_WEB,
      'http://wiki.corp.example/Build/Howto': page(410, '<html><head><title>Retired</title></head><body><p>This page was retired in 2021.</p></body></html>'),
      'http://wiki.corp.example/Build/Current': article('Current build notes'),
      // The Wayback CDX answer for the deleted imgur image: one capture from before the post.
      'http://web.archive.sim/cdx/search/cdx?url=http%3A%2F%2Fi.imgur.com%2FGone123.jpg*': page(
        200,
        '[["timestamp","original","statuscode","mimetype"],["20150101000000","http://i.imgur.com/Gone123.jpg","200","image/jpeg"]]',
        'application/json',
      ),
      'http://web.archive.sim/cdx/*': page(200, '[]', 'application/json'),
    });
  });
  afterAll(async () => {
    await web.close();
  });

  it('reports platform, shut-down, moved and user families with what the services answered', async () => {
    const post = join(dir, '2016-03-01-links.md');
    await writeFile(
      post,
      [
        '---',
        'title: Links',
        'date: 2016-03-01',
        '---',
        '![chart](http://i.imgur.com/Gone123.jpg) ![photo](http://i.imgur.com/Live456.jpg)',
        'The [demo](http://rionbr.github.io/distanceclosure/), the [app](http://live-demo.herokuapp.com/) and',
        'the [docs](http://docs.microsoft.com/en-us/dotnet/csharp/), my [profile](http://plus.google.com/+SomeUser/posts/abc123),',
        'the [wiki howto](http://wiki.corp.example/Build/Howto) and [notes](http://wiki.corp.example/Build/Current).',
        '',
      ].join('\n'),
    );
    await writeFile(join(dir, 'linkrot.config.json'), JSON.stringify({ knownDead: USER_FAMILIES }));
    const out = join(dir, 'report.json');
    const run = await runCli(['check', '--format', 'json', '--output', out, '--archive-url', 'http://web.archive.sim', post], {
      cwd: dir,
      env: { HTTP_PROXY: web.origin },
      timeoutMs: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(await readFile(out, 'utf8')) as { files: Array<{ links: Array<{ url: string; state: string; reason: string; family?: string; suggestions: Array<{ kind: string; url: string }> }> }> };
    expect(validateReport(report)).toEqual([]);
    // The binary went through the simulated web (absolute-form requests to the proxy), never anywhere else.
    expect(web.received.map((request) => request.url)).toContain('http://i.imgur.com/Gone123.jpg');
    const byUrl = new Map(report.files[0]!.links.map((entry) => [entry.url, entry]));
    const summary = (url: string): unknown => {
      const entry = byUrl.get(url);
      return entry === undefined ? undefined : [entry.state, entry.reason, entry.family ?? null];
    };
    expect(summary('http://i.imgur.com/Gone123.jpg')).toEqual(['dead', 'known-dead', 'imgur-removed']);
    expect(byUrl.get('http://i.imgur.com/Gone123.jpg')!.suggestions.map((s) => s.kind)).toContain('archive');
    expect(summary('http://i.imgur.com/Live456.jpg')).toEqual(['alive', 'ok', null]);
    expect(summary('http://rionbr.github.io/distanceclosure/')).toEqual(['dead', 'known-dead', 'github-pages-no-site']);
    expect(summary('http://live-demo.herokuapp.com/')).toEqual(['alive', 'ok', null]);
    expect(summary('http://docs.microsoft.com/en-us/dotnet/csharp/')).toEqual(['redirected', 'redirect-permanent', 'docs-microsoft']);
    expect(summary('http://plus.google.com/+SomeUser/posts/abc123')).toEqual(['dead', 'known-dead', 'google-plus']);
    expect(summary('http://wiki.corp.example/Build/Howto')).toEqual(['dead', 'known-dead', 'team-wiki']);
    expect(summary('http://wiki.corp.example/Build/Current')).toEqual(['alive', 'ok', null]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
