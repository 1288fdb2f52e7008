/**
 * A corpus of real page shapes: how real sites answer, each shape with the source that shows it and the date it
 * was read. Every shape is one site (one local server in the test); `links` are the URLs a post links to, with
 * the truth (what a reader with a browser finds) and the verdict expected of linkrot (`state/reason`). Paths
 * that are not listed get the shape's `fallback`, which is what the sibling probe of a made-up address sees.
 *
 * Sources were read on 2026-12-05 with the project's search tool; the words of every page are written for these
 * tests (structure after the platform, text our own).
 */
import { appShell, bareErrorPage, blogPost, blogSidebar, page, PDF, PNG, prose } from './pages.js';

export type Truth = 'alive' | 'dead' | 'blocked' | 'moved' | 'unsure';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A fixed reply, or one built from the path asked for and the method. */
export type Route = Reply | ((path: string, method: string) => Reply);

export interface ShapeLink {
  path: string;
  route: Route;
  truth: Truth;
  /** `state/reason` expected of linkrot. */
  expect: string;
  /** The server answers 2xx (or redirects to a 2xx page) although the content is gone: a soft 404. */
  soft?: boolean;
}

export interface Shape {
  id: string;
  group: 'error-subject' | 'little-text' | 'catch-all' | 'platform-soft-404' | 'platform-404' | 'error-redirect' | 'wall' | 'parked' | 'redesign';
  /** Where the shape comes from (an issue thread, platform docs, a published error page) and when it was read. */
  source: string;
  links: ShapeLink[];
  /** Other paths the site serves (redirect targets). */
  routes?: Record<string, Route>;
  /** Every other path: what a made-up address gets. */
  fallback: Route;
}

const READ = '2026-12-05';
const HTML = { 'content-type': 'text/html; charset=utf-8' };

function html(body: string, status = 200, headers: Record<string, string> = {}): Reply {
  return { status, headers: { ...HTML, ...headers }, body };
}

function redirect(location: string, status = 301): Reply {
  return { status, headers: { location, 'content-type': 'text/html' }, body: `<html><body>Moved to <a href="${location}">${location}</a></body></html>` };
}

function file(contentType: string, body: string | Buffer): Reply {
  return { status: 200, headers: { 'content-type': contentType }, body };
}

const alive = (path: string, route: Route): ShapeLink => ({ path, route, truth: 'alive', expect: 'alive/ok' });
/** A link that now redirects to the site's error or removed-content page. */
const toErrorPage = (path: string, target: string, status: number): ShapeLink => ({ path, route: redirect(target, status), truth: 'dead', expect: 'dead/soft-404', soft: true });
const softDead = (path: string, route: Route = (p) => html(p)): ShapeLink => ({ path, route, truth: 'dead', expect: 'dead/soft-404', soft: true });

// ---------------------------------------------------------------------------------------------------------------
// Page builders for the platforms below
// ---------------------------------------------------------------------------------------------------------------

function wikipediaArticle(name: string, seed: number, paragraphs: number, lead = ''): string {
  return page({
    title: `${name} - Wikipedia`,
    site: 'Wikipedia',
    nav: ['Main page', 'Contents', 'Current events', 'Random article', 'About Wikipedia', 'Contact us', 'Help', 'Learn to edit'],
    main: `<div class="mw-body" id="content"><h1 id="firstHeading" class="firstHeading mw-first-heading"><span class="mw-page-title-main">${name}</span></h1>
<div id="siteSub">From Wikipedia, the free encyclopedia</div><div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">
${lead}${prose(seed, paragraphs, `${name} is described below.`)}
<h2 id="See_also">See also</h2><ul><li><a href="/wiki/Link_rot">Link rot</a></li><li><a href="/wiki/Web_server">Web server</a></li></ul>
<h2 id="References">References</h2><ol class="references"><li>RFC 9110, section 15.</li><li>A style guide for error pages.</li></ol></div></div></div>`,
    aside: '<aside id="vector-toc" class="vector-toc"><h2>Contents</h2><ul><li>Overview</li><li>History</li><li>See also</li><li>References</li></ul></aside>',
  });
}

const WIKIPEDIA_MISSING = (path: string): Reply => {
  const name = decodeURIComponent(path.split('/').pop() ?? '').replace(/_/g, ' ');
  return html(
    page({
      title: `${name} - Wikipedia`,
      site: 'Wikipedia',
      main: `<h1 id="firstHeading">${name}</h1><div class="noarticletext"><p><b>Wikipedia does not have an article with this exact name.</b> Please search for <i>${name}</i> in Wikipedia to check for alternative titles or spellings.</p></div>`,
    }),
    404,
  );
};

function stackOverflowQuestion(title: string, seed: number, question: string): string {
  const answers = [0, 1, 2].map((i) => `<div class="answer" id="answer-${seed * 10 + i}"><div class="s-prose js-post-body">${prose(seed + i + 1, 2, i === 0 ? 'The usual cause is the root directive.' : 'Another thing to check:')}</div><div class="user-info">answered Mar ${i + 3}, 2016</div></div>`).join('');
  return page({
    title: `${title} - Stack Overflow`,
    site: 'Stack Overflow',
    nav: ['Home', 'Questions', 'Tags', 'Users', 'Companies', 'Collectives', 'Teams'],
    main: `<div id="question-header"><h1 itemprop="name" class="fs-headline1"><a href="#" class="question-hyperlink">${title}</a></h1></div>
<div class="question" id="question"><div class="s-prose js-post-body" itemprop="text"><p>${question}</p>${prose(seed, 1, 'Here is my configuration.')}<pre><code>server { listen 80; root /var/www/site; location / { try_files $uri $uri/ =404; } }</code></pre></div>
<div class="post-taglist"><a class="post-tag">nginx</a> <a class="post-tag">http-status-code-404</a></div></div>
<div id="answers"><h2 class="mb0">3 Answers</h2>${answers}</div>`,
    aside: '<aside id="sidebar"><div class="s-sidebarwidget"><h4>The Overflow Blog</h4><ul><li>Featured on Meta</li><li>Hot Network Questions</li></ul></div></aside>',
  });
}

const STACK_OVERFLOW_404 = html(
  page({ title: 'Page not found - Stack Overflow', site: 'Stack Overflow', main: '<h1>Page not found</h1><p>We’re sorry, we couldn’t find the page you requested.</p><p>Try searching for similar questions, or browse our recent questions.</p>' }),
  404,
);

function githubIssue(repo: string, number: number, title: string, seed: number, comments: number): string {
  const thread = Array.from({ length: comments }, (_, i) => `<div class="timeline-comment"><div class="timeline-comment-header"><strong>user${i}</strong> commented on Mar ${i + 1}, 2017</div><div class="comment-body markdown-body">${prose(seed + i, 1, i === 0 ? 'Steps to reproduce:' : 'Same here.')}</div></div>`).join('');
  return page({
    title: `${title} · Issue #${number} · ${repo} · GitHub`,
    site: 'GitHub',
    nav: ['Product', 'Solutions', 'Resources', 'Open Source', 'Enterprise', 'Pricing', 'Sign in', 'Sign up'],
    main: `<div id="repo-content-turbo-frame"><div class="gh-header"><h1 class="gh-header-title"><bdi class="js-issue-title markdown-title">${title}</bdi> <span class="f1-light">#${number}</span></h1>
<span class="State State--closed">Closed</span></div><div class="js-discussion">${thread}</div>
<div class="discussion-sidebar"><div>Assignees: No one assigned</div><div>Labels: bug, docs</div><div>Milestone: No milestone</div></div></div>`,
  });
}

const GITHUB_404 = html(
  page({ title: 'Page not found · GitHub', site: 'GitHub', main: '<h1>404 “This is not the web page you are looking for”</h1><p>Find code, projects, and people on GitHub.</p>' }),
  404,
);

function mdnPage(title: string, heading: string, seed: number): string {
  return page({
    title: `${title} - HTTP | MDN`,
    site: 'MDN Web Docs',
    nav: ['References', 'Guides', 'Plus', 'Curriculum', 'Blog', 'Play', 'AI Help'],
    main: `<article class="main-page-content" lang="en-US"><header><h1>${heading}</h1></header>
<div class="section-content"><p>The HTTP <strong>${heading}</strong> client error response status code indicates something about the requested resource, as explained below.</p>${prose(seed, 5, 'In practice:')}</div>
<section aria-labelledby="status"><h2 id="status">Status</h2><pre>${heading}</pre></section>
<section aria-labelledby="examples"><h2 id="examples">Examples</h2>${prose(seed + 3, 2, 'A request for a page:')}<pre>GET /some/page HTTP/1.1\nHost: example.com</pre></section>
<section aria-labelledby="specifications"><h2 id="specifications">Specifications</h2><table><tr><td>HTTP Semantics</td><td>RFC 9110</td></tr></table></section></article>`,
    aside: '<aside class="sidebar"><nav><ol><li>HTTP</li><li>Guides</li><li>Reference</li><li>HTTP headers</li><li>HTTP request methods</li><li>HTTP response status codes</li></ol></nav></aside>',
  });
}

function wordpressNotFound(site: string): string {
  return page({
    title: `Page not found – ${site}`,
    site,
    bodyAttributes: 'class="error404 hfeed"',
    main: `<section class="error-404 not-found"><header class="page-header"><h1 class="page-title">Oops! That page can’t be found.</h1></header>
<div class="page-content"><p>It looks like nothing was found at this location. Maybe try one of the links below or a search?</p>
<form role="search" method="get" action="/"><input type="search" name="s"><button>Search</button></form></div></section>`,
    aside: blogSidebar(),
  });
}

