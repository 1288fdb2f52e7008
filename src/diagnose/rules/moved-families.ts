import type { KnownDeadFamily } from '../types.js';

/**
 * Services whose content moved to a successor (`state: "moved"`). The state of a link stays what its answer
 * says (a permanent redirect is `redirected`, a redirect to a catalogue page `suspicious`, a 404 `dead`); the
 * family adds why, and the successor address when it can be derived from the old one.
 */
export const MOVED_FAMILIES: readonly KnownDeadFamily[] = [
  {
    id: 'docs-microsoft',
    name: 'Microsoft Docs',
    hosts: ['docs.microsoft.com'],
    ended: '2022-09',
    explanation: 'Microsoft Docs became Microsoft Learn: docs.microsoft.com pages moved to the same path on learn.microsoft.com',
    source: 'https://github.com/dotnet/aspnetcore/issues/44175',
    sourceDate: '2022-09-26',
    state: 'moved',
    suggest: { url: 'https://learn.microsoft.com{path}{search}', note: 'the same page on Microsoft Learn' },
  },
  {
    id: 'msdn-blogs',
    name: 'MSDN and TechNet blogs',
    hosts: ['blogs.msdn.microsoft.com', 'blogs.technet.microsoft.com'],
    pathPattern: '^/([^/]+)/\\d{4}/\\d{2}/\\d{2}/([^/?#]+)',
    ended: '2020',
    explanation: 'Microsoft retired the MSDN and TechNet blogs and archived their posts under learn.microsoft.com/archive/blogs',
    source: 'https://github.com/dotnet/docs/pull/16641',
    sourceDate: '2020-01-12',
    state: 'moved',
    suggest: { url: 'https://learn.microsoft.com/archive/blogs/$1/$2', note: 'the post in the MSDN blog archive (check it)' },
  },
  {
    id: 'msdn-technet-library',
    name: 'MSDN and TechNet Library',
    hosts: ['msdn.microsoft.com', 'technet.microsoft.com'],
    ended: '2022',
    explanation: 'the MSDN and TechNet libraries moved to docs.microsoft.com and then learn.microsoft.com; old addresses redirect, some only to a general page',
    source: 'https://github.com/AirLancer/ffs_msdn_in_english/issues/15',
    sourceDate: '2022-11-06',
    state: 'moved',
  },
  {
    id: 'edx-course-pages',
    name: 'edX course pages',
    hosts: ['edx.org', 'www.edx.org'],
    pathPattern: '^/course/',
    ended: '2025',
    explanation: 'edX moved its course pages from /course/NAME to /learn/SUBJECT/SCHOOL-NAME; old addresses redirect, retired courses fail',
    source: 'https://github.com/ossu/computer-science/issues/1341',
    sourceDate: '2025-06-18',
    state: 'moved',
  },
  {
    id: 'udacity-course-pages',
    name: 'Udacity course pages',
    hosts: ['udacity.com', 'www.udacity.com'],
    pathPattern: '^/courses?/',
    explanation: 'Udacity renamed its course addresses (/courses/ became /course/) and has retired many of its free courses since',
    source: 'https://github.com/mikesprague/udacity-nanodegrees/pull/14',
    sourceDate: '2017-05-20',
    state: 'moved',
  },
];
