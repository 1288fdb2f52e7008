/**
 * Real-sized article pages for the simulated web (the `pages` scenario): about 90 KB each, shaped like a blog or
 * news article as served today — a `<head>` with meta tags, an inline `<style>` (~10 KB) and inline `<script>`s
 * (~20 KB, with HTML in its strings, as templates and widgets have), then the site's chrome (header, nav), an
 * `<article>` with its `<h1>`, a byline and about 120 paragraphs with links and section headings, an aside and
 * a footer. Deterministic: the site's parts come from the host, the article from the route's seed.
 */
import { createRandom } from './random.mjs';

/** Paragraphs of an article. */
export const ARTICLE_PARAGRAPHS = 120;

const WORDS = ['the', 'model', 'learns', 'a', 'gradient', 'of', 'loss', 'over', 'each', 'batch', 'and', 'then', 'weights',
  'move', 'toward', 'lower', 'error', 'while', 'attention', 'layers', 'mix', 'tokens', 'across', 'sequence', 'positions',
  'so', 'that', 'training', 'converges', 'faster', 'than', 'plain', 'recurrent', 'networks', 'did', 'in', 'practice',
  'with', 'careful', 'learning', 'rate', 'schedules', 'warm-up', 'steps', 'dropout', 'regularises', 'large', 'embeddings'];

function pick(list, random) {
  return list[Math.floor(random() * list.length)];
}

function words(random, count) {
  const out = [];
  for (let i = 0; i < count; i += 1) out.push(pick(WORDS, random));
  return out.join(' ');
}

function capital(text) {
  return text[0].toUpperCase() + text.slice(1);
}

/** ~10 KB of a site's stylesheet. */
function siteStyle(random) {
  const rules = [];
  const props = ['margin', 'padding', 'color', 'background', 'font-size', 'line-height', 'border', 'display', 'max-width', 'gap'];
  const values = ['0', '1rem', '0 auto', '#1a1a1a', 'var(--accent)', '1.125rem', '1.6', '1px solid #ddd', 'flex', '42rem', 'grid', '.5em 1em'];
  for (let i = 0; rules.join('').length < 10_000; i += 1) {
    const declarations = Array.from({ length: 3 + Math.floor(random() * 4) }, () => `${pick(props, random)}:${pick(values, random)}`).join(';');
    rules.push(`.c-${i.toString(36)}-${pick(WORDS, random)}>a:hover,.site-${pick(WORDS, random)} .m${i}{${declarations}}`);
  }
  return `:root{--accent:#0b62a3;--fg:#1a1a1a}body{margin:0;font:17px/1.6 system-ui,sans-serif}${rules.join('')}@media (max-width:600px){.site-nav{display:none}}`;
}

/** ~20 KB of a site's inline script: a bundle with HTML templates in its strings. */
function siteScript(random) {
  const parts = ['(()=>{"use strict";var e={},t=window.__SITE_STATE__||{};'];
  for (let i = 0; parts.join('').length < 19_000; i += 1) {
    const name = `${pick(WORDS, random).replace(/-/g, '')}${i}`;
    switch (i % 4) {
      case 0:
        parts.push(`function ${name}(n,r){if(!n)return null;for(var o=0;o<n.length;o++)if(n[o]&&n[o].id===r)return n[o];return e["${name}"]=r,null}`);
        break;
      case 1:
        parts.push(`var ${name}='<div class="widget-${i}" id="w-${i}"><h2 class="widget-title">${words(random, 3)}</h2><a href="/tag/${pick(WORDS, random)}">more<\\/a></div>';`);
        break;
      case 2:
        parts.push(`t.${name}=function(n){return n<${i}&&n>0?"${words(random, 4)}":JSON.stringify({k:"${name}",v:n,at:Date.now()})};`);
        break;
      default:
        parts.push(`document.addEventListener("DOMContentLoaded",function(){var n=document.querySelector("#w-${i - 2}");n&&n.setAttribute("data-${pick(WORDS, random)}","${i}")});`);
    }
  }
  parts.push('})();');
  return parts.join('');
}

const sites = new Map();

/** The parts every page of a site shares, built once per host. */
function siteOf(host) {
  let site = sites.get(host);
  if (site === undefined) {
    let seed = 0;
    for (const char of host) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) >>> 0;
    const random = createRandom(seed);
    const name = `${capital(pick(WORDS, random))} ${capital(pick(WORDS, random))} Journal`;
    const nav = ['Home', 'Archive', 'Topics', 'Newsletter', 'About', 'Contact', 'Search'].map((item) => `<li><a href="/${item.toLowerCase()}/">${item}</a></li>`).join('');
    site = {
      name,
      style: siteStyle(random),
      script: siteScript(random),
      header: `<header class="site-header"><a class="logo" href="/">${name}</a><nav class="site-nav" aria-label="Main"><ul>${nav}</ul></nav><button class="menu" aria-expanded="false">Menu</button></header>`,
      footer: `<footer class="site-footer"><p>© 2024 ${name}. All rights reserved.</p><ul><li><a href="/privacy/">Privacy</a></li><li><a href="/terms/">Terms</a></li><li><a href="/feed.xml">RSS</a></li></ul></footer>`,
    };
    sites.set(host, site);
  }
  return site;
}

function paragraph(random) {
  const pieces = [];
  const count = 55 + Math.floor(random() * 15);
  for (let i = 0; i < count; i += 8) {
    const roll = random();
    const text = words(random, 8);
    if (roll < 0.12) pieces.push(`<a href="/${2010 + Math.floor(random() * 14)}/${pick(WORDS, random)}-${pick(WORDS, random)}">${text}</a>`);
    else if (roll < 0.16) pieces.push(`<em>${text}</em>`);
    else if (roll < 0.19) pieces.push(`<code>${pick(WORDS, random)}()</code> ${text}`);
    else pieces.push(text);
  }
  return `<p>${capital(pieces.join(' '))}.</p>`;
}

/**
 * The page of one article URL.
 * @param {string} host the site (its address)
 * @param {string} path the URL's path
 * @param {number} seed the article's own seed
 */
export function articlePage(host, path, seed) {
  const site = siteOf(host);
  const random = createRandom(seed);
  const title = capital(words(random, 6));
  const description = capital(words(random, 20));
  const body = [];
  for (let i = 0; i < ARTICLE_PARAGRAPHS; i += 1) {
    if (i > 0 && i % 12 === 0) body.push(`<h2 id="section-${i / 12}">${capital(words(random, 4))}</h2>`);
    body.push(paragraph(random));
  }
  const related = Array.from({ length: 5 }, () => `<li><a href="/${pick(WORDS, random)}-${pick(WORDS, random)}/">${capital(words(random, 5))}</a></li>`).join('');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${title} | ${site.name}</title><meta name="description" content="${description}">` +
    `<meta property="og:title" content="${title}"><meta property="og:type" content="article"><link rel="canonical" href="http://${host}${path}">` +
    `<style>${site.style}</style><script>${site.script}</script>` +
    `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"${title}"}</script></head>` +
    `<body class="post">${site.header}<main id="content"><article class="post"><h1 class="post-title">${title}</h1>` +
    `<p class="byline">By <a rel="author" href="/about/">${capital(pick(WORDS, random))} ${capital(pick(WORDS, random))}</a> · <time datetime="2019-03-14">14 March 2019</time></p>` +
    `${body.join('\n')}</article><aside class="related"><h2>Related</h2><ul>${related}</ul></aside></main>${site.footer}` +
    `<script>window.dataLayer=window.dataLayer||[];dataLayer.push({page:"${path}"});</script></body></html>`
  );
}