function bloggerPage(blog: string, content: string): string {
  return page({
    title: blog,
    site: blog,
    nav: ['Home', 'About me', 'Projects', 'Archive'],
    bodyAttributes: 'class="variant-indie"',
    main: `<div class="main-inner"><h1 class="title">${blog}</h1><div class="blog-posts hfeed">${content}</div></div>`,
    aside: '<aside class="sidebar"><div class="widget BlogArchive"><h2>Blog Archive</h2><ul><li>2016 (12)</li><li>2015 (30)</li><li>2014 (41)</li></ul></div><div class="widget Profile"><h2>About Me</h2><p>Teacher, tinkerer.</p></div></aside>',
  });
}

const BLOGGER_MISSING = (blog: string) =>
  bloggerPage(blog, '<div class="status-msg-wrap"><div class="status-msg-body">Sorry, the page you were looking for in this blog does not exist.</div></div>');

function drupalNotFound(path: string): string {
  return page({
    title: 'Page not found | Department of Physics',
    site: 'Department of Physics',
    main: `<div class="region region-content"><h1 class="page-title">Page not found</h1><div class="content">The requested page "${path}" could not be found.</div></div>`,
  });
}

function nextNotFound(): string {
  return `<!DOCTYPE html><html><head><meta charSet="utf-8"/><title>404: This page could not be found</title><meta name="next-head-count" content="3"/>
<style>${'.n{margin:0}'.repeat(200)}</style><script src="/_next/static/chunks/webpack-59c5c889f52620d6.js" defer=""></script><script src="/_next/static/chunks/main-0a6c5cb1.js" defer=""></script></head>
<body><div id="__next"><div style="font-family:system-ui;height:100vh;text-align:center;display:flex;flex-direction:column;align-items:center;justify-content:center">
<div><h1 class="next-error-h1" style="display:inline-block;margin:0 20px 0 0">404</h1><div style="display:inline-block"><h2 style="font-size:14px">This page could not be found.</h2></div></div></div></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"statusCode":404}},"page":"/_error","query":{},"buildId":"x7Yk2","nextExport":true,"isFallback":false,"gip":true}</script></body></html>`;
}

function docsNotFound(): string {
  return page({
    title: 'Page Not Found - Acme Docs',
    site: 'Acme Docs',
    nav: ['Guides', 'API reference', 'Changelog', 'Support', 'Dashboard'],
    main: '<div class="not-found"><span class="code">404</span><h1>Page not found</h1><p>We couldn’t find the page. Maybe you were looking for one of these:</p><ul><li><a href="/quickstart">Quickstart</a></li><li><a href="/api">API reference</a></li></ul></div>',
    aside: '<aside id="sidebar"><nav><ul><li>Get started</li><li>Authentication</li><li>Webhooks</li><li>SDKs</li><li>Errors</li><li>Rate limits</li></ul></nav></aside>',
  });
}

function shopPage(title: string, main: string): string {
  return page({ title: `${title} – Lantern Supply Co.`, site: 'Lantern Supply Co.', nav: ['Shop', 'New arrivals', 'Sale', 'About', 'Cart'], main });
}

function cloudflareChallenge(): string {
  return `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow">
<style>${'*{box-sizing:border-box;margin:0;padding:0}'.repeat(40)}</style></head><body><div class="main-wrapper" role="main"><div class="main-content"><noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript></div></div>
<script>(function(){window._cf_chl_opt={cvId:'3',cZone:'example.org',cType:'managed',cRay:'8f2a',cH:'x',cUPMDTk:"\\/path?__cf_chl_tk=abc",cFPWv:'b',cITimeS:'1733380000'};var cpo=document.createElement('script');cpo.src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=8f2a';document.getElementsByTagName('head')[0].appendChild(cpo);}());</script></body></html>`;
}

function cloudflareUnderAttack(): string {
  return `<!DOCTYPE HTML><html lang="en-US"><head><meta charset="UTF-8" /><title>Just a moment...</title></head><body><table width="100%" height="100%" cellpadding="20"><tr><td align="center" valign="middle">
<div class="cf-browser-verification cf-im-under-attack"><noscript><h1 data-translate="turn_on_js" style="color:#bd2426;">Please turn JavaScript on and reload the page.</h1></noscript>
<div id="cf-content"><h1>Checking your browser before accessing example.org.</h1><p>This process is automatic. Your browser will redirect to your requested content shortly.</p><p>Please allow up to 5 seconds…</p></div></div>
<div class="attribution">DDoS protection by <a rel="noopener noreferrer" href="https://www.cloudflare.com/">Cloudflare</a></div></td></tr></table></body></html>`;
}

function akamaiDenied(path: string): string {
  return `<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don't have permission to access "http&#58;&#47;&#47;www&#46;example&#46;gov${path}" on this server.<P>\nReference&#32;&#35;18&#46;9d37d517&#46;1611332498&#46;1b195610\n</BODY>\n</HTML>\n`;
}

function linkedInWall(): string {
  return `<html><head><script type="text/javascript">window.onload = function() { var domain = location.host; var tld = domain.split('.').pop(); if (tld) { document.cookie = "trkCode=bf; domain=" + domain; } var t = document.getElementById('pagekey'); location.href = "https://www.linkedin.com/authwall?trk=" + encodeURIComponent(t ? t.value : ''); }</script></head><body><input type="hidden" id="pagekey" value="public_profile"></body></html>`;
}

function dataDomeWall(): string {
  return `<html><head><title>example.com</title><style>#cmsg{animation: A 1.5s;}@keyframes A{0%{opacity:0;}99%{opacity:0;}100%{opacity:1;}}</style></head><body style="margin:0"><p id="cmsg">Please enable JS and disable any ad blocker</p>
<script data-cfasync="false">var dd={'rt':'c','cid':'AHrlqAAAAAMAx','hsh':'A55FBF4311ED6F1BF9911EB71931D5','t':'fe','s':17434,'e':'e2f1','host':'geo.captcha-delivery.com'}</script><script data-cfasync="false" src="https://ct.captcha-delivery.com/c.js"></script></body></html>`;
}

function loginPage(site: string): string {
  return page({ title: `Sign in · ${site}`, site, main: '<h1>Sign in</h1><form method="post" action="/users/sign_in"><label>Username or email <input name="user[login]"></label><label>Password <input type="password" name="user[password]"></label><button>Sign in</button></form><p>Don’t have an account yet? Register now</p>' });
}

function sedoLander(domain: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${domain} - This domain may be for sale!</title><meta name="viewport" content="width=device-width, initial-scale=1">
<style>${'body{background:#f2f2f2;font-family:Arial}'.repeat(30)}</style>
<script type="text/javascript">var sedoParkingUrl = "https://sedoparking.com/frmpark/${domain}/IONOSParkingDE/park.js"; window.park = "eyJ1dWlkIjoiZjM3YjIyIiwicGFnZV90aW1lIjoxNzMzMzgwMDAwfQ==";</script>
<script src="https://img.sedoparking.com/js/jquery-1.4.2.min.js"></script></head>
<body><div id="container"><div id="header"><h1>${domain}</h1></div><div id="main"><div id="related">Related Links: <a>Online Courses</a> <a>Machine Learning</a> <a>Data Science Degree</a></div>
<div id="sale"><a href="https://sedo.com/search/details/?domain=${domain}">This domain may be for sale!</a></div></div><div id="footer">Copyright © 2024. All rights reserved. <a>Privacy Policy</a></div></div></body></html>`;
}

function godaddyRoot(): string {
  return `<!DOCTYPE html><html><head><script>window.onload=function(){window.location.href="/lander"}</script></head><body></body></html>`;
}

function godaddyLander(domain: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${domain}</title><meta name="viewport" content="width=device-width, initial-scale=1">
<script src="https://www.google.com/adsense/domains/caf.js?abp=1"></script><script>var pageOptions={pubId:'dp-godaddy3_xml',domainRegistrant:'as-drid-oo-2442',resultsPageBaseUrl:'/lander',channel:'pid-bodis-gcontrol10'};</script>
<style>${'.ad{display:block}'.repeat(120)}</style></head><body><div class="container"><h1>${domain}</h1><div id="relatedsearches1"></div><div class="footer">Get this domain <a href="https://www.godaddy.com/domainsearch/find?domainToCheck=${domain}">Make an offer</a></div></div></body></html>`;
}

function forSalePage(domain: string, service: string): string {
  return page({
    title: `${domain} is for sale | ${service}`,
    site: service,
    nav: ['Buy', 'Sell', 'Help'],
    main: `<section class="hero"><h1>${domain}</h1><p class="lead">${domain} is for sale.</p><p>Buy it now for $2,495 or make an offer. Secure transfer, buyer protection, 0% financing for 12 months.</p>
<a class="btn" href="/checkout?d=${domain}">Buy now</a><a class="btn" href="/offer?d=${domain}">Make an offer</a></section>
<section><h2>How it works</h2><ol><li>Pay securely</li><li>We transfer the domain to you</li><li>You own it</li></ol></section>`,
  });
}

function danPage(domain: string): string {
  return page({
    title: `${domain} | Domain for sale`,
    site: 'Dan',
    nav: ['Buy domains', 'Sell domains', 'Lease to own'],
    main: `<h1>The domain name ${domain} is for sale</h1><p>Buy now for $1,800 or lease to own from $150 a month.</p><p>Fast and easy transfers · Hassle free payments · Buyer protection program</p>`,
  });
}

