/**
 * Runs of linkrot over simulated days, against local servers whose answers change from run to run: the
 * library with an injected clock (the pipeline and the results cache read it), one cache file carried from run
 * to run as the README's workflow carries it. Each run is judged twice: as `--fail-on dead` would (every run on
 * its own) and as `--fail-on confirmed` does (with the history), against what should have failed.
 *
 * The outages are the kinds the issue threads describe, each with its source:
 * - a host that resets connections or answers 503 for the length of one run ("the same host is down for the
 *   whole run": gbdev/pandocs#418, 2022; Seeed-Projects/reBot-DevArm#77, 2025, a 17% false-red rate);
 * - a 404 for a page that exists, served before or while a static site deploys (sakai1250/sakai1250.github.io#21,
 *   2026-08-28: "transient self-link 404s" from GitHub Pages), which a run on its own must take for dead;
 * - a host that fails now and then for a few days (digipres/awesome-digital-preservation#6, 2022-11-24: "Ideally,
 *   we'd allow links to fail for a few days before flagging them"; thanos-io/thanos#3210 removed its checker);
 * - a page removed for good (404) and one gone (410): these must fail, once confirmed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
// The benchmark's seeded generator (mulberry32): every run of the simulation is the same.
import { createRandom } from '../../bench/scenarios.mjs';
import { openCache } from '../../src/cache/index.js';
import { failing } from '../../src/cli/check-command.js';
import { extractLinks } from '../../src/extract/index.js';
import type { Report } from '../../src/model.js';
import { checkExtracted } from '../../src/pipeline/index.js';

export const DAY = 86_400_000;

export type Answer = 'ok' | 'not-found' | 'gone' | 'unavailable' | 'reset';

/** A local "host": one server whose answer per path is set before each run. */
export interface SimHost {
  origin: string;
  answers: Map<string, Answer>;
  close(): Promise<void>;
}

