/**
 * The real-shapes corpus (shapes.ts) served by local servers, one per shape, and judged by the real pipeline:
 * requestFor → fetcher → followUpsFor → fetcher → diagnose, then once more through the built binary. Prints, per
 * shape, false dead, missed dead, soft 404s caught and noise (alive links reported suspicious).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, DEFAULT_CHECK_SETTINGS } from '../../../src/check/index.js';
import { diagnose, followUpsFor, requestFor } from '../../../src/diagnose/index.js';
import type { CheckResult } from '../../../src/model.js';
import { runCli } from '../../cli/run-cli.js';
import { startServer, type TestServer } from '../../helpers/servers.js';
import { link, SETTINGS } from '../helpers.js';
import { SHAPES, type Reply, type Route, type Shape, type ShapeLink } from './shapes.js';

interface Judged {
  shape: Shape;
  link: ShapeLink;
  url: string;
  got: string;
}

const servers = new Map<string, TestServer>();
let agent: Agent;

function reply(route: Route, requestPath: string, method: string): Reply {
  return typeof route === 'function' ? route(requestPath, method) : route;
}

/** The route for a request: a listed link (path and query), a listed route (path), else the fallback. */
function routeFor(shape: Shape, target: string): Route {
  const pathname = target.split('?')[0] ?? target;
  return shape.links.find((entry) => entry.path === target)?.route ?? shape.routes?.[target] ?? shape.routes?.[pathname] ?? shape.fallback;
}

beforeAll(async () => {
  agent = new Agent({ connect: { timeout: 5_000 } });
  for (const shape of SHAPES) {
    const server = await startServer(
      (request, response) => {
        const target = request.url ?? '/';
        const method = request.method ?? 'GET';
        const answer = reply(routeFor(shape, target), target.split('?')[0] ?? target, method);
        response.writeHead(answer.status, answer.headers ?? {});
        response.end(method === 'HEAD' ? undefined : answer.body);
      },
      { lifetimeMs: 120_000 },
    );
    servers.set(shape.id, server);
  }
});

afterAll(async () => {
  await agent.close();
  await Promise.all([...servers.values()].map((server) => server.close()));
});

function urlOf(shape: Shape, entry: ShapeLink): string {
  return `${servers.get(shape.id)!.origin}${entry.path}`;
}

/** What the pipeline does for one URL, with no retries (the corpus has no transient failures). */
async function judge(url: string): Promise<string> {
  const fetcher = createFetcher({ ...DEFAULT_CHECK_SETTINGS, allowPrivate: true, retries: 0 }, { dispatcher: agent });
  const result = await fetcher.fetch(requestFor(url, { fragment: false }, SETTINGS));
  const followUps: Record<string, CheckResult> = {};
  for (const followUp of followUpsFor(url, result, SETTINGS)) followUps[followUp.key] = await fetcher.fetch(followUp.request);
  const verdict = diagnose({ link: link(url), url, result, followUps, post: { date: '2017-03-01' } }, SETTINGS);
  return `${verdict.state}/${verdict.reason}`;
}

interface Figures {
  links: number;
  falseDead: number;
  missedDead: number;
  soft: number;
  softCaught: number;
  alive: number;
  noise: number;
  mismatches: number;
}

function figures(rows: readonly Judged[]): Figures {
  const dead = (row: Judged) => row.got.startsWith('dead/');
  const aliveTruth = (row: Judged) => row.link.truth === 'alive' || row.link.truth === 'moved';
  return {
    links: rows.length,
    falseDead: rows.filter((row) => dead(row) && (aliveTruth(row) || row.link.truth === 'blocked')).length,
    missedDead: rows.filter((row) => row.link.truth === 'dead' && !dead(row)).length,
    soft: rows.filter((row) => row.link.soft === true).length,
    softCaught: rows.filter((row) => row.link.soft === true && dead(row)).length,
    alive: rows.filter(aliveTruth).length,
    noise: rows.filter((row) => aliveTruth(row) && row.got.startsWith('suspicious/')).length,
    mismatches: rows.filter((row) => row.got !== row.link.expect).length,
  };
}

