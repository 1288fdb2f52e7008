import { describe, expect, it } from 'vitest';
import { isHomeOrListing } from '../../src/diagnose/redirect-judge.js';

describe('locale prefixes in the home/listing judgement', () => {
  it('treats a language code as a locale root', () => {
    expect(isHomeOrListing('https://example.com/en/')).toBe(true);
    expect(isHomeOrListing('https://example.com/pt-BR')).toBe(true);
    expect(isHomeOrListing('https://example.com/de/courses')).toBe(true);
  });
  it('does not take any two-letter page for a locale', () => {
    expect(isHomeOrListing('https://example.com/ok')).toBe(false);
    expect(isHomeOrListing('https://example.com/go')).toBe(false);
  });
});
