import type { KnownDeadFamily } from '../types.js';

/**
 * Platforms that are still up but answer, in their own words, that one item is gone. A link is dead by one of
 * these only on that answer (`goneAnswer`), never on the host alone: a working item is judged like any other
 * link. Where the answer is a plain 404 or 410 the generic rules already say dead; the family names the cause.
 * Each `source` is a published report of the answer's shape (quoted in the tests that serve it).
 */
export const PLATFORM_FAMILIES: readonly KnownDeadFamily[] = [
  {
    id: 'imgur-removed',
    name: 'Imgur',
    hosts: ['imgur.com', 'i.imgur.com', 'www.imgur.com', 'm.imgur.com'],
    explanation: 'Imgur answers a deleted or removed image with a redirect to its "removed" placeholder image',
    source: 'https://github.com/JDimproved/JDim/pull/1434',
    sourceDate: '2024-08-24',
    applies: 'on-gone-answer',
    goneAnswer: { finalUrl: '^https?://i\\.imgur\\.com/removed\\.(?:png|jpg)$' },
  },
  {
    id: 'heroku-no-such-app',
    name: 'Heroku',
    hosts: ['*.herokuapp.com'],
    explanation:
      'Heroku says no app lives at this address any more (free dynos ended on 2022-11-28 and many apps were deleted or renamed)',
    source: 'https://github.com/jsonresume/resume-cli/issues/109',
    sourceDate: '2015-03-13',
    applies: 'on-gone-answer',
    goneAnswer: { status: [404], body: 'no such app|there.{1,7}s nothing here, yet' },
  },
  {
    id: 'github-pages-no-site',
    name: 'GitHub Pages',
    hosts: ['*.github.io'],
    explanation: 'GitHub Pages says no site is published here any more (the repository was renamed, deleted or unpublished)',
    source: 'https://github.com/chaos-eng/chaos-eng.github.io/issues/56',
    sourceDate: '2022-10-04',
    applies: 'on-gone-answer',
    goneAnswer: { status: [404], body: 'there isn.{1,7}t a github pages site here' },
  },
  {
    id: 'vercel-deployment-gone',
    name: 'Vercel',
    hosts: ['*.vercel.app', '*.now.sh'],
    explanation: 'Vercel says the deployment behind this address no longer exists (DEPLOYMENT_NOT_FOUND)',
    source: 'https://github.com/pbakaus/impeccable/issues/164',
    sourceDate: '2026-05-23',
    applies: 'on-gone-answer',
    goneAnswer: { status: [404], body: 'DEPLOYMENT_NOT_FOUND' },
  },
  {
    id: 'netlify-not-found',
    name: 'Netlify',
    hosts: ['*.netlify.app', '*.netlify.com'],
    explanation: 'Netlify says it has no site at this address any more, or that the site no longer has this page',
    source: 'https://github.com/gareth618/pastemd/issues/3',
    sourceDate: '2025-08-29',
    applies: 'on-gone-answer',
    // "Site not found" (the site is gone) and "Page not found" (the site lost the page) both point to this guide.
    goneAnswer: { status: [404], body: 'netlify.{1,7}s\\s*(?:<[^>]+>\\s*)?.{0,7}page not found.{0,7}\\s+support guide' },
  },
  {
    id: 'tumblr-blog-gone',
    name: 'Tumblr',
    hosts: ['*.tumblr.com'],
    explanation: 'Tumblr says there is nothing at this address: the blog or post was deleted or renamed',
    source: 'https://github.com/twigphp/Twig/issues/1734',
    sourceDate: '2015-07-10',
    applies: 'on-gone-answer',
    goneAnswer: { status: [404], body: 'there.{1,7}s nothing here\\.' },
  },
  {
    id: 'blogger-blog-removed',
    name: 'Blogger',
    hosts: ['*.blogspot.com'],
    explanation: 'Blogger says this blog has been removed and its address cannot be reused',
    source: 'https://github.com/dropod/issues/issues/13768',
    sourceDate: '2022-02-04',
    applies: 'on-gone-answer',
    goneAnswer: { status: [404, 410], body: 'the blog at\\s+\\S+\\s+has been removed' },
  },
  {
    id: 'medium-story-deleted',
    name: 'Medium',
    hosts: ['medium.com', '*.medium.com'],
    explanation: 'Medium answers 410 Gone for a story its author deleted (or a deleted account)',
    source: 'https://github.com/shanselman/firsttimersonly/issues/115',
    sourceDate: '2020-11-01',
    applies: 'on-gone-answer',
    goneAnswer: { status: [410] },
  },
  {
    id: 'google-drive-file-gone',
    name: 'Google Drive and Docs',
    hosts: ['drive.google.com', 'docs.google.com'],
    pathPattern: '^/(?:file|document|spreadsheets|presentation|drawings|forms)/d/',
    explanation:
      'Google answers 404 for a Drive or Docs file ID that no longer exists (the file was deleted); a private file asks to sign in instead',
    source: 'https://github.com/hypothesis/via/issues/586',
    sourceDate: '2021-09-06',
    applies: 'on-gone-answer',
    goneAnswer: { status: [404] },
  },
];
