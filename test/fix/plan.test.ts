import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/extract/index.js';
import { applyEdits, chooseSuggestion, planFixes } from '../../src/fix/index.js';
import type { CheckedLink, LinkSyntax, SuggestionKind } from '../../src/model.js';
import { referenceFile, referenceLinks } from '../report/realistic-report.js';

const ALL: SuggestionKind[] = ['archive', 'moved', 'https', 'clean'];

/** A dead link whose URL characters are `raw`, found at its `occurrence`-th place in `source`. */
function deadAt(source: string, raw: string, url: string, syntax: LinkSyntax, replacement: string, occurrence = 0): CheckedLink {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = source.indexOf(raw, start + 1);
  if (start < 0) throw new Error(`fixture: ${raw} not in source`);
  const line = source.slice(0, start).split('\n').length;
  return {
    url,
    kind: syntax,
    syntax,
    text: 't',
    line,
    column: 1,
    offset: { start, end: start + raw.length },
    ...(syntax === 'html' ? { html: { tag: 'a', attr: 'href' } } : {}),
    state: 'dead',
    reason: 'http-404',
    detail: '404',
    suggestions: [{ kind: 'archive', url: replacement, timestamp: '20170101000000' }],
  };
}

describe('chooseSuggestion', () => {
  const base = deadAt('[a](http://x.test/)', 'http://x.test/', 'http://x.test/', 'link', 'https://web.archive.org/web/2017/http://x.test/');
  it('takes the archive for dead links, the new address for permanent redirects, https/clean for working links', () => {
    expect(chooseSuggestion(base, ALL)?.kind).toBe('archive');
    expect(chooseSuggestion(base, ['moved', 'https'])).toBeUndefined();
    const moved: CheckedLink = { ...base, state: 'redirected', reason: 'redirect-permanent', suggestions: [{ kind: 'https', url: 'https://x.test/' }, { kind: 'moved', url: 'https://y.test/' }] };
    expect(chooseSuggestion(moved, ALL)?.url).toBe('https://y.test/');
    expect(chooseSuggestion(moved, ['https'])?.url).toBe('https://x.test/');
    expect(chooseSuggestion({ ...moved, reason: 'redirect-temporary' }, ALL)).toBeUndefined();
    const alive: CheckedLink = { ...base, state: 'alive', reason: 'ok', suggestions: [{ kind: 'clean', url: 'http://x.test/' }, { kind: 'archive', url: 'https://a.test/' }] };
    expect(chooseSuggestion(alive, ALL)?.kind).toBe('clean');
    expect(chooseSuggestion({ ...base, state: 'unreachable', reason: 'timeout' }, ALL)).toBeUndefined();
  });
});

describe('planFixes on the reference post', () => {
  it('replaces exactly the chosen URLs and nothing else', () => {
    const { source } = referenceLinks();
    const file = referenceFile();
    const edits = planFixes(source, file.links, ALL);
    expect(edits.map((edit) => [edit.line, edit.kind])).toEqual([
      [57, 'moved'],
      [70, 'moved'],
      [73, 'archive'],
      [85, 'archive'],
      [105, 'clean'],
      [180, 'archive'],
    ]);
    for (const edit of edits) expect(source.slice(edit.start, edit.end)).toBe(edit.from);
    const fixed = applyEdits(source, edits);
    expect(fixed).toContain('[Google+ Deep Learning Community](https://web.archive.org/web/20170215093012/https://plus.google.com/communities/112866381580457264725)');
    expect(fixed).toContain('(http://www.nytimes.com/2016/03/16/world/asia/korea-alphago-vs-lee-sedol-go.html)');
    // everything outside the spans is unchanged
    let at = 0;
    let shift = 0;
    for (const edit of edits) {
      expect(fixed.slice(at + shift, edit.start + shift)).toBe(source.slice(at, edit.start));
      shift += edit.to.length - (edit.end - edit.start);
      at = edit.end;
    }
    expect(fixed.slice(at + shift)).toBe(source.slice(at));
    expect(planFixes(source, file.links, ['moved']).map((edit) => edit.line)).toEqual([57, 70]);
  });
});

