/**
 * Property: for generated posts (inline links with and without titles, angle destinations, images, references,
 * autolinks, bare URLs, HTML attributes in all three quotings; LF or CRLF; with or without BOM; escapes and
 * Unicode in texts and URLs), fixing every link with a replacement URL and extracting the fixed file again gives
 * the same links, in the same places, with only the chosen URLs replaced — and every other character as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/extract/index.js';
import { applyEdits, planFixes } from '../../src/fix/index.js';
import type { CheckedLink, Link } from '../../src/model.js';

const segment = fc.stringMatching(/^[a-z0-9]{1,6}$/);
const trickySegment = fc.constantFrom('a_b', 'x-y', 'caf\u00e9', '%20', 'p(1)', 'c~d', 'q!', '\u65e5\u672c');
const path = fc.array(fc.oneof(segment, trickySegment), { minLength: 0, maxLength: 3 }).map((parts) => parts.join('/'));
const query = fc.option(fc.constantFrom('?a=1', '?a=1&b=2', '?utm_source=x&id=7', '?q=a+b'), { nil: '' });
const host = fc.constantFrom('dead.test', 'www.old.example.com', 'blog.example.org');
/** An URL as the author wrote it (plain enough to be written in every context without escapes). */
const url = fc.tuple(fc.constantFrom('http', 'https'), host, path, query).map(([scheme, name, p, q]) => `${scheme}://${name}/${p}${q}`);

/** Replacement URLs, some of them needing escapes in some contexts. */
const replacement = fc.oneof(
  url.map((u) => `https://web.archive.org/web/20170101000000/${u}`),
  fc.constantFrom(
    'https://new.example.com/a_(b',
    'https://new.example.com/x?a=1&copy;=2',
    'https://new.example.com/it\'s"quoted"',
    'https://new.example.com/end.',
    'https://new.example.com/back\\slash',
    'https://new.example.com/(paren)',
    'https://new.example.com/\u00e9t\u00e9',
  ),
);

const word = fc.constantFrom('deep', 'learning', 'caf\u00e9', '\u65e5\u672c', 'a\\*b', 'x\\_y', 'A&amp;B', '2017', 'Hello');
const text = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
const label = fc.stringMatching(/^[a-z]{1,5}[0-9]?$/);

type Piece = { markdown: string; definitions: string[] };

function htmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;');
}

const piece: fc.Arbitrary<Piece> = fc.oneof(
  fc.tuple(text, url).map(([t, u]) => ({ markdown: `See [${t}](${u}) now.`, definitions: [] })),
  fc.tuple(text, url, text).map(([t, u, title]) => ({ markdown: `A [${t}](${u} "${title}") link.`, definitions: [] })),
  fc.tuple(text, url).map(([t, u]) => ({ markdown: `An [${t}](<${u}>) link.`, definitions: [] })),
  fc.tuple(text, url).map(([t, u]) => ({ markdown: `![${t}](${u})`, definitions: [] })),
  fc.tuple(text, label, url).map(([t, l, u]) => ({ markdown: `Ref [${t}][${l}] here.`, definitions: [`[${l}]: ${u} "Title"`] })),
  fc.tuple(text, label, url).map(([t, l, u]) => ({ markdown: `Angle [${t}][${l}].`, definitions: [`[${l}]: <${u}>`] })),
  url.map((u) => ({ markdown: `Auto <${u}> link.`, definitions: [] })),
  url.map((u) => ({ markdown: `Bare ${u} link.`, definitions: [] })),
  fc.tuple(text, url).map(([t, u]) => ({ markdown: `<p><a href="${htmlEscape(u)}">${t}</a></p>`, definitions: [] })),
  fc.tuple(url).map(([u]) => ({ markdown: `Inline <img src='${htmlEscape(u)}'> image.`, definitions: [] })),
  fc.tuple(text).map(([t]) => ({ markdown: `Just text: ${t}, \`[not](http://code.test/)\`.`, definitions: [] })),
);

const post = fc.record({
  bom: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  pieces: fc.array(piece, { minLength: 1, maxLength: 6 }),
  replacements: fc.array(replacement, { minLength: 1, maxLength: 8 }),
});

function build(p: { bom: boolean; eol: string; pieces: Piece[] }): string {
  const blocks = ['# A post', ...p.pieces.map((x) => x.markdown)];
  const labels = new Set<string>();
  const definitions = p.pieces.flatMap((x) => x.definitions).filter((definition) => {
    const name = definition.slice(1, definition.indexOf(']')).toLowerCase();
    if (labels.has(name)) return false;
    labels.add(name);
    return true;
  });
  return `${p.bom ? '\uFEFF' : ''}${[...blocks, definitions.join(p.eol)].join(p.eol + p.eol)}${p.eol}`;
}

function dead(link: Link, replacementUrl: string): CheckedLink {
  return { ...link, state: 'dead', reason: 'http-404', detail: '404', suggestions: [{ kind: 'archive', url: replacementUrl, timestamp: '20170101000000' }] };
}

describe('fix property', () => {
  it('the fixed post extracts to the same links with only the chosen URLs replaced', () => {
    fc.assert(
      fc.property(post, (p) => {
        const source = build(p);
        const before = extractLinks(source).links;
        const byUrl = new Map<string, string>();
        let n = 0;
        const checked = before.map((link) => {
          if (!byUrl.has(link.url)) byUrl.set(link.url, p.replacements[n++ % p.replacements.length] as string);
          return dead(link, byUrl.get(link.url) as string);
        });
        const edits = planFixes(source, checked, ['archive']);
        const fixed = applyEdits(source, edits);

        // every byte outside the edited spans is unchanged
        let at = 0;
        let rebuilt = '';
        for (const edit of edits) {
          rebuilt += source.slice(at, edit.start) + edit.to;
          at = edit.end;
        }
        expect(fixed).toBe(rebuilt + source.slice(at));
        if (p.bom) expect(fixed.charCodeAt(0)).toBe(0xfeff);
        expect(fixed.split('\r\n').length).toBe(source.split('\r\n').length);

        const after = extractLinks(fixed).links;
        // the text of an autolink or bare URL is the URL itself; every other text stays
        const textOf = (link: Link): string => (link.syntax === 'bare' || link.syntax === 'autolink' ? '' : link.text);
        expect(after.map(textOf)).toEqual(before.map(textOf));
        expect(after.map((link) => link.line)).toEqual(before.map((link) => link.line));
        const edited = new Set(edits.map((edit) => edit.start));
        after.forEach((link, index) => {
          const original = before[index] as Link;
          if (original.syntax === 'bare') expect(['bare', 'autolink']).toContain(link.syntax);
          else expect(link.syntax).toBe(original.syntax);
          const expected = edited.has(original.offset.start) ? byUrl.get(original.url) : original.url;
          expect(link.url).toBe(expected);
        });
        // nothing was skipped: every link of these posts can take its replacement
        expect(after.every((link, index) => link.url === byUrl.get((before[index] as Link).url))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
