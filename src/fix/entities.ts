/** The named character references that appear in URLs in practice; any other one makes a span "unsure". */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  num: '#',
  sol: '/',
  colon: ':',
  equals: '=',
  quest: '?',
  percnt: '%',
  lpar: '(',
  rpar: ')',
  lowbar: '_',
  tilde: '~',
  commat: '@',
};

/**
 * Decode `&name;`, `&#10;` and `&#x0A;` references. Returns undefined when a named reference is not one we
 * know, so the caller can refuse to touch a span it cannot read with certainty.
 */
export function decodeEntities(text: string): string | undefined {
  let unknown = false;
  const decoded = text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));/g, (all, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) {
      const value = NAMED[name];
      if (value === undefined) unknown = true;
      return value ?? all;
    }
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return code === 0 || code > 0x10ffff ? '\uFFFD' : String.fromCodePoint(code);
  });
  return unknown ? undefined : decoded;
}