describe('planFixes escaping per context', () => {
  const archived = (url: string): string => `https://web.archive.org/web/20170101000000/${url}`;

  it('keeps a CRLF + BOM file byte for byte outside the spans, references fixed once in their definition', () => {
    const source = '\uFEFF# T\r\n\r\nSee [a][ref] and [b][ref] and <http://dead.test/auto>.\r\n\r\n[ref]: http://dead.test/ref "Title"\r\n';
    const definition = deadAt(source, 'http://dead.test/ref', 'http://dead.test/ref', 'reference', archived('http://dead.test/ref'));
    const links = [definition, { ...definition, line: 3 }, deadAt(source, 'http://dead.test/auto', 'http://dead.test/auto', 'autolink', archived('http://dead.test/auto'))];
    const edits = planFixes(source, links, ALL);
    expect(edits).toHaveLength(2);
    expect(applyEdits(source, edits)).toBe(
      '\uFEFF# T\r\n\r\nSee [a][ref] and [b][ref] and <https://web.archive.org/web/20170101000000/http://dead.test/auto>.\r\n\r\n[ref]: https://web.archive.org/web/20170101000000/http://dead.test/ref "Title"\r\n',
    );
  });

  it('escapes what would end or change an inline destination', () => {
    const source = '[x](http://dead.test/a\\_b) [y](<http://dead.test/c d>) [z](http://dead.test/&amp;)\n';
    const links = [
      deadAt(source, 'http://dead.test/a\\_b', 'http://dead.test/a_b', 'link', 'https://w.test/a_(b'),
      deadAt(source, 'http://dead.test/c d', 'http://dead.test/c d', 'link', 'https://w.test/<c>\\'),
      deadAt(source, 'http://dead.test/&amp;', 'http://dead.test/&', 'link', 'https://w.test/?a=1&copy;'),
    ];
    expect(applyEdits(source, planFixes(source, links, ALL))).toBe(
      '[x](https://w.test/a_\\(b) [y](<https://w.test/\\<c\\>\\\\>) [z](https://w.test/?a=1\\&copy;)\n',
    );
  });

  it('writes HTML attributes with the entities their quoting needs', () => {
    const source = '<a href="http://dead.test/?a=1&amp;b=2">x</a> <img src=\'http://dead.test/i.png\'> <a href=http://dead.test/u>u</a>\n';
    const links = [
      deadAt(source, 'http://dead.test/?a=1&amp;b=2', 'http://dead.test/?a=1&b=2', 'html', 'https://w.test/?a=1&b="2"'),
      deadAt(source, 'http://dead.test/i.png', 'http://dead.test/i.png', 'html', "https://w.test/it's.png"),
      deadAt(source, 'http://dead.test/u', 'http://dead.test/u', 'html', 'https://w.test/u?x=1&y=2'),
    ];
    expect(applyEdits(source, planFixes(source, links, ALL))).toBe(
      '<a href="https://w.test/?a=1&amp;b=&quot;2&quot;">x</a> <img src=\'https://w.test/it&#39;s.png\'> <a href="https://w.test/u?x=1&amp;y=2">u</a>\n',
    );
  });

  it('keeps a bare URL bare when GFM reads it back whole, else makes it an autolink', () => {
    const source = 'Go to http://dead.test/a now, or www.dead.test/b.\n';
    const links = [
      deadAt(source, 'http://dead.test/a', 'http://dead.test/a', 'bare', 'https://web.archive.org/web/2017/http://dead.test/a'),
      deadAt(source, 'www.dead.test/b', 'http://www.dead.test/b', 'bare', 'https://w.test/b.'),
    ];
    expect(applyEdits(source, planFixes(source, links, ALL))).toBe('Go to https://web.archive.org/web/2017/http://dead.test/a now, or <https://w.test/b.>.\n');
  });

  it('skips a span whose text is not what was extracted, and unknown entities', () => {
    const source = '[a](http://other.test/) [b](http://dead.test/&weird;)\n';
    const links = [
      { ...deadAt(source, 'http://other.test/', 'http://dead.test/', 'link', 'https://w.test/') },
      deadAt(source, 'http://dead.test/&weird;', 'http://dead.test/?', 'link', 'https://w.test/'),
    ];
    expect(planFixes(source, links, ALL)).toEqual([]);
  });
});

