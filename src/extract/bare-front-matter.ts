import type { Root } from 'mdast';
import { countLineEndings } from './line-index.js';
import { findFrontMatter } from './split-blocks.js';

/**
 * The tree of a document that is a YAML front matter block and nothing else but blank lines, as micromark
 * with remark-frontmatter makes it; undefined for any other document. After the plain blocks are taken out
 * (plain-paragraphs.ts) this is all that is left of most blog posts, and micromark would cost far more to
 * start than to read it.
 *
 * The block (micromark-extension-frontmatter): line 1 is `---` and optional spaces or tabs; it ends at the
 * first later line that is `---` and optional spaces or tabs. Its value is the text between the two fence
 * lines without the line ending before the closing one. Without a closing line the document is no front
 * matter (a thematic break and more).
 */
export function parseBareFrontMatter(text: string): Root | undefined {
  const block = findFrontMatter(text);
  if (block === undefined || !BLANK_REST.test(text.slice(block.closeEnd))) return undefined;
  const closing = endOf(text.slice(0, block.closeEnd));
  return {
    type: 'root',
    children: [
      {
        type: 'yaml',
        value: text.slice(block.openEnd, block.valueEnd),
        position: { start: { line: 1, column: 1, offset: 0 }, end: closing },
      },
    ],
    position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(text) },
  };
}

const BLANK_REST = /^[ \t\r\n]*$/;

/** Line, column and offset of the end of the text (line endings as micromark counts them). */
function endOf(text: string): { line: number; column: number; offset: number } {
  const endings = countLineEndings(text);
  const lastStart = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
  return { line: endings + 1, column: text.length - lastStart + 1, offset: text.length };
}
