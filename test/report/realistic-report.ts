/**
 * A realistic report for renderer tests: the reference post's 55 links (from its hand-checked answer key, offsets
 * found in the post itself) with a spread of verdicts and suggestions like a real run gives, plus hostile rows.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CheckedLink, FileReport, Link, Verdict } from '../../src/model.js';

export const POST_PATH = 'fixtures/posts/2017-03-01-learning-deep-learning.md';
const root = fileURLToPath(new URL('../../', import.meta.url));

interface KeyLink {
  url: string;
  line: number;
  url_line: number;
  kind: string;
  text?: string;
}

export function referenceLinks(): { source: string; links: Link[] } {
  const source = readFileSync(`${root}${POST_PATH}`, 'utf8');
  const key = JSON.parse(readFileSync(`${root}fixtures/posts/2017-03-01-learning-deep-learning.links.json`, 'utf8')) as { links: KeyLink[] };
  const lineStarts = [0];
  for (let i = 0; i < source.length; i += 1) if (source[i] === '\n') lineStarts.push(i + 1);
  const used = new Set<number>();
  const links = key.links.map((entry): Link => {
    let start = source.indexOf(`(${entry.url}`, lineStarts[entry.url_line - 1]) + 1;
    while (used.has(start)) start = source.indexOf(`(${entry.url}`, start) + 1;
    used.add(start);
    const lineStart = lineStarts[entry.line - 1] ?? 0;
    const lineText = source.slice(lineStart, source.indexOf('\n', lineStart));
    const bracket = entry.kind === 'image' ? lineText.indexOf('![') : lineText.indexOf('[');
    return {
      url: entry.url,
      kind: entry.kind === 'image' ? 'image' : 'link',
      syntax: entry.kind === 'image' ? 'image' : 'link',
      text: (entry.text ?? '').replace(/\s+/g, ' '),
      line: entry.line,
      column: Math.max(bracket, 0) + 1,
      offset: { start, end: start + entry.url.length },
      ...(entry.url_line !== entry.line ? { urlLine: entry.url_line } : {}),
    };
  });
  return { source, links };
}

/** Verdicts a real run gives for some of the reference post's links; the rest are alive. */
function verdictFor(url: string): Verdict {
  if (url.startsWith('https://plus.google.com/')) {
    return {
      state: 'dead',
      reason: 'known-dead',
      family: 'google-plus',
      httpStatus: 404,
      detail: 'Google+ was shut down for consumers in April 2019; every plus.google.com page is gone.',
      suggestions: [{ kind: 'archive', url: `https://web.archive.org/web/20170215093012/${url}`, timestamp: '20170215093012' }],
    };
  }
  if (url === 'https://www.metamind.io/') {
    return {
      state: 'dead',
      reason: 'parked-domain',
      httpStatus: 200,
      detail: 'The domain now shows a parking page ("This domain is for sale").',
      suggestions: [{ kind: 'archive', url: `https://web.archive.org/web/20170228120000/${url}`, timestamp: '20170228120000' }],
    };
  }
  if (url === 'http://cs224d.stanford.edu/') {
    return { state: 'dead', reason: 'dns-not-found', detail: 'The host name does not exist any more (NXDOMAIN).', suggestions: [] };
  }
  if (url.startsWith('https://sites.google.com/site/mostafasibrahim/research')) {
    return {
      state: 'dead',
      reason: 'http-404',
      httpStatus: 404,
      detail: 'The server answered 404 Not Found.',
      suggestions: [{ kind: 'archive', url: `https://web.archive.org/web/20161020000000/${url}`, timestamp: '20161020000000' }],
    };
  }
  if (url === 'https://twitter.com/ColorizeBot') {
    return { state: 'blocked', reason: 'bot-protection', httpStatus: 403, detail: 'The site refuses automated clients (403 with a challenge page).', suggestions: [] };
  }
  if (url === 'http://www0.cs.ucl.ac.uk/staff/d.silver/web/Teaching.html') {
    return { state: 'unreachable', reason: 'timeout', detail: 'No answer within 10 s (2 retries).', suggestions: [] };
  }
  if (url === 'http://image-net.org/index') {
    return {
      state: 'suspicious',
      reason: 'redirect-to-homepage',
      httpStatus: 200,
      finalUrl: 'https://www.image-net.org/',
      redirects: [{ url, status: 301, location: 'https://www.image-net.org/' }],
      detail: 'The page redirects to the site\'s home page: the original page is probably gone.',
      suggestions: [],
    };
  }
  if (url === 'http://www.deeplearningbook.org/' || url === 'http://cs231n.github.io/') {
    const https = url.replace('http:', 'https:');
    return {
      state: 'redirected',
      reason: 'redirect-permanent',
      httpStatus: 200,
      finalUrl: https,
      redirects: [{ url, status: 301, location: https }],
      detail: `Moved permanently to ${https}.`,
      suggestions: [{ kind: 'moved', url: https }],
    };
  }
  if (url.includes('?__hstc=')) {
    return {
      state: 'alive',
      reason: 'ok',
      httpStatus: 200,
      detail: 'The server answered 200 OK.',
      suggestions: [{ kind: 'clean', url: url.slice(0, url.indexOf('?')), note: 'HubSpot tracking parameters removed.' }],
    };
  }
  return { state: 'alive', reason: 'ok', httpStatus: 200, detail: 'The server answered 200 OK.', suggestions: [] };
}

export function referenceFile(): FileReport {
  const { links } = referenceLinks();
  return {
    path: POST_PATH,
    date: '2017-03-01',
    title: 'Learning Deep Learning in 2 months',
    links: links.map((link): CheckedLink => ({ ...link, ...verdictFor(link.url) })),
  };
}

/** Link rows an attacker controls: text and URLs built to break every format. */
export const HOSTILE_TEXT = 'pwn | </details> @org/team #1 ![x](javascript:alert(1)) <img src=x onerror=alert(1)> \u001b[2J\u001b[31mRED\r\n::error::fake \u202Eevil\u202C `code` *bold* _it_ [a](https://evil.test)';
export const HOSTILE_URL = 'https://user:s3cret@evil.test/a|b`c?q=<script>&x=@admin';

export function hostileFile(): FileReport {
  return {
    path: 'posts/evil|name.md',
    title: 'Evil @everyone',
    links: [
      {
        url: HOSTILE_URL,
        kind: 'link',
        syntax: 'link',
        text: HOSTILE_TEXT,
        line: 3,
        column: 1,
        offset: { start: 10, end: 10 + HOSTILE_URL.length },
        state: 'dead',
        reason: 'http-404',
        httpStatus: 404,
        detail: `The server answered 404 for https://admin:hunter2@evil.test/x \u001b]0;title\u0007 @someone`,
        suggestions: [{ kind: 'archive', url: 'https://web.archive.org/web/2017/https://user:s3cret@evil.test/a|b', timestamp: '20170101000000' }],
      },
      {
        url: 'https://evil.test/ok',
        kind: 'link',
        syntax: 'link',
        text: '</details><script>alert(1)</script>',
        line: 4,
        column: 1,
        offset: { start: 100, end: 120 },
        state: 'alive',
        reason: 'ok',
        detail: 'ok',
        suggestions: [],
      },
    ],
  };
}
