import type { Definition, Heading, Image, Link, LinkReference, List, ListItem, Paragraph, PhrasingContent, RootContent, Text } from 'mdast';
import type { Point, Position } from 'unist';
import type { LineIndex } from './line-index.js';
import type { PlainBlock, PlainHeading, PlainItem, PlainList } from './plain-blocks.js';
import type { PlainLink } from './plain-inline.js';

/**
 * The mdast nodes of plain blocks (plain-blocks.ts), at their exact positions, as micromark would make them
 * as far as extractLinks reads them: links and link references with their label text, images with their
 * alt, definitions, the list structure. Paragraphs hold only their links: the text around them holds no `[`, so the bracket count
 * cmark-gfm's bare-URL rule needs stays 0 as in the parsed tree. Headings hold their text too (a level-1
 * heading may be the post's title).
 */
export function buildPlainNodes(blocks: PlainBlock[], text: string, lines: LineIndex): RootContent[] {
  return blocks.map((block): RootContent => {
    switch (block.kind) {
      case 'paragraph':
        return paragraph(block.start, block.end, block.links, text, lines);
      case 'heading':
        return heading(block, text, lines);
      case 'list':
        return list(block, text, lines);
      case 'definition':
        return {
          type: 'definition',
          identifier: block.label.toLowerCase(),
          label: block.label,
          title: block.title,
          url: block.url,
          position: positionOf(lines, block.start, block.end),
        } satisfies Definition;
    }
  });
}

function pointAt(lines: LineIndex, offset: number): Point {
  const { line, column } = lines.locate(offset);
  return { line, column, offset };
}

function positionOf(lines: LineIndex, start: number, end: number): Position {
  return { start: pointAt(lines, start), end: pointAt(lines, end) };
}

function textNode(text: string, start: number, end: number, lines: LineIndex): Text {
  return { type: 'text', value: text.slice(start, end), position: positionOf(lines, start, end) };
}

function linkNode(link: PlainLink, text: string, lines: LineIndex): Link | LinkReference | Image {
  if (link.image) return { type: 'image', url: link.url ?? '', title: null, alt: text.slice(link.textStart, link.textEnd), position: positionOf(lines, link.start, link.end) };
  const label: Text[] = link.textEnd > link.textStart ? [textNode(text, link.textStart, link.textEnd, lines)] : [];
  const position = positionOf(lines, link.start, link.end);
  if (link.url !== undefined) return { type: 'link', url: link.url, title: null, children: label, position };
  const name = link.label ?? '';
  return { type: 'linkReference', identifier: name.toLowerCase(), label: name, referenceType: 'full', children: label, position };
}

function paragraph(start: number, end: number, links: PlainLink[], text: string, lines: LineIndex): Paragraph {
  return { type: 'paragraph', children: links.map((link) => linkNode(link, text, lines)), position: positionOf(lines, start, end) };
}

function heading(block: PlainHeading, text: string, lines: LineIndex): Heading {
  const children: PhrasingContent[] = [];
  let at = block.contentStart;
  for (const link of block.links) {
    if (link.start > at) children.push(textNode(text, at, link.start, lines));
    children.push(linkNode(link, text, lines));
    at = link.end;
  }
  if (block.contentEnd > at) children.push(textNode(text, at, block.contentEnd, lines));
  return { type: 'heading', depth: block.depth as Heading['depth'], children, position: positionOf(lines, block.start, block.end) };
}

function list(block: PlainList, text: string, lines: LineIndex): List {
  const children = block.items.map(
    (item: PlainItem): ListItem => ({
      type: 'listItem',
      spread: false,
      checked: null,
      children: [paragraph(item.contentStart, item.end, item.links, text, lines)],
      position: positionOf(lines, item.start, item.end),
    }),
  );
  const first = block.items[0];
  const last = block.items[block.items.length - 1];
  return {
    type: 'list',
    ordered: block.ordered,
    start: block.first,
    spread: false,
    children,
    position: positionOf(lines, first?.start ?? 0, last?.end ?? 0),
  };
}
