/**
 * How the services behind the site families answer, as reported: each shape cites the issue thread (and its
 * date) that shows it; the markup around a quoted sentence is ours. Keys are the absolute URLs a post links to
 * (http://, so that the simulated web's forward proxy sees them); see families-web.ts.
 */
import { article, page, redirect, type Web } from './families-web.js';

const PNG = String.fromCharCode(0x89) + 'PNG\r\n\x1a\n';

export const FAMILY_WEB: Web = {
  // --- Shut-down services: the family judges a link whatever it answers. Where a report shows today's answer
  // it is cited; "stand-in" marks an answer no source showed (any answer gives the same verdict). ---
  // Google+ (support.google.com/googlecurrents/answer/9195133): a 404, stand-in markup.
  'http://plus.google.com/+SomeUser/posts/abc123': page(404, '<html><head><title>Error 404 (Not Found)!!1</title></head><body><p>404. That’s an error.</p></body></html>'),
  // Google Code: project pages redirect to the read-only archive (opensource.googleblog.com, 2015-03-12).
  'http://code.google.com/p/word2vec/': redirect(301, 'http://code.google.com/archive/p/word2vec'),
  'http://code.google.com/archive/p/word2vec': article('word2vec - Google Code Archive'),
  'dns:word2vec.googlecode.com': 'dns',
  // goo.gl: "Dynamic Link Not Found — Short URL (https://goo.gl/…) not found — If you are the developer of this
  // app, ensure that your Dynamic Links domain is correctly configured…" (ipfs-inactive/conf#55, 2020-01-28;
  // webcompat/web-bugs#47769, 2020-01-20); the status is not reported (a 404 here). An active link still redirects.
  'http://goo.gl/AbCd12': page(
    404,
    '<html><head><title>Dynamic Link Not Found</title></head><body><h1>Dynamic Link Not Found</h1><p>Short URL (https://goo.gl/AbCd12) not found</p><p>If you are the developer of this app, ensure that your Dynamic Links domain is correctly configured and that the path component of this URL is valid.</p></body></html>',
  ),
  'http://goo.gl/Live42': redirect(301, 'http://example.org/an-article'),
  'http://example.org/an-article': article('An article'),
  // Classic Google Sites: an unpublished site sends visitors to the sign-in page (existing test, 2023).
  'http://sites.google.com/site/oldproject/home': redirect(302, 'http://accounts.google.com/ServiceLogin?continue=http://sites.google.com/site/oldproject/home'),
  'http://accounts.google.com/ServiceLogin?continue=http://sites.google.com/site/oldproject/home': page(200, '<html><head><title>Sign in - Google Accounts</title></head><body><form><input type="email"></form></body></html>'),
  // Yahoo Groups: gone since 2020-12-15 (citizenlab/test-lists#851, 2021-10-14); stand-in redirect to Yahoo.
  'http://groups.yahoo.com/neo/groups/oldlist/info': redirect(301, 'http://www.yahoo.com/'),
  'http://www.yahoo.com/': article('Yahoo'),
  // Delicious: the domain changed hands after Pinboard bought it (blog.pinboard.in, 2017-06); stand-in for-sale page.
  'http://del.icio.us/someuser/python': page(200, '<html><head><title>delicious.com is for sale</title></head><body><h1>This domain may be for sale</h1></body></html>'),
  // Coursera's old platform and /course/ pages: old course links redirect to the catalogue with "We're sorry,
  // that course is not available at this time." (ossu/computer-science#337, 2016-07-06); class.coursera.org
  // links "return 404 errors" (osirislab/Hack-Night#6, 2016-07-25). A retired /learn/ course lands on the catalogue.
  'http://class.coursera.org/hwswinterface-001/class': page(404, '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>'),
  'http://www.coursera.org/course/ml': redirect(301, 'http://www.coursera.org/browse?source=deprecated_spark_cdp'),
  'http://www.coursera.org/browse?source=deprecated_spark_cdp': page(200, `<html><head><title>Browse | Coursera</title></head><body><p>We're sorry, that course is not available at this time. Feel free to browse our extensive catalog.</p><p>${'Data Science. Computer Science. Business. '.repeat(20)}</p></body></html>`),
  'http://www.coursera.org/learn/retired-course': redirect(302, 'http://www.coursera.org/courses?query=retired-course'),
  'http://www.coursera.org/courses?query=retired-course': article('Search results'),
  // Twitter: renamed X; twitter.com redirects to x.com, which asks most visitors to sign in (2023-07).
  'http://twitter.com/ColorizeBot': redirect(301, 'http://x.com/ColorizeBot'),
  'http://x.com/ColorizeBot': page(200, '<html><head><title>X</title></head><body><div id="react-root"></div></body></html>'),
  // GeoCities: closed 2009-10-26 (citizenlab/test-lists#916, 2022-02-24); stand-in redirect to Yahoo.
  'http://www.geocities.com/SiliconValley/Lakes/1234/': redirect(301, 'http://www.yahoo.com/'),
  // GeoCities Japan: closed 2019-03-31 (shogo82148/Grongish#10, 2020-02-16); stand-in DNS failure.
  'dns:www.geocities.jp': 'dns',
  // Posterous: shut down 2013 (EFForg/https-everywhere#12229, 2017-08-30); stand-in DNS failure.
  'dns:someone.posterous.com': 'dns',
  // Storify: closed 2018-05-16 (WordPress/gutenberg#4064, 2017-12-18, storify.com/faq-eol); stand-in 404.
  'http://storify.com/bph/wordpress-gutenberg-early-comments': page(404, '<html><head><title>Not Found</title></head><body>Not Found</body></html>'),
  // Vine: "effectively shut down" (iamcal/oembed#246, 2017-09-06), "vine.co doesn't host the videos anymore"
  // (RipMeApp/ripme#186, 2018-09-10); the page's status is not reported (a 404 here).
  'http://vine.co/v/5lQeQr3bPiB': page(404, '<html><head><title>Vine</title></head><body></body></html>'),
  // Google Reader: shut down 2013-07-01 (christianvuerings/jquery-lifestream#147, 2013-07-01); stand-in 404.
  'http://www.google.com/reader/view/': page(404, '<html><head><title>Error 404 (Not Found)!!1</title></head><body><p>404. That’s an error.</p></body></html>'),
  // Picasa Web Albums, then the Album Archive closed (codyogden/killedbygoogle#1397, 2023-06-16); Picasa addresses
  // now lead to Google Photos (citizenlab/test-lists#904, 2022-02-16, a screenshot of the redirect).
  'http://picasaweb.google.com/lh/photo/AbCdEf': redirect(302, 'http://photos.google.com/'),
  'http://photos.google.com/': article('Google Photos'),
  // Dropbox Public folder: /u/ links lead to a 404 on dropbox (fluhus/wordnet-to-json#1, 2017-04-01).
  'http://dl.dropboxusercontent.com/u/1234567/wordnet.json': page(404, '<html><head><title>Dropbox - 404</title></head><body><h1>Error (404)</h1><p>We can&#39;t find the page you&#39;re looking for.</p></body></html>'),
  // Mozilla Persona: "Persona.org and related domains will be taken offline" (fedwiki/wiki#72, 2016-01-12): DNS failure.
  'dns:login.persona.org': 'dns',
  // Freebase: the site is gone, data dumps remain (zxdb/ZXDB#1, 2019-01-18); stand-in redirect.
  'http://www.freebase.com/m/02mjmr': redirect(301, 'http://developers.google.com/freebase/'),
  'http://developers.google.com/freebase/': article('Freebase Data Dumps'),
  // Parse: api.parse.com answers only "Parse.com has shutdown - https://parseplatform.github.io/"
  // (parse-community/Parse-SDK-JS#456, 2017-07-06).
  'http://api.parse.com/1/classes/Score': page(200, 'Parse.com has shutdown - https://parseplatform.github.io/', 'text/plain'),
  // Fabric: shut down, moved to Firebase (firebase/flutterfire#3049, 2020-07-28); stand-in redirect.
  'http://get.fabric.io/roadmap': redirect(301, 'http://firebase.google.com/'),
  'http://firebase.google.com/': article('Firebase'),
  // RawGit: the sunset notice (EFForg/privacybadger#2204, 2018-10-24 quotes it); files no longer served.
  'http://cdn.rawgit.com/mathjax/MathJax/2.7.1/MathJax.js': page(
    200,
    '<html><head><title>RawGit</title></head><body><h1>RawGit has reached the end of its useful life</h1><p>RawGit is now in a sunset phase and will soon shut down.</p></body></html>',
  ),
  // Bintray: dl.bintray.com answers 403 "Forbidden!" since the sunset (sbt/sbt#6473, 2021-04-26;
  // Ladysnake/Requiem#307, 2021-05-11: "dl.bintray.com has been sunset and returns HTTP 403").
  'http://dl.bintray.com/someone/maven/com/example/lib/1.0/lib-1.0.jar': page(403, 'Forbidden!', 'text/plain'),
  // CodePlex: "the apex domain forwards me to my regional variant of microsoft.com" (filoe/cscore#497, 2024-11-28).
  'http://cscore.codeplex.com/': redirect(301, 'http://www.microsoft.com/en-us/'),
  'http://www.microsoft.com/en-us/': article('Microsoft'),
  // Stack Overflow Documentation: "We have shut down Stack Overflow Documentation." (elementary/website#1878, 2018-01-17).
  'http://stackoverflow.com/documentation/python/193/getting-started': redirect(301, 'http://stackoverflow.com/documentation'),
  'http://stackoverflow.com/documentation': page(
    200,
    '<html><head><title>Documentation - Stack Overflow</title></head><body><h1>We have shut down Stack Overflow Documentation.</h1><p>Documentation was our attempt at improving existing reference materials by focusing on examples.</p></body></html>',
  ),

  // --- Platforms still up: their own "gone" answers, and live items. ---
  // Imgur: a deleted image redirects to i.imgur.com/removed.png (JDimproved/JDim#1434, 2024-08-24; the 2016
  // report HoverHell/RedditImageGrab#50 saw http://i.imgur.com/removed.png, a 503-byte PNG), sometimes after a
  // first hop to another image id (qsniyg/maxurl#311, 2020-04-27).
  'http://i.imgur.com/dWs5fLb.png': redirect(302, 'http://i.imgur.com/uH6EmZ7.png'),
  'http://i.imgur.com/uH6EmZ7.png': redirect(302, 'http://i.imgur.com/removed.png'),
  'http://i.imgur.com/Gone123.jpg': redirect(302, 'http://i.imgur.com/removed.png'),
  'http://i.imgur.com/removed.png': page(200, PNG, 'image/png'),
  'http://i.imgur.com/Live456.jpg': page(200, PNG, 'image/jpeg'),
  // Heroku: "Heroku | No such app — There is no app configured at that hostname. Perhaps the app owner has
  // renamed it, or you mistyped the URL." (jsonresume/resume-cli#109, 2015-03-13); since the free dynos ended,
  // "There's nothing here, yet." (abisek/salesforce-elf-browser#63, 2022-07-19; doccano/doccano#2402, 2024-11-21).
  'http://registry-old.herokuapp.com/thomasdavis': page(
    404,
    '<html><head><title>Heroku | No such app</title></head><body><div class="message"><h2>There is no app configured at that hostname.</h2><p>Perhaps the app owner has renamed it, or you mistyped the URL.</p></div></body></html>',
  ),
  'http://doccano.herokuapp.com/': page(404, '<!DOCTYPE html><html><head><title>Heroku</title></head><body><main><h1>There&#39;s nothing here, yet.</h1><p>Build something amazing</p></main></body></html>'),
  // A crashed app: "Application error — An error occurred in the application and your page could not be
  // served." (rajasegar/todomvc-htmx#3, 2024-02-07) is an outage, not a gone app.
  'http://todomvc-htmx.herokuapp.com/': page(503, '<html><head><title>Application Error</title></head><body><p>An error occurred in the application and your page could not be served. If you are the application owner, check your logs for details.</p></body></html>'),
  'http://live-demo.herokuapp.com/': article('Live demo'),
  // GitHub Pages: "404 — There isn't a GitHub Pages site here. If you're trying to publish one, read the full
  // documentation…" (chaos-eng/chaos-eng.github.io#56, 2022-10-04; alshedivat/al-folio#97, 2020-06-22).
  'http://rionbr.github.io/distanceclosure/': page(
    404,
    '<!DOCTYPE html><html><head><title>Site not found &middot; GitHub Pages</title></head><body><div class="container"><h1>404</h1><p><strong>There isn&#39;t a GitHub Pages site here.</strong></p><p>If you&#39;re trying to publish one, <a href="https://help.github.com/pages/">read the full documentation</a> to learn how to set up <strong>GitHub Pages</strong> for your repository, organization, or user account.</p></div></body></html>',
  ),
  'http://karpathy.github.io/2015/05/21/rnn-effectiveness/': article('The Unreasonable Effectiveness of Recurrent Neural Networks'),
  // A live Pages site's own 404 for a missing page: dead by the generic rule, not "no site here".
  'http://karpathy.github.io/2014/01/01/no-such-post/': page(404, '<html><head><title>Page not found</title></head><body><h1>404</h1><p>Sorry, nothing at this address.</p></body></html>'),
  // Vercel: "404: NOT_FOUND Code: DEPLOYMENT_NOT_FOUND ID: bom1::…" (pbakaus/impeccable#164, 2026-05-23;
  // NishantRana07/HrRoadways#559, 2025-08-28).
  'http://vue-notion-8gmx6yx8s-mawnir.vercel.app/': page(
    404,
    '<!DOCTYPE html><html><head><title>404: NOT_FOUND</title></head><body><main><p>404: NOT_FOUND</p><p>Code: <code>DEPLOYMENT_NOT_FOUND</code></p><p>ID: <code>bom1::q9szz-1779538607519-189394a328b7</code></p><a href="https://vercel.com/docs/errors/DEPLOYMENT_NOT_FOUND">This deployment cannot be found.</a></main></body></html>',
  ),
  // A live deployment without the path: "The page could not be found NOT_FOUND" (binjie09/duckduckgo-api#16, 2024-01-06).
  'http://duckduckgo-api.vercel.app/search': page(404, '<!DOCTYPE html><html><head><title>404: NOT_FOUND</title></head><body><p>404: NOT_FOUND</p><p>Code: <code>NOT_FOUND</code></p><p>The page could not be found.</p></body></html>'),
  'http://pastemd.vercel.app/': article('PasteMD'),
  // Netlify: "Site not found — Looks like you followed a broken link or entered a URL that doesn't exist on
  // Netlify. If this is your site, … visit Netlify's "page not found" support guide … Netlify Internal ID: …"
  // (gareth618/pastemd#3, 2025-08-29); "Page not found — … doesn't exist on this site." (stackblitz/bolt.new#10331, 2025-05-14).
  'http://pastemd.netlify.app/': page(
    404,
    '<!DOCTYPE html><html><head><title>Site not found</title></head><body><h1>Site not found</h1><p>Looks like you followed a broken link or entered a URL that doesn’t exist on Netlify.</p><p>If this is your site, and you weren’t expecting a 404 for this path, please visit Netlify’s <a href="https://answers.netlify.com/t/support-guide-i-ve-deployed-my-site-but-i-still-see-page-not-found/125">“page not found” support guide</a> for troubleshooting tips.</p><p>Netlify Internal ID: 01K3T5TAN2GGG544YE5MVDASA3</p></body></html>',
  ),
  'http://rsangole.netlify.app/post/2017/old-post/': page(
    404,
    '<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>Page not found</h1><p>Looks like you’ve followed a broken link or entered a URL that doesn’t exist on this site.</p><p>If this is your site, and you weren’t expecting a 404 for this path, please visit Netlify’s <a href="https://answers.netlify.com/t/support-guide-i-ve-deployed-my-site-but-i-still-see-page-not-found/125">“page not found” support guide</a> for troubleshooting tips.</p></body></html>',
  ),
  'http://rsangole.netlify.app/': article('Rahul Sangole'),
  // Tumblr: a deleted blog shows "There's nothing here." (twigphp/Twig#1734, 2015-07-10).
  'http://blog-twig.tumblr.com/post/12345/release': page(404, '<!DOCTYPE html><html><head><title>Not found.</title></head><body><h1>There&#39;s nothing here.</h1><p>Whatever you were looking for doesn&#39;t currently exist at this address. Unless you were looking for this error page, in which case: Congrats! You totally found it.</p></body></html>'),
  'http://fromanotherroom.tumblr.com/': article('From Another Room'),
  // Blogger: "Sorry, the blog at X.blogspot.com has been removed. This address is not available for new
  // blogs." under the title "Blog not found" (dropod/issues#13768, 2022-02-04).
  'http://removedexample.blogspot.com/2012/05/a-post.html': page(
    404,
    '<html><head><title>Blog not found</title></head><body><h1>Blog not found</h1><p>Sorry, the blog at removedexample.blogspot.com has been removed. This address is not available for new blogs.</p><p>Did you expect to see your blog here? See: &#39;I can&#39;t find my blog on the Web, where is it?&#39;</p></body></html>',
  ),
  'http://googleresearch.blogspot.com/2016/03/alphago.html': article('AlphaGo: Mastering the ancient game of Go'),
  // A live Blogger blog whose post quotes the removed-blog message: its own 200 page is not "gone". (A title
  // that itself says "Blog not found" is the generic soft-404 ladder's business, not this family's.)
  'http://bloggerhelp.blogspot.com/2019/05/restore-a-deleted-blog.html': page(
    200,
    `<html><head><title>How to restore a deleted blog</title></head><body><h1>How to restore a deleted blog</h1><p>When a reader sees "Sorry, the blog at example.blogspot.com has been removed", the owner deleted it. ${'Here is how to restore a deleted blog within 90 days. '.repeat(10)}</p></body></html>`,
  ),
  // Medium: "410 — The author deleted this Medium story" (shanselman/firsttimersonly#115, 2020-11-01;
  // markerikson/react-redux-links#67, 2017-08-17).
  'http://medium.com/@kentcdodds/first-timers-only-78281ea47455': page(410, '<!doctype html><html><head><title>Medium</title></head><body><h1>410</h1><p>The author deleted this Medium story.</p></body></html>'),
  'http://medium.com/@karpathy/software-2-0-a64152b37c35': article('Software 2.0'),
  // Google Drive / Docs: a deleted file id answers 404 (hypothesis/via#586, 2021-09-06: Google says the file
  // id is not found); a private file redirects to the sign-in page instead.
  'http://drive.google.com/file/d/1CwhDy8SBXaInfY2WdWfgK1wROeUNuesC/view': page(404, '<html><head><title>Google Drive - Page Not Found</title></head><body><p>Sorry, the file you have requested does not exist.</p></body></html>'),
  'http://docs.google.com/document/d/1PrivateDocId/edit': redirect(302, 'http://accounts.google.com/ServiceLogin?service=wise&continue=http://docs.google.com/document/d/1PrivateDocId/edit'),
  'http://accounts.google.com/ServiceLogin?service=wise&continue=http://docs.google.com/document/d/1PrivateDocId/edit': page(200, '<html><head><title>Google Docs: Sign-in</title></head><body><form><input type="email"></form></body></html>'),
  'http://docs.google.com/spreadsheets/d/1LiveSheetId/edit': article('Budget 2016 - Google Sheets'),

  // --- Moved services. ---
  // docs.microsoft.com pages redirect to learn.microsoft.com (dotnet/aspnetcore#44175, 2022-09-26); some old
  // addresses redirect to a page that no longer exists (microsoft/BCTech#193, 2023-05-22).
  'http://docs.microsoft.com/en-us/dotnet/csharp/': redirect(301, 'http://learn.microsoft.com/en-us/dotnet/csharp/'),
  'http://learn.microsoft.com/en-us/dotnet/csharp/': article('C# documentation'),
  'http://docs.microsoft.com/en-us/dynamics365/business-central/dev-itpro/old-topic': redirect(301, 'http://learn.microsoft.com/en-us/dynamics365/business-central/dev-itpro/old-topic'),
  'http://learn.microsoft.com/en-us/dynamics365/business-central/dev-itpro/old-topic': page(404, '<html><head><title>404 - Content Not Found | Microsoft Learn</title></head><body><h1>We couldn&#39;t find this page.</h1></body></html>'),
  // MSDN blog posts were archived under docs.microsoft.com/archive/blogs/BLOG/SLUG (dotnet/docs#16641, 2020-01-12).
  'http://blogs.msdn.microsoft.com/ericlippert/2006/04/06/odious-ambiguous-overloads-part-two/': page(404, '<html><head><title>404</title></head><body>Not found</body></html>'),
  // msdn.microsoft.com redirects permanently to learn.microsoft.com (AirLancer/ffs_msdn_in_english#15, 2022-11-06).
  'http://msdn.microsoft.com/en-us/library/ms173109.aspx': redirect(301, 'http://learn.microsoft.com/en-us/dotnet/csharp/fundamentals/object-oriented/'),
  'http://learn.microsoft.com/en-us/dotnet/csharp/fundamentals/object-oriented/': article('Classes, structs, and records'),
  // edX /course/ pages redirect to /learn/… (ossu/computer-science#1341, 2025-06-18; #1342: "a 302 redirect").
  'http://www.edx.org/course/compilers': redirect(302, 'http://www.edx.org/learn/computer-science/stanford-university-compilers'),
  'http://www.edx.org/learn/computer-science/stanford-university-compilers': article('Compilers | edX'),
  // Udacity /courses/ → /course/ (mikesprague/udacity-nanodegrees#14, 2017-05-20: "Udacity properly set up 301 redirects").
  'http://www.udacity.com/courses/ud120': redirect(301, 'http://www.udacity.com/course/ud120'),
  'http://www.udacity.com/course/ud120': article('Intro to Machine Learning | Udacity'),
};

