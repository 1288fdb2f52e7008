import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkrotError } from '../../src/errors.js';
import type { ExtractedFile, Link, LinkKind } from '../../src/model.js';
import { interleaveByHost, normalizeUrl, planChecks } from '../../src/plan/index.js';

function link(url: string, kind: LinkKind = 'link', resolved?: string): Link {
  return {
    url,
    kind,
    syntax: kind === 'mailto' || kind === 'relative' ? 'link' : kind === 'template' ? 'template' : kind,
    text: 'text',
    line: 1,
    column: 1,
    offset: { start: 0, end: url.length },
    ...(resolved === undefined ? {} : { resolved }),
  };
}

const settings = { exclude: [], allowPrivate: false };

describe('normalizeUrl', () => {
  it.each([
    ['HTTP://Example.COM:80/a/../b?x=1#frag', 'http://example.com/b?x=1'],
    ['https://example.com:443', 'https://example.com/'],
    ['https://user:pass@example.com/p', 'https://example.com/p'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
    ['http://0x7f.1/', 'http://127.0.0.1/'],
    ['http://[::FFFF:127.0.0.1]:8080/x', 'http://[::ffff:7f00:1]:8080/x'],
    ['  https://example.com/a b ', 'https://example.com/a%20b'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeUrl(raw)).toBe(expected);
  });

  it.each(['mailto:a@example.com', 'ftp://example.com/', 'not a url', '/relative', 'http://', 'javascript:alert(1)'])(
    'refuses %s',
    (raw) => {
      expect(normalizeUrl(raw)).toBeUndefined();
    },
  );
});

describe('interleaveByHost', () => {
  it('takes one URL per host per round, keeping first-seen order', () => {
    const urls = ['https://a.test/1', 'https://a.test/2', 'https://a.test/3', 'https://b.test/1', 'https://c.test/1', 'https://b.test/2'];
    expect(interleaveByHost(urls)).toEqual([
      'https://a.test/1', 'https://b.test/1', 'https://c.test/1', 'https://a.test/2', 'https://b.test/2', 'https://a.test/3',
    ]);
  });
});

describe('planChecks', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkrot-plan-'));
    await mkdir(join(dir, '_posts'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, '_posts', 'diagram one.png'), 'x');
    await writeFile(join(dir, 'assets', 'logo.png'), 'x');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('makes one request per URL and keeps every occurrence with its own fragment', async () => {
    const files: ExtractedFile[] = [
      { path: 'a.md', links: [link('http://arxiv.org/abs/1406.2661'), link('http://arxiv.org/abs/1406.2661#sec2'), link('https://example.com/x')] },
      { path: 'b.md', links: [link('HTTP://ARXIV.org/abs/1406.2661#top')] },
    ];
    const plan = await planChecks(files, settings);
    expect(plan.requests).toEqual(['http://arxiv.org/abs/1406.2661', 'https://example.com/x']);
    expect(plan.links.map((entry) => [entry.file, entry.index, entry.request, entry.fragment])).toEqual([
      [0, 0, 'http://arxiv.org/abs/1406.2661', undefined],
      [0, 1, 'http://arxiv.org/abs/1406.2661', 'sec2'],
      [0, 2, 'https://example.com/x', undefined],
      [1, 0, 'http://arxiv.org/abs/1406.2661', 'top'],
    ]);
    expect(plan.links.every((entry) => entry.verdict === undefined)).toBe(true);
  });

  it('skips what must not be fetched, each with its reason', async () => {
    const files: ExtractedFile[] = [
      {
        path: 'a.md',
        links: [
          link('mailto:me@example.com', 'mailto'),
          link('tel:+123', 'link'),
          link('ftp://ftp.example.com/file', 'link'),
          link('{{ site.url }}/x', 'template'),
          link('https://exclude.me/page'),
          link('http://127.0.0.1:4000/'),
          link('http://[::1]/'),
          link('http://169.254.169.254/latest/meta-data/'),
          link('http://[::ffff:10.0.0.1]/'),
          link('http://intranet/wiki'),
          link('http://localhost:3000/'),
          link('https://exa mple.com/', 'link'),
        ],
      },
    ];
    const plan = await planChecks(files, { exclude: ['^https://exclude\\.me/'], allowPrivate: false });
    expect(plan.links.map((entry) => entry.verdict?.reason)).toEqual([
      'mailto', 'unsupported-scheme', 'unsupported-scheme', 'template', 'excluded', 'private-address', 'private-address',
      'private-address', 'private-address', 'private-address', 'private-address', 'invalid-url',
    ]);
    expect(plan.links.every((entry) => entry.verdict?.state === 'skipped' && entry.request === undefined)).toBe(true);
    expect(plan.requests).toEqual([]);
  });

  it('fetches private addresses when allowed', async () => {
    const plan = await planChecks([{ path: 'a.md', links: [link('http://127.0.0.1:4000/x')] }], { exclude: [], allowPrivate: true });
    expect(plan.requests).toEqual(['http://127.0.0.1:4000/x']);
  });

  it('matches excludes against the URL as written and as normalised', async () => {
    const plan = await planChecks([{ path: 'a.md', links: [link('HTTPS://Twitter.com/someone'), link('https://x.com/y')] }], {
      exclude: ['twitter\\.com'],
      allowPrivate: false,
    });
    expect(plan.links.map((entry) => entry.verdict?.reason)).toEqual(['excluded', undefined]);
  });

  it('refuses an invalid exclude pattern with a usage error', async () => {
    await expect(planChecks([], { exclude: ['(unclosed'], allowPrivate: false })).rejects.toSatisfy(
      (error) => error instanceof LinkrotError && error.code === 'LINKROT_USAGE',
    );
  });

  it('checks relative links on disk, beside the post and under the root directory', async () => {
    const post = join(dir, '_posts', '2017-03-01-post.md');
    const files: ExtractedFile[] = [
      {
        path: post,
        links: [
          link('diagram%20one.png', 'relative'),
          link('/assets/logo.png?v=2#x', 'relative'),
          link('missing.png', 'relative'),
          link('#heading', 'relative'),
          link('/nowhere/page/', 'relative', 'https://blog.example.com/nowhere/page/'),
        ],
      },
    ];
    const plan = await planChecks(files, { exclude: [], allowPrivate: false, rootDir: dir });
    expect(plan.links.map((entry) => entry.verdict && `${entry.verdict.state}/${entry.verdict.reason}`)).toEqual([
      'alive/ok', 'alive/ok', 'dead/file-missing', 'alive/ok', undefined,
    ]);
    expect(plan.links[1]?.fragment).toBe('x');
    expect(plan.links[3]?.fragment).toBe('heading');
    expect(plan.requests).toEqual(['https://blog.example.com/nowhere/page/']);
  });

  it('cannot find a root-relative file without the root directory', async () => {
    const plan = await planChecks([{ path: join(dir, '_posts', 'p.md'), links: [link('/assets/logo.png', 'relative')] }], settings);
    expect(plan.links[0]?.verdict).toMatchObject({ state: 'dead', reason: 'file-missing' });
  });
});
