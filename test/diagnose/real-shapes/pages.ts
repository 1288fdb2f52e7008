/**
 * Page builders for the real-shapes corpus: whole documents the size and structure of real ones (tens of KB: a
 * `<head>` with style sheets and scripts, navigation, the content, a sidebar, a footer), so that the scan reads
 * what it would read on the web. The words are written for these tests; the structure follows each platform's
 * published templates (cited in shapes.ts).
 */

/** A deterministic block of CSS of about `rules` rules, as themes inline them. */
function styleSheet(prefix: string, rules: number): string {
  const parts: string[] = [];
  for (let i = 0; i < rules; i += 1) {
    parts.push(
      `.${prefix}-c${i}{margin:${i % 7}px ${(i * 3) % 11}px;padding:${i % 5}px;color:#${((i * 2654435761) >>> 0).toString(16).slice(0, 6).padEnd(6, '0')};font-size:${12 + (i % 9)}px;line-height:1.${4 + (i % 5)}}`,
    );
    if (i % 10 === 0) parts.push(`@media (max-width:${480 + i}px){.${prefix}-c${i}{display:block;width:100%}}`);
  }
  return parts.join('\n');
}

/** Inline scripts like the ones pages carry: a configuration object and a loader. */
function scripts(site: string, size: number): string {
  const config = JSON.stringify({
    site,
    release: '2019.4.12',
    features: Array.from({ length: Math.max(1, Math.floor(size / 60)) }, (_, i) => ({ id: `flag_${i}`, on: i % 3 === 0, rollout: (i * 7) % 100 })),
  });
  return `<script>window.__SITE_CONFIG__=${config};</script>
<script>(function(w,d){var q=w.__q=w.__q||[];function track(){q.push(arguments)}w.track=track;track('init','${site}');
var s=d.createElement('script');s.async=true;s.src='/assets/app.${site.length}f3a9.js';d.head.appendChild(s);})(window,document);</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"${site}","url":"https://${site}/"}</script>`;
}

export interface PageParts {
  lang?: string;
  title: string;
  /** The site's name, for the header and footer. */
  site: string;
  /** The content: HTML placed inside `<main>`. */
  main: string;
  /** Navigation labels. */
  nav?: string[];
  /** Sidebar HTML (an `<aside>`), if any. */
  aside?: string;
  /** Extra `<head>` HTML. */
  head?: string;
  /** Extra `<body>` attributes. */
  bodyAttributes?: string;
  /** Size of the inlined style sheet, in rules (about 110 bytes each). */
  cssRules?: number;
}

const DEFAULT_NAV = ['Home', 'Blog', 'Projects', 'Talks', 'Reading list', 'About', 'Contact', 'RSS'];

/** A full document around `main`. */
export function page(parts: PageParts): string {
  const nav = (parts.nav ?? DEFAULT_NAV).map((label) => `<li class="menu-item"><a href="/${label.toLowerCase().replace(/\W+/g, '-')}/">${label}</a></li>`).join('');
  const footerLinks = ['Privacy', 'Terms', 'Cookies', 'Accessibility', 'Sitemap'].map((label) => `<a href="/${label.toLowerCase()}">${label}</a>`).join(' · ');
  return `<!DOCTYPE html>
<html lang="${parts.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<meta name="generator" content="${parts.site} CMS">
<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>
<link rel="stylesheet" href="/assets/theme.css?ver=5.2.3">
<link rel="alternate" type="application/rss+xml" title="${parts.site} feed" href="/feed/">
<style>${styleSheet('t', parts.cssRules ?? 160)}</style>
${scripts(parts.site, 1200)}
${parts.head ?? ''}
</head>
<body ${parts.bodyAttributes ?? 'class="page"'}>
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/" rel="home">${parts.site}</a></p>
<p class="site-description">Notes on software, teaching and the odd bicycle trip</p></div>
<nav id="site-navigation" class="main-navigation" aria-label="Primary"><ul id="primary-menu" class="menu">${nav}</ul></nav></header>
<div id="content" class="site-content">
<main id="main" class="site-main">
${parts.main}
</main>
${parts.aside ?? ''}
</div>
<footer id="colophon" class="site-footer"><div class="site-info">© 2012–2019 ${parts.site}. ${footerLinks}</div>
<p>Powered by a content management system. Theme by a designer.</p></footer>
<script src="/assets/navigation.js?ver=20151215"></script>
</body>
</html>`;
}

