/**
 * The floor under the main scenario on this machine: plain undici, no linkrot — every URL of the scenario fetched
 * with GET, 8 at a time per host, each body read to its end, nothing parsed or judged — against the same simulated
 * web, in a child process measured like the tools (spawn to exit). What linkrot adds on top of this is its own cost.
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

// The client: runs in its own process, like a tool.
const client = `
import { readFileSync } from 'node:fs';
import { Agent } from 'undici';
const urls = JSON.parse(readFileSync(${JSON.stringify(list)}, 'utf8')).map((url) => new URL(url));
const agent = new Agent();
const byHost = new Map();
for (const url of urls) (byHost.get(url.host) ?? byHost.set(url.host, []).get(url.host)).push(url);
const get = (url) => new Promise((resolve, reject) => {
  agent.dispatch({ origin: url.origin, path: url.pathname + url.search, method: 'GET', headers: { 'user-agent': 'Mozilla/5.0 (floor)' } }, {
    onConnect() {}, onHeaders() { return true; }, onData() { return true; }, onComplete: resolve, onError: reject,
  });
});
await Promise.all([...byHost.values()].map(async (queue) => {
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => { while (next < queue.length) await get(queue[next++]); }));
}));
await agent.close();
`;
const times = [];
for (let run = 0; run < runs; run += 1) {
  const started = performance.now();
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', client], { cwd: path.dirname(BENCH_DIR), stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`floor client exited ${code}`))));
  });
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
process.stdout.write(`plain undici, ${scenario.links.length} GETs, 8 per host: median ${(times[Math.floor(times.length / 2)] / 1000).toFixed(2)} s (${times.map((t) => (t / 1000).toFixed(2)).join(', ')})\n`);
await web.close();
