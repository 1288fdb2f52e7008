// Two extraction classes checked against the reference parser itself on generated documents (issue 12, part 4):
// raw HTML with unquoted attribute values, and `\|` in GFM table cells. Each case is run through Debian's
// `cmark-gfm` binary (GitHub's C implementation; .ci/run installs it) at test time, and linkrot must find the same
// URLs. The URLs of cmark-gfm's raw HTML are read here with the HTML tokenizer's attribute rules (an unquoted
// value ends at white space or `>`), written independently of linkrot's htmlparser2 reading.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/extract/index.js';
import { commandAvailability } from '../helpers/system-tool.js';
import { decodeWritten } from './helpers.js';

const CMARK = commandAvailability('cmark-gfm');

const SEED = Number(process.env.LINKROT_GEN_SEED ?? 20261205);
const CASES = 300;

// ---------------------------------------------------------------- the reference side

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unxml = (text: string): string => text.replace(/&(lt|gt|amp|quot|apos|#\d+);/g, (_all, name: string) => (name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (XML_ENTITIES[name] ?? '')));

/** Attribute values of a, img (src, srcset) in raw HTML, by the HTML tokenizer's rules. */
function htmlReferenceUrls(html: string): string[] {
  const urls: string[] = [];
  const tag = /<([A-Za-z][^\s/>]*)/g;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const name = match[1]!.toLowerCase();
    let index = tag.lastIndex;
    for (;;) {
      while (index < html.length && /[\s/]/.test(html[index]!)) index++;
      if (index >= html.length || html[index] === '>') break;
      const attr = /^[^\s/>=]+/.exec(html.slice(index))?.[0] ?? html[index]!;
      index += attr.length;
      const equals = /^\s*=\s*/.exec(html.slice(index));
      if (!equals) continue;
      index += equals[0].length;
      const quote = html[index];
      let value: string;
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, index + 1);
        value = html.slice(index + 1, close === -1 ? html.length : close);
        index = close === -1 ? html.length : close + 1;
      } else {
        value = /^[^\s>]*/.exec(html.slice(index))![0];
        index += value.length;
      }
      value = value.replaceAll('&amp;', '&');
      const key = attr.toLowerCase();
      if ((name === 'a' && key === 'href') || (name === 'img' && key === 'src')) urls.push(value);
      if (name === 'img' && key === 'srcset') {
        for (const candidate of value.split(/,\s+/)) {
          const url = candidate.trim().split(/\s+/)[0]?.replace(/,+$/, '');
          if (url) urls.push(url);
        }
      }
    }
    tag.lastIndex = index;
  }
  return urls;
}

/** Every URL cmark-gfm finds in each document, in one run of the binary (the documents split by a comment). */
function cmarkUrls(documents: string[]): string[][] {
  const separator = (index: number): string => `<!-- case ${index} -->`;
  const input = documents.map((document, index) => `${separator(index)}\n\n${document}\n\n`).join('');
  const xml = execFileSync('cmark-gfm', ['--unsafe', '-t', 'xml', '-e', 'autolink', '-e', 'table'], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  const parts = xml.split(/<html_block xml:space="preserve">&lt;!-- case \d+ --&gt;\n<\/html_block>/).slice(1);
  return parts.map((part) => {
    const urls: string[] = [];
    const node = /<(?:link|image) destination="([^"]*)"|<html_(?:inline|block) xml:space="preserve">([^<]*)<\/html_(?:inline|block)>/g;
    for (let match = node.exec(part); match; match = node.exec(part)) {
      if (match[1] !== undefined) urls.push(unxml(match[1]));
      else urls.push(...htmlReferenceUrls(unxml(match[2] ?? '')));
    }
    return urls;
  });
}

const linkrotUrls = (document: string): string[] => extractLinks(document).links.filter((link) => link.syntax !== 'definition').map((link) => link.url);

/**
 * Links whose offsets do not point at their URL as written (what --fix rewrites): the written text must give the
 * URL as it is, with a cell's `\\|` unescaped, or decoded as a destination (escapes, character references).
 */
