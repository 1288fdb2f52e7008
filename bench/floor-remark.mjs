// A reference for `linkrot extract` in bench/extract.mjs: what remark alone (the parser linkrot is built on:
// unified, remark-parse, remark-gfm, remark-frontmatter, as installed) takes to parse the same Markdown, whole
// process. Not a floor linkrot could reach by doing less: it is the parser linkrot has to run for every block that
// is not plain prose (src/extract/plain-paragraphs.ts), with nothing extracted.
//
//   node bench/floor-remark.mjs FILE|DIR ...     parse every Markdown file given (a folder: its .md files, not recursive)
//   node bench/floor-remark.mjs --load-only      start node and load remark, nothing parsed
//
// A long document is parsed in pieces of at least 16 KB, cut at a blank line before a line in column 1 outside
// fenced code, as linkrot cuts them (micromark 4.0.3 is quadratic on a long document with many lists: remark would
// be slower whole). Other blocks that span blank lines (HTML blocks of kinds 1-5) are not looked for: a speed
// reference, not a parse to trust. Prints the number of link, image and definition nodes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const PIECE_CHARS = 16 * 1024;
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

const direct = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
const args = direct ? process.argv.slice(2) : [];
if (args[0] === '--load-only') process.exit(0);

const files = args.flatMap((path) =>
  statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => join(path, name))
    : [path],
);

/**
 * The text cut into pieces of at least PIECE_CHARS, each cut at a blank line followed by a line in column 1, never
 * inside a fenced code block (a line opening with three or more backticks or tildes, up to its closing fence).
 */
export function pieces(text) {
  const out = [];
  let start = 0;
  let fence;
  const line = /([^\n]*)(\n|$)/g;
  let blank = false;
  for (let match = line.exec(text); match && match[0] !== ''; match = line.exec(text)) {
    const content = match[1];
    const at = match.index;
    if (fence === undefined && blank && /^\S/.test(content) && at - start >= PIECE_CHARS && text.length - at >= PIECE_CHARS) {
      out.push(text.slice(start, at));
      start = at;
    }
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(content)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length && content.trim() === marker) fence = undefined;
    blank = content.trim() === '';
  }
  out.push(text.slice(start));
  return out;
}

function countLinks(node) {
  let count = node.type === 'link' || node.type === 'image' || node.type === 'definition' ? 1 : 0;
  if (node.children) for (const child of node.children) count += countLinks(child);
  return count;
}

if (direct) {
  let links = 0;
  for (const file of files) for (const piece of pieces(readFileSync(file, 'utf8'))) links += countLinks(processor.parse(piece));
  process.stdout.write(`${links}\n`);
}
