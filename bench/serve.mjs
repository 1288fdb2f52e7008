/**
 * Serves one scenario's simulated web and writes its posts, for running a checker by hand against it:
 *
 *   node bench/serve.mjs [main|mix|pages|load]      then, in another shell, the command it prints. Ctrl-C stops it
 *                                             (and it stops by itself after 30 minutes).
 */
import path from 'node:path';
import { buildScenario, LOAD, MAIN, MIX, PAGES, writeScenario } from './scenarios.mjs';
import { hostAddress, startSimWeb } from './sim-web.mjs';
import { BENCH_DIR } from './tools.mjs';

const spec = { main: MAIN, mix: MIX, pages: PAGES, load: LOAD }[process.argv[2] ?? 'main'];
if (spec === undefined) throw new Error('usage: node bench/serve.mjs [main|mix|pages|load]');
const addresses = Array.from({ length: spec.hosts }, (_, i) => hostAddress(i, spec.hosts));
const web = await startSimWeb({ addresses, hardTimeoutMs: 30 * 60_000 });
const scenario = buildScenario(spec, addresses, web.origin);
web.setRoutes(scenario.routes);
const dir = path.join(BENCH_DIR, '.work', spec.name);
await writeScenario(scenario, dir);
process.stdout.write(`${spec.links} links in ${dir}, ${spec.hosts} hosts on port ${web.port}\n`);
process.stdout.write(`node dist/cli/main.js check ${path.relative(process.cwd(), dir)} --allow-private --no-archive\n`);
const stop = async () => {
  const stats = web.stats();
  delete stats.perHost;
  process.stdout.write(`${JSON.stringify(stats)}\n`);
  await web.close();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
