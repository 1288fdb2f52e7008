/**
 * The signs a page gives of no longer being a page of its own. The sentences are written for the test (the phrasing
 * of the real notices is in pairs.ts); what is checked is which phrasings count.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/drift/index.js';

const signOf = (opening: string, title = 'A page') => summarize({ title, heading: '', opening, text: opening }).sign;

describe('moved notices', () => {
  it.each([
    'This repository has been moved to https://codeberg.org/owner/tool.',
    'The handbook has moved into the new TypeScript website repo.',
    'This repository has been moved to the Infobip organization.',
    'This repository has been permanently moved to our self-hosted Forgejo instance.',
    'Development has moved to github.com/owner/workspace.',
    'This project has moved.',
  ])('a notice: %s', (sentence) => {
    expect(signOf(sentence)?.kind).toBe('moved');
  });

  it.each([
    'This project has moved to GitHub Actions for its CI.',
    'We moved to Kubernetes last year and the project was migrated to TypeScript in 2020.',
    'The code has moved on since then; the site moved to a faster theme.',
    'Read how the page was moved to the top of the search results by better titles and links.',
  ])('not a notice: %s', (sentence) => {
    expect(signOf(sentence)).toBeUndefined();
  });
});

describe('gambling pages', () => {
  it('needs two different gambling words in the title, heading or opening', () => {
    expect(signOf('Situs slot gacor hari ini, judi online terpercaya.')?.kind).toBe('gambling');
    expect(signOf('A statistics lecture on poker hands and probability.')).toBeUndefined();
  });
});
