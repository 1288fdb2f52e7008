/**
 * The benchmark's scenarios: deterministic blog posts (seeded PRNG) linking to the simulated web, with the
 * ground truth of every URL. A scenario is built against a running web (its URLs carry the web's port) and
 * written under `bench/.work/<name>/`.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRandom } from './random.mjs';
import { TRUTH_BY_MODE } from './sim-web.mjs';

/** 2,000 alive links in 100 posts over 40 hosts: the speed and politeness scenario. */
export const MAIN = Object.freeze({ name: 'main', hosts: 40, posts: 100, links: 2_000, seed: 1 });
/** 600 links in 30 posts over 40 hosts with every failure mode: the correctness scenario. */
export const MIX = Object.freeze({ name: 'mix', hosts: 40, posts: 30, links: 600, seed: 2 });
/**
 * The main scenario's shape (2,000 alive links, 100 posts, 40 hosts) with real-sized pages: every article
 * answers ~90 KB of HTML with inline script and style (see article-page.mjs), where main's are a few hundred bytes.
 */
export const PAGES = Object.freeze({ name: 'pages', hosts: 40, posts: 100, links: 2_000, seed: 5, realPages: true });
/** 20,000 links in 200 posts over 500 hosts: the load scenario. */
export const LOAD = Object.freeze({ name: 'load', hosts: 500, posts: 200, links: 20_000, seed: 3 });

/**
 * 60 dead links (404) in 6 posts over 10 hosts, checked with archive.org unreachable: the archive lookups of a
 * run must not turn its seconds into minutes (issue 11).
 */
export const ARCHIVE_DOWN = Object.freeze({ name: 'archive-down', hosts: 10, posts: 6, links: 60, seed: 4 });

/** Share of each failure mode among the mix scenario's links on ordinary hosts (the rest are `ok`). */
export const MIX_WEIGHTS = Object.freeze({
  'gone-404': 0.07,
  'gone-410': 0.02,
  'soft-404': 0.03,
  'head-405': 0.04,
  redirect: 0.05,
  'redirect-loop': 0.01,
  'retry-after-429': 0.02,
  '503-then-200': 0.02,
  'slow-headers': 0.01,
  'slow-body': 0.01,
  'reset-once': 0.01,
  reset: 0.01,
});

/** Hosts of the mix scenario that behave the same for every URL (the last four). */
export const MIX_HOST_MODES = Object.freeze(['challenge', 'status-999', 'browser-only', 'no-link-agents']);

/** Share of each mode in the load scenario (the rest are `ok`). */
export const LOAD_WEIGHTS = Object.freeze({ 'gone-404': 0.04, redirect: 0.03 });

/** The state linkrot should give each mode, to account for every link of a run. */
/** The state linkrot should report: the truth, except that a working redirect is reported as `redirected`. */
export const EXPECTED_STATE_BY_MODE = Object.freeze({ ...TRUTH_BY_MODE, redirect: 'redirected' });

export { createRandom };

/**
 * Builds a scenario's links, routes and posts.
 * @param {{name: string, hosts: number, posts: number, links: number, seed: number}} spec
 * @param {string[]} addresses one per host
 * @param {(address: string) => string} origin the web's origin for an address
 * @returns {{ spec: object, links: Array<{url: string, mode: string, truth: string, host: string}>,
 *   routes: Map<string, object>, posts: Array<{file: string, text: string}> }}
 */
export function buildScenario(spec, addresses, origin) {
  const random = createRandom(spec.seed);
  const routes = new Map();
  const links = [];
  for (let i = 0; i < spec.links; i += 1) {
    const hostIndex = i % spec.hosts;
    const address = addresses[hostIndex];
    const mode = pickMode(spec, hostIndex, random);
    const image = random() < 0.1;
    const url = `${origin(address)}${image ? `/images/figure-${i}.png` : `/${2010 + (i % 12)}/${slug(random)}-${i}`}`;
    const route = routeFor(mode, url, routes, random, i, image);
    if (spec.realPages === true) route.articleSeed = spec.seed * 100_003 + i;
    routes.set(url, route);
    links.push({ url, mode, truth: TRUTH_BY_MODE[mode], host: address, image });
  }
  clusterByHost(links, random);
  const perPost = Math.ceil(spec.links / spec.posts);
  const posts = [];
  for (let p = 0; p < spec.posts; p += 1) {
    const chunk = links.slice(p * perPost, (p + 1) * perPost);
    posts.push({ file: postFileName(p, random), text: writePost(p, chunk, random) });
  }
  return { spec, links, routes, posts };
}

/** Writes the posts into a fresh `dir` (removed first). */
export async function writeScenario(scenario, dir) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await Promise.all(scenario.posts.map((post) => writeFile(path.join(dir, post.file), post.text)));
}

