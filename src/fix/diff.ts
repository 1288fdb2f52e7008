/** Lines of context around each change in a unified diff, as `diff -u` prints. */
export const DIFF_CONTEXT_LINES = 3;

type Op = { type: ' ' | '-' | '+'; line: string };

/** Split after each `\n`, keeping it (a CR before it stays part of the line: CRLF files diff as they are). */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/(?<=\n)/);
  return lines;
}

/**
 * Myers' O(ND) line diff; the common head and tail are taken off first, and only the diagonal range
 * [-d, d] of each step is kept, so memory is O(D²) plus the lines, not O(N·D).
 */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x0 = a.slice(head, a.length - tail);
  const y0 = b.slice(head, b.length - tail);
  const middle = myers(x0, y0);
  return [
    ...a.slice(0, head).map((line): Op => ({ type: ' ', line })),
    ...middle,
    ...a.slice(a.length - tail).map((line): Op => ({ type: ' ', line })),
  ];
}

function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) return [];
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0)) ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(a, b, trace);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  throw new Error('unreachable: Myers diff did not finish');
}

function backtrack(a: readonly string[], b: readonly string[], trace: readonly Int32Array[]): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1] as Int32Array;
    const at = (k: number): number => previous[k + d - 1] ?? 0;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push({ type: ' ', line: a[--x] as string });
      y--;
    }
    if (x === previousX) ops.push({ type: '+', line: b[--y] as string });
    else ops.push({ type: '-', line: a[--x] as string });
  }
  while (x > 0 && y > 0) {
    ops.push({ type: ' ', line: a[--x] as string });
    y--;
  }
  return ops.reverse();
}

/** A unified diff (`--- a/path`, `+++ b/path`, `@@` hunks with 3 lines of context); '' when nothing changed. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const name = path.split('\\').join('/').replace(/^\/+/, '');
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let index = 0;
  // line numbers (1-based) of ops[index] in the old and new file
  const oldLine: number[] = [];
  const newLine: number[] = [];
  let o = 1;
  let n = 1;
  for (const op of ops) {
    oldLine.push(o);
    newLine.push(n);
    if (op.type !== '+') o++;
    if (op.type !== '-') n++;
  }
  while (index < ops.length) {
    while (index < ops.length && ops[index]?.type === ' ') index++;
    if (index >= ops.length) break;
    const start = Math.max(0, index - DIFF_CONTEXT_LINES);
    let end = index;
    // extend while the next change is within 2×context lines
    for (;;) {
      while (end < ops.length && ops[end]?.type !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next]?.type === ' ') next++;
      if (next < ops.length && next - end <= 2 * DIFF_CONTEXT_LINES) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + DIFF_CONTEXT_LINES);
    const hunk = ops.slice(start, stop);
    const oldCount = hunk.filter((op) => op.type !== '+').length;
    const newCount = hunk.filter((op) => op.type !== '-').length;
    const oldStart = oldCount === 0 ? (oldLine[start] ?? 1) - 1 : (oldLine[start] ?? 1);
    const newStart = newCount === 0 ? (newLine[start] ?? 1) - 1 : (newLine[start] ?? 1);
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of hunk) {
      if (op.line.endsWith('\n')) out.push(`${op.type}${op.line.slice(0, -1)}`);
      else out.push(`${op.type}${op.line}`, '\\ No newline at end of file');
    }
    index = stop;
  }
  return `${out.join('\n')}\n`;
}
