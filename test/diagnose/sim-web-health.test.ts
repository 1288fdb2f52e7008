/**
 * The simulated web's health corpus (the benchmark's `mix` scenario: 600 links over 40 hosts with every failure
 * mode) checked by the built binary: 0 false dead, 0 missed dead, every soft 404 caught. The simulated soft 404 is
 * a 200 page titled and headed "Page not found" that says "Sorry, the page you are looking for does not exist.",
 * on hosts that answer made-up addresses with a real 404: the ladder's "declared, and the site answers not found
 * too" rung.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, MIX, writeScenario } from '../../bench/scenarios.mjs';
import { hostAddress, startSimWeb, type SimWeb } from '../../bench/sim-web.mjs';
import { runCli } from '../cli/run-cli.js';

const addresses = Array.from({ length: MIX.hosts }, (_, i) => hostAddress(i, MIX.hosts));
let web: SimWeb;
let directory: string;

beforeAll(async () => {
  web = await startSimWeb({ addresses, latencyMs: 10, hardTimeoutMs: 120_000 });
  directory = await mkdtemp(join(tmpdir(), 'linkrot-health-'));
});

afterAll(async () => {
  await web.close();
  await rm(directory, { recursive: true, force: true });
});

describe('simulated web health corpus', () => {
  it('the built binary reports 0 false dead, 0 missed dead and catches every soft 404', async () => {
    const scenario = buildScenario(MIX, addresses, (address) => web.origin(address));
    web.setRoutes([...scenario.routes]);
    await writeScenario(scenario, directory);
    const run = await runCli(['check', directory, '--format', 'json', '--allow-private', '--no-archive', '--quiet'], { timeoutMs: 110_000 });
    const report = JSON.parse(run.stdout) as { files: Array<{ links: Array<{ url: string; state: string; reason: string }> }> };
    const stateOf = new Map(report.files.flatMap((file) => file.links.map((entry) => [entry.url, `${entry.state}/${entry.reason}`] as const)));
    const falseDead = scenario.links.filter((entry) => (entry.truth === 'alive' || entry.truth === 'blocked') && stateOf.get(entry.url)?.startsWith('dead/') === true);
    const missedDead = scenario.links.filter((entry) => entry.truth === 'dead' && stateOf.get(entry.url)?.startsWith('dead/') !== true);
    const soft = scenario.links.filter((entry) => entry.mode === 'soft-404');
    expect(falseDead.map((entry) => `${entry.mode} ${entry.url}: ${stateOf.get(entry.url)}`)).toEqual([]);
    expect(missedDead.map((entry) => `${entry.mode} ${entry.url}: ${stateOf.get(entry.url)}`)).toEqual([]);
    expect(soft.length).toBeGreaterThan(0);
    expect(new Set(soft.map((entry) => stateOf.get(entry.url)))).toEqual(new Set(['dead/soft-404']));
  }, 120_000);
});
