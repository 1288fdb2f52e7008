import type { Definition, Heading, Html, Image, ImageReference, Link as MdastLink, LinkReference, Nodes, Parents } from 'mdast';
import type { ExtractedFile, Link, LinkSyntax } from '../model.js';
import { baseFor, classifyLink } from './classify.js';
import { countOpenBrackets, isCmarkBareLiteral } from './cmark-gfm.js';
import { findDefinitionDestination, findInlineDestination, findLiteral } from './destination.js';
import { findHtmlUrls } from './html-links.js';
import { maskUnquotedSlashes, unmaskSlashes } from './html-unquoted.js';
import type { JekyllSite } from './jekyll-site.js';
import { createLineIndex, type LineIndex } from './line-index.js';
import { unescapeCellPipes } from './table-cell.js';
import { hasPlaceholder, maskLiquid } from './liquid.js';
import { parseForLinks } from './plain-paragraphs.js';
import { assertLinkBudget } from './link-budget.js';
import { readPostMeta } from './post-meta.js';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const IMAGE_LABEL = /^!\[([\s\S]*?)\]/;

export interface ExtractOptions {
  /** File path: Jekyll date from the file name, the post's own URL for relative links. */
  path?: string;
  /** Relative links are resolved against it (`Link.resolved`). */
  baseUrl?: string;
  /** The Jekyll site of the post (found by extractFile): url, baseurl, `_posts/` index. */
  site?: JekyllSite;
  /**
   * Read plain paragraphs, headings, lists and definitions without micromark (plain-paragraphs.ts); the links
   * are the same either way.
   * Default true; false parses the whole text with micromark (tests compare the two).
   */
  fastParagraphs?: boolean;
}

interface Context {
  /** The original text without its byte-order mark. */
  body: string;
  /** `body` with Liquid masked: what the parser saw. */
  masked: string;
  /** 1 when the file starts with a byte-order mark: mdast offsets are shifted by it. */
  shift: number;
  lines: LineIndex;
  site: JekyllSite | undefined;
  base: string | undefined;
}

const BLOCKS_WITH_TEXT = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Every link occurrence in a Markdown post, with its exact source span, plus the post's title and date.
 * Pure and synchronous; positions follow model.ts (UTF-16 indices into the text, BOM included). Throws
 * LinkrotError('LINKROT_INPUT') for a file with more link candidates than DEFAULT_MAX_LINKS_PER_FILE.
 */
export function extractLinks(source: string, options: ExtractOptions = {}): ExtractedFile {
  const shift = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = shift ? source.slice(1) : source;
  assertLinkBudget(body, options.path);
  const masked = maskLiquid(body).text;
  // What the parser reads: Liquid masked, and the slashes of unquoted HTML attribute values (html-unquoted.ts).
  const forParser = maskUnquotedSlashes(masked);
  const tree = parseForLinks(forParser.text, options.fastParagraphs === undefined ? {} : { fastParagraphs: options.fastParagraphs });
  if (forParser.masked) unmaskSlashes(tree);
  const context: Context = {
    body,
    masked,
    shift,
    lines: createLineIndex(source),
    site: options.site,
    base: baseFor(options.path, options.baseUrl, options.site),
  };

  const definitions = new Map<string, Definition>();
  const inOrder: Definition[] = [];
  collectDefinitions(tree, definitions, inOrder);

  const links: Array<Link & { order: number }> = [];
  const used = new Set<Definition>();
  const brackets = new Map<Parents, number>();

  /**
   * One pre-order walk. `block` is the deepest paragraph, heading or table cell above the node (its `[`
   * count is what cmark-gfm's bare-URL rule reads); `inLabel` says a link or link reference is above it.
   */
  const walk = (node: Nodes, block: Parents | undefined, inLabel: boolean): void => {
    switch (node.type) {
      case 'text':
        if (block && !inLabel) brackets.set(block, countOpenBrackets(rawOf(node, context) ?? node.value, brackets.get(block) ?? 0));
        return;
      case 'link':
      case 'image': {
        const link = inlineLink(node, block, inLabel, brackets, context);
        if (link) links.push(link);
        break;
      }
      case 'linkReference':
      case 'imageReference': {
        const definition = definitions.get(node.identifier);
        if (!definition) break;
        used.add(definition);
        const link = referenceLink(node, definition, inLabel, context);
        if (link) links.push(link);
        break;
      }
      case 'html':
        for (const link of htmlLinks(node, block?.type === 'tableCell', context)) links.push(link);
        return;
      default:
        break;
    }
    if (!('children' in node)) return;
    const childBlock = BLOCKS_WITH_TEXT.has(node.type) ? node : block;
    const childInLabel = inLabel || node.type === 'link' || node.type === 'linkReference';
    for (const child of node.children as Nodes[]) walk(child, childBlock, childInLabel);
  };
  walk(tree, undefined, false);

  for (const node of inOrder) {
    if (used.has(node)) continue;
    const link = definitionLink(node, context);
    if (link) links.push(link);
  }

  links.sort((a, b) => a.order - b.order || a.offset.start - b.offset.start);
  const meta = readPostMeta(tree, options.path, (heading: Heading) => plainText(heading, context));
  return {
    path: options.path ?? '',
    ...meta,
    links: links.map(({ order: _order, ...link }) => link),
  };
}