function pickMode(spec, hostIndex, random) {
  if (spec.name === 'main' || spec.name === PAGES.name) return 'ok';
  if (spec.name === ARCHIVE_DOWN.name) return 'gone-404';
  if (spec.name === 'mix') {
    const fixed = spec.hosts - MIX_HOST_MODES.length;
    if (hostIndex >= fixed) return MIX_HOST_MODES[hostIndex - fixed];
    return weighted(MIX_WEIGHTS, random);
  }
  return weighted(LOAD_WEIGHTS, random);
}

function weighted(weights, random) {
  let roll = random();
  for (const [mode, share] of Object.entries(weights)) {
    if (roll < share) return mode;
    roll -= share;
  }
  return 'ok';
}

/** The route of a URL; redirects and loops add the routes of their other hops. */
function routeFor(mode, url, routes, random, i, image) {
  const base = new URL(url);
  if (mode === 'redirect') {
    const hops = 1 + Math.floor(random() * 3);
    let target = `${base.origin}/moved/${i}/final`;
    routes.set(target, { mode: 'ok', image });
    for (let hop = hops - 1; hop >= 1; hop -= 1) {
      const via = `${base.origin}/moved/${i}/hop-${hop}`;
      routes.set(via, { mode: 'redirect', status: hop % 2 ? 301 : 308, location: new URL(target).pathname });
      target = via;
    }
    return { mode, status: 301, location: target };
  }
  if (mode === 'redirect-loop') {
    const other = `${base.origin}/loop/${i}/b`;
    routes.set(other, { mode: 'redirect-loop', status: 302, location: base.pathname });
    return { mode, status: 302, location: new URL(other).pathname };
  }
  return { mode, image };
}

const WORDS = ['neural', 'networks', 'deep', 'learning', 'gradient', 'descent', 'backprop', 'convolution', 'attention',
  'tensor', 'embedding', 'dropout', 'batch', 'norm', 'recurrent', 'sequence', 'vision', 'language', 'model', 'notes',
  'tutorial', 'intro', 'paper', 'review', 'benchmark', 'dataset', 'training', 'inference', 'optimizer', 'loss'];

function word(random) {
  return WORDS[Math.floor(random() * WORDS.length)];
}

function slug(random) {
  return `${word(random)}-${word(random)}-${word(random)}`;
}

function title(random) {
  const text = `${word(random)} ${word(random)} and ${word(random)}`;
  return text[0].toUpperCase() + text.slice(1);
}

/**
 * Orders links the way posts cite them: in runs of a few links to the same site (five papers on one archive,
 * five repositories on one forge), the runs shuffled. A post of 20 links then cites about 4 hosts — which is
 * what makes a checker without a per-host limit hit one host with many requests at once.
 */
function clusterByHost(links, random) {
  const byHost = new Map();
  for (const link of links) {
    const list = byHost.get(link.host) ?? [];
    list.push(link);
    byHost.set(link.host, list);
  }
  const runs = [];
  for (const list of byHost.values()) {
    for (let i = 0; i < list.length; i += CITATION_RUN) runs.push(list.slice(i, i + CITATION_RUN));
  }
  shuffle(runs, random);
  links.splice(0, links.length, ...runs.flat());
}

/** Links in a row to one host, see clusterByHost. */
const CITATION_RUN = 5;

function shuffle(list, random) {
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
}

function postFileName(p, random) {
  const year = 2012 + (p % 10);
  const month = String(1 + (p % 12)).padStart(2, '0');
  const day = String(1 + (p % 28)).padStart(2, '0');
  return `${year}-${month}-${day}-${slug(random)}-${p}.md`;
}

/** A Jekyll post: front matter, headings, paragraphs with inline and reference links, images and a list. */
function writePost(p, links, random) {
  const lines = ['---', 'layout: post', `title: "${title(random)}"`, `tags: [${word(random)}, ${word(random)}]`, '---', ''];
  lines.push(`This post collects what I read about ${word(random)} ${word(random)} this month.`, '');
  const definitions = [];
  links.forEach((link, index) => {
    if (index % 6 === 0) lines.push(`## ${title(random)}`, '');
    const text = `${word(random)} ${word(random)}`;
    if (link.image) {
      lines.push(`![A figure about ${text}](${link.url})`, '');
    } else if (index % 5 === 3) {
      const label = `ref-${p}-${index}`;
      lines.push(`As [the ${text} write-up][${label}] shows, the ${word(random)} matters more than the ${word(random)}.`, '');
      definitions.push(`[${label}]: ${link.url}`);
    } else if (index % 5 === 4) {
      lines.push(`- [${text}](${link.url}) — a ${word(random)} ${word(random)} worth a look`, '');
    } else {
      lines.push(`I liked [this ${text} piece](${link.url}), which explains ${word(random)} without the ${word(random)}.`, '');
    }
  });
  if (definitions.length > 0) lines.push(...definitions, '');
  return lines.join('\n');
}