/**
 * A fix into a GFM table cell: a `|` in the new URL would end the cell (GFM spec 0.29, example 200). Google Fonts'
 * stylesheet URLs join families with `|` (`css?family=Roboto|Open+Sans`, the form its embed code gave until the
 * css2 API of 2020), so their archive copies carry one too.
 */
describe('--fix in a table cell', () => {
  const OLD = 'http://fonts.example.com/css?family=Roboto';
  const NEW = 'https://web.archive.org/web/20170101000000/http://fonts.example.com/css?family=Roboto|Open+Sans';
  const SOURCE = [
    'Fonts: [the stylesheet](http://fonts.example.com/css?family=Roboto)',
    '',
    '| Where | Link |',
    '| --- | --- |',
    '| link | [the stylesheet](http://fonts.example.com/css?family=Roboto) |',
    '| angle | [the stylesheet](<http://fonts.example.com/css?family=Roboto>) |',
    '| autolink | <http://fonts.example.com/css?family=Roboto> |',
    '| bare | http://fonts.example.com/css?family=Roboto |',
    '| html | <a href="http://fonts.example.com/css?family=Roboto">the stylesheet</a> |',
    '',
  ].join('\n');

  function deadLinks(source: string): CheckedLink[] {
    return extractLinks(source).links.map((link) => ({ ...link, state: 'dead', reason: 'http-404', detail: '404', suggestions: [{ kind: 'archive', url: NEW, timestamp: '20170101000000' }] }));
  }

  it('writes each `|` as `\\|` in a cell and as itself outside one; every parser then reads the new URL in a whole table', () => {
    const links = extractLinks(SOURCE).links;
    expect(links.map((link) => [link.url, link.inTableCell ?? false])).toEqual([[OLD, false], ...Array.from({ length: 5 }, () => [OLD, true])]);
    const fixed = applyEdits(SOURCE, planFixes(SOURCE, deadLinks(SOURCE), ALL));
    expect(fixed.split('\n')[0]).toBe(`Fonts: [the stylesheet](${NEW})`);
    expect(fixed.split('\n').slice(4, 9).every((row) => row.includes('Roboto\\|Open+Sans') && !/[^\\]\|Open/.test(row))).toBe(true);
    // linkrot (micromark) reads every link back as the new URL, still in its cell.
    const again = extractLinks(fixed).links;
    expect(again.map((link) => [link.url, link.inTableCell ?? false])).toEqual([[NEW, false], ...Array.from({ length: 5 }, () => [NEW, true])]);
    // A second --fix run finds nothing left to do, and the spans it would edit read back as what was written.
    expect(planFixes(fixed, again.map((link) => ({ ...link, state: 'dead', reason: 'http-404', detail: '404', suggestions: [{ kind: 'archive', url: NEW }] })), ALL)).toEqual([]);
  });

  it.skipIf(!hasCmarkGfm())('GitHub\'s parser (cmark-gfm) keeps two cells per row and links the new URL', () => {
    const fixed = applyEdits(SOURCE, planFixes(SOURCE, deadLinks(SOURCE), ALL));
    const html = execFileSync('cmark-gfm', ['-e', 'table', '-e', 'autolink', '--unsafe'], { input: fixed, encoding: 'utf8' });
    const rows = html.split('<tr>').slice(2);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.match(/<td>/g)).toHaveLength(2);
    // cmark-gfm writes the `|` of a Markdown link's href as `%7C` (the same URL); the raw HTML one as it is.
    expect(html.match(/href="([^"]*)"/g)?.map((href) => href.replace(/%7C/g, '|'))).toEqual(Array.from({ length: 6 }, () => `href="${NEW}"`));
  });
});

function hasCmarkGfm(): boolean {
  try {
    execFileSync('cmark-gfm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
