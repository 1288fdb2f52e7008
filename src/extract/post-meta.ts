import { basename } from 'node:path';
import type { Heading, Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import type { PostMeta } from '../model.js';
import { readSimpleFrontMatter } from './front-matter.js';
import { isRecord } from './jekyll-site.js';

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const POST_FILE_DATE = /^(\d{4}-\d{2}-\d{2})-/;

/**
 * Title and date of a post. Date: front matter `date` as written in the post's own zone (its first
 * `YYYY-MM-DD`), else the Jekyll file name `YYYY-MM-DD-slug.md`. Title: front matter `title`, else the
 * first level-1 heading.
 */
export function readPostMeta(tree: Root, path: string | undefined, headingText: (heading: Heading) => string): PostMeta {
  const front = readFrontMatter(tree);
  const meta: PostMeta = {};
  const title = front['title'];
  if (typeof title === 'string' && title.trim() !== '') meta.title = title.trim();
  else if (typeof title === 'number') meta.title = String(title);
  else {
    const heading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
    if (heading) {
      const text = headingText(heading);
      if (text !== '') meta.title = text;
    }
  }
  const date = frontMatterDate(front['date']) ?? (path === undefined ? undefined : POST_FILE_DATE.exec(basename(path))?.[1]);
  if (date !== undefined && isValidDate(date)) meta.date = date;
  return meta;
}

/** The front matter's keys as yaml.parse reads them ({} when it throws): only title and date are read. */
function readFrontMatter(tree: Root): Record<string, unknown> {
  const yaml = tree.children[0];
  if (yaml?.type !== 'yaml') return {};
  const simple = readSimpleFrontMatter(yaml.value);
  if (simple) return { ...simple };
  try {
    const parsed: unknown = parseYaml(yaml.value);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function frontMatterDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  return ISO_DATE.exec(value)?.[0];
}

function isValidDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}
