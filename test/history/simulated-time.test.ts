import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failing } from '../../src/cli/check-command.js';
import { extractLinks } from '../../src/extract/index.js';
import type { CheckedLink, Report } from '../../src/model.js';
import { checkExtracted } from '../../src/pipeline/index.js';
import { renderMarkdown, renderText, validateReport } from '../../src/report/index.js';
import { DAY, runAt, simulate, startHost, type SimHost, type SimulatedRun, type SimulationResult } from './simulation.js';

const T0 = Date.parse('2026-11-20T06:00:00Z');
let dir: string;
let cacheFile: string;
let host: SimHost;
let other: SimHost;
beforeAll(async () => {
  [host, other] = await Promise.all([startHost(), startHost()]);
});
afterAll(async () => {
  await Promise.all([host.close(), other.close()]);
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-history-'));
  cacheFile = join(dir, '.linkrot-cache.json');
  host.answers.clear();
  other.answers.clear();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The time of the run `day` days after T0 (its clock has run a few milliseconds by the time it observes). */
const when = (day: number): unknown => expect.stringMatching(new RegExp(`^${new Date(T0 + day * DAY).toISOString().slice(0, 19)}`));
const post = (): string => `# Post\n\nSee [the page](${host.origin}/page) and [the other host](${other.origin}/stays).\n`;
const page = (report: Report): CheckedLink => report.files[0]!.links.find((link) => link.url.endsWith('/page'))!;
/** One scheduled run at `day` days after T0 with `/page` answering `answer`. */
async function dayRun(day: number, answer: 'ok' | 'not-found' | 'unavailable' | 'reset'): Promise<{ report: Report; fails: boolean }> {
  host.answers.set('/page', answer);
  other.answers.set('/stays', 'ok');
  const report = await runAt(T0 + day * DAY, post(), cacheFile);
  return { report, fails: failing(report, ['confirmed']) > 0 };
}

describe('history over simulated days (library, injected clock)', () => {
  it('a host down for one run never fails the scheduled job, whatever the outage', async () => {
    expect((await dayRun(0, 'ok')).fails).toBe(false);
    for (const [day, outage] of [[1, 'reset'], [2, 'unavailable']] as const) {
      const { report, fails } = await dayRun(day, outage);
      expect(page(report).state).toBe('unreachable');
      expect(fails).toBe(false);
      expect(page(report).history).toMatchObject({ lastAlive: when(0), deadSince: null, confirmed: false });
    }
    const back = await dayRun(3, 'ok');
    expect(back.fails).toBe(false);
    expect(page(back.report).history).toMatchObject({ observations: 4, flapping: false });
  });

  it('a link dead in two runs a day apart fails it, not before: dead twice the same day is not enough', async () => {
    expect((await dayRun(0, 'ok')).fails).toBe(false);
    const first = await dayRun(1, 'not-found');
    expect([page(first.report).state, first.fails]).toEqual(['dead', false]);
    expect(failing(first.report, ['dead'])).toBe(1); // a run on its own would have failed here
    expect(page(first.report).history).toMatchObject({ deadSince: when(1), confirmed: false, news: 'dead' });
    // six hours later (a re-run): the verdict comes from the cache, no request, no new observation
    const rerun = await dayRun(1.25, 'not-found');
    expect(rerun.fails).toBe(false);
    expect(page(rerun.report).history).toMatchObject({ observations: 2, confirmed: false });
    expect(page(rerun.report).history?.news).toBeUndefined();
    // a day and a quarter of an hour after the first (24 h to the millisecond would hang on the runs' start-up times)
    const second = await dayRun(2.01, 'not-found');
    expect(second.fails).toBe(true);
    expect(page(second.report).history).toEqual({
      firstSeen: when(0),
      lastAlive: when(0),
      deadSince: when(1),
      observations: 3,
      confirmed: true,
      flapping: false,
      news: 'confirmed',
    });
    expect(validateReport(JSON.parse(JSON.stringify(second.report)))).toEqual([]);
    const text = renderText(second.report, { color: false });
    expect(text).toContain('history: dead since 2026-11-21, seen 3 times, confirmed');
    const markdown = renderMarkdown(second.report);
    expect(markdown).toContain('**New since the last run:**');
    expect(markdown).toMatch(/- dead\\, now confirmed: `http:\/\/127\.0\.0\.1:\d+\/page` \(post\\.md\\:3\)/);
    // a re-run within the maximum age takes the verdict from the cache: no request, no new observation
    host.answers.set('/page', 'ok');
    const cached = await runAt(T0 + 2.1 * DAY, post(), cacheFile);
    expect(page(cached).state).toBe('dead');
    expect(page(cached).history).toMatchObject({ observations: 3, confirmed: true });
    expect(page(cached).history?.news).toBeUndefined();
  });

  it('a 404 while the site redeploys, then alive, then 404 again starts over: not confirmed, and flapping', async () => {
    await dayRun(0, 'not-found');
    await dayRun(1, 'ok');
    const again = await dayRun(2, 'not-found');
    expect(again.fails).toBe(false);
    expect(page(again.report).history).toMatchObject({ deadSince: when(2), confirmed: false, flapping: true });
  });

  it('a host that is up one day and down the next is reported flapping, in JSON and in words', async () => {
    const answers = ['ok', 'unavailable', 'ok', 'reset', 'ok', 'unavailable'] as const;
    let last: Report | undefined;
    for (const [day, answer] of answers.entries()) {
      const { report, fails } = await dayRun(day, answer);
      expect(fails).toBe(false);
      last = report;
    }
    expect(page(last!).history).toMatchObject({ observations: 6, flapping: true, confirmed: false, lastAlive: when(4) });
    expect(renderText(last!, { color: false })).toContain('history: last alive 2026-11-24, seen 6 times, flapping (alternates between alive and failing)');
    expect(renderMarkdown(last!)).toContain('last alive 2026\\-11\\-24\\, seen 6 times\\, flapping');
  });
});

describe('links decided without a request', () => {
  it('a missing local file is confirmed dead at once, with nothing observed; a skipped link is neither', async () => {
    const file = { ...extractLinks('![a figure](/img/missing.png) and [mail](mailto:a@b.test)\n', { path: 'post.md' }), path: 'post.md' };
    const report = await checkExtracted([file], { rootDir: dir, archive: false });
    const [missing, mail] = report.files[0]!.links;
    expect([missing!.reason, missing!.history]).toEqual([
      'file-missing',
      { firstSeen: null, lastAlive: null, deadSince: null, observations: 0, confirmed: true, flapping: false },
    ]);
    expect([mail!.state, mail!.history?.confirmed]).toEqual(['skipped', false]);
    expect(failing(report, ['confirmed'])).toBe(1);
  });
});

describe('simulated daily runs with realistic outages (6 seeds × 36 days)', () => {
  it('--fail-on confirmed fails the jobs that should fail and almost none that should not; a run on its own fails on outages', async () => {
    const seeds = [1, 2, 3, 4, 5, 6];
    const results: Array<SimulationResult & { seed: number }> = [];
    for (const seed of seeds) results.push({ seed, ...(await simulate({ days: 36, seed, cacheFile: join(dir, `cache-${seed}.json`) })) });
    const total = (pick: (figures: SimulationResult['figures']) => number): number => results.reduce((sum, result) => sum + pick(result.figures), 0);
    const policy = (name: 'confirmed' | 'dead' | 'any'): string =>
      `failed ${total((f) => f[name].failed)}, false reds ${total((f) => f[name].falseRed)}, missed ${total((f) => f[name].missed)}`;
    // The figures for the closing note: `npx vitest run test/history/simulated-time.test.ts` prints them.
    console.log(
      [
        `simulated scheduled runs: ${total((f) => f.runs)} (${seeds.length} seeds × 36 days); with a link really dead: ${total((f) => f.withDeadLink)}; should fail (dead for a day): ${total((f) => f.shouldFail)}`,
        `--fail-on confirmed (history):   ${policy('confirmed')}`,
        `--fail-on dead (run on its own): ${policy('dead')}`,
        `any error (dead,unreachable):    ${policy('any')}`,
        ...results.map(({ seed, figures, runs }) => `seed ${seed}: ${JSON.stringify(figures)}; outages in ${runs.filter((run) => run.outages.length > 0).length} runs`),
        'seed 1, run by run:',
        ...results[0]!.runs.map(
          (run) =>
            `  day ${String(run.day).padStart(2)} ${run.at.slice(0, 16)}  should ${run.shouldFail ? 'FAIL' : 'pass'}  confirmed ${run.failedConfirmed ? 'FAIL' : 'pass'}  dead ${run.failedDead ? 'FAIL' : 'pass'}  any ${run.failedAny ? 'FAIL' : 'pass'}  ${run.outages.join(', ')}${run.flapping.length > 0 ? `  flapping: ${run.flapping.join(' ')}` : ''}`,
        ),
      ].join('\n'),
    );
    expect(total((f) => f.runs)).toBe(216);
    expect(total((f) => f.confirmed.missed)).toBe(0);
    expect(total((f) => f.confirmed.falseRed)).toBeLessThan(total((f) => f.dead.falseRed));
    expect(total((f) => f.dead.falseRed)).toBeLessThan(total((f) => f.any.falseRed));
    for (const { runs } of results) {
      runs.forEach((run, index) => {
        if (!run.failedConfirmed || run.shouldFail) return;
        // A false red under confirmation needs the same transient 404 on two runs a day apart: never one outage.
        const deploying = (other: SimulatedRun | undefined): boolean => other?.outages.includes('docs 404 while deploying') === true;
        expect(deploying(run) && runs.slice(0, index).some((earlier) => deploying(earlier) && Date.parse(earlier.at) <= Date.parse(run.at) - DAY)).toBe(true);
      });
    }
    expect(results[0]!.runs.some((run) => run.flapping.includes('/page'))).toBe(true);
  }, 300_000);
});

describe('a run without a cache', () => {
  it('has a history of this run alone: no news, no words, nothing confirmed', async () => {
    host.answers.set('/page', 'not-found');
    other.answers.set('/stays', 'ok');
    const file = { ...extractLinks(post(), { path: 'post.md' }), path: 'post.md' };
    const report = await checkExtracted([file], { allowPrivate: true, archive: false, now: () => T0 });
    expect(page(report).history).toEqual({ firstSeen: when(0), lastAlive: null, deadSince: when(0), observations: 1, confirmed: false, flapping: false });
    expect(renderText(report, { color: false })).not.toContain('history:');
    expect(renderMarkdown(report)).not.toContain('New since the last run');
    expect(failing(report, ['confirmed'])).toBe(0);
  });
});
