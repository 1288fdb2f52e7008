/**
 * The floor under the main scenario on this machine, alone: `floor-client.mjs` (plain undici, no linkrot) against
 * the same simulated web, in a child process measured like the tools (spawn to exit). `npm run bench` runs the same
 * client among the tools; this is the quick way to see it.
 *
 *   node bench/floor.mjs [runs]
 */
import { spawn } from 'node:child_process';
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildScenario, MAIN } from './scenarios.mjs';
import { hostAddress, startSimWeb, warmUp } from './sim-web.mjs';
import { BENCH_DIR } from './tools.mjs';

const runs = Number(process.argv[2] ?? 3);
const addresses = Array.from({ length: MAIN.hosts }, (_, i) => hostAddress(i, MAIN.hosts));
const web = await startSimWeb({ addresses, hardTimeoutMs: 10 * 60_000 });
const scenario = buildScenario(MAIN, addresses, web.origin);
web.setRoutes(scenario.routes);
await warmUp(web, scenario.links.map((link) => link.url));
const dir = path.join(BENCH_DIR, '.work');
await mkdir(dir, { recursive: true });
const list = path.join(dir, 'floor-urls.json');
await writeFile(list, JSON.stringify(scenario.links.map((link) => link.url)));

const times = [];
for (let run = 0; run < runs; run += 1) {
  const started = performance.now();
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(BENCH_DIR, 'floor-client.mjs'), list], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`floor client exited ${code}`))));
  });
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
process.stdout.write(`plain undici, ${scenario.links.length} GETs, 8 per host: median ${(times[Math.floor(times.length / 2)] / 1000).toFixed(2)} s (${times.map((t) => (t / 1000).toFixed(2)).join(', ')})\n`);
await web.close();