const misplaced = (document: string): string[] =>
  extractLinks(document)
    .links.filter((link) => {
      const written = document.slice(link.offset.start, link.offset.end);
      const forms = [written, written.replaceAll('\\|', '|'), written.replaceAll('&amp;', '&'), decodeWritten(written)];
      const prefix = link.syntax === 'bare' && written.startsWith('www.') ? 'http://' : '';
      return !forms.some((form) => prefix + form === link.url);
    })
    .map((link) => `${link.url} at ${JSON.stringify(document.slice(link.offset.start, link.offset.end))}`);

function compare(documents: string[]): void {
  const reference = cmarkUrls(documents);
  expect(reference).toHaveLength(documents.length);
  const differences = documents
    .map((document, index) => ({ document, cmark: [...reference[index]!].sort(), linkrot: linkrotUrls(document).sort() }))
    .filter((row) => JSON.stringify(row.cmark) !== JSON.stringify(row.linkrot));
  expect(differences.slice(0, 5)).toEqual([]);
  expect(documents.flatMap(misplaced).slice(0, 5)).toEqual([]);
}

// ---------------------------------------------------------------- the generators

const pick = <T>(...values: T[]): fc.Arbitrary<T> => fc.constantFrom(...values);
const word = fc.stringMatching(/^[a-z0-9]{1,6}$/);
/**
 * URL path, query and fragment characters an unquoted value may hold (and `=`, which ends the tag for CommonMark).
 * No `@`: cmark-gfm 0.29.0.gfm.6 makes an e-mail link of `c97@.b` (a domain starting with a dot, which the GFM
 * spec's extended e-mail autolink does not allow), a difference that has nothing to do with HTML or tables.
 */
const urlPart = fc.array(fc.oneof(word, pick('/', '/', '.', '-', '_', '~', ':', '%20', '(', ')', ',', ';', '!', '+', '?', '#', '&amp;', '=')), { minLength: 0, maxLength: 6 }).map((parts) => parts.join(''));
const url = fc
  .tuple(pick('https://', 'http://', '', '/', '../'), pick('example.com', 'www.example.org', 'a.b.c', 'img', 'x'), urlPart)
  .map(([scheme, host, rest]) => `${scheme}${host}${rest === '' || rest.startsWith('/') ? rest : `/${rest}`}`);
const space = pick(' ', ' ', '  ', '\t', '\n', ' \n  ');
const otherAttribute = pick('', ' class=note', ' title="a/b c"', " data-x='y/z'", ' target=_blank', ' hidden', ' alt=x');
const quote = pick('', '', '', '"', "'");

const unquotedTag = fc
  .tuple(pick('a', 'a', 'img', 'IMG', 'A'), otherAttribute, space, quote, url, otherAttribute, pick('>', '>', '/>', ' />', ' >'))
  .map(([name, before, gap, q, value, after, end]) => {
    const attr = name.toLowerCase() === 'a' ? 'href' : 'src';
    return `<${name}${before}${gap}${attr}=${q}${value}${q}${after}${end}`;
  });
const srcsetTag = fc.tuple(url, url).map(([first, second]) => pick(`<img srcset=${first}>`, `<img srcset="${first} 1x, ${second} 2x">`, `<img srcset=${first},${second}>`));

const htmlDocument = fc
  .tuple(fc.oneof(unquotedTag, unquotedTag, srcsetTag.chain((tag) => tag)), pick('text', '', ' [t](https://example.com/l)', ' https://example.com/in'), word)
  .chain(([tag, inside, after]) => {
    const closing = tag.toLowerCase().startsWith('<a') ? `${inside}</a>` : '';
    return pick(
      `See ${tag}${closing} ${after}.`,
      `${tag}${closing}`,
      `${tag}\n${inside} ${after}\n${closing}`,
      `- item ${tag}${closing}`,
      `> ${tag}${closing} ${after}`,
      `\\${tag}${closing}`,
      `\`${tag}\` ${after}`,
      `| a | b |\n|---|---|\n| ${tag.replaceAll('\n', ' ')}${closing} | ${after} |`,
      `*${tag}*${closing} and ${tag}`,
    );
  });

