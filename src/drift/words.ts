/**
 * Words for comparing two versions of a page: lower case, accents and digits gone (dates, years and version
 * numbers say nothing about what a page is about), common words and month names left out, a plural `s` cut.
 */

// Hoisted: a regular-expression literal in a function is a new object on every call.
const LETTER_RUNS = /\p{L}+/gu;
const MARKS = /\p{M}+/gu;

/**
 * Words that say nothing about a page's subject, in the languages whose pages linkrot compares most: articles,
 * pronouns, prepositions, and the month and weekday names that dates leave behind.
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by for from has have how in into is it its of on or our that the this to was we were what when ' +
    'where which who why will with you your about all also but can do does not no more new use using one two via vs ' +
    'der die das und ein eine von zu mit für auf ist im den des dem le la les de du des et un une pour dans sur est el ' +
    'los las y en con para por del al il di che per una ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

/** The words of `text`, in order (repeats kept). `minLength` drops shorter words (one-letter ones always go). */
export function wordsOf(text: string, minLength = 2): string[] {
  const words: string[] = [];
  const plain = text.normalize('NFKD').replace(MARKS, '').toLowerCase();
  for (const match of plain.matchAll(LETTER_RUNS)) {
    const word = match[0];
    if (word.length < minLength || STOP_WORDS.has(word)) continue;
    // "courses" and "course", "docs" and "doc" are one word here; "class" and "status" stay whole.
    words.push(word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') ? word.slice(0, -1) : word);
  }
  return words;
}
