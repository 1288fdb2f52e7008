import { describe, expect, it } from 'vitest';
import { createRandom } from '../../bench/random.mjs';
import { gzipSync } from 'node:zlib';
import { BodyCollector } from '../../src/check/read-body.js';
import { HtmlScanner, pageWatcher, scanBody, scanEveryCharacter, scanHtml, type HtmlFacts } from '../../src/diagnose/html-scan.js';
import type { BodySample } from '../../src/model.js';

/** Pieces of markup whose meeting points are where a scanner that skips script and style could go wrong. */
const PIECES = [
  '<script>', '</script>', '<SCRIPT type="module">', '</script >', '</scriptx>', '</script/>', '<script/>', '<script />',
  '<style>', '</STYLE>', '<title>', '</title>', '<textarea>', '</textarea>', '<xmp>', '</xmp>', '<!--', '-->', '<!-->',
  '<!--->', '<![CDATA[', ']]>', '<!doctype html>', '<!-x>', '<?php echo 1 ?>', '<p>', '</p>', '<h1>', '</h1>', '<h2 id="s">',
  '</h2>', '<a title="<script>">', "<a title='x>y'>", '<a b=<script>>', '<a =x>', '<a ="x>y" >', '<div id="x">', '<a name=n>',
  '<br/>', '<br //>', '<', '>', '</', '</ div>', '</>', 'Words of text ', '&amp;', '&lt;/script>', ' \n\t ', '<nav>', '</nav>',
  '<svg>', '</svg>', '"', "'", '=', '/', 'not found', '<header>', '</header>', '<article>', '</article>',
  '<a title="a>b<script>c">', '<a ="x><script>" >', "<img alt='x><style>' src=y>", '<a href=x>y<script>z>', '<p title = "<!--">',
  '<textarea/>', '<xmp />', '<textarea a=b/>', 'x &nbsp; y', '<title a="</title>">',
  // Entities where the run-skipping tokenizer stops (text and quoted values), whole, cut short or unknown.
  '<a id="a &amp; b">', "<a name='x&lt;y'>", '<div id="&#x41;&#66;">', '<p id="q&quot">', '&#169', '&am', '&notit;', 'AT&T ',
  "<a id='it&#39;s'>", '<a id="&">', '<a id=&amp;x>',
];

function randomPage(random: () => number): string {
  let html = '';
  const count = Math.floor(random() * 40);
  for (let i = 0; i < count; i += 1) html += PIECES[Math.floor(random() * PIECES.length)];
  return html;
}

const plain = (facts: HtmlFacts) => ({ ...facts, anchors: [...facts.anchors] });

/**
 * Markup that ends inside a tag after its name (`</p class`, `<br /`): htmlparser2 then reads its trailing text
 * from a negative position (the last characters of whichever piece it holds), so no two ways of handing it the
 * same markup agree. Such markup is a page cut short in the middle of a tag; only its last few characters differ.
 */
const ENDS_IN_BROKEN_TAG = /<\/?[A-Za-z][^>]*[\t\n\f\r /][^>]*$/;

describe('the HTML scanner', () => {
  it('agrees with htmlparser2 reading every character, however script, style, comments and attributes meet', () => {
    const random = createRandom(11);
    for (let round = 0; round < 8000; round += 1) {
      const html = randomPage(random);
      if (ENDS_IN_BROKEN_TAG.test(html)) continue;
      const facts = scanHtml(html);
      expect(plain(facts), JSON.stringify(html)).toEqual(plain(scanEveryCharacter(html)));
      // Both sides share how facts are finished: their text must still be collapsed and trimmed.
      expect(facts.text, JSON.stringify(html)).toBe(facts.text.replace(/\s+/g, ' ').trim());
    }
  });

  it('gives the same facts for a page that arrives in pieces of bytes, cut anywhere', () => {
    const random = createRandom(5);
    for (let round = 0; round < 2000; round += 1) {
      const html = randomPage(random);
      if (ENDS_IN_BROKEN_TAG.test(html)) continue;
      const bytes = Buffer.from(html);
      const scanner = new HtmlScanner(undefined);
      for (const piece of cut(bytes, random, 12)) scanner.write(piece);
      expect(plain(scanner.end()), JSON.stringify(html)).toEqual(plain(scanEveryCharacter(html)));
      expect(scanner.bytesRead).toBe(bytes.length);
    }
  });

  it('reads bytes as the text they decode to: pieces cut inside `</script` and inside characters, broken UTF-8 too', async () => {
    const random = createRandom(17);
    for (let round = 0; round < 3000; round += 1) {
      const bytes = randomBytes(random);
      const text = new TextDecoder('utf-8').decode(bytes);
      if (ENDS_IN_BROKEN_TAG.test(text)) continue;
      // Pieces of one byte in some rounds: every boundary of `</script` and of every character is then met.
      const sample = await collect(cut(bytes, random, round % 5 === 0 ? 1 : 12), 'text/html; charset=utf-8');
      expect(sample.text, bytes.toString('hex')).toBe(text);
      expect(plain(scanBody(sample)), bytes.toString('hex')).toEqual(plain(scanEveryCharacter(text)));
    }
  });

  it('agrees on long pages in large pieces: markup handed over in parts, scripts and styles across many pieces', async () => {
    const random = createRandom(29);
    // Long stretches: text and script content past the 8 KiB handed to the parser at once, and past a piece.
    const LONG = ['<p>Words of text. '.repeat(700), 'var s = "<div>x</div>"; /* </span> </st> */ '.repeat(400), '<a href="/x">link</a> '.repeat(600), 'é€😀字'.repeat(900)];
    for (let round = 0; round < 150; round += 1) {
      const parts: string[] = [];
      const count = 10 + Math.floor(random() * 40);
      for (let i = 0; i < count; i += 1) parts.push(random() < 0.2 ? LONG[Math.floor(random() * LONG.length)]! : PIECES[Math.floor(random() * PIECES.length)]!);
      const html = parts.join('');
      if (ENDS_IN_BROKEN_TAG.test(html)) continue;
      const sample = await collect(cut(Buffer.from(html), random, 1 + Math.floor(random() * 20_000)), 'text/html');
      expect(plain(scanBody(sample)), `round ${round}`).toEqual(plain(scanEveryCharacter(html)));
      expect(sample.text === html, `round ${round}`).toBe(true);
    }
  });

  it('reads pages in other charsets, and compressed pages, as the text they decode to', async () => {
    const random = createRandom(23);
    for (let round = 0; round < 300; round += 1) {
      const html = randomPage(random);
      if (ENDS_IN_BROKEN_TAG.test(html)) continue;
      // UTF-16: every ASCII character has a zero byte beside it. windows-1252: one byte a character (the
      // random pages are ASCII, so the bytes are those of the text; 0xE9 is é).
      const pages: [string, Buffer, string][] = [
        ['text/html; charset=utf-16le', Buffer.from(`\ufeff${html}é😀`, 'utf16le'), `${html}é😀`],
        ['text/html; charset=windows-1252', Buffer.concat([Buffer.from(html, 'latin1'), Buffer.from([0xe9])]), `${html}é`],
      ];
      for (const [type, bytes, text] of pages) {
        const sample = await collect(cut(bytes, random, 12), type);
        expect(sample.text, `${type} ${JSON.stringify(html)}`).toBe(text);
        expect(plain(scanBody(sample)), `${type} ${JSON.stringify(html)}`).toEqual(plain(scanEveryCharacter(text)));
      }
      const zipped = await collect(cut(gzipSync(Buffer.from(html)), random, 40), 'text/html', 'gzip');
      expect(zipped.text).toBe(html);
      expect(plain(scanBody(zipped)), JSON.stringify(html)).toEqual(plain(scanEveryCharacter(html)));
    }
  });
});

