import type { JekyllSite } from './jekyll-site.js';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const LIQUID_TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/;

/**
 * Jekyll runs Liquid before Markdown. Each `{{ … }}` and `{% … %}` tag is replaced by a same-length run of
 * this private-use character (line breaks kept) before parsing, so that `[x]({{ site.baseurl }}/a)` parses as
 * a link and every position stays where it was. The character is neither white space nor punctuation for
 * CommonMark, so it behaves like a letter.
 */
export const LIQUID_PLACEHOLDER = '\uE000';

/** Longest tag that is masked; longer `{{`…`}}` spans are left alone as ordinary text. */
export const MAX_LIQUID_TAG_LENGTH = 500;

const TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const RAW_START = /^\{%-?\s*raw\s*-?%\}$/;
const RAW_END = /\{%-?\s*endraw\s*-?%\}/g;

/** The text with every Liquid tag masked; `masked` is false when there was nothing to mask. */
export function maskLiquid(text: string): { text: string; masked: boolean } {
  if (!text.includes('{{') && !text.includes('{%')) return { text, masked: false };
  let out = '';
  let last = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(text); match; match = TAG.exec(text)) {
    const tag = match[0];
    if (tag.length > MAX_LIQUID_TAG_LENGTH || /\n[ \t]*\r?\n/.test(tag)) {
      TAG.lastIndex = match.index + 2;
      continue;
    }
    out += text.slice(last, match.index) + tag.replace(/[^\r\n]/g, LIQUID_PLACEHOLDER);
    last = match.index + tag.length;
    if (RAW_START.test(tag)) {
      // `{% raw %}…{% endraw %}`: the content is literal text for Liquid, so it is not masked.
      RAW_END.lastIndex = last;
      const end = RAW_END.exec(text);
      if (!end) break;
      out += text.slice(last, end.index) + end[0].replace(/[^\r\n]/g, LIQUID_PLACEHOLDER);
      last = end.index + end[0].length;
      TAG.lastIndex = last;
    }
  }
  return { text: out + text.slice(last), masked: true };
}

export function hasPlaceholder(text: string): boolean {
  return text.includes(LIQUID_PLACEHOLDER);
}

/** True when a destination holds Liquid, i.e. it only becomes a URL on the built site. */
export function isLiquid(url: string): boolean {
  return LIQUID_TAG.test(url);
}

/**
 * Expand the Liquid in a destination the way Jekyll would, from the site's `_config.yml` and `_posts/`:
 * `{{ site.baseurl }}`, `{{ site.url }}`, `{% post_url 2017-01-01-a %}`, `{% link path %}` and string
 * literals piped through `relative_url` / `absolute_url`. Returns undefined when any tag cannot be expanded.
 */
export function expandLiquid(url: string, site: JekyllSite | undefined): string | undefined {
  if (!site) return undefined;
  let failed = false;
  const expanded = url.replace(/\{\{-?([\s\S]*?)-?\}\}|\{%-?([\s\S]*?)-?%\}/g, (_all, output?: string, tag?: string) => {
    const value = output !== undefined ? expandOutput(output.trim(), site) : expandTag((tag ?? '').trim(), site);
    if (value === undefined) failed = true;
    return value ?? '';
  });
  return failed ? undefined : expanded;
}

function expandOutput(expression: string, site: JekyllSite): string | undefined {
  const [head = '', ...filters] = expression.split('|').map((part) => part.trim());
  let value: string | undefined;
  const literal = /^(['"])(.*)\1$/.exec(head);
  if (literal) value = literal[2];
  else if (head === 'site.baseurl') value = site.baseurl;
  else if (head === 'site.url') value = site.url ?? '';
  else return undefined;
  for (const filter of filters) {
    if (value === undefined) return undefined;
    if (filter === 'relative_url') value = relativeUrl(value, site);
    else if (filter === 'absolute_url') value = (site.url ?? '') + relativeUrl(value, site);
    else return undefined;
  }
  return value;
}

function expandTag(tag: string, site: JekyllSite): string | undefined {
  const match = /^(post_url|link)\s+(\S+)$/.exec(tag);
  if (!match) return undefined;
  const [, name, argument = ''] = match;
  if (name === 'post_url') return site.posts.get(argument.replace(/^.*\//, ''));
  return linkPath(argument, site);
}

/** Jekyll's `relative_url`: absolute URLs pass, paths get a leading slash and the base URL. */
function relativeUrl(path: string, site: JekyllSite): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  return site.baseurl + (path.startsWith('/') ? path : `/${path}`);
}

/** `{% link path %}` (Jekyll 3 semantics: no base URL added): posts by permalink, pages by output name. */
function linkPath(path: string, site: JekyllSite): string {
  const post = /^_posts\/(?:.*\/)?([^/]+)\.(?:md|markdown|html)$/.exec(path);
  if (post?.[1] && site.posts.has(post[1])) return site.posts.get(post[1]) ?? '';
  const page = /^(.*)\.(?:md|markdown|mdx)$/.exec(path);
  if (page?.[1] !== undefined) {
    const base = page[1];
    return base === 'index' || base.endsWith('/index') ? `/${base.slice(0, -'index'.length)}` : `/${base}.html`;
  }
  return path.startsWith('/') ? path : `/${path}`;
}