/** A blog sidebar with the usual widgets: search, recent posts, archives, categories. */
export function blogSidebar(): string {
  const recent = ['Teaching recursion with turtles', 'A year of writing every week', 'Notes from a small conference', 'Why I moved my blog again', 'Reading old code'].map(
    (title, i) => `<li><a href="/201${i}/0${i + 1}/${title.toLowerCase().replace(/\W+/g, '-')}/">${title}</a></li>`,
  );
  const archives = Array.from({ length: 18 }, (_, i) => `<li><a href="/20${12 + Math.floor(i / 12)}/${String((i % 12) + 1).padStart(2, '0')}/">${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][i % 12]} 20${12 + Math.floor(i / 12)}</a></li>`);
  return `<aside id="secondary" class="widget-area" aria-label="Blog sidebar">
<section class="widget widget_search"><form role="search" method="get" action="/"><label>Search for: <input type="search" name="s"></label><button>Search</button></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>${recent.join('')}</ul></section>
<section class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul>${archives.join('')}</ul></section>
<section class="widget widget_categories"><h2 class="widget-title">Categories</h2><ul><li><a href="/category/teaching/">Teaching</a></li><li><a href="/category/code/">Code</a></li><li><a href="/category/travel/">Travel</a></li></ul></section>
</aside>`;
}

/** Sentences for article bodies: varied, so that two articles are not "the same page" by their words. */
const SENTENCES = [
  'The first version of the tool was written over a long weekend and it showed.',
  'Most of the time went into reading the logs rather than writing code.',
  'A colleague suggested measuring before changing anything, which turned out to be the best advice of the week.',
  'The numbers below come from three runs on an idle machine.',
  'Caching helped less than expected because most requests were unique.',
  'What surprised me was how often the configuration, not the code, was at fault.',
  'The documentation describes the behaviour, but only in a footnote.',
  'After the change, the error rate dropped to almost nothing.',
  'I kept the old version around for a month in case something went wrong.',
  'Students found the second exercise much harder than the first.',
  'The diagram shows the request flow from the browser to the origin server.',
  'Each step adds a little latency, and together they add up.',
  'There is a trade-off between strictness and convenience here.',
  'The library handles retries for you, as long as you let it.',
  'In the end the simplest solution was also the fastest.',
];

/** `count` paragraphs of article prose, seeded so each article reads differently. */
export function prose(seed: number, count: number, topic: string): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < count; p += 1) {
    const sentences: string[] = [];
    for (let s = 0; s < 5; s += 1) sentences.push(SENTENCES[(seed * 7 + p * 5 + s * 3) % SENTENCES.length]!);
    paragraphs.push(`<p>${p === 0 ? `${topic} ` : ''}${sentences.join(' ')}</p>`);
  }
  return paragraphs.join('\n');
}

/** A blog post on a WordPress-like theme. */
export function blogPost(site: string, title: string, seed: number, paragraphs = 8): string {
  return page({
    title: `${title} – ${site}`,
    site,
    bodyAttributes: 'class="post-template-default single single-post"',
    main: `<article class="post type-post status-publish"><header class="entry-header"><h1 class="entry-title">${title}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time datetime="2016-0${(seed % 9) + 1}-12">March ${seed % 28 || 1}, 2016</time></span> by <span class="author">the author</span></div></header>
<div class="entry-content">${prose(seed, paragraphs, title + '.')}</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/code/">Code</a></span></footer></article>
<nav class="navigation post-navigation"><a href="/previous/">Previous post</a> <a href="/next/">Next post</a></nav>`,
    aside: blogSidebar(),
  });
}

/** A plain error page as web servers and frameworks send it (a few hundred bytes). */
export function bareErrorPage(title: string, heading: string, text = '', server = ''): string {
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${heading}</h1></center>\r\n${text === '' ? '' : `<p>${text}</p>\r\n`}${server === '' ? '' : `<hr><center>${server}</center>\r\n`}</body>\r\n</html>\r\n`;
}

/** A single-page-application shell: scripts and an empty mount point. */
export function appShell(title: string, mount: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="icon" href="/favicon.ico"><style>${styleSheet('app', 60)}</style>
<script defer="defer" src="/static/js/main.8f2c1a7e.js"></script><link href="/static/css/main.4b1d2e9c.css" rel="stylesheet"></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript>${mount}
${scripts(title, 3000)}</body></html>`;
}

/** A 1×1 PNG, as bytes in a string (latin1). */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6360000002000154a24f5d0000000049454e44ae426082', 'hex');

/** The start of a small PDF document. */
export const PDF = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n${'% padding line for a realistic size\n'.repeat(400)}`, 'latin1');