/** Every definition in document order, and the first one of each identifier (CommonMark: the first wins). */
function collectDefinitions(node: Nodes, first: Map<string, Definition>, inOrder: Definition[]): void {
  if (node.type === 'definition') {
    inOrder.push(node);
    if (!first.has(node.identifier)) first.set(node.identifier, node);
    return;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) collectDefinitions(child, first, inOrder);
}

function inlineLink(node: MdastLink | Image, block: Parents | undefined, inLabel: boolean, brackets: Map<Parents, number>, context: Context): (Link & { order: number }) | undefined {
  const span = spanOf(node);
  if (!span) return undefined;
  const first = context.masked[span.start];
  let syntax: LinkSyntax;
  let destination: { start: number; end: number } | undefined;
  if (node.type === 'image') {
    syntax = 'image';
    destination = offsetBy(findInlineDestination(context.masked.slice(span.start, span.end), node.url), span.start);
  } else if (first === '[') {
    syntax = 'link';
    destination = offsetBy(findInlineDestination(context.masked.slice(span.start, span.end), node.url), span.start);
  } else if (first === '<') {
    syntax = 'autolink';
    destination = { start: span.start + 1, end: span.end - 1 };
  } else {
    syntax = 'bare';
    const raw = context.masked.slice(span.start, span.end);
    const blockStart = block ? firstOffset(block) : undefined;
    const previous = span.start === blockStart ? undefined : context.masked[span.start - 1];
    if (!isCmarkBareLiteral(raw, previous, block ? (brackets.get(block) ?? 0) : 0)) return undefined;
    destination = span;
  }
  const inTableCell = block?.type === 'tableCell';
  // No escapes apply in bare URLs and autolinks, but a table cell's `\|` is a `|` for cmark-gfm (table-cell.ts).
  const url = inTableCell && (syntax === 'bare' || syntax === 'autolink') ? unescapeCellPipes(node.url).text : node.url;
  destination ??= offsetBy(findLiteral(context.masked.slice(span.start, span.end), node.url), span.start) ?? span;
  const inLink = node.type === 'image' && inLabel;
  const text = node.type === 'image' ? restoreText(node.alt ?? '', span, context) : plainText(node, context);
  return build(context, {
    url,
    syntax,
    text,
    at: span.start,
    destination,
    ...(inLink ? { inLink } : {}),
    ...(inTableCell ? { inTableCell } : {}),
  });
}

function referenceLink(node: LinkReference | ImageReference, definition: Definition, inLabel: boolean, context: Context): (Link & { order: number }) | undefined {
  const span = spanOf(node);
  const definitionSpan = spanOf(definition);
  if (!span || !definitionSpan) return undefined;
  const destination = definitionDestination(definition, definitionSpan, context);
  const inLink = node.type === 'imageReference' && inLabel;
  const text = node.type === 'imageReference' ? restoreText(node.alt ?? '', span, context) : plainText(node, context);
  return build(context, {
    url: definition.url,
    syntax: node.type === 'imageReference' ? 'reference-image' : 'reference',
    text,
    at: span.start,
    destination,
    label: definition.label ?? node.label ?? node.identifier,
    definitionLine: context.lines.locate(definitionSpan.start + context.shift).line,
    ...(inLink ? { inLink } : {}),
  });
}

function definitionLink(node: Definition, context: Context): (Link & { order: number }) | undefined {
  const span = spanOf(node);
  if (!span) return undefined;
  const label = node.label ?? node.identifier;
  return build(context, {
    url: node.url,
    syntax: 'definition',
    text: collapse(label),
    at: span.start,
    destination: definitionDestination(node, span, context),
    label,
    definitionLine: context.lines.locate(span.start + context.shift).line,
  });
}

