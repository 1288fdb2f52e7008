/**
 * Where remark (micromark + mdast-util-gfm-autolink-literal) reads GFM bare URLs differently from
 * cmark-gfm, the reference implementation. Each rule is pinned in test/extract/cmark-gfm.test.ts.
 *
 * 1. cmark-gfm does not look for `www.`/`http(s)://` literals while a `[` or `![` opener is pending in the
 *    same paragraph (cmark-gfm issue 278): `[see https://example.com` is text. remark links it.
 * 2. cmark-gfm's `www.` literal is case-sensitive (issue 280): `WWW.example.com` is text. remark links it.
 * 3. cmark-gfm starts a `www.` literal only at the start of the paragraph, after white space or after one
 *    of `*`, `_`, `~`, `(`. remark also accepts `[`/`]` and, in its second pass, any punctuation
 *    (`"www.example.com"`, `/www.example.com`).
 */

const WWW_PREVIOUS = /[\s*_~(]/;

/** Whether cmark-gfm would make a link of this bare-URL literal (false: remark-only, to be dropped). */
export function isCmarkBareLiteral(raw: string, previous: string | undefined, bracketsOpen: number): boolean {
  if (/^mailto:|^[^:/]*@/i.test(raw) && !/^(https?|ftp):\/\//i.test(raw) && !/^www\./i.test(raw)) return true;
  if (bracketsOpen > 0) return false;
  if (/^www\./i.test(raw)) {
    if (!raw.startsWith('www.')) return false;
    if (previous !== undefined && !WWW_PREVIOUS.test(previous)) return false;
  }
  return true;
}

/**
 * Count the `[` openers a piece of raw paragraph text leaves pending: backslash escapes skipped, each `]`
 * closes the last opener (cmark-gfm pops an opener at every `]`, link or not).
 */
export function countOpenBrackets(raw: string, open: number): number {
  let depth = open;
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index];
    if (char === '\\') index++;
    else if (char === '[') depth++;
    else if (char === ']' && depth > 0) depth--;
  }
  return depth;
}