export async function startHost(): Promise<SimHost> {
  const answers = new Map<string, Answer>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    const answer = answers.get(request.url ?? '/') ?? 'not-found';
    if (answer === 'reset') {
      request.socket.destroy();
      return;
    }
    const status = { ok: 200, 'not-found': 404, gone: 410, unavailable: 503 }[answer];
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html><head><title>${request.url ?? ''}</title></head><body><h1>Page ${status}</h1><p>${'Some text. '.repeat(40)}</p></body></html>`);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** One simulated run of the library: the post's links checked at `at`, with the cache file carried over (verdicts trusted 12 h, as in the README's workflow). */
export async function runAt(at: number, post: string, cacheFile: string, extra: { confirmSpanMs?: number; maxAgeMs?: number } = {}): Promise<Report> {
  const start = Date.now();
  const now = (): number => at + (Date.now() - start);
  const cache = await openCache(cacheFile, { maxAgeMs: extra.maxAgeMs ?? DAY / 2, now, warn: () => undefined });
  const file = { ...extractLinks(post, { path: 'post.md' }), path: 'post.md' };
  const report = await checkExtracted([file], {
    cache,
    now,
    sleep: async () => undefined,
    allowPrivate: true,
    archive: false,
    timeoutMs: 5_000,
    ...(extra.confirmSpanMs === undefined ? {} : { confirm: { spanMs: extra.confirmSpanMs } }),
  });
  await cache.save();
  return report;
}

export interface SimulatedRun {
  day: number;
  at: string;
  /** Links dead for real at this run (ground truth, by path). */
  deadNow: string[];
  /** Should the scheduled job fail: a link dead for real now and at a run at least the span before. */
  shouldFail: boolean;
  /** What `--fail-on confirmed` did (with the history). */
  failedConfirmed: boolean;
  /** What `--fail-on dead` did (each run on its own). */
  failedDead: boolean;
  /** What failing on any error does (lychee's and markdown-link-check's default): `--fail-on dead,unreachable`. */
  failedAny: boolean;
  /** Links reported flapping. */
  flapping: string[];
  outages: string[];
}

/** How one failure policy did: jobs failed, of them with no link dead at all (a false red), and jobs that should have failed but passed. */
export interface PolicyFigures {
  failed: number;
  falseRed: number;
  missed: number;
}

export interface SimulationResult {
  runs: SimulatedRun[];
  figures: Record<'runs' | 'withDeadLink' | 'shouldFail', number> & Record<'confirmed' | 'dead' | 'any', PolicyFigures>;
}

/**
 * `days` daily scheduled runs (GitHub's cron starts late by up to an hour: each run is 06:00 plus 0–60 min),
 * four hosts, nine links, verdicts trusted for 12 h as in the README's workflow. Outages are drawn from a
 * seeded generator; one page is removed on day 20 (404), another on day 28 (410).
 */
export async function simulate(options: { days: number; seed: number; cacheFile: string; confirmSpanMs?: number }): Promise<SimulationResult> {
  const draw = createRandom(options.seed);
  const [blog, docs, flaky, wiki] = await Promise.all([startHost(), startHost(), startHost(), startHost()]);
  const links: Array<{ host: SimHost; path: string }> = [
    { host: blog, path: '/about' },
    { host: blog, path: '/2017/deep-learning' },
    { host: blog, path: '/removed-on-day-20' },
    { host: blog, path: '/gone' },
    { host: docs, path: '/guide' },
    { host: docs, path: '/api' },
    { host: docs, path: '/deployed-often' },
    { host: flaky, path: '/page' },
    { host: wiki, path: '/w/Link_rot' },
  ];
  const post = ['# Links', '', ...links.map((link, index) => `- [link ${index}](${link.host.origin}${link.path})`), ''].join('\n');
  const span = options.confirmSpanMs ?? DAY;
  const start = Date.parse('2026-11-01T06:00:00Z');
  const deadAt: Array<{ at: number; paths: Set<string> }> = [];
  const runs: SimulatedRun[] = [];
  try {
    for (let day = 0; day < options.days; day++) {
      const at = start + day * DAY + Math.floor(draw() * 60) * 60_000;
      const outages: string[] = [];
      for (const link of links) link.host.answers.set(link.path, 'ok');
      if (day >= 28) blog.answers.set('/gone', 'gone');
      if (day >= 20) blog.answers.set('/removed-on-day-20', 'not-found');
      const hostDown = (host: SimHost, name: string, chance: number): void => {
        if (draw() >= chance) return;
        const answer: Answer = draw() < 0.5 ? 'reset' : 'unavailable';
        for (const link of links) if (link.host === host && link.host.answers.get(link.path) === 'ok') link.host.answers.set(link.path, answer);
        outages.push(`${name} ${answer}`);
      };
      hostDown(docs, 'docs', 0.15);
      hostDown(wiki, 'wiki', 0.1);
      if (draw() < 0.1) {
        docs.answers.set('/deployed-often', 'not-found');
        outages.push('docs 404 while deploying');
      }
      // The flaky host: down every other day from day 5 to day 15, and otherwise like any other host.
      if (day >= 5 && day <= 15 && day % 2 === 1) {
        flaky.answers.set('/page', 'unavailable');
        outages.push('flaky 503');
      } else {
        hostDown(flaky, 'flaky', 0.1);
      }
      const paths = new Set(links.filter((link) => (link.path === '/gone' && day >= 28) || (link.path === '/removed-on-day-20' && day >= 20)).map((link) => link.path));
      deadAt.push({ at, paths });

      const report = await runAt(at, post, options.cacheFile, { ...(options.confirmSpanMs === undefined ? {} : { confirmSpanMs: options.confirmSpanMs }) });
      const shouldFail = [...paths].some((path) => deadAt.some((earlier) => earlier.at <= at - span && earlier.paths.has(path)));
      const reported = report.files[0]!.links;
      runs.push({
        day,
        at: new Date(at).toISOString(),
        deadNow: [...paths],
        shouldFail,
        failedConfirmed: failing(report, ['confirmed']) > 0,
        failedDead: failing(report, ['dead']) > 0,
        failedAny: failing(report, ['dead', 'unreachable']) > 0,
        flapping: reported.filter((link) => link.history?.flapping === true).map((link) => new URL(link.url).pathname),
        outages,
      });
    }
  } finally {
    await Promise.all([blog, docs, flaky, wiki].map((host) => host.close()));
  }
  const count = (test: (run: SimulatedRun) => boolean): number => runs.filter(test).length;
  const policy = (failed: (run: SimulatedRun) => boolean): PolicyFigures => ({
    failed: count(failed),
    falseRed: count((run) => failed(run) && run.deadNow.length === 0),
    missed: count((run) => !failed(run) && run.shouldFail),
  });
  return {
    runs,
    figures: {
      runs: runs.length,
      withDeadLink: count((run) => run.deadNow.length > 0),
      shouldFail: count((run) => run.shouldFail),
      confirmed: policy((run) => run.failedConfirmed),
      dead: policy((run) => run.failedDead),
      any: policy((run) => run.failedAny),
    },
  };
}