function definitionDestination(node: Definition, span: { start: number; end: number }, context: Context): { start: number; end: number } {
  const text = context.masked.slice(span.start, span.end);
  return offsetBy(findDefinitionDestination(text, node.url) ?? findLiteral(text, node.url), span.start) ?? span;
}

function htmlLinks(node: Html, inCell: boolean, context: Context): Array<Link & { order: number }> {
  const span = spanOf(node);
  if (!span) return [];
  const raw = context.masked.slice(span.start, span.end);
  if (!raw.includes('=')) return [];
  // In a table cell the HTML is read with each `\|` unescaped, as cmark-gfm does; positions map back to the source.
  const chunk = inCell ? unescapeCellPipes(raw) : { text: raw, toRaw: (index: number) => index };
  return findHtmlUrls(chunk.text).map((found) => {
    const start = span.start + chunk.toRaw(found.start);
    const end = found.end > found.start ? span.start + chunk.toRaw(found.end - 1) + 1 : start;
    const liquid = hasPlaceholder(context.masked.slice(start, end));
    const link = build(context, {
      url: liquid ? context.body.slice(start, end) : found.url,
      syntax: 'html',
      text: '',
      at: span.start + chunk.toRaw(found.attrStart),
      destination: { start, end },
      liquidChecked: liquid,
      ...(inCell ? { inTableCell: true } : {}),
    });
    link.html = { tag: found.tag, attr: found.attr };
    return link;
  });
}

interface Draft {
  url: string;
  syntax: LinkSyntax;
  text: string;
  /** Index (in the BOM-less text) of the link's first character. */
  at: number;
  destination: { start: number; end: number };
  inLink?: boolean;
  inTableCell?: boolean;
  label?: string;
  definitionLine?: number;
  /** Set by HTML, which decides about Liquid itself. */
  liquidChecked?: boolean;
}

function build(context: Context, draft: Draft): Link & { order: number } {
  const { destination } = draft;
  const liquid = draft.liquidChecked ?? hasPlaceholder(context.masked.slice(destination.start, destination.end));
  const url = liquid && draft.liquidChecked === undefined ? context.body.slice(destination.start, destination.end) : draft.url;
  const { kind, resolved } = classifyLink(url, draft.syntax, liquid, context.site, context.base);
  const position = context.lines.locate(draft.at + context.shift);
  const urlLine = context.lines.locate(destination.start + context.shift).line;
  const link: Link & { order: number } = {
    url,
    ...(resolved === undefined ? {} : { resolved }),
    kind,
    syntax: draft.syntax,
    text: draft.text,
    line: position.line,
    column: position.column,
    offset: { start: destination.start + context.shift, end: destination.end + context.shift },
    order: draft.at,
  };
  if (urlLine !== position.line) link.urlLine = urlLine;
  if (draft.inLink) link.inLink = true;
  if (draft.inTableCell) link.inTableCell = true;
  if (draft.label !== undefined) link.label = draft.label;
  if (draft.definitionLine !== undefined) link.definitionLine = draft.definitionLine;
  return link;
}

/** Plain text of a label, Liquid restored from the original text, white space collapsed. */
function plainText(node: Nodes, context: Context): string {
  return collapse(collectText(node, context));
}

function collectText(node: Nodes, context: Context): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return hasPlaceholder(node.value) ? (rawOf(node, context, true) ?? node.value) : node.value;
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'break':
      return ' ';
    default:
      return 'children' in node ? (node.children as Nodes[]).map((child) => collectText(child, context)).join('') : '';
  }
}

/** An image's alt with Liquid put back (alt is flat text, so its raw label is used when it holds Liquid). */
function restoreText(alt: string, span: { start: number; end: number }, context: Context): string {
  if (!hasPlaceholder(alt)) return collapse(alt);
  const raw = context.body.slice(span.start, span.end);
  const label = IMAGE_LABEL.exec(raw)?.[1];
  return collapse(label ?? alt);
}

function rawOf(node: Nodes, context: Context, original = false): string | undefined {
  const span = spanOf(node);
  if (!span) return undefined;
  return (original ? context.body : context.masked).slice(span.start, span.end);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function spanOf(node: Nodes): { start: number; end: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

function firstOffset(node: Parents): number | undefined {
  const first = node.children[0] as Nodes | undefined;
  return first ? spanOf(first)?.start : undefined;
}

function offsetBy(span: { start: number; end: number } | undefined, by: number): { start: number; end: number } | undefined {
  return span && { start: span.start + by, end: span.end + by };
}
