import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, extractLinks, findJekyllSite } from '../../src/extract/index.js';

describe('Liquid masking', () => {
  it('finds links that only exist after Liquid, without moving any position', () => {
    const source = "Intro {{ page.title }}\n\n[prev]({{ site.baseurl }}{% post_url 2017-01-01-a %}#x) and ![img]({{ '/a.png' | relative_url }}).";
    const { links } = extractLinks(source);
    expect(links.map((link) => [link.url, link.kind, link.syntax, link.line, link.column])).toEqual([
      ['{{ site.baseurl }}{% post_url 2017-01-01-a %}#x', 'template', 'link', 3, 1],
      ["{{ '/a.png' | relative_url }}", 'template', 'image', 3, 61],
    ]);
    for (const link of links) expect(source.slice(link.offset.start, link.offset.end)).toBe(link.url);
  });

  it('keeps Liquid in link text and HTML attributes as written', () => {
    const source = '[{{ page.title }} here](https://example.com/t)\n\n<img src="{{ site.url }}/b.png">';
    const { links } = extractLinks(source);
    expect(links.map((link) => [link.text, link.url, link.kind])).toEqual([
      ['{{ page.title }} here', 'https://example.com/t', 'link'],
      ['', '{{ site.url }}/b.png', 'template'],
    ]);
  });

  it('masks across lines, keeps line numbers, and leaves {% raw %} content alone', () => {
    const source = '{% comment\n  multi-line %}\n[a]({{ x }})\n\n{% raw %}[b]({{ y }}){% endraw %}';
    const { links } = extractLinks(source);
    expect(links.map((link) => [link.url, link.line])).toEqual([['{{ x }}', 3]]);
  });

  it('does not mask in code: a tag in a code span stays code', () => {
    expect(extractLinks('`[a]({{ site.url }})`').links).toEqual([]);
  });
});

describe('Jekyll site resolution', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'linkrot-jekyll-'));
    writeFileSync(join(root, '_config.yml'), 'url: "https://blog.example.com/"\nbaseurl: "/log"\npermalink: /:year/:month/:day/:title.html\n');
    mkdirSync(join(root, '_posts', 'sub'), { recursive: true });
    writeFileSync(join(root, '_posts', '2017-01-01-a.md'), '---\ntitle: A\n---\nA post.\n');
    writeFileSync(join(root, '_posts', 'sub', '2017-02-02-b.markdown'), '---\npermalink: /custom/b/\n---\nB.\n');
    writeFileSync(
      join(root, '_posts', '2018-03-04-post.md'),
      [
        '---',
        'title: "The post"',
        'date: 2018-03-04 23:30:00 -0800',
        '---',
        '[a]({{ site.baseurl }}{% post_url 2017-01-01-a %}#frag)',
        '[b]({% post_url 2017-02-02-b %})',
        "![c]({{ '/assets/c.png' | relative_url }})",
        "[d]({{ 'about/' | absolute_url }})",
        '[e]({{ site.url }}{{ site.baseurl }}/feed.xml)',
        '[f]({% link about.md %})',
        '[g]({% post_url 1999-01-01-missing %})',
        '[h]({{ page.unknown }}/x)',
        '[i](../images/i.png) [j](/top.png)',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads url, baseurl, the permalink and the posts of _config.yml and _posts/', async () => {
    const site = await findJekyllSite(join(root, '_posts', '2018-03-04-post.md'));
    expect(site).toMatchObject({ root, url: 'https://blog.example.com', baseurl: '/log' });
    expect(site?.posts.get('2017-01-01-a')).toBe('/2017/01/01/a.html');
    expect(site?.posts.get('2017-02-02-b')).toBe('/custom/b/');
    expect(await findJekyllSite(join(tmpdir(), 'no-site-here', 'x.md'))).toBeUndefined();
  });

  it('resolves Liquid links, and relative links against the post URL on the site', async () => {
    const file = await extractFile(join(root, '_posts', '2018-03-04-post.md'));
    expect(file).toMatchObject({ title: 'The post', date: '2018-03-04' });
    expect(file.links.map((link) => [link.kind, link.resolved])).toEqual([
      ['relative', 'https://blog.example.com/log/2017/01/01/a.html#frag'],
      ['relative', 'https://blog.example.com/custom/b/'],
      ['relative', 'https://blog.example.com/log/assets/c.png'],
      ['link', 'https://blog.example.com/log/about/'],
      ['link', 'https://blog.example.com/log/feed.xml'],
      ['relative', 'https://blog.example.com/about.html'],
      ['template', undefined],
      ['template', undefined],
      ['relative', 'https://blog.example.com/log/2018/03/images/i.png'],
      ['relative', 'https://blog.example.com/top.png'],
    ]);
  });

  it('lets --base-url win over the site', async () => {
    const file = await extractFile(join(root, '_posts', '2018-03-04-post.md'), { baseUrl: 'https://mirror.example.org/p/' });
    expect(file.links.at(-2)?.resolved).toBe('https://mirror.example.org/images/i.png');
  });
});
