import { describe, expect, it } from 'vitest';
import { collapsedLength, scanHtml } from '../../src/diagnose/html-scan.js';

/** The definition `collapsedLength` counts without building the string. */
const collapsedByRegex = (data: string): number => {
  const collapsed = data.replace(/\s+/g, ' ');
  return collapsed.trim() === '' ? 0 : collapsed.length;
};

/** Every character `\s` matches, and a few it does not (ZWSP, NEL, U+180E). */
const SPACES = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const NOT_SPACES = ['a', 'Z', '\u200b', '\u0085', '\u180e', 'é', '😀', '-'];

describe('HTML facts', () => {
  it('counts collapsed text exactly as the regular expression does', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 3000; round += 1) {
      let data = '';
      const length = random(12);
      for (let i = 0; i < length; i += 1) data += random(2) === 0 ? SPACES[random(SPACES.length)] : NOT_SPACES[random(NOT_SPACES.length)];
      expect(collapsedLength(data), JSON.stringify(data)).toBe(collapsedByRegex(data));
    }
    for (const space of SPACES) expect(collapsedLength(`a${space}${space}b`)).toBe(3);
    // Text with single plain spaces only takes a shorter way.
    for (const data of ['', ' ', 'a', ' a ', 'two words here', 'é 😀 字']) expect(collapsedLength(data), JSON.stringify(data)).toBe(collapsedByRegex(data));
  });

  it('reads the title, the first top-level heading, ids and the visible text of a long page', () => {
    const filler = `<p>${'Words in a paragraph, spread over &amp; around.   '.repeat(30)}</p>`.repeat(40);
    const page = `<!doctype html><html><head><title> Lost
      page | Site </title><style>h1 { color: red }</style><script>var h1 = "<h1>not this</h1>";</script></head>
      <body><h2 id="intro">Intro</h2><nav><a name="top">Top</a></nav><H1 class="x">Not   <em>found</em></H1>${filler}
      <h1>Second</h1><template><p>hidden</p></template><svg><text>hidden</text></svg><div id="end"></div></body></html>`;
    const facts = scanHtml(page);
    expect(facts.title).toBe('Lost page | Site');
    expect(facts.heading).toBe('Not found');
    expect([...facts.anchors]).toEqual(['intro', 'top', 'end']);
    expect(facts.text.startsWith('Intro Top Not found Words in a paragraph, spread over & around. Words')).toBe(true);
    expect(facts.text.length).toBe(20_000);
    expect(facts.text).not.toMatch(/hidden|not this|color/);
    // Counted to the end, past the cap: 5 + 3 + 9 for "Intro", "Top" and the heading, 40 paragraphs of 30 × 44
    // characters, 6 for the second h1, and a space at the 3 block boundaries that have none beside them already
    // (Intro|Top|Not found|Words: each paragraph ends with white space of its own).
    expect(facts.textLength).toBe(52_823 + 3);
  });

  it('reads a block boundary as a space and an inline one as nothing, as a browser shows them', () => {
    const facts = scanHtml('<h1>Page<br>not found</h1><ul><li>Home</li><li>About</li></ul><p>Not<em>found</em> <a href="/">here</a></p>');
    expect(facts.heading).toBe('Page not found');
    expect(facts.text).toBe('Page not found Home About Notfound here');
    expect(facts.textLength).toBe(facts.text.length);
  });

  it('measures the page’s own text apart from its chrome, and opens it after the h1', () => {
    const facts = scanHtml(
      '<header><a href="/">Site name</a><nav><a>Home</a><a>Blog</a></nav></header><main><article><header><h1>Post title</h1><p class="meta">March 2016</p></header>' +
        '<p>Body text.</p></article></main><aside><h2>Archives</h2><ul><li>2015</li></ul></aside><footer>© 2019 Site</footer>',
    );
    expect(facts.heading).toBe('Post title');
    // The article's own header counts; the site's header, nav, aside and footer do not; the h1 is read on its own.
    expect(facts.opening).toBe('March 2016 Body text.');
    expect(facts.mainTextLength).toBe('Post title'.length + 'March 2016'.length + 'Body text.'.length);
    expect(facts.textLength).toBeGreaterThan(facts.mainTextLength + 30);
  });

  it('takes the highest heading when there is no h1, and ignores empty ones', () => {
    expect(scanHtml('<h3>Third</h3><h2> </h2><h2>Second</h2><h4>Fourth</h4>').heading).toBe('Second');
    expect(scanHtml('<p>no heading</p>').heading).toBe('');
  });
});
