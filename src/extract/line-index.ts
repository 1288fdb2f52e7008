/**
 * Offset → line/column over the original text (model.ts conventions): a line ends at `\n`, `\r\n` or a lone
 * `\r`; columns count UTF-16 code units from 1; a byte-order mark at index 0 is not a column.
 */
export interface LineIndex {
  /** 1-based line and column of a string index. */
  locate(offset: number): { line: number; column: number };
}

export function createLineIndex(source: string): LineIndex {
  const starts = [0];
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 10) starts.push(index + 1);
    else if (code === 13 && source.charCodeAt(index + 1) !== 10) starts.push(index + 1);
  }
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  return {
    locate(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((starts[middle] ?? 0) <= offset) low = middle;
        else high = middle - 1;
      }
      const lineStart = starts[low] ?? 0;
      const column = offset - lineStart + 1 - (low === 0 && offset >= bom ? bom : 0);
      return { line: low + 1, column };
    },
  };
}

/**
 * Line endings in `text` from `start` to `end`, as micromark counts them: `\r\n`, a lone `\r` or `\n`. The same
 * count as on `text.slice(start, end)`, without the slice.
 */
export function countLineEndings(text: string, start = 0, end = text.length): number {
  let count = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) count++;
    else if (code === 13 && (index + 1 === end || text.charCodeAt(index + 1) !== 10)) count++;
  }
  return count;
}
