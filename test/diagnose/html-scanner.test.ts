import { describe, expect, it } from 'vitest';
import { createRandom } from '../../bench/random.mjs';
import { HtmlScanner, scanEveryCharacter, scanHtml, type HtmlFacts } from '../../src/diagnose/html-scan.js';

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
      expect(plain(scanHtml(html)), JSON.stringify(html)).toEqual(plain(scanEveryCharacter(html)));
    }
  });

  it('gives the same facts for a page that arrives in pieces, cut anywhere', () => {
    const random = createRandom(5);
    for (let round = 0; round < 2000; round += 1) {
      const html = randomPage(random);
      if (ENDS_IN_BROKEN_TAG.test(html)) continue;
      const scanner = new HtmlScanner(undefined);
      let at = 0;
      while (at < html.length) {
        const next = Math.min(html.length, at + 1 + Math.floor(random() * 12));
        scanner.write(html.slice(at, next));
        at = next;
      }
      expect(plain(scanner.end()), JSON.stringify(html)).toEqual(plain(scanEveryCharacter(html)));
      expect(scanner.scanned).toBe(html);
    }
  });
});

describe('fragment targets', () => {
  it('are the ids and anchor names of elements, not of markup in a script string, a style or a comment', async () => {
    const { checkFragment } = await import('../../src/diagnose/fragments.js');
    const page =
      '<html><head><script>var tpl = \'<h2 id="from-script">x</h2><a name="named-in-script">\';</script><style>#from-style{}</style></head>' +
      '<body><!-- <h2 id="in-comment">old</h2> --><h2 id="install">Install</h2><a name="usage">Usage</a><p title=\'<b id="in-attribute">\'>x</p></body></html>';
    const scanner = new HtmlScanner(undefined);
    scanner.write(page);
    const facts = scanner.end();
    expect([...facts.anchors]).toEqual(['install', 'usage']);
    expect(checkFragment('install', facts, false)).toEqual({ found: true });
    expect(checkFragment('usage', facts, false)).toEqual({ found: true });
    for (const hidden of ['from-script', 'named-in-script', 'in-comment', 'in-attribute']) expect(checkFragment(hidden, facts, false).found).toBe(false);
  });
});
