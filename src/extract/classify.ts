import type { LinkKind, LinkSyntax } from '../model.js';
import type { JekyllSite } from './jekyll-site.js';
import { expandLiquid } from './liquid.js';
import { parseUrl } from '../util/url.js';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const MAILTO = /^mailto:/i;
const IN_POSTS = /(^|[\\/])_posts[\\/]/;

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export interface Classified {
  kind: LinkKind;
  resolved?: string;
}

/**
 * The reported kind of a link and its absolute URL when one can be made: `mailto` for mailto:, `relative`
 * for anything without a scheme (resolved against `base`), `template` for Liquid that cannot be expanded,
 * else the syntax.
 */
export function classifyLink(url: string, syntax: LinkSyntax, liquid: boolean, site: JekyllSite | undefined, base: string | undefined): Classified {
  let target = url;
  if (liquid) {
    const expanded = expandLiquid(url, site);
    if (expanded === undefined) return { kind: 'template' };
    target = expanded;
  }
  if (MAILTO.test(target)) return { kind: 'mailto', ...(liquid ? { resolved: target } : {}) };
  if (SCHEME.test(target)) return { kind: syntax, ...(liquid ? { resolved: target } : {}) };
  const resolved = resolveAgainst(target, base);
  return { kind: 'relative', ...(resolved === undefined ? {} : { resolved }) };
}

function resolveAgainst(target: string, base: string | undefined): string | undefined {
  if (base === undefined) return undefined;
  return parseUrl(target, base)?.href;
}

/** The URL relative links of a post are resolved against: `--base-url`, else the post's URL on its site. */
export function baseFor(path: string | undefined, baseUrl: string | undefined, site: JekyllSite | undefined): string | undefined {
  if (baseUrl !== undefined) return baseUrl;
  if (!site?.url) return undefined;
  const name = path?.replace(/\\/g, '/').replace(/^.*\//, '').replace(/\.[^.]*$/, '');
  const inPosts = path !== undefined && IN_POSTS.test(path);
  const permalink = inPosts && name !== undefined ? site.posts.get(name) : undefined;
  return `${site.url}${site.baseurl}${permalink ?? '/'}`;
}