function bodisLander(domain: string): string {
  return `<!DOCTYPE html><html><head><title>${domain}</title><meta name="viewport" content="width=device-width"><script type="text/javascript" src="https://www.bodis.com/js/bodis.js"></script>
<script>var bodisParams={domain:"${domain}",client:"pub-9d2c"};</script></head><body><div id="bodis-container"><h1>${domain}</h1><div class="related">Related searches: <a>Cheap Flights</a> <a>Hotels</a></div><p>This webpage was generated by the domain owner using Bodis.</p></div></body></html>`;
}

function parkingCrewLander(domain: string): string {
  return `<!DOCTYPE html><html><head><title>${domain}</title><script src="//www.parkingcrew.net/assets/scripts/js3.js" type="text/javascript"></script><script>var parkingcrew={token:"b8ac1",tid:"4"};</script></head>
<body><div id="wrapper"><div id="header"><h1>${domain}</h1></div><div id="searchbox"><input type="text" name="search"></div><div id="links"><a>Online Degree</a> <a>Student Loans</a></div><div id="footer">2024 Copyright. All Rights Reserved. <a>Privacy Policy</a></div></div></body></html>`;
}

/** A single-page app that answers every path with its shell (the first one listed). Every listed route is alive. */
function spaShape(id: string, source: string, shells: Array<[path: string, title: string, mount: string]>): Shape {
  const [, title, mount] = shells[0]!;
  return {
    id,
    group: 'little-text',
    source,
    links: shells.map(([path, name, point]) => alive(path, html(appShell(name, point)))),
    fallback: html(appShell(title, mount)),
  };
}

const GENERIC_404 = html(bareErrorPage('404 Not Found', '404 Not Found', '', 'nginx/1.18.0 (Ubuntu)'), 404);

// ---------------------------------------------------------------------------------------------------------------
// The shapes
// ---------------------------------------------------------------------------------------------------------------