/** `bytes` in pieces of 1 to `most` bytes. */
function cut(bytes: Buffer, random: () => number, most: number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const next = Math.min(bytes.length, at + 1 + Math.floor(random() * most));
    pieces.push(bytes.subarray(at, next));
    at = next;
  }
  return pieces;
}

/** Characters of 2 to 4 bytes, a byte order mark, and bytes that are no UTF-8. */
const CHARACTERS = ['é', '€', '😀', '字', '\ufeff'].map((text) => Buffer.from(text));
const BROKEN = [Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0x80]), Buffer.from([0xef, 0xbb])];

/** A random page of markup pieces, characters of several bytes and broken UTF-8, as bytes. */
function randomBytes(random: () => number): Buffer {
  const parts: Buffer[] = [];
  const count = Math.floor(random() * 40);
  for (let i = 0; i < count; i += 1) {
    const kind = random();
    if (kind < 0.2) parts.push(CHARACTERS[Math.floor(random() * CHARACTERS.length)]!);
    else if (kind < 0.25) parts.push(BROKEN[Math.floor(random() * BROKEN.length)]!);
    else parts.push(Buffer.from(PIECES[Math.floor(random() * PIECES.length)]!));
  }
  return Buffer.concat(parts);
}

/** The body given in `pieces` through the fetcher's collector, with a page watcher as the pipeline has. */
function collect(pieces: Buffer[], contentType: string, contentEncoding?: string): Promise<BodySample> {
  const collector = new BodyCollector(1024 * 1024, { contentType, contentEncoding }, pageWatcher(undefined));
  for (const piece of pieces) collector.push(piece);
  collector.end();
  return collector.result;
}

describe('fragment targets', () => {
  it('decodes an entity in every piece, when pieces of the page are the same text', () => {
    // The run-skipping tokenizer remembers where the next `&` is; a later piece equal to the last compares equal.
    const html = `<a name='x&lt;y'><a name='x&lt;z'>${'<p id="a&amp;b">AT&amp;T</p>'.repeat(3)}`;
    const scanner = new HtmlScanner(undefined);
    for (const piece of html.split(/(?=<)/)) scanner.write(Buffer.from(piece));
    const facts = scanner.end();
    expect([...facts.anchors]).toEqual(['x<y', 'x<z', 'a&b']);
    expect(facts.text).toBe('AT&T AT&T AT&T');
    expect(plain(facts)).toEqual(plain(scanEveryCharacter(html)));
  });

  it('are the ids and anchor names of elements, not of markup in a script string, a style or a comment', async () => {
    const { checkFragment } = await import('../../src/diagnose/fragments.js');
    const page =
      '<html><head><script>var tpl = \'<h2 id="from-script">x</h2><a name="named-in-script">\';</script><style>#from-style{}</style></head>' +
      '<body><!-- <h2 id="in-comment">old</h2> --><h2 id="install">Install</h2><a name="usage">Usage</a><p title=\'<b id="in-attribute">\'>x</p></body></html>';
    const scanner = new HtmlScanner(undefined);
    scanner.write(Buffer.from(page));
    const facts = scanner.end();
    expect([...facts.anchors]).toEqual(['install', 'usage']);
    expect(checkFragment('install', facts, false)).toEqual({ found: true });
    expect(checkFragment('usage', facts, false)).toEqual({ found: true });
    for (const hidden of ['from-script', 'named-in-script', 'in-comment', 'in-attribute']) expect(checkFragment(hidden, facts, false).found).toBe(false);
  });
});
