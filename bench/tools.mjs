/**
 * The link checkers under test: how to run each on a folder of posts and how to read what it reported, as one
 * `{ url, state, dead }` row per link occurrence. `dead` means "the tool says this link is broken" (linkrot:
 * state `dead`; linkinator: `BROKEN`; markdown-link-check: `✖`).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = path.resolve(BENCH_DIR, '..');
export const PEERS_DIR = path.join(BENCH_DIR, 'peers');
export const LINKROT_BIN = path.join(REPO_DIR, 'dist', 'cli', 'main.js');
const LINKINATOR_BIN = path.join(PEERS_DIR, 'node_modules', 'linkinator', 'build', 'src', 'cli.js');
const MLC_BIN = path.join(PEERS_DIR, 'node_modules', 'markdown-link-check', 'markdown-link-check');

/**
 * The exact command line of each run, for the table and BENCHMARKS.md. `archive: true` keeps linkrot's default
 * (archive.org asked about dead links): for scenarios with no dead link, whose archive path must cost nothing.
 */
export function linkrotCheckArgs(dir, output, { archive = false } = {}) {
  return [LINKROT_BIN, 'check', dir, '--format', 'json', '--output', output, '--allow-private', ...(archive ? [] : ['--no-archive'])];
}

export function linkrotExtractArgs(dir, output) {
  return [LINKROT_BIN, 'extract', dir, '--format', 'json', '--output', output];
}

/** linkinator 6 is given a glob (a folder alone makes it serve the folder and 404 on its missing index). */
export function linkinatorArgs(dir) {
  return [LINKINATOR_BIN, path.join(dir, '*.md'), '--markdown', '--recurse', '--format', 'json'];
}

/** markdown-link-check 3.14 takes a folder and checks every Markdown file in it, one after the other. */
export function markdownLinkCheckArgs(dir) {
  return [MLC_BIN, dir];
}

export function peersInstalled() {
  return existsSync(LINKINATOR_BIN) && existsSync(MLC_BIN);
}

/** Rows of a linkrot JSON report (one per link occurrence). */
export async function readLinkrotReport(file) {
  const report = JSON.parse(await readFile(file, 'utf8'));
  const rows = [];
  for (const entry of report.files ?? []) {
    for (const link of entry.links ?? []) {
      rows.push({ url: stripFragment(link.resolved ?? link.url), state: link.state, reason: link.reason, dead: link.state === 'dead' });
    }
  }
  return { rows, summary: report.summary };
}

/** Link count of a linkrot extract report. */
export async function readExtractCount(file) {
  const report = JSON.parse(await readFile(file, 'utf8'));
  return (report.files ?? []).reduce((total, entry) => total + (entry.links?.length ?? 0), 0);
}

/** Rows of linkinator's `--format json` output: the links found in posts (not the posts themselves). */
export function parseLinkinator(stdout) {
  const start = stdout.indexOf('{');
  if (start < 0) return [];
  const result = JSON.parse(stdout.slice(start));
  return (result.links ?? [])
    .filter((link) => link.parent !== undefined)
    .map((link) => ({ url: stripFragment(link.url), state: link.state, status: link.status, dead: link.state === 'BROKEN' }));
}

/**
 * Rows of markdown-link-check's text output: under each `FILE:` line, one `[✓] url` / `[✖] url` / `[/] url`
 * line per link (the summary that repeats the failures with `→ Status:` is skipped).
 */
export function parseMarkdownLinkCheck(stdout) {
  const rows = [];
  for (const line of stdout.split('\n')) {
    const match = /^\s*\[(✓|✖|\/)\] (\S+)\s*$/.exec(line);
    if (!match) continue;
    const mark = match[1];
    rows.push({ url: stripFragment(match[2]), state: mark === '✓' ? 'alive' : mark === '✖' ? 'dead' : 'ignored', dead: mark === '✖' });
  }
  return rows;
}

export async function countMarkdownFiles(dir) {
  return (await readdir(dir)).filter((name) => name.endsWith('.md')).length;
}

function stripFragment(url) {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
