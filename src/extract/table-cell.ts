/**
 * GFM tables: cmark-gfm takes the backslash out of every `\|` in a cell before it reads the cell's inlines
 * (GFM spec 0.29, example 200: "include a pipe in a cell's content by escaping it, including inside other
 * inline spans"). micromark treats `\|` as an ordinary backslash escape instead, which leaves the backslash in
 * the places where escapes do not apply: GFM bare URLs, `<…>` autolinks and raw HTML. Link destinations and
 * titles are unescaped by both the same way.
 */
export interface CellText {
  /** The text with the backslash of each `\|` removed. */
  text: string;
  /** The index in the original text of the character at `index` in `text` (`text.length` maps to the end). */
  toRaw: (index: number) => number;
}

export function unescapeCellPipes(raw: string): CellText {
  if (!raw.includes('\\|')) return { text: raw, toRaw: (index) => index };
  /** Indices (in the unescaped text) before which a backslash was removed, in order. */
  const removedBefore: number[] = [];
  let text = '';
  for (let index = 0; index < raw.length; index++) {
    if (raw[index] === '\\' && raw[index + 1] === '|') {
      removedBefore.push(text.length);
      continue;
    }
    text += raw[index];
  }
  return {
    text,
    toRaw: (index) => {
      let shift = 0;
      while (shift < removedBefore.length && (removedBefore[shift] ?? Infinity) <= index) shift++;
      return index + shift;
    },
  };
}