function table(rows: readonly Judged[]): string {
  const lines = ['| shape | group | links | false dead | missed dead | soft caught | noise | as expected |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const shape of SHAPES) {
    const mine = rows.filter((row) => row.shape === shape);
    const f = figures(mine);
    lines.push(`| ${shape.id} | ${shape.group} | ${f.links} | ${f.falseDead} | ${f.missedDead} | ${f.soft === 0 ? '–' : `${f.softCaught}/${f.soft}`} | ${f.noise}/${f.alive} | ${f.links - f.mismatches}/${f.links} |`);
  }
  const all = figures(rows);
  lines.push(`| **all** | | ${all.links} | ${all.falseDead} | ${all.missedDead} | ${all.softCaught}/${all.soft} | ${all.noise}/${all.alive} (${((100 * all.noise) / Math.max(1, all.alive)).toFixed(1)} %) | ${all.links - all.mismatches}/${all.links} |`);
  return lines.join('\n');
}

describe('real page shapes', () => {
  it('the corpus is big and sourced: at least 150 URLs over at least 40 shapes, each with a dated source', () => {
    expect(SHAPES.length).toBeGreaterThanOrEqual(40);
    expect(SHAPES.reduce((sum, shape) => sum + shape.links.length, 0)).toBeGreaterThanOrEqual(150);
    expect(new Set(SHAPES.map((shape) => shape.id)).size).toBe(SHAPES.length);
    for (const shape of SHAPES) expect(shape.source, shape.id).toMatch(/https?:\/\/|linkrot issue/);
    for (const shape of SHAPES) expect(shape.source, shape.id).toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('pages are the size of real ones: most HTML bodies are tens of KB', () => {
    const sizes = SHAPES.flatMap((shape) =>
      shape.links.map((entry) => reply(entry.route, entry.path, 'GET')).filter((answer) => String(answer.headers?.['content-type']).includes('html') && typeof answer.body === 'string'),
    ).map((answer) => Buffer.byteLength(answer.body as string));
    const large = sizes.filter((size) => size >= 10_000).length;
    // Error pages of web servers, app shells, walls and parking landers are small in real life too.
    expect(large / sizes.length).toBeGreaterThan(0.5);
  });

  it('the pipeline gives every URL its expected verdict: 0 false dead, 0 missed dead, every soft 404 caught, noise under 2 %', async () => {
    const rows: Judged[] = [];
    for (const shape of SHAPES) {
      for (const entry of shape.links) {
        const url = urlOf(shape, entry);
        rows.push({ shape, link: entry, url, got: await judge(url) });
      }
    }
    console.log(`\nReal page shapes (npx vitest run test/diagnose/real-shapes):\n${table(rows)}\n`);
    const all = figures(rows);
    expect(rows.filter((row) => row.got !== row.link.expect).map((row) => `${row.shape.id} ${row.link.path}: expected ${row.link.expect}, got ${row.got}`)).toEqual([]);
    expect(all.falseDead).toBe(0);
    expect(all.missedDead).toBe(0);
    expect(all.softCaught).toBe(all.soft);
    expect(all.noise / all.alive).toBeLessThan(0.02);
  }, 120_000);

  it('the built binary gives the same verdicts', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'linkrot-shapes-'));
    try {
      const expected = new Map<string, string>();
      const lines: string[] = ['---', 'title: Real shapes', 'date: 2017-03-01', '---', ''];
      for (const shape of SHAPES) {
        for (const entry of shape.links) {
          const url = urlOf(shape, entry);
          expected.set(url, entry.expect);
          lines.push(`- [${shape.id}](${url})`);
        }
      }
      const post = join(directory, 'post.md');
      await writeFile(post, `${lines.join('\n')}\n`);
      const run = await runCli(['check', post, '--format', 'json', '--allow-private', '--no-archive', '--retries', '0', '--quiet'], { timeoutMs: 90_000 });
      const report = JSON.parse(run.stdout) as { files: Array<{ links: Array<{ url: string; state: string; reason: string }> }> };
      const got = new Map(report.files.flatMap((file) => file.links.map((entry) => [entry.url, `${entry.state}/${entry.reason}`] as const)));
      const wrong = [...expected].filter(([url, want]) => got.get(url) !== want).map(([url, want]) => `${url}: expected ${want}, got ${got.get(url)}`);
      expect(wrong).toEqual([]);
      expect(run.code).toBe(1);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 120_000);
});