export const SHAPES: Shape[] = [
  // --- Alive pages whose subject is an error ----------------------------------------------------------------
  {
    id: 'wikipedia-http-404',
    group: 'error-subject',
    // The issue that asked for this corpus (linkrot #12, "HTTP 404 - Wikipedia" reported dead), and Wikipedia's
    // answer for a missing article: 404 with "Wikipedia does not have an article with this exact name". Read ${READ}.
    source: `linkrot issue 12; https://en.wikipedia.org/wiki/HTTP_404 (${READ})`,
    links: [
      alive('/wiki/HTTP_404', html(wikipediaArticle('HTTP 404', 1, 6, '<p>In computer network communications, the HTTP 404, 404 not found, 404, 404 error, page not found or file not found error message is a response code of the Hypertext Transfer Protocol.</p>'))),
      alive('/wiki/List_of_HTTP_status_codes', html(wikipediaArticle('List of HTTP status codes', 2, 9))),
      alive('/wiki/Link_rot', html(wikipediaArticle('Link rot', 3, 5))),
      alive('/wiki/Soft_404', html(wikipediaArticle('Soft 404', 53, 4, '<p>A soft 404 is a page that tells the reader it was not found while the server answers 200 OK.</p>'))),
      alive('/wiki/404_(disambiguation)', html(wikipediaArticle('404', 4, 0, '<p><b>404</b> may refer to:</p><ul><li>404 (number)</li><li>AD 404, a year</li><li>404 BC, a year</li><li>HTTP 404, a web status code meaning "Not Found"</li><li>404 (film), a 2011 Indian film</li></ul>'))),
    ],
    fallback: WIKIPEDIA_MISSING,
  },
  {
    id: 'stack-overflow-404-question',
    group: 'error-subject',
    // linkrot issue 12 (an SO question "nginx returns 404 Not Found" reported dead); SO answers a missing question
    // with a 404 "Page not found - Stack Overflow".
    source: `linkrot issue 12; https://stackoverflow.com/questions/tagged/http-status-code-404 (${READ})`,
    links: [
      alive('/questions/19285355/nginx-returns-404-not-found', html(stackOverflowQuestion('nginx returns 404 Not Found', 5, 'Every request to my site returns 404 Not Found. The error log says the file does not exist, but it is there.'))),
      alive('/questions/13678642/flask-route-gives-404-not-found', html(stackOverflowQuestion('Flask route gives 404 Not Found error', 6, 'My route is defined but the browser shows Not Found: the requested URL was not found on the server.'))),
      alive('/questions/5010288/express-static-files-404', html(stackOverflowQuestion('Express static files return 404', 7, 'CSS files cannot be found although the path is right.'))),
      alive('/questions/927358/how-do-i-undo-the-most-recent-local-commits-in-git', html(stackOverflowQuestion('How do I undo the most recent local commits in Git?', 8, 'I committed the wrong files to Git.'))),
    ],
    fallback: STACK_OVERFLOW_404,
  },
  {
    id: 'github-issue-404-title',
    group: 'error-subject',
    // GitHub issues titled after a 404 (e.g. squidfunk/mkdocs-material#575 "404 page not built anymore?",
    // JohnnyIrvin.github.io#63 "404 page returns 200"); GitHub's own 404 for a missing issue.
    source: `https://github.com/squidfunk/mkdocs-material/issues/575, https://github.com/JohnnyIrvin/JohnnyIrvin.github.io/issues/63 (${READ})`,
    links: [
      alive('/acme/widgets/issues/4040', html(githubIssue('acme/widgets', 4040, '404 Not Found when visiting the docs site', 9, 4))),
      alive('/acme/widgets/issues/812', html(githubIssue('acme/widgets', 812, '404 not found', 10, 3))),
      alive('/acme/widgets/issues/575', html(githubIssue('acme/widgets', 575, '404 page not built anymore?', 11, 3))),
      alive('/acme/widgets/issues/63', html(githubIssue('acme/widgets', 63, 'Page not found returns 200 instead of 404', 12, 2))),
    ],
    fallback: GITHUB_404,
  },
  {
    id: 'mdn-status-pages',
    group: 'error-subject',
    // MDN's status-code reference: title "404 Not Found - HTTP | MDN", heading "404 Not Found".
    source: `https://developer.mozilla.org/ru/docs/Web/HTTP/Status/404 (${READ})`,
    links: [
      alive('/en-US/docs/Web/HTTP/Status/404', html(mdnPage('404 Not Found', '404 Not Found', 13))),
      alive('/en-US/docs/Web/HTTP/Status/410', html(mdnPage('410 Gone', '410 Gone', 14))),
      alive('/en-US/docs/Web/HTTP/Status', html(mdnPage('HTTP response status codes', 'HTTP response status codes', 15))),
    ],
    fallback: html(page({ title: 'Page not found | MDN Web Docs', site: 'MDN Web Docs', main: '<h1>Page not found</h1><p>Sorry, the page you requested could not be found.</p>' }), 404),
  },
  {
    id: 'song-and-film-titled-404',
    group: 'error-subject',
    // Works named after the error: the issue asks for "a song titled 404"; lyrics and track pages name the song
    // in title and heading.
    source: `linkrot issue 12 ("a song titled 404") (${READ})`,
    links: [
      alive('/lantern-hollow-404-lyrics', html(page({ title: 'Lantern Hollow – 404 Lyrics | Lyrics Archive', site: 'Lyrics Archive', main: `<h1>404</h1><div class="lyrics">${prose(16, 6, '[Verse 1]')}</div><div class="credits">Written by Lantern Hollow · Released 2016</div>` }))),
      alive('/track/404', html(page({ title: '404 | Lantern Hollow', site: 'Lantern Hollow', main: '<h1>404</h1><p>from the album Static Season by Lantern Hollow</p><p>Digital track, streaming and download. Released March 3, 2016.</p><table><tr><td>1.</td><td>404</td><td>03:41</td></tr></table>' }))),
      // The hard case: a track called "Not Found" whose title and heading are nothing but the phrase, on a site that
      // 404s made-up addresses. Without a sentence saying the page is missing, it stays suspicious, never dead.
      { path: '/track/not-found', route: html(page({ title: 'Not Found | Lantern Hollow', site: 'Lantern Hollow', main: '<h1>Not Found</h1><p>from the album Static Season by Lantern Hollow</p><p>Digital track, streaming and download. Released March 3, 2016.</p>' })), truth: 'alive', expect: 'suspicious/soft-404-likely' },
      alive('/title/tt4451234', html(page({ title: 'Not Found (2015) - Film Database', site: 'Film Database', main: '<h1>Not Found (2015)</h1><p>A young filmmaker follows the trail of an online stranger across three cities.</p><p>Director: R. Vale · Runtime: 1h 32m · Rating: 6.4</p>' }))),
    ],
    fallback: GENERIC_404,
  },
  {
    id: 'identifiers-containing-404',
    group: 'error-subject',
    // Numbers that contain 404: arXiv identifiers (1404.xxxx, April 2014), ticket and product codes (linkrot
    // issue 12: "Page t-01404" reported dead).
    source: `linkrot issue 12; https://arxiv.org/abs/1404.5555 identifier scheme (${READ})`,
    links: [
      alive('/abs/1404.5555', html(page({ title: '[1404.5555] Learning to rank short text pairs', site: 'arXiv', main: `<h1 class="title">Learning to rank short text pairs</h1><blockquote class="abstract">${prose(17, 1, 'Abstract:')}</blockquote>` }))),
      alive('/tickets/t-01404', html(page({ title: 'Page t-01404', site: 'Tracker', main: '<h1>Page t-01404</h1><p>Status: open. Owner: ops.</p>' }))),
      alive('/products/widget-4040', html(page({ title: 'Widget #4040 — Acme Store', site: 'Acme Store', main: '<h1>Widget #4040</h1><p>In stock. Ships in 2 days.</p>' }))),
      alive('/releases/v1.404.2', html(page({ title: 'Release v1.404.2 · acme/cli', site: 'GitHub', main: '<h1>v1.404.2</h1><p>Bug fixes and a faster start-up.</p>' }))),
    ],
    fallback: GENERIC_404,
  },
  {
    id: 'news-site-named-404',
    group: 'error-subject',
    // A publication named after the error (404 Media, launched 2023), its home and article pages.
    source: `https://www.404media.co/ (${READ})`,
    links: [
      alive('/', html(page({ title: '404 Media', site: '404 Media', main: `<h1>404 Media</h1>${prose(18, 3, 'Latest stories.')}` }))),
      alive('/2024/05/a-story-about-scrapers', html(blogPost('404 Media', 'A story about scrapers', 19))),
      alive('/about', html(page({ title: 'About – 404 Media', site: '404 Media', main: `<h1>About</h1>${prose(20, 2, 'We are journalists.')}` }))),
    ],
    fallback: html(page({ title: 'Page not found – 404 Media', site: '404 Media', main: '<h1>Page not found</h1><p>The page you are looking for does not exist.</p>' }), 404),
  },

  // --- Alive pages with little text ------------------------------------------------------------------------
  {
    id: 'small-personal-home-page',
    group: 'little-text',
    // Tiny personal pages (a name, a line, an e-mail), as on university servers; robustify.js#4 shows why a home
    // page must not be judged by a made-up address.
    source: `https://github.com/renevoorburg/robustify.js/issues/4 (2015-02-14, read ${READ})`,
    links: [
      alive('/', html('<html><head><title>Jane Doe</title></head><body><h1>Jane Doe</h1><p>I teach physics. <a href="mailto:jane@example.edu">Mail</a></p></body></html>')),
      alive('/~jdoe/', html('<html><head><title>Jane Doe</title></head><body><h1>Jane Doe</h1><p>Office 3-14. Hours by appointment.</p></body></html>')),
      alive('/~jdoe/cv.html', html('<html><head><title>CV</title></head><body><h2>CV</h2><ul><li>PhD 2009</li><li>Lecturer since 2012</li></ul></body></html>')),
    ],
    fallback: html(bareErrorPage('404 Not Found', 'Not Found', 'The requested URL was not found on this server.', 'Apache/2.4.41 (Ubuntu) Server'), 404),
  },
  {
    id: 'tiny-home-page-catch-all',
    group: 'little-text',
    // A one-page site that answers every path with its home page (robustify.js#4: "a random url … returns the
    // home page"); the root is alive, a deep link to it is only suspicious.
    source: `https://github.com/renevoorburg/robustify.js/issues/4 (2015-02-14, read ${READ})`,
    links: [
      alive('/', html('<html><head><title>Studio Vale</title></head><body><h1>Studio Vale</h1><p>Furniture, made to order.</p></body></html>')),
      { path: '/portfolio/chairs-2014', route: html('<html><head><title>Studio Vale</title></head><body><h1>Studio Vale</h1><p>Furniture, made to order.</p></body></html>'), truth: 'unsure', expect: 'suspicious/soft-404-likely' },
    ],
    fallback: html('<html><head><title>Studio Vale</title></head><body><h1>Studio Vale</h1><p>Furniture, made to order.</p></body></html>'),
  },
  {
    id: 'images',
    group: 'little-text',
    // Image links answer with the image; HEAD is enough (DESIGN: HEAD first for files).
    source: `https://github.com/JustinBeckwith/linkinator/issues/679 (2025-09-06, file links in posts; read ${READ})`,
    links: [
      alive('/img/figure-1.png', file('image/png', PNG)),
      alive('/img/photo.jpg', file('image/jpeg', PNG)),
      alive('/img/diagram.svg', file('image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')),
      alive('/img/animation.gif', file('image/gif', PNG)),
      alive('/img/cover.webp', file('image/webp', PNG)),
    ],
    fallback: GENERIC_404,
  },
  {
    id: 'pdf-documents',
    group: 'little-text',
    // PDFs, including servers that refuse HEAD (405) or answer it wrongly (404 to HEAD, 200 to GET): the design's
    // "GET where HEAD lies".
    source: `https://github.com/wummel/linkchecker/issues/327 (2012-12-21, HEAD vs GET disagreements; read ${READ})`,
    links: [
      alive('/papers/thesis.pdf', file('application/pdf', PDF)),
      alive('/papers/slides.pdf', (_path, method) => (method === 'HEAD' ? { status: 405, headers: { allow: 'GET' } } : file('application/pdf', PDF))),
      alive('/papers/notes.pdf', (_path, method) => (method === 'HEAD' ? { status: 404 } : file('application/pdf', PDF))),
    ],
    fallback: GENERIC_404,
  },
  {
    id: 'json-and-text',
    group: 'little-text',
    // APIs and plain files: no HTML to read, nothing to judge but the status.
    source: `https://github.com/tcort/link-check/issues/47 (2021-04-24, link-check on non-HTML answers; read ${READ})`,
    links: [
      alive('/api/v1/status', file('application/json', '{"status":"ok","version":"2.3.1"}')),
      alive('/data/stations.json', file('application/json; charset=utf-8', '[{"id":1,"name":"North"},{"id":2,"name":"South"}]')),
      alive('/robots.txt', file('text/plain', 'User-agent: *\nDisallow: /admin/\n')),
      alive('/notes/README.txt', file('text/plain; charset=utf-8', 'Read me first.\n')),
      alive('/LICENSE', file('text/plain', 'MIT License\n\nCopyright (c) 2016\n')),
    ],
    fallback: GENERIC_404,
  },
  // Single-page apps serve one index.html with an empty mount point for every route (proofofexistence#67,
  // CleverCloud docs #786).
  spaShape('spa-react-shell', `https://github.com/proofofexistence/proofofexistence/issues/67 (2019-02-18), https://github.com/CleverCloud/doc.clever-cloud.com/pull/786 (read ${READ})`, [
    ['/', 'Acme Dashboard', '<div id="root"></div>'],
    ['/settings/profile', 'Acme Dashboard', '<div id="root"></div>'],
    ['/docs/getting-started', 'Acme Dashboard', '<div id="root"></div>'],
  ]),
  // Angular (`<app-root>`) and Vue (`#app`) shells, served for every route (CDCgov/prime-reportstream#2952).
  spaShape('spa-angular-vue-shells', `https://github.com/CDCgov/prime-reportstream/issues/2952 (2021-11-05, read ${READ})`, [
    ['/reports/weekly', 'Report Stream', '<app-root ng-version="12.2.0"></app-root>'],
    ['/map', 'Transit Map', '<div id="app"></div>'],
    ['/about/team', 'Report Stream', '<app-root ng-version="12.2.0"></app-root>'],
  ]),
  {
    id: 'spa-index-served-as-404',
    group: 'little-text',
    // An SPA whose server sends index.html for client routes, but with status 404 (cupcakearmy/cryptgeon#217):
    // the status is what the server says, and it says 404.
    source: `https://github.com/cupcakearmy/cryptgeon/issues/217 (2026-09-02, read ${READ})`,
    links: [
      alive('/', html(appShell('cryptgeon', '<div id="app"></div>'))),
      { path: '/note/abc123', route: html(appShell('cryptgeon', '<div id="app"></div>'), 404), truth: 'unsure', expect: 'dead/http-404' },
    ],
    fallback: html(appShell('cryptgeon', '<div id="app"></div>'), 404),
  },

  // --- Catch-alls that answer 200 with different content per path ------------------------------------------
  {
    id: 'search-catch-all',
    group: 'catch-all',
    // CMSs that turn an unknown path into a search for its words (200, content varies per path).
    source: `https://github.com/SimplyY/blog/issues/4 (2016-02-24: unknown URLs still answer with nav and sidebar; read ${READ})`,
    links: [
      alive('/2015/03/teaching-recursion', html(blogPost('Field Notes', 'Teaching recursion', 21))),
      alive('/2016/07/notes-from-a-small-conference', html(blogPost('Field Notes', 'Notes from a small conference', 22))),
      alive('/about/', html(page({ title: 'About – Field Notes', site: 'Field Notes', main: `<h1>About</h1>${prose(23, 2, 'I write here.')}`, aside: blogSidebar() }))),
    ],
    fallback: (path) =>
      html(page({ title: `Search results for “${path.split('/').pop()}” – Field Notes`, site: 'Field Notes', main: `<h1>Search results for: ${path.split('/').pop()}</h1>${prose(path.length, 2, 'Posts that match:')}`, aside: blogSidebar() })),
  },
  {
    id: 'homepage-catch-all',
    group: 'catch-all',
    // A site that shows its home page for unknown paths with 200 (val-town/val-town-blog#8, girldevelopit#402).
    source: `https://github.com/val-town/val-town-blog/issues/8 (2023-12-07), https://github.com/girldevelopit/gdi-website/issues/402 (2016-01-11; read ${READ})`,
    links: [
      alive('/', html(page({ title: 'Val Notes', site: 'Val Notes', main: `<h1>Val Notes</h1>${prose(24, 4, 'Latest posts.')}` }))),
      alive('/posts/scheduling-jobs', html(blogPost('Val Notes', 'Scheduling jobs', 25))),
      alive('/posts/running-sqlite', html(blogPost('Val Notes', 'Running SQLite', 26))),
    ],
    fallback: html(page({ title: 'Val Notes', site: 'Val Notes', main: `<h1>Val Notes</h1>${prose(24, 4, 'Latest posts.')}` })),
  },
  {
    id: 'redirect-unknown-to-home',
    group: 'catch-all',
    // Unknown and retired paths redirected to the home page ("a redirect of every missing URL to the homepage"):
    // only suspicious, the page may have moved anywhere.
    source: `https://docs.squirrelscan.com/rules/crawl/custom-404 (read ${READ}); https://github.com/linkchecker/linkchecker/pull/619 (2022-03-10)`,
    links: [
      alive('/courses/intro-to-statistics', html(page({ title: 'Intro to Statistics – Learn', site: 'Learn', main: `<h1>Intro to Statistics</h1>${prose(27, 4, 'Week one.')}` }))),
      { path: '/courses/machine-learning-2015', route: redirect('/', 302), truth: 'unsure', expect: 'suspicious/redirect-to-homepage' },
      { path: '/courses/old-syllabus', route: redirect('/', 301), truth: 'unsure', expect: 'suspicious/redirect-to-homepage' },
    ],
    routes: { '/': html(page({ title: 'Learn', site: 'Learn', main: `<h1>Learn</h1>${prose(28, 3, 'Courses.')}` })) },
    fallback: redirect('/', 302),
  },

  // --- Soft 404s of real platforms ---------------------------------------------------------------------------
  {
    id: 'wordpress-404-template-served-200',
    group: 'platform-soft-404',
    // WordPress themes' 404.php ("Oops! That page can’t be found." / "It looks like nothing was found at this
    // location"), served with 200 by a misconfigured cache (satellytes#685, video-game-randomizers#16).
    source: `https://github.com/satellytes/satellytes.com/issues/685 (2022-11-28); WordPress theme 404.php templates (code search, read ${READ})`,
    links: [
      alive('/2016/03/a-year-of-writing/', html(blogPost('Workshop Notes', 'A year of writing every week', 29))),
      alive('/2017/01/reading-old-code/', html(blogPost('Workshop Notes', 'Reading old code', 30))),
      softDead('/2014/11/my-old-conference-talk/', html(wordpressNotFound('Workshop Notes'))),
      softDead('/2013/05/slides-from-pycon/', html(wordpressNotFound('Workshop Notes'))),
      softDead('/?p=1234', html(wordpressNotFound('Workshop Notes'))),
    ],
    fallback: html(wordpressNotFound('Workshop Notes')),
  },
  {
    id: 'wordpress-404-template',
    group: 'platform-404',
    // The same template answered properly with 404 (WordPress core sends 404 for is_404()).
    source: `https://github.com/canonical/ubuntu.com/pull/11947 (2022-08-15, WordPress posts that do not exist answer 404; read ${READ})`,
    links: [
      alive('/2015/06/bicycle-trip/', html(blogPost('Workshop Notes', 'Bicycle trip', 31))),
      { path: '/2012/02/deleted-post/', route: html(wordpressNotFound('Workshop Notes'), 404), truth: 'dead', expect: 'dead/http-404' },
      { path: '/2012/03/another-deleted-post/', route: html(wordpressNotFound('Workshop Notes'), 404), truth: 'dead', expect: 'dead/http-404' },
    ],
    fallback: html(wordpressNotFound('Workshop Notes'), 404),
  },
  {
    id: 'blogger-missing-post-200',
    group: 'platform-soft-404',
    // Blogger's message for a missing post, "Sorry, the page you were looking for in this blog does not exist.",
    // on a blog whose front end answers it with 200 (the title and heading are the blog's name).
    source: `https://github.com/dropod/issues/issues/13768 (2022-02-04, Blogger "not available" pages; read ${READ})`,
    links: [
      alive('/2015/04/building-a-radio.html', html(bloggerPage('Tinker Diary', `<div class="post"><h3 class="post-title">Building a radio</h3>${prose(32, 5, 'Parts list.')}</div>`))),
      softDead('/2014/09/old-project.html', html(BLOGGER_MISSING('Tinker Diary'))),
      softDead('/2013/12/winter-notes.html', html(BLOGGER_MISSING('Tinker Diary'))),
    ],
    fallback: html(BLOGGER_MISSING('Tinker Diary')),
  },
  {
    id: 'blogger-missing-post-200-real-404s',
    group: 'platform-soft-404',
    // The same Blogger message answered 200 by a blog front end whose server answers made-up addresses with a
    // plain 404 (aem-boilerplate-commerce#88 shows such split answers: item routes 200, "other routes … 404").
    source: `https://github.com/dropod/issues/issues/13768 (2022-02-04), https://github.com/hlxsites/aem-boilerplate-commerce/issues/88 (2024-07-26; read ${READ})`,
    links: [
      alive('/2016/09/lathe-notes.html', html(bloggerPage('Shed Notes', `<div class="post"><h3 class="post-title">Lathe notes</h3>${prose(57, 5, 'Tool rest.')}</div>`))),
      softDead('/2013/04/removed-post.html', html(BLOGGER_MISSING('Shed Notes'))),
      softDead('/2012/11/draft.html', html(BLOGGER_MISSING('Shed Notes'))),
    ],
    fallback: GENERIC_404,
  },
  {
    id: 'site-builder-not-found-200',
    group: 'platform-soft-404',
    // A site builder's error page ("404 Error Page", "Looks like this page can't be found", "Check the URL or go back
    // home") answered 200 for a removed page while other paths get the server's 404 (mintlify/docs#3759,
    // hlxsites/aem-boilerplate-commerce#88).
    source: `https://github.com/mintlify/docs/issues/3759 (2026-02-25), https://github.com/hlxsites/aem-boilerplate-commerce/issues/88 (2024-07-26; read ${READ})`,
    links: [
      alive('/services', html(page({ title: 'Services | Vale Design', site: 'Vale Design', main: `<h1>Services</h1>${prose(58, 4, 'Interiors.')}` }))),
      softDead('/blog/2015-kitchen', html(page({ title: '404 Error Page | Vale Design', site: 'Vale Design', main: '<h1>Looks like this page can’t be found.</h1><p>Check the URL or go back home.</p>' }))),
      softDead('/portfolio/old-house', html(page({ title: '404 Error Page | Vale Design', site: 'Vale Design', main: '<h1>Looks like this page can’t be found.</h1><p>Check the URL or go back home.</p>' }))),
    ],
    fallback: GENERIC_404,
  },
  {
    id: 'blogger-missing-post-404',
    group: 'platform-404',
    // Blogger itself sends the message with 404.
    source: `https://github.com/mikf/gallery-dl/issues/903 (2020-07-20, Blogger answers 404 for missing posts; read ${READ})`,
    links: [
      alive('/2016/02/soldering.html', html(bloggerPage('Bench Log', `<div class="post"><h3 class="post-title">Soldering</h3>${prose(33, 5, 'Iron temperature.')}</div>`))),
      { path: '/2012/01/gone.html', route: html(BLOGGER_MISSING('Bench Log'), 404), truth: 'dead', expect: 'dead/http-404' },
      { path: '/2012/02/also-gone.html', route: html(BLOGGER_MISSING('Bench Log'), 404), truth: 'dead', expect: 'dead/http-404' },
    ],
    fallback: html(BLOGGER_MISSING('Bench Log'), 404),
  },
  {
    id: 'drupal-not-found-200',
    group: 'platform-soft-404',
    // Drupal's "The requested page … could not be found." with the path in the text, answered 200 when the
    // site's 404 page is a node (aem-boilerplate-commerce#88 and girldevelopit#402 show 200 error pages).
    source: `https://github.com/girldevelopit/gdi-website/issues/402 (2016-01-11, read ${READ})`,
    links: [
      alive('/research/condensed-matter', html(page({ title: 'Condensed matter | Department of Physics', site: 'Department of Physics', main: `<h1>Condensed matter</h1>${prose(34, 5, 'Our group.')}` }))),
      softDead('/people/former-postdoc', (path) => html(drupalNotFound(path))),
      softDead('/events/2015-colloquium', (path) => html(drupalNotFound(path))),
    ],
    fallback: (path) => html(drupalNotFound(path)),
  },
  {
    id: 'nextjs-not-found-200',
    group: 'platform-soft-404',
    // Next.js's built-in error page ("404: This page could not be found") exported statically and served with 200
    // by a host that rewrites every path (mintlify/docs#3759: "Non-existent URLs show 404 visually, but the
    // actual HTTP status is 200").
    source: `https://github.com/mintlify/docs/issues/3759 (2026-02-25, read ${READ})`,
    links: [
      alive('/blog/launch', html(blogPost('Acme', 'Launch week', 35))),
      softDead('/blog/old-announcement', html(nextNotFound())),
      softDead('/docs/v1/setup', html(nextNotFound())),
    ],
    fallback: html(nextNotFound()),
  },
  {
    id: 'docs-platform-not-found-200',
    group: 'platform-soft-404',
    // A hosted documentation platform whose not-found page answers 200 (mintlify/docs#3759).
    source: `https://github.com/mintlify/docs/issues/3759 (2026-02-25, read ${READ})`,
    links: [
      alive('/quickstart', html(page({ title: 'Quickstart - Acme Docs', site: 'Acme Docs', main: `<h1>Quickstart</h1>${prose(36, 5, 'Install the CLI.')}` }))),
      softDead('/guides/legacy-auth', html(docsNotFound())),
      softDead('/api-reference/v1/users', html(docsNotFound())),
    ],
    fallback: html(docsNotFound()),
  },
  {
    id: 'app-item-not-found-200',
    group: 'platform-soft-404',
    // An application route that answers 200 "not found" for a deleted item while the web server answers unknown
    // paths with a real 404 (hlxsites/aem-boilerplate-commerce#88: product pages soft-404 while "other routes
    // already return a 404 status code").
    source: `https://github.com/hlxsites/aem-boilerplate-commerce/issues/88 (2024-07-26, read ${READ})`,
    links: [
      alive('/product.php?id=17', html(shopPage('Brass desk lamp', `<h1>Brass desk lamp</h1>${prose(37, 3, 'Hand finished.')}<p>$89.00</p>`))),
      softDead('/product.php?id=4', html(shopPage('Product not found', '<h1>Product not found</h1><p>Sorry, the product you are looking for does not exist or has been removed.</p>'))),
      softDead('/product.php?id=9', html(shopPage('Product not found', '<h1>Product not found</h1><p>Sorry, the product you are looking for does not exist or has been removed.</p>'))),
    ],
    fallback: GENERIC_404,
  },
  {
    id: 'store-404',
    group: 'platform-404',
    // Store platforms answer a missing product with a themed 404 page (ecomplus/storefront#555: "Página 404 deve ser
    // enviada com status 404").
    source: `https://github.com/ecomplus/storefront/issues/555 (2021-11-03, read ${READ})`,
    links: [
      alive('/products/linen-apron', html(shopPage('Linen apron', `<h1>Linen apron</h1>${prose(38, 3, 'Washed linen.')}`))),
      { path: '/products/discontinued-mug', route: html(shopPage('404 Not Found', '<h1>404 Page Not Found</h1><p>The page you requested does not exist.</p>'), 404), truth: 'dead', expect: 'dead/http-404' },
      { path: '/collections/summer-2015', route: html(shopPage('404 Not Found', '<h1>404 Page Not Found</h1><p>The page you requested does not exist.</p>'), 404), truth: 'dead', expect: 'dead/http-404' },
    ],
    fallback: html(shopPage('404 Not Found', '<h1>404 Page Not Found</h1><p>The page you requested does not exist.</p>'), 404),
  },
  {
    id: 'github-pages-404',
    group: 'platform-404',
    // GitHub Pages serves the site's 404.html (or "Site not found · GitHub Pages") with status 404
    // (github/docs "Creating a custom 404 page"; video-game-randomizers#16: only /404.html itself answers 200).
    source: `https://github.com/github/docs/blob/main/content/pages/getting-started-with-github-pages/creating-a-custom-404-page-for-your-github-pages-site.md; https://github.com/video-game-randomizers/rando-list/issues/16 (2024-07-17, read ${READ})`,
    links: [
      alive('/project/', html(page({ title: 'Project · acme.github.io', site: 'acme.github.io', main: `<h1>Project</h1>${prose(39, 4, 'Docs.')}` }))),
      { path: '/project/old-guide.html', route: html(page({ title: 'Page not found · acme.github.io', site: 'acme.github.io', main: '<h1>404</h1><p>Page not found :(</p><p>The requested page could not be found.</p>' }), 404), truth: 'dead', expect: 'dead/http-404' },
      { path: '/blog/2014/01/01/hello.html', route: html(page({ title: 'Page not found · acme.github.io', site: 'acme.github.io', main: '<h1>404</h1><p>Page not found :(</p>' }), 404), truth: 'dead', expect: 'dead/http-404' },
      alive('/project/guide/', html(page({ title: 'Guide · acme.github.io', site: 'acme.github.io', main: `<h1>Guide</h1>${prose(52, 4, 'Usage.')}` }))),
    ],
    fallback: html(page({ title: 'Page not found · acme.github.io', site: 'acme.github.io', main: '<h1>404</h1><p>Page not found :(</p><p>The requested page could not be found.</p>' }), 404),
  },
  {
    id: 'gone-410',
    group: 'platform-404',
    // Content removed on purpose answers 410 Gone (MDN 404 page: "410 (Gone) should be used instead" when known permanent).
    source: `https://developer.mozilla.org/ru/docs/Web/HTTP/Status/404 (read ${READ})`,
    links: [
      alive('/articles/current', html(blogPost('Newsroom', 'Current article', 40))),
      { path: '/articles/retracted', route: html(page({ title: 'Gone – Newsroom', site: 'Newsroom', main: '<h1>This article has been removed</h1>' }), 410), truth: 'dead', expect: 'dead/http-410' },
      { path: '/articles/withdrawn-2014', route: html(page({ title: 'Gone – Newsroom', site: 'Newsroom', main: '<h1>This article has been removed</h1>' }), 410), truth: 'dead', expect: 'dead/http-410' },
    ],
    fallback: GENERIC_404,
  },

  {
    id: 'nginx-error-page-served-200',
    group: 'platform-soft-404',
    // A server that answers unknown paths with its stock "404 Not Found" page but status 200 (`error_page 404 =200`;
    // video-game-randomizers/rando-list#16: "/404.html incorrectly return HTTP 200 OK").
    source: `https://github.com/video-game-randomizers/rando-list/issues/16 (2024-07-17, read ${READ})`,
    links: [
      alive('/docs/setup.html', html(page({ title: 'Setup – Rando List', site: 'Rando List', main: `<h1>Setup</h1>${prose(54, 4, 'Install.')}` }))),
      softDead('/docs/old-setup.html', html(bareErrorPage('404 Not Found', '404 Not Found', '', 'nginx'))),
      softDead('/files/list-2016.html', html(bareErrorPage('404 Not Found', '404 Not Found', '', 'nginx'))),
    ],
    fallback: html(bareErrorPage('404 Not Found', '404 Not Found', '', 'nginx')),
  },
  {
    id: 'localized-soft-404-ru',
    group: 'platform-soft-404',
    // A Russian WordPress theme's 404.php ("Упсс.. Страница не найдена", h1 "404", "страница … не найдена"), served
    // with 200 for every unknown path (oosaulenko/ninja 404.php, code search).
    source: `https://github.com/oosaulenko/ninja (404.php, read ${READ}); https://github.com/satellytes/satellytes.com/issues/685 (2022-11-28)`,
    links: [
      alive('/blog/nastroika-servera/', html(page({ lang: 'ru', title: 'Настройка сервера – Заметки', site: 'Заметки', main: `<h1>Настройка сервера</h1>${prose(55, 5, 'Шаг первый.')}` }))),
      softDead('/blog/staraya-zapis/', html(page({ lang: 'ru', title: 'Упсс.. Страница не найдена', site: 'Заметки', main: '<h1>404</h1><h3>Извините!</h3><div class="text">Похоже, что страница, которую вы ищете, не найдена.</div><a href="/">Вернуться назад</a>' }))),
      softDead('/2015/05/zametka/', html(page({ lang: 'ru', title: 'Упсс.. Страница не найдена', site: 'Заметки', main: '<h1>404</h1><h3>Извините!</h3><div class="text">Похоже, что страница, которую вы ищете, не найдена.</div><a href="/">Вернуться назад</a>' }))),
    ],
    fallback: html(page({ lang: 'ru', title: 'Упсс.. Страница не найдена', site: 'Заметки', main: '<h1>404</h1><h3>Извините!</h3><div class="text">Похоже, что страница, которую вы ищете, не найдена.</div><a href="/">Вернуться назад</a>' })),
  },
  {
    id: 'localized-soft-404-de',
    group: 'platform-soft-404',
    // A German CMS's "Seite nicht gefunden" page answered 200 for every unknown path (ecomplus/storefront#555 asks
    // for the same fix in Portuguese: "Página 404 deve ser enviada com status 404").
    source: `https://github.com/ecomplus/storefront/issues/555 (2021-11-03, read ${READ})`,
    links: [
      alive('/verein/geschichte', html(page({ lang: 'de', title: 'Geschichte – Sportverein', site: 'Sportverein', main: `<h1>Geschichte</h1>${prose(56, 5, 'Gegründet 1921.')}` }))),
      softDead('/termine/2014/sommerfest', html(page({ lang: 'de', title: 'Seite nicht gefunden – Sportverein', site: 'Sportverein', main: '<h1>Seite nicht gefunden</h1><p>Die angeforderte Seite existiert nicht. Bitte nutzen Sie die Suche.</p>' }))),
      softDead('/mannschaften/jugend-2013', html(page({ lang: 'de', title: 'Seite nicht gefunden – Sportverein', site: 'Sportverein', main: '<h1>Seite nicht gefunden</h1><p>Die angeforderte Seite existiert nicht. Bitte nutzen Sie die Suche.</p>' }))),
    ],
    fallback: html(page({ lang: 'de', title: 'Seite nicht gefunden – Sportverein', site: 'Sportverein', main: '<h1>Seite nicht gefunden</h1><p>Die angeforderte Seite existiert nicht. Bitte nutzen Sie die Suche.</p>' })),
  },

  // --- Redirects to the site's error or removed page ---------------------------------------------------------
  {
    id: 'redirect-to-404-page',
    group: 'error-redirect',
    // "HTTP 301 sillywebsite.com/asdfsadfasf pointing to HTTP 200 sillywebsite.com/404" (coala/coala-bears#528).
    source: `https://github.com/coala/coala-bears/issues/528 (2016-06-15, read ${READ})`,
    links: [
      alive('/guide/install', html(page({ title: 'Install – Guide', site: 'Guide', main: `<h1>Install</h1>${prose(41, 4, 'Download.')}` }))),
      toErrorPage('/guide/old-install', '/404.html', 302),
      toErrorPage('/downloads/v1', '/errors/404/', 301),
    ],
    routes: {
      '/404.html': html(page({ title: 'Not found – Guide', site: 'Guide', main: '<h1>Not found</h1><p>That page does not exist.</p>' })),
      '/errors/404/': html(page({ title: 'Not found – Guide', site: 'Guide', main: '<h1>Not found</h1><p>That page does not exist.</p>' })),
    },
    fallback: redirect('/404.html', 302),
  },
  {
    id: 'redirect-to-notfound-aspx',
    group: 'error-redirect',
    // ASP.NET customErrors with a 404-specific redirect (`<error statusCode="404" redirect="NotFound.aspx"/>`),
    // which appends ?aspxerrorpath=.
    source: `https://github.com/coala/coala-bears/issues/528 (2016-06-15: redirects to an error page by name; read ${READ})`,
    links: [
      alive('/Services/Default.aspx', html(page({ title: 'Services', site: 'City Council', main: `<h1>Services</h1>${prose(42, 4, 'Waste collection.')}` }))),
      toErrorPage('/News/2013/Flood.aspx', '/NotFound.aspx?aspxerrorpath=/News/2013/Flood.aspx', 302),
      toErrorPage('/Council/Minutes2012.aspx', '/page-not-found?url=/Council/Minutes2012.aspx', 302),
    ],
    routes: Object.fromEntries(['/NotFound.aspx', '/page-not-found'].map((path) => [path, html(page({ title: 'Page not found', site: 'City Council', main: '<h1>Sorry</h1><p>We could not find that page.</p>' }))])),
    fallback: GENERIC_404,
  },
  {
    id: 'redirect-to-removed-image',
    group: 'error-redirect',
    // Image hosts send deleted images to a placeholder (imgur: i.imgur.com/removed.png).
    source: `https://github.com/coala/coala-bears/issues/528 (2016-06-15, error pages by name); imgur's removed.png placeholder (read ${READ})`,
    links: [
      alive('/a1b2c3.png', file('image/png', PNG)),
      toErrorPage('/Zx9Yq.png', '/removed.png', 302),
      toErrorPage('/Qw3Rt.jpg', '/removed.png', 302),
    ],
    routes: { '/removed.png': file('image/png', PNG) },
    fallback: GENERIC_404,
  },
  {
    id: 'redirect-to-article-about-404',
    group: 'redesign',
    // A redesign that moved an article about 404 errors: the target names "404" but is an ordinary page.
    source: `https://github.com/matrix-org/matrix.org/issues/462 (2019-06-12, pages renamed in a redesign; read ${READ})`,
    links: [
      { path: '/2014/05/fixing-404-errors', route: redirect('/blog/fixing-404-errors/'), truth: 'moved', expect: 'redirected/redirect-permanent' },
      { path: '/2015/01/soft-404-explained', route: redirect('/blog/soft-404-explained/'), truth: 'moved', expect: 'redirected/redirect-permanent' },
    ],
    routes: {
      '/blog/fixing-404-errors/': html(blogPost('Ops Diary', 'Fixing 404 errors', 43)),
      '/blog/soft-404-explained/': html(blogPost('Ops Diary', 'Soft 404 explained', 44)),
    },
    fallback: GENERIC_404,
  },

  // --- Login walls and bot walls -------------------------------------------------------------------------------
  {
    id: 'cloudflare-managed-challenge',
    group: 'wall',
    // Cloudflare's managed challenge: 403, `cf-mitigated: challenge`, "Just a moment..." (hexsecs/awesome-embedded-
    // security#52, linkchecker#738, filiph/linkcheck#122).
    source: `https://github.com/hexsecs/awesome-embedded-security/pull/52 (2026-09-17), https://github.com/linkchecker/linkchecker/issues/738 (2023-05-10; read ${READ})`,
    links: ['/doi/10.1098/rsta.2015.0401', '/doi/10.1098/rsta.2016.0123', '/license/apache-2-0/'].map((path) => ({
      path,
      route: html(cloudflareChallenge(), 403, { 'cf-mitigated': 'challenge', server: 'cloudflare' }),
      truth: 'blocked' as const,
      expect: 'blocked/bot-protection',
    })),
    fallback: html(cloudflareChallenge(), 403, { 'cf-mitigated': 'challenge', server: 'cloudflare' }),
  },
  {
    id: 'cloudflare-under-attack-503',
    group: 'wall',
    // The older "I'm Under Attack" interstitial: 503 with "Checking your browser", `server: cloudflare`
    // (liferay-frontend-guidelines#164, sypets/brofix#289).
    source: `https://github.com/liferay/liferay-frontend-guidelines/pull/164 (2020-05-29), https://github.com/sypets/brofix/issues/289 (2023-09-27; read ${READ})`,
    links: ['/pen/abcdef', '/pen/ghijkl', '/collection/xyz'].map((path) => ({
      path,
      route: html(cloudflareUnderAttack(), 503, { server: 'cloudflare' }),
      truth: 'blocked' as const,
      expect: 'blocked/bot-protection',
    })),
    fallback: html(cloudflareUnderAttack(), 503, { server: 'cloudflare' }),
  },
  {
    id: 'linkedin-999',
    group: 'wall',
    // LinkedIn's "999 Request denied" to non-browser clients (gjtorikian/html-proofer#215, dkhamsing/awesome_bot#165).
    source: `https://github.com/gjtorikian/html-proofer/issues/215 (2015-05-08), https://github.com/dkhamsing/awesome_bot/issues/165 (2018-04-19; read ${READ})`,
    links: ['/in/janedoe', '/in/jdoe-physics', '/company/acme'].map((path) => ({ path, route: html(linkedInWall(), 999), truth: 'blocked' as const, expect: 'blocked/bot-protection' })),
    fallback: html(linkedInWall(), 999),
  },
  {
    id: 'akamai-access-denied',
    group: 'wall',
    // Akamai's 403 "Access Denied … Reference #18.…" with `server: AkamaiGHost` (Ekultek/WhatWaf#1021, #1162).
    source: `https://github.com/Ekultek/WhatWaf/issues/1021 (2021-01-22), https://github.com/Ekultek/WhatWaf/issues/1162 (2021-04-22; read ${READ})`,
    links: ['/Resources/Military-Departments/', '/News/Releases/2016/', '/About/'].map((path) => ({ path, route: html(akamaiDenied(path), 403, { server: 'AkamaiGHost' }), truth: 'blocked' as const, expect: 'blocked/bot-protection' })),
    fallback: (path) => html(akamaiDenied(path), 403, { server: 'AkamaiGHost' }),
  },
  {
    id: 'datadome-captcha',
    group: 'wall',
    // DataDome's 403 captcha interstitial (captcha-delivery.com), as listed by WAF fingerprinting tools.
    source: `https://github.com/Ekultek/WhatWaf/issues/1162 (2021-04-22, WAF interstitials; read ${READ})`,
    links: ['/article/2016/03/story', '/article/2017/11/other-story'].map((path) => ({ path, route: html(dataDomeWall(), 403, { 'x-datadome': 'protected' }), truth: 'blocked' as const, expect: 'blocked/bot-protection' })),
    fallback: html(dataDomeWall(), 403, { 'x-datadome': 'protected' }),
  },
  {
    id: 'login-wall-redirects',
    group: 'wall',
    // Deep links that redirect to a sign-in page: GitLab's /users/sign_in (coala/coala-bears#528), GitHub's
    // /login?return_to= (endymion/link-checker#11), Django's /accounts/login/.
    source: `https://github.com/coala/coala-bears/issues/528 (2016-06-15), https://github.com/endymion/link-checker/issues/11 (2013-08-28; read ${READ})`,
    links: [
      { path: '/group/project/issues/new', route: redirect('/users/sign_in', 302), truth: 'blocked', expect: 'blocked/login-wall' },
      { path: '/org/repo/settings', route: redirect('/login?return_to=%2Forg%2Frepo%2Fsettings', 302), truth: 'blocked', expect: 'blocked/login-wall' },
      { path: '/admin/reports/2016', route: redirect('/accounts/login/?next=/admin/reports/2016', 302), truth: 'blocked', expect: 'blocked/login-wall' },
    ],
    routes: { '/users/sign_in': html(loginPage('GitLab')), '/login': html(loginPage('GitHub')), '/accounts/login/': html(loginPage('Intranet')) },
    fallback: GENERIC_404,
  },
  {
    id: 'linkedin-authwall-redirect',
    group: 'wall',
    // LinkedIn's answer to a browser-like client without a session: a redirect to /authwall (the 999 page's script
    // sends browsers there too; textlint-rule-no-dead-link#109: "their authentication wall blocks me").
    source: `https://github.com/textlint-rule/textlint-rule-no-dead-link/issues/109 (2019-01-07 comment, read ${READ})`,
    links: ['/in/raymond-example', '/company/example-labs'].map((path) => ({
      path,
      route: redirect(`/authwall?trk=public_profile&sessionRedirect=${encodeURIComponent(path)}`, 302),
      truth: 'blocked' as const,
      expect: 'blocked/login-wall',
    })),
    routes: { '/authwall': html(loginPage('LinkedIn')) },
    fallback: GENERIC_404,
  },
  {
    id: 'basic-auth-401',
    group: 'wall',
    // A staff area behind HTTP authentication answers 401 (linkchecker#738 comment: pages "ordinarily only
    // accessible when logged in").
    source: `https://github.com/linkchecker/linkchecker/issues/738 (2023-09-19 comment, read ${READ})`,
    links: ['/staff/handbook', '/staff/rota-2016'].map((path) => ({
      path,
      route: html(bareErrorPage('401 Unauthorized', 'Unauthorized', 'This server could not verify that you are authorized to access the document requested.'), 401, { 'www-authenticate': 'Basic realm="Staff"' }),
      truth: 'blocked' as const,
      expect: 'blocked/login-wall',
    })),
    fallback: GENERIC_404,
  },

  // --- Parked and for-sale domains -----------------------------------------------------------------------------
  {
    id: 'sedo-parking-lander',
    group: 'parked',
    // Sedo's lander: sedoParkingUrl / window.park scripts and "This domain may be for sale!" (intrigueio/intrigue-
    // ident checks/http/sedo.rb; cadeyrn/bookmarks-organizer#130 lists Sedo titles).
    source: `https://github.com/intrigueio/intrigue-ident (checks/http/sedo.rb), https://github.com/cadeyrn/bookmarks-organizer/issues/130 (read ${READ})`,
    links: ['/', '/lectures/1', '/2016/05/course-notes.html'].map((path) => ({ path, route: html(sedoLander('deeplearning-course.com')), truth: 'dead' as const, expect: 'dead/parked-domain' })),
    fallback: html(sedoLander('deeplearning-course.com')),
  },
  {
    id: 'godaddy-parking-lander',
    group: 'parked',
    // GoDaddy parking: the root sends browsers to /lander, which loads AdSense for Domains (caf.js).
    source: `https://github.com/cadeyrn/bookmarks-organizer/issues/130 (parked titles and redirects to /lander; read ${READ})`,
    links: [
      { path: '/', route: html(godaddyRoot()), truth: 'dead', expect: 'dead/parked-domain' },
      { path: '/blog/post-1', route: html(godaddyRoot()), truth: 'dead', expect: 'dead/parked-domain' },
      { path: '/lander', route: html(godaddyLander('metamind-tutorials.com')), truth: 'dead', expect: 'dead/parked-domain' },
    ],
    fallback: html(godaddyRoot()),
  },
  {
    id: 'afternic-hugedomains-for-sale',
    group: 'parked',
    // Sale pages "example.com is for sale" (funilrys/PyFunceble#255: "`.com is for sale` is worth including").
    source: `https://github.com/funilrys/PyFunceble/issues/255 (2023-01-01 comment, read ${READ})`,
    links: [
      { path: '/', route: html(forSalePage('learnml-today.com', 'HugeDomains')), truth: 'dead', expect: 'dead/parked-domain' },
      { path: '/courses/ml-101', route: html(forSalePage('learnml-today.com', 'HugeDomains')), truth: 'dead', expect: 'dead/parked-domain' },
      { path: '/tutorial.html', route: html(forSalePage('learnml-today.com', 'Afternic')), truth: 'dead', expect: 'dead/parked-domain' },
    ],
    fallback: html(forSalePage('learnml-today.com', 'HugeDomains')),
  },
  {
    id: 'dan-com-for-sale',
    group: 'parked',
    // Dan.com sale pages ("Buy and Sell Domain Names | Dan.com" in bookmarks-organizer#130's parked titles).
    source: `https://github.com/cadeyrn/bookmarks-organizer/issues/130 (read ${READ})`,
    links: ['/', '/projects/robot-arm'].map((path) => ({ path, route: html(danPage('makerspace-notes.com')), truth: 'dead' as const, expect: 'dead/parked-domain' })),
    fallback: html(danPage('makerspace-notes.com')),
  },
  {
    id: 'registrar-reserved-pages',
    group: 'parked',
    // Registrars' placeholders for a registered but unused domain ("STRATO - Domain reserved" and "Home - domain
    // expired" among cadeyrn/bookmarks-organizer#130's parked titles; "This domain was recently registered at
    // Namecheap" style pages).
    source: `https://github.com/cadeyrn/bookmarks-organizer/issues/130 (read ${READ})`,
    links: [
      { path: '/', route: html(page({ title: 'Domain reserved', site: 'Registrar', nav: ['Domains', 'Hosting', 'Login'], main: '<h1>Domain reserved</h1><p>This domain name reserved by its owner. The website is not online yet.</p>' })), truth: 'dead', expect: 'dead/parked-domain' },
      { path: '/2014/01/workshop.html', route: html(page({ title: 'Parked Domain', site: 'Registrar', nav: ['Domains', 'Hosting', 'Login'], main: '<h1>workshop-notes.org</h1><p>This domain was recently registered at a domain registrar. The domain owner may currently be creating a great site.</p>' })), truth: 'dead', expect: 'dead/parked-domain' },
    ],
    fallback: GENERIC_404,
  },
  {
    id: 'bodis-parkingcrew-landers',
    group: 'parked',
    // Landers of Bodis and ParkingCrew, recognised by their scripts (AdguardTeam/DeadDomainsLinter#39 names
    // bodis.com among parking services).
    source: `https://github.com/AdguardTeam/DeadDomainsLinter/issues/39 (2025-06-30, read ${READ})`,
    links: [
      { path: '/', route: html(bodisLander('travel-hacks.net')), truth: 'dead', expect: 'dead/parked-domain' },
      { path: '/guide/cheap-flights', route: html(bodisLander('travel-hacks.net')), truth: 'dead', expect: 'dead/parked-domain' },
      { path: '/student-loans', route: html(parkingCrewLander('travel-hacks.net')), truth: 'dead', expect: 'dead/parked-domain' },
    ],
    fallback: html(bodisLander('travel-hacks.net')),
  },

  // --- Redirects after redesigns -------------------------------------------------------------------------------
  {
    id: 'redesign-moved-permanently',
    group: 'redesign',
    // Old URLs 301 to their new homes after a redesign (mozilla/bedrock#16165, a11yproject#738, dart-lang/site-www#1068).
    source: `https://github.com/mozilla/bedrock/issues/16165 (2025-04-10), https://github.com/a11yproject/a11yproject.com/issues/738 (2019-02-01; read ${READ})`,
    links: [
      { path: '/posts/2015-03-01-accessible-forms.html', route: redirect('/posts/accessible-forms/'), truth: 'moved', expect: 'redirected/redirect-permanent' },
      { path: '/docs/projects/bot/matterbridge.html', route: redirect('/ecosystem/bridges/matterbridge/', 308), truth: 'moved', expect: 'redirected/redirect-permanent' },
      { path: '/old/chain', route: redirect('/older/chain', 301), truth: 'moved', expect: 'redirected/redirect-permanent' },
      { path: '/en-us/page', route: redirect('/en/page/', 302), truth: 'alive', expect: 'redirected/redirect-temporary' },
    ],
    routes: {
      '/posts/accessible-forms/': html(blogPost('A11y Notes', 'Accessible forms', 45)),
      '/ecosystem/bridges/matterbridge/': html(blogPost('Matrix', 'Matterbridge', 46)),
      '/older/chain': redirect('/newest/chain/', 301),
      '/newest/chain/': html(blogPost('A11y Notes', 'Chains', 47)),
      '/en/page/': html(blogPost('A11y Notes', 'Localised page', 48)),
    },
    fallback: GENERIC_404,
  },
  {
    id: 'redesign-to-home-or-catalogue',
    group: 'redesign',
    // Retired pages sent to the home page or a catalogue ("redirects are not sending to right content and instead
    // to the external site root", linkchecker/linkchecker#619).
    source: `https://github.com/linkchecker/linkchecker/pull/619 (2023-06-23 comment, read ${READ})`,
    links: [
      { path: '/learn/neural-networks', route: redirect('/', 301), truth: 'unsure', expect: 'suspicious/redirect-to-homepage' },
      { path: '/course/ml-003', route: redirect('/courses', 301), truth: 'unsure', expect: 'suspicious/redirect-to-homepage' },
      { path: '/specializations/old-track', route: redirect('/browse?source=deprecated', 302), truth: 'unsure', expect: 'suspicious/redirect-to-homepage' },
    ],
    routes: {
      '/': html(page({ title: 'Courses online', site: 'Learn', main: `<h1>Learn anything</h1>${prose(49, 3, 'Courses.')}` })),
      '/courses': html(page({ title: 'All courses', site: 'Learn', main: `<h1>All courses</h1>${prose(50, 3, 'Catalogue.')}` })),
      '/browse': html(page({ title: 'Browse', site: 'Learn', main: `<h1>Browse</h1>${prose(51, 3, 'Catalogue.')}` })),
    },
    fallback: GENERIC_404,
  },
  {
    id: 'redesign-moved-to-404',
    group: 'redesign',
    // A redirect rule that points to a page the redesign never created (matrix-org/matrix.org#462).
    source: `https://github.com/matrix-org/matrix.org/issues/462 (2019-06-12, read ${READ})`,
    links: [
      { path: '/docs/projects/as/matrix-appservice-imessage.html', route: redirect('/docs/projects/as/imessage-bridge'), truth: 'dead', expect: 'dead/http-404' },
      { path: '/docs/guides/privacy_notice.html', route: redirect('/docs/guides/privacy-notice'), truth: 'dead', expect: 'dead/http-404' },
    ],
    fallback: GENERIC_404,
  },
];
