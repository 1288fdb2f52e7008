import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** What extract needs to know about the Jekyll site a post belongs to. */
export interface JekyllSite {
  /** Directory that holds `_config.yml`. */
  root: string;
  /** `url` from `_config.yml` (scheme and host), without a trailing slash. */
  url?: string;
  /** `baseurl` from `_config.yml`, '' when unset, never with a trailing slash. */
  baseurl: string;
  /** Permalink template (`date`, `pretty`, … expanded). */
  permalink: string;
  /** Every post in `_posts/` by file name without extension (`2017-01-01-a`) → its permalink path. */
  posts: Map<string, string>;
}

export const JEKYLL_CONFIG_FILES = ['_config.yml', '_config.yaml'] as const;

const PERMALINK_STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

const POST_NAME = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/;
const sites = new Map<string, Promise<JekyllSite | undefined>>();
const configs = new Map<string, Promise<string | undefined>>();

/**
 * The Jekyll site above a post: the nearest directory upwards holding `_config.yml`. Its `_posts/` are read
 * once per process (front matter only) so that `{% post_url %}` can be resolved. Which directory holds the
 * configuration is also looked up once per directory and process: the posts of one folder share one lookup.
 */
export async function findJekyllSite(postPath: string): Promise<JekyllSite | undefined> {
  const config = await findConfig(dirname(resolve(postPath)));
  if (config === undefined) return undefined;
  let site = sites.get(config);
  if (!site) {
    site = loadSite(dirname(config), config);
    sites.set(config, site);
  }
  return site;
}

/** The Jekyll configuration file in `directory` or the nearest directory above it. */
function findConfig(directory: string): Promise<string | undefined> {
  let found = configs.get(directory);
  if (!found) {
    found = lookUpConfig(directory);
    configs.set(directory, found);
  }
  return found;
}

async function lookUpConfig(directory: string): Promise<string | undefined> {
  for (const name of JEKYLL_CONFIG_FILES) {
    const config = join(directory, name);
    if (await isFile(config)) return config;
  }
  const parent = dirname(directory);
  return parent === directory ? undefined : findConfig(parent);
}

async function loadSite(root: string, configPath: string): Promise<JekyllSite | undefined> {
  let config: Record<string, unknown>;
  try {
    const parsed: unknown = parseYaml(await readFile(configPath, 'utf8'));
    config = isRecord(parsed) ? parsed : {};
  } catch {
    config = {};
  }
  const url = typeof config['url'] === 'string' && config['url'] !== '' ? config['url'].replace(/\/+$/, '') : undefined;
  const rawBase = typeof config['baseurl'] === 'string' ? config['baseurl'] : '';
  const baseurl = rawBase === '' || rawBase === '/' ? '' : `/${rawBase.replace(/^\/+|\/+$/g, '')}`;
  const style = typeof config['permalink'] === 'string' ? config['permalink'] : 'date';
  const permalink = PERMALINK_STYLES[style] ?? style;
  const posts = new Map<string, string>();
  for (const file of await listPosts(join(root, '_posts'))) {
    const name = basename(file, extname(file));
    const front = await readFrontMatter(file);
    const path = postPermalink(name, front, permalink);
    if (path !== undefined) posts.set(name, path);
  }
  return { root, ...(url === undefined ? {} : { url }), baseurl, permalink, posts };
}

/** The URL path Jekyll gives a post, from its file name, its front matter and the site's permalink. */
export function postPermalink(name: string, front: Record<string, unknown>, template: string): string | undefined {
  if (typeof front['permalink'] === 'string') return front['permalink'];
  const match = POST_NAME.exec(name);
  if (!match) return undefined;
  const [, year = '', month = '', day = '', fileSlug = ''] = match;
  const slug = typeof front['slug'] === 'string' ? front['slug'] : fileSlug;
  const categories = listOf(front['categories'] ?? front['category']);
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const yearDay = Math.floor((date.getTime() - Date.UTC(Number(year), 0, 1)) / 86_400_000) + 1;
  const values: Record<string, string> = {
    year,
    month,
    day,
    i_month: String(Number(month)),
    i_day: String(Number(day)),
    short_year: year.slice(2),
    y_day: String(yearDay).padStart(3, '0'),
    title: fileSlug,
    slug,
    categories: categories.join('/'),
    output_ext: '.html',
  };
  const path = template.replace(/:(i_month|i_day|short_year|y_day|output_ext|categories|year|month|day|title|slug)/g, (_all, key: string) => values[key] ?? '');
  return path.replace(/\/{2,}/g, '/');
}

function listOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.map(String);
  return [];
}

async function listPosts(directory: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && /\.(md|markdown|html)$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function readFrontMatter(file: string): Promise<Record<string, unknown>> {
  try {
    const text = await readFile(file, 'utf8');
    const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
    if (!match) return {};
    const parsed: unknown = parseYaml(match[1] ?? '');
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