/**
 * A cell's content with one or two `\|` in or around a URL. Left out: `\\|` (cmark-gfm reads it as a backslash
 * and an escaped pipe, micromark as an escaped backslash and a cell border: the cells themselves differ), and
 * parentheses, because cmark-gfm 0.29.0.gfm.6 takes `[a](x(y "t")` as a link to `x(y` (an unbalanced parenthesis,
 * no link for CommonMark 0.31 and micromark), a difference that has nothing to do with tables; and `&amp;`, which
 * a `\\|` put inside it would turn into HTML's legacy `&amp` reference, beyond this file's HTML reading.
 */
const cellUrlPart = urlPart.map((part) => part.replace(/[()]|&amp;/g, ''));
const pipeUrl = fc
  .tuple(pick('https://example.com', 'http://example.org', 'www.example.com'), cellUrlPart, pick(1, 2), fc.nat(20))
  .map(([base, rest, pipes, at]) => {
    let value = `${base}/${rest}`;
    for (let count = 0; count < pipes; count++) {
      let cut = Math.min(value.length, base.length + 1 + ((at + count * 7) % (value.length - base.length)));
      if (value[cut - 1] === '\\') cut++;
      value = `${value.slice(0, cut)}\\|${value.slice(cut)}`;
    }
    return value;
  });
const pipeCell = fc.tuple(pipeUrl, word).chain(([value, text]) =>
  pick(
    value,
    `see ${value} now`,
    `${value}.`,
    `<${value.startsWith('www.') ? `http://${value}` : value}>`,
    `[${text}](${value})`,
    `![${text}](${value} "t\\|u")`,
    `<a href="${value}">${text}</a>`,
    `<a href=${value}>${text}</a>`,
    `<img src='${value}'>`,
    `a \\| b ${value}`,
    `\`x\\|y\` ${value}`,
  ),
);
const pipeDocument = fc
  .tuple(pipeCell, pipeCell, pick(1, 2), pick('---', ':---', '---:', ':-:'))
  .map(([first, second, columns, align]) =>
    columns === 1 ? `| h |\n|${align}|\n| ${first} |\n| ${second} |` : `| h | i |\n|---|${align}|\n| ${first} | ${second} |\n| x | ${first} |`,
  );

describe.skipIf(CMARK.skip)(`linkrot finds what cmark-gfm finds, on generated documents${CMARK.skip ? ` (skipped: ${CMARK.why})` : ''}`, () => {
  beforeAll(() => {
    if (CMARK.why !== '') throw new Error(CMARK.why);
  });

  it(`raw HTML with unquoted attribute values (${CASES} documents, seed ${SEED})`, () => {
    const documents = fc.sample(htmlDocument, { seed: SEED, numRuns: CASES });
    compare(documents);
    // The generator keeps hitting the class: HTML links read from an unquoted value with a `/` in it.
    const hits = documents.filter((document) => extractLinks(document).links.some((link) => link.syntax === 'html' && link.url.includes('/') && !/["']/.test(document[link.offset.start - 1] ?? '')));
    expect(hits.length).toBeGreaterThan(CASES / 4);
  });

  it(`escaped pipes in table cells (${CASES} documents, seed ${SEED})`, () => {
    const documents = fc.sample(pipeDocument, { seed: SEED, numRuns: CASES });
    compare(documents);
    const hits = documents.filter((document) => extractLinks(document).links.some((link) => link.url.includes('|')));
    expect(hits.length).toBeGreaterThan(CASES / 2);
  });

  it('the reported examples', () => {
    const held = ['See <a href=https://example.com/x>text</a>.', '| a |\n|---|\n| https://example.com/a\\|b |'];
    compare(held);
    expect(held.map(linkrotUrls)).toEqual([['https://example.com/x'], ['https://example.com/a|b']]);
  });

  it('the reference reading is not linkrot: it finds what linkrot got wrong before the fix', () => {
    // What micromark alone makes of the two examples (remark-gfm, before this fix).
    expect(cmarkUrls(['See <a href=https://example.com/x>text</a>.'])[0]).toEqual(['https://example.com/x']);
    expect(cmarkUrls(['| a |\n|---|\n| https://example.com/a\\|b |'])[0]).toEqual(['https://example.com/a|b']);
  });
});
