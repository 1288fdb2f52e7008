/**
 * Whether a page is about something else now than when a post linked it. Precision first: a false "changed"
 * sends a reader to an old copy of a page that is fine and teaches the author to ignore the finding, so a page
 * is "changed" only when a sign says so (parked, moved, gambling spam) or when what it calls itself AND what it
 * says both clearly differ. Renamed sites, new separators, dates, redesigns and translations stay "same".
 */
import { textContainment, type PageSummary } from './summary.js';
import { containment, jaccard } from '../util/sets.js';
import { wordsOf } from './words.js';

export interface Comparison {
  changed: boolean;
  /** Why, in a few words (for the report's detail when changed). */
  why: string;
}

/**
 * Title and heading: "changed" needs their words to overlap less than this (Jaccard). Below it lie only titles
 * that share a generic word or two ("Machine Learning – Stanford University" against "Supervised Machine
 * Learning: Regression and Classification" is 0.29); a subtitle added to the same title ("Foo" → "Foo: a guide to
 * bar") may fall below it too, which is why the text must also differ.
 */
export const LABEL_DIFFERENT = 0.34;
/**
 * …and the smaller page's words found in the other below this share. Two versions of one article share most
 * of their words whatever the chrome around them (a redesign adds menus: the smaller side's words are still in
 * the larger); two pages on one subject written by different people share a fifth or more of theirs.
 */
export const TEXT_DIFFERENT = 0.2;
/**
 * Without a usable title on one side, the text alone must be this far apart, and long enough to tell: under
 * `MIN_WORDS` distinct words (an app shell, a splash page) nothing is judged.
 */
export const TEXT_ALONE_DIFFERENT = 0.08;
export const MIN_WORDS = 12;

/** Title segments that name the site, not the page. */
const GENERIC_SEGMENT_WORDS = new Set(
  'home homepage welcome official site website web blog doc documentation docs wiki page online org com net io dev www'.split(' '),
);
const TITLE_SEPARATORS = /\s*[|–—·•»«]\s*|\s+[-:~/]{1,2}\s+|:\s+/;
const HOST_SKIP = new Set(['www', 'com', 'org', 'net', 'io', 'dev', 'co', 'uk', 'de', 'fr', 'edu', 'gov', 'app', 'info', 'html']);

/** Compare the page `then` (the archive's capture) with the page `now`; `host` is the link's host. */
export function compare(then: PageSummary, now: PageSummary, host = ''): Comparison {
  // A capture of an error or parking page shows nothing the post linked to: there is nothing to compare with.
  if (then.sign?.kind === 'error' || then.sign?.kind === 'parked') return same(`the capture shows ${then.sign.kind === 'error' ? 'an error page' : 'a parked domain'}`);
  if (now.sign !== undefined && now.sign.kind !== 'error' && then.sign?.kind !== now.sign.kind) {
    return { changed: true, why: `${SIGN_WORDS[now.sign.kind]}: "${now.sign.phrase}"` };
  }
  if (then.language !== undefined && now.language !== undefined && then.language !== now.language) {
    return same(`another language (${then.language} → ${now.language}), not compared`);
  }
  const hostWords = hostWordsOf(host);
  const labelThen = labelWords(then, hostWords);
  const labelNow = labelWords(now, hostWords);
  const textEnough = then.words >= MIN_WORDS && now.words >= MIN_WORDS;
  const text = textContainment(then, now);
  const opening = containment(new Set(wordsOf(then.opening, 3)), new Set(wordsOf(now.opening, 3)));
  // The better of the two text measures: the fingerprint sees the whole page, the opening sees the page's own words.
  const textOverlap = Math.max(text, opening);
  const titleOverlap = labelThen.size === 0 || labelNow.size === 0 ? 'none' : jaccard(labelThen, labelNow).toFixed(2);
  const measured = `title overlap ${titleOverlap}, text overlap ${textOverlap.toFixed(2)}`;
  if (!textEnough) return same(`too little text to compare (${measured})`);
  if (labelThen.size === 0 || labelNow.size === 0) {
    return textOverlap < TEXT_ALONE_DIFFERENT ? { changed: true, why: `its text differs: ${measured}` } : same(measured);
  }
  const label = jaccard(labelThen, labelNow);
  if (label < LABEL_DIFFERENT && textOverlap < TEXT_DIFFERENT) return { changed: true, why: `its title and text differ: ${measured}` };
  return same(measured);
}

const SIGN_WORDS: Record<Exclude<NonNullable<PageSummary['sign']>['kind'], 'error'>, string> = {
  parked: 'the domain is parked or for sale now',
  moved: 'it says it has moved',
  gambling: 'it serves gambling pages now',
};

function same(why: string): Comparison {
  return { changed: false, why };
}

/** The words of a host's own name: `blog.example-site.co.uk` → example, site, examplesite, blog. */
function hostWordsOf(host: string): Set<string> {
  const words = new Set<string>();
  for (const label of host.toLowerCase().split('.')) {
    if (HOST_SKIP.has(label) || label === '') continue;
    words.add(label.replace(/-/g, ''));
    for (const part of label.split('-')) if (part !== '') words.add(part);
  }
  return words;
}

/**
 * What a page calls itself: the words of its title, without the segments that name the site (the host's name,
 * "Docs", "Home", "Official Site"), and of its main heading.
 */
function labelWords(page: PageSummary, hostWords: ReadonlySet<string>): Set<string> {
  const words = new Set<string>();
  for (const segment of page.title.split(TITLE_SEPARATORS)) {
    const segmentWords = wordsOf(segment);
    const joined = segmentWords.join('');
    const names = segmentWords.every((word) => hostWords.has(word) || GENERIC_SEGMENT_WORDS.has(word)) || hostWords.has(joined);
    if (!names) for (const word of segmentWords) words.add(word);
  }
  for (const word of wordsOf(page.heading)) if (!hostWords.has(word)) words.add(word);
  return words;
}
