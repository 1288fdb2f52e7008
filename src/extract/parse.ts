import type { Nodes, Parents, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parse Markdown (GFM, YAML front matter) into mdast; every node gets a position (see below). */
export function parseMarkdown(text: string): Root {
  const tree = processor.parse(text);
  placeUnpositioned(tree, text);
  return tree;
}

/**
 * mdast-util-gfm-autolink-literal finds some bare URLs in a second pass over text nodes and gives the nodes
 * it creates no position. Find them again in the source, in order, between their positioned siblings.
 */
function placeUnpositioned(node: Parents, text: string): void {
  let cursor = node.position?.start.offset ?? 0;
  for (const child of node.children as Nodes[]) {
    if (child.position?.start.offset !== undefined && child.position.end.offset !== undefined) {
      cursor = child.position.end.offset;
    } else {
      const written = child.type === 'link' ? literalText(child) : child.type === 'text' ? child.value : '';
      const at = written === '' ? -1 : text.indexOf(written, cursor);
      if (at !== -1) {
        const end = at + written.length;
        child.position = { start: { line: 0, column: 0, offset: at }, end: { line: 0, column: 0, offset: end } };
        if (child.type === 'link') {
          for (const inner of child.children) inner.position ??= { start: { line: 0, column: 0, offset: at }, end: { line: 0, column: 0, offset: end } };
        }
        cursor = end;
      }
    }
    if ('children' in child) placeUnpositioned(child, text);
  }
}

function literalText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(literalText).join('');
  return '';
}
