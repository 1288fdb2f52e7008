/**
 * `title` and `date` of a post's YAML front matter without the yaml library, for the front matter most posts
 * have. Every line must be simple: blank, a comment (`#` in column 1) or `key: value` with `key` a plain
 * word in column 1 and `value` one of
 * - nothing or a comment (null);
 * - a plain scalar on one line (no `: `, no trailing `:`, not starting with an indicator, ` #` starts a
 *   comment) that the YAML 1.2 core schema reads as a string; a null, boolean or number is only accepted for
 *   keys other than title and date (they are not read);
 * - a double-quoted scalar on one line with the escapes `\\ \" \/ \n \r \t \xXX \uXXXX`, or a single-quoted
 *   one (`''` is a quote), optionally followed by a comment;
 * - for keys other than title and date, a flow list of plain words `[a, b c, d-e]`.
 * Keys are unique. Anything else (tabs, lone `\r`, nested or multi-line values, anchors, tags, other escapes,
 * a duplicate key, ...) returns undefined, and the caller asks the yaml library. When it answers, it gives
 * what `yaml.parse` gives for those two keys (test/extract/front-matter.test.ts compares both on generated
 * front matter).
 */

export interface TitleAndDate {
  title?: unknown;
  date?: unknown;
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** Keys the core schema reads as null or a boolean (two of them could be the same key). */
const NOT_STRING_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** Plain scalars the core schema reads as null, a boolean or a number. */
const NOT_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Characters that may not start a plain scalar. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Controls, byte-order marks, line and paragraph separators, lone surrogates: left to the library. */
const UNUSUAL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const FLOW_WORD = /^[A-Za-z0-9_][A-Za-z0-9_./-]*(?: [A-Za-z0-9_./-]+)*$/;
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', r: '\r', t: '\t' };

/** Title and date of a simple front matter (see above), or undefined when the yaml library must read it. */
export function readSimpleFrontMatter(yaml: string): TitleAndDate | undefined {
  if (yaml.includes('\t') || UNUSUAL.test(yaml.replace(/\r\n/g, '\n').replace(/\n/g, ' '))) return undefined;
  const out: TitleAndDate = {};
  const keys = new Set<string>();
  for (const raw of yaml.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const match = KEY_LINE.exec(line);
    const key = match?.[1];
    if (key === undefined || NOT_STRING_KEY.test(key) || keys.has(key)) return undefined;
    keys.add(key);
    const read = key === 'title' || key === 'date';
    const value = readValue(match?.[2] ?? '', read);
    if (value === undefined) return undefined;
    if (read) out[key] = value.value;
  }
  return out;
}

/**
 * The value after `key: `: `{ value }`, or undefined when it is not simple. `read` says the value is wanted
 * (then only strings and null are accepted); otherwise the value is only checked.
 */
function readValue(text: string, read: boolean): { value: unknown } | undefined {
  const first = text[0];
  if (first === undefined || first === ' ' || first === '#') return { value: null };
  if (first === '"' || first === "'") {
    const quoted = first === '"' ? readDoubleQuoted(text) : readSingleQuoted(text);
    if (!quoted || !isCommentOrNothing(text.slice(quoted.end))) return undefined;
    return { value: quoted.value };
  }
  if (first === '[') return read ? undefined : checkFlowList(text);
  if (INDICATOR.test(text)) return undefined;
  const comment = text.search(/ #/);
  const value = (comment === -1 ? text : text.slice(0, comment)).trimEnd();
  if (value.includes(': ') || value.endsWith(':')) return undefined;
  if (read && NOT_STRING.test(value)) return undefined;
  return { value };
}

/** Nothing, spaces, or spaces then a comment. */
function isCommentOrNothing(rest: string): boolean {
  return /^(?: *| +#.*)$/.test(rest);
}

function readDoubleQuoted(text: string): { value: string; end: number } | undefined {
  let value = '';
  for (let index = 1; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char === '"') return { value, end: index + 1 };
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escape = text[index + 1] ?? '';
    const simple = ESCAPES[escape];
    if (simple !== undefined) {
      value += simple;
      index++;
      continue;
    }
    const digits = escape === 'x' ? 2 : escape === 'u' ? 4 : 0;
    const hex = text.slice(index + 2, index + 2 + digits);
    if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
    const code = Number.parseInt(hex, 16);
    if (code >= 0xd800 && code <= 0xdfff) return undefined;
    value += String.fromCharCode(code);
    index += 1 + digits;
  }
  return undefined;
}

function readSingleQuoted(text: string): { value: string; end: number } | undefined {
  let value = '';
  for (let index = 1; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char !== "'") {
      value += char;
      continue;
    }
    if (text[index + 1] !== "'") return { value, end: index + 1 };
    value += "'";
    index++;
  }
  return undefined;
}

/** `[]` or `[word, word]` with plain words, then nothing or a comment. The value is not read. */
function checkFlowList(text: string): { value: unknown } | undefined {
  const close = text.indexOf(']');
  if (close === -1 || !isCommentOrNothing(text.slice(close + 1))) return undefined;
  const inside = text.slice(1, close).trim();
  if (inside !== '' && !inside.split(',').every((item) => FLOW_WORD.test(item.trim()))) return undefined;
  return { value: undefined };
}
