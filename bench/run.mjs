/**
 * `npm run bench`: linkrot against its peers on a simulated web (loopback only), then linkrot alone under load.
 * Prints the tables and writes them to BENCHMARKS.md.
 *
 *   node bench/run.mjs [--runs N] [--only main,mix,pages,load,archive-down] [--no-peers] [--no-mlc] [--no-write]
 *
 * Only a whole run (every scenario, with the peers) writes BENCHMARKS.md; a partial run (`--only`) prints its tables.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runMeasured } from './measure.mjs';
import { describeMachine, FLOOR_NAME, renderMarkdown, renderText } from './report.mjs';
import { ARCHIVE_DOWN, buildScenario, LOAD, MAIN, MIX, PAGES, writeScenario } from './scenarios.mjs';
import { accountStates, scoreRows } from './score.mjs';
import { DEFAULT_HOST_LIMIT, DEFAULT_LATENCY_MS, hostAddress, startSimWeb, startUnreachableArchive, warmUp } from './sim-web.mjs';
import {
  BENCH_DIR,
  LINKROT_BIN,
  linkinatorArgs,
  linkrotCheckArgs,
  linkrotExtractArgs,
  markdownLinkCheckArgs,
  parseLinkinator,
  parseMarkdownLinkCheck,
  PEERS_DIR,
  peersInstalled,
  readExtractCount,
  readLinkrotReport,
  REPO_DIR,
} from './tools.mjs';

const FLOOR_CLIENT = path.join(BENCH_DIR, 'floor-client.mjs');

/** Caps per run: markdown-link-check checks two links at a time and needs ~2 minutes on the main scenario. */
const CAP_MS = { linkrot: 300_000, extract: 60_000, linkinator: 180_000, mlc: 240_000 };
/** Whole-bench hard stop for the simulated web. */
const WEB_HARD_TIMEOUT_MS = 40 * 60_000;

const ALL_SCENARIOS = [MAIN.name, MIX.name, PAGES.name, LOAD.name, ARCHIVE_DOWN.name];
/** Scenarios measured against the floor (plain undici on the same URLs), round by round. */
const WITH_FLOOR = new Set([MAIN.name, PAGES.name, LOAD.name]);

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: ALL_SCENARIOS.join(',') },
    'no-peers': { type: 'boolean', default: false },
    'no-mlc': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    /** Run every tool without NODE_EXTRA_CA_CERTS (recorded in BENCHMARKS.md when used). */
    'unset-extra-ca': { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs));
const only = new Set(values.only.split(','));
const work = path.join(BENCH_DIR, '.work');
const out = path.join(work, 'out');
/**
 * linkrot's code cache (src/cli/code-cache.ts) for this run alone, emptied at its start: the first run of each kind
 * of command makes it, as after an install, whatever ran before the bench.
 */
const codeCache = path.join(work, 'code-cache');
const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  if (!existsSync(LINKROT_BIN)) throw new Error(`${LINKROT_BIN} is missing: run \`npm run build\` first`);
  rmSync(codeCache, { recursive: true, force: true });
  const withPeers = !values['no-peers'];
  if (withPeers && !existsSync(path.join(PEERS_DIR, 'node_modules'))) {
    log('installing the peers (bench/peers, not dependencies of linkrot)…');
    execFileSync('npm', ['ci', '--prefix', PEERS_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  }
  if (withPeers && !peersInstalled()) throw new Error('bench/peers/node_modules lacks linkinator or markdown-link-check');
  await mkdir(out, { recursive: true });
  const settings = await linkrotDefaults();
  const results = {
    machine: describeMachine(),
    date: new Date().toISOString(),
    settings,
    runs,
    extraCaCerts: values['unset-extra-ca'] ? 'unset for every tool (--unset-extra-ca)' : process.env.NODE_EXTRA_CA_CERTS ?? 'not set',
    scenarios: [],
  };

  const small = [MAIN, MIX, PAGES].filter((spec) => only.has(spec.name));
  if (small.length > 0) {
    const addresses = Array.from({ length: MAIN.hosts }, (_, i) => hostAddress(i, MAIN.hosts));
    const web = await startSimWeb({ addresses, hardTimeoutMs: WEB_HARD_TIMEOUT_MS });
    try {
      // The pages scenario measures linkrot's content checks against the floor: no peers.
      for (const spec of small) results.scenarios.push(await runScenario(web, spec, addresses, { withPeers: withPeers && spec !== PAGES, settings }));
    } finally {
      await web.close();
    }
  }
  if (only.has('load')) {
    const addresses = Array.from({ length: LOAD.hosts }, (_, i) => hostAddress(i, LOAD.hosts));
    const web = await startSimWeb({ addresses, hardTimeoutMs: WEB_HARD_TIMEOUT_MS });
    try {
      results.scenarios.push(await runScenario(web, LOAD, addresses, { withPeers: false, settings }));
    } finally {
      await web.close();
    }
  }
  if (only.has(ARCHIVE_DOWN.name)) {
    const addresses = Array.from({ length: ARCHIVE_DOWN.hosts }, (_, i) => hostAddress(i, ARCHIVE_DOWN.hosts));
    const web = await startSimWeb({ addresses, hardTimeoutMs: WEB_HARD_TIMEOUT_MS });
    try {
      results.scenarios.push(await runArchiveDown(web, addresses));
    } finally {
      await web.close();
    }
  }
  await writeFile(path.join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(renderText(results));
  // A standalone scenario's tools are all linkrot.
  const linkrotReported = results.scenarios.every((scenario) =>
    scenario.tools
      .filter((tool) => tool.name === 'linkrot' || scenario.standalone === true)
      .every((tool) => tool.runs.length > 0 && tool.runs.every((run) => run.score !== undefined)),
  );
  if (!linkrotReported) {
    log('linkrot gave no report in some run: BENCHMARKS.md left as it is');
    process.exitCode = 1;
  } else if (!values['no-write'] && ALL_SCENARIOS.every((name) => only.has(name)) && withPeers && !values['no-mlc']) {
    // `npm run bench:extract` owns the Extract section: keep it as it stands.
    const file = path.join(REPO_DIR, 'BENCHMARKS.md');
    const previous = await readFile(file, 'utf8').catch(() => '');
    const extract = /\n## Extract\n[\s\S]*?<!-- extract:end -->\n?/.exec(previous)?.[0] ?? '';
    await writeFile(file, `${renderMarkdown(results).trimEnd()}\n${extract}`);
    log('wrote BENCHMARKS.md');
  } else if (!values['no-write'] && results.scenarios.every((scenario) => scenario.standalone === true)) {
    // Scenarios that compare linkrot with itself need no peers: their own sections are rewritten, the rest kept.
    const file = path.join(REPO_DIR, 'BENCHMARKS.md');
    const previous = await readFile(file, 'utf8');
    await writeFile(file, replaceSections(previous, renderMarkdown(results)));
    log(`wrote the ${results.scenarios.map((scenario) => scenario.spec.name).join(', ')} section of BENCHMARKS.md`);
  } else {
    log('partial run: BENCHMARKS.md left as it is');
  }
}

/** `previous` with each scenario section (`## name: …` up to the next `## `) of `rendered` put in its place. */
function replaceSections(previous, rendered) {
  let text = previous;
  for (const [section] of rendered.matchAll(/^## [\w-]+: [\s\S]*?(?=^## |(?![\s\S]))/gm)) {
    const heading = /^## [\w-]+:/.exec(section)[0];
    const start = text.indexOf(`\n${heading}`);
    const body = section.trimEnd();
    if (start < 0) {
      // A new scenario goes before the Extract section (owned by `npm run bench:extract`).
      const extract = text.indexOf('\n## Extract\n');
      text = extract < 0 ? `${text.trimEnd()}\n\n${body}\n` : `${text.slice(0, extract)}\n${body}\n${text.slice(extract)}`;
      continue;
    }
    const next = text.indexOf('\n## ', start + 1);
    text = `${text.slice(0, start)}\n${body}\n${next < 0 ? '' : text.slice(next)}`;
  }
  return text;
}

/**
 * linkrot on 60 dead links with archive.org unreachable (refused; reset), against the same run with
 * `--no-archive`, round by round. The stand-ins get archive.org's politeness (1 request at a time, 1 s apart),
 * as linkrot gives web.archive.org.
 */
async function runArchiveDown(web, addresses) {
  const spec = ARCHIVE_DOWN;
  const scenario = buildScenario(spec, addresses, web.origin);
  web.setRoutes(scenario.routes);
  const dir = path.join(work, spec.name);
  await writeScenario(scenario, dir);
  await warmUp(web, scenario.links.map((link) => link.url));
  log(`\n== ${spec.name}: ${spec.links} dead links in ${spec.posts} posts over ${spec.hosts} hosts, archive.org unreachable`);
  const archiveAddress = '127.0.0.250';
  const config = path.join(out, `${spec.name}.config.json`);
  await writeFile(config, JSON.stringify({ hosts: { [archiveAddress]: { concurrency: 1, intervalMs: 1000 } } }));
  const stand = { refused: await startUnreachableArchive(archiveAddress, 'refused'), reset: await startUnreachableArchive(archiveAddress, 'reset') };
  const reportFile = path.join(out, `${spec.name}-linkrot.json`);
  const variants = [
    { name: 'linkrot --no-archive', archive: [] },
    { name: 'linkrot, archive.org refuses', archive: ['--archive-url', stand.refused.baseUrl] },
    { name: 'linkrot, archive.org resets', archive: ['--archive-url', stand.reset.baseUrl] },
  ];
  const contenders = variants.map((variant) => {
    const args = (dirArg, output) => {
      const base = linkrotCheckArgs(dirArg, output).filter((arg) => variant.archive.length === 0 || arg !== '--no-archive');
      return [...base, '--config', config, ...variant.archive];
    };
    return {
      tool: { name: variant.name, runs: [], command: `linkrot ${args(`bench/.work/${spec.name}`, 'report.json').slice(1).join(' ').replace(out, 'bench/.work/out').replace(/127\.0\.0\.250:\d+/, '127.0.0.250:PORT')}` },
      command: () => ({ args: args(spec.name, reportFile), capMs: CAP_MS.linkrot }),
      read: async () => {
        const { rows } = await readLinkrotReport(reportFile);
        const report = JSON.parse(await readFile(reportFile, 'utf8'));
        const links = report.files.flatMap((file) => file.links);
        return {
          score: scoreRows(rows, scenario.links),
          accounting: accountStates(rows, scenario.links),
          notices: (report.notices ?? []).map((notice) => notice.message),
          archiveUnavailable: links.filter((link) => link.archive === 'unavailable').length,
          archiveNone: links.filter((link) => link.archive === 'none').length,
        };
      },
    };
  });
  try {
    for (let round = 0; round < runs; round += 1) {
      for (const { tool, command, read } of contenders) tool.runs.push(await measureRun(web, tool.name, round, command(), read));
    }
  } finally {
    await stand.reset.close();
  }
  return { spec, standalone: true, archiveDown: { bound: ARCHIVE_DOWN_BOUND_MS, baseline: variants[0].name }, tools: contenders.map((contender) => contender.tool) };
}

/** The bound of issue 11: with archive.org unreachable, at most this much more than the same run with `--no-archive`. */
const ARCHIVE_DOWN_BOUND_MS = 2_000;

async function runScenario(web, spec, addresses, { withPeers, settings }) {
  const scenario = buildScenario(spec, addresses, web.origin);
  web.setRoutes(scenario.routes);
  // Every tool runs in bench/.work and is given the folder by its relative name (linkinator needs that).
  const dir = path.join(work, spec.name);
  await writeScenario(scenario, dir);
  const perHost = linksPerHost(scenario.links);
  const bound = lowerBound(spec, perHost, settings);
  log(`\n== ${spec.name}: ${spec.links} links in ${spec.posts} posts over ${spec.hosts} hosts (lower bound ${bound.ms} ms)`);
  const result = { spec, bound, perHost, tools: [] };
  // Every tool meets a warm web: a cold one takes its first visitor's CPU (see warmUp).
  await warmUp(web, scenario.links.map((link) => link.url));

  // main, pages and load are judged against the floor round by round: they run every round.
  const withFloor = WITH_FLOOR.has(spec.name);
  const repeat = withFloor ? runs : 1;
  // main and pages run with linkrot's defaults, archive.org on: with nothing dead, that path must cost nothing. The
  // others have dead links, and the only archive.org there is is the real one, which the bench must not ask.
  const checkArgs = (dir, output) => linkrotCheckArgs(dir, output, { archive: spec.name === MAIN.name || spec.name === PAGES.name });
  const extractFile = path.join(out, `${spec.name}-extract.json`);
  const reportFile = path.join(out, `${spec.name}-linkrot.json`);
  const contenders = [
    { tool: { name: 'linkrot extract', runs: [] }, command: () => ({ args: linkrotExtractArgs(spec.name, extractFile), capMs: CAP_MS.extract }) },
    {
      tool: { name: 'linkrot', runs: [], command: `linkrot ${checkArgs(`bench/.work/${spec.name}`, 'report.json').slice(1).join(' ')}` },
      command: () => ({ args: checkArgs(spec.name, reportFile), capMs: CAP_MS.linkrot }),
      read: async () => {
        const { rows } = await readLinkrotReport(reportFile);
        return { score: scoreRows(rows, scenario.links), accounting: accountStates(rows, scenario.links) };
      },
    },
  ];
  if (withPeers) {
    contenders.push({
      tool: { name: 'linkinator', runs: [], command: `linkinator ${linkinatorArgs(`bench/.work/${spec.name}`).slice(1).join(' ').replace(/\S*\/linkinator\//, '')}` },
      command: () => ({ args: linkinatorArgs(spec.name), capMs: CAP_MS.linkinator }),
      read: (run) => ({ score: scoreRows(parseLinkinator(run.stdout), scenario.links) }),
    });
  }
  if (withFloor) {
    // The floor: plain undici fetching the same URLs, 8 per host (see floor-client.mjs). Not a checker: it
    // judges nothing, and its row says what this machine allows, the reference for linkrot's own cost.
    const urlsFile = path.join(out, `${spec.name}-urls.json`);
    await writeFile(urlsFile, JSON.stringify(scenario.links.map((link) => link.url)));
    const noUrlsFile = path.join(out, 'no-urls.json');
    await writeFile(noUrlsFile, '[]');
    contenders.push(
      {
        tool: { name: FLOOR_NAME, reference: true, runs: [], command: `node bench/floor-client.mjs bench/.work/out/${spec.name}-urls.json` },
        command: () => ({ args: [FLOOR_CLIENT, urlsFile], capMs: CAP_MS.extract }),
      },
      // The same process with no URL: start-up and exit only, to take the floor's checking phase the way
      // linkrot's is taken (check − extract).
      { slot: 'floorStart', tool: { name: `${FLOOR_NAME}, no URLs`, runs: [] }, command: () => ({ args: [FLOOR_CLIENT, noUrlsFile], capMs: CAP_MS.extract }) },
    );
  }
  // Round by round, each tool once per round: the machine's speed drifts by ±15 % over minutes, and a drift
  // then falls on every tool alike instead of on whichever ran its runs during it.
  for (let round = 0; round < repeat; round += 1) {
    for (const { tool, command, read } of contenders) tool.runs.push(await measureRun(web, tool.name, round, command(), read));
  }
  const [extract, ...checkers] = contenders.filter((contender) => contender.slot === undefined).map((contender) => contender.tool);
  extract.links = await readExtractCount(extractFile).catch(() => undefined);
  result.extract = extract;
  result.tools.push(...checkers);
  const floorStart = contenders.find((contender) => contender.slot === 'floorStart');
  if (floorStart !== undefined) result.floorStart = floorStart.tool;

  if (withPeers && !values['no-mlc']) {
    // Two links at a time, about two minutes: one run, after the others.
    const mlc = { name: 'markdown-link-check', runs: [], command: `markdown-link-check bench/.work/${spec.name}` };
    mlc.runs.push(
      await measureRun(web, mlc.name, 0, { args: markdownLinkCheckArgs(spec.name), capMs: CAP_MS.mlc }, (run) => ({
        score: scoreRows(parseMarkdownLinkCheck(run.stdout), scenario.links),
      })),
    );
    result.tools.push(mlc);
  }
  return result;
}

/** Runs one tool once on a freshly reset web and returns the run's figures. */
async function measureRun(web, name, index, { args, capMs }, read) {
  await drain(web);
  web.reset();
  const env = { ...process.env, LINKROT_CODE_CACHE: codeCache };
  if (values['unset-extra-ca']) delete env.NODE_EXTRA_CA_CERTS;
  const run = await runMeasured(process.execPath, args, { cwd: work, capMs, env });
  await drain(web);
  const stats = web.stats();
  const figures = {
    wallMs: Math.round(run.wallMs),
    peakRssMb: Math.round(run.peakRssKb / 102.4) / 10,
    exitCode: run.code,
    capped: run.capped,
    requests: stats.requests,
    methods: stats.methods,
    limit429: stats.limit429,
    scripted429: stats.scripted429,
    mostInFlight: stats.mostInFlight,
    clientErrors: stats.clientErrors,
  };
  if (read !== undefined) {
    // A capped run is scored too: markdown-link-check prints each file's verdicts as it finishes it.
    try {
      Object.assign(figures, await read(run));
    } catch (error) {
      figures.readError = String(error?.message ?? error);
    }
  }
  if ((run.code !== 0 && run.code !== 1) || figures.readError) figures.stderr = run.stderr.trim().split('\n').slice(-5).join('\n');
  log(`${name} #${index + 1}: ${figures.wallMs} ms${run.capped ? ' (capped)' : ''}, ${figures.peakRssMb} MB, ${stats.requests} requests, ${stats.limit429} 429s, ${stats.mostInFlight} most in flight, ${stats.clientErrors} non-HTTP connections, exit ${run.code}${figures.score ? `, false dead ${figures.score.falseDead}, missed dead ${figures.score.missedDead}, unaccounted ${figures.score.unaccounted}` : ''}`);
  if (figures.stderr) log(figures.stderr);
  return figures;
}

/** Waits until no request is in flight (a killed tool's sockets close), at most 5 s. */
async function drain(web) {
  for (let i = 0; i < 100 && web.stats().inFlight > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
}

function linksPerHost(links) {
  const urls = new Map();
  for (const link of links) {
    const set = urls.get(link.host) ?? new Set();
    set.add(link.url);
    urls.set(link.host, set);
  }
  return Math.max(...[...urls.values()].map((set) => set.size));
}

/**
 * Lower bound of the checking phase: every host must serve its URLs at most `limit` at a time, each taking the
 * latency — ⌈links per host / limit⌉ × latency — and overall no more than `concurrency` requests fly at once.
 */
function lowerBound(spec, perHost, settings) {
  const hostBound = Math.ceil(perHost / DEFAULT_HOST_LIMIT) * DEFAULT_LATENCY_MS;
  const globalBound = Math.ceil(spec.links / settings.concurrency) * DEFAULT_LATENCY_MS;
  return {
    ms: Math.max(hostBound, globalBound),
    formula:
      globalBound > hostBound
        ? `max(⌈${perHost}/${DEFAULT_HOST_LIMIT}⌉, ⌈${spec.links}/${settings.concurrency}⌉) × ${DEFAULT_LATENCY_MS} ms`
        : `⌈${perHost}/${DEFAULT_HOST_LIMIT}⌉ × ${DEFAULT_LATENCY_MS} ms`,
  };
}

/** linkrot's own defaults, read from the build so the bound uses the number linkrot runs with. */
async function linkrotDefaults() {
  try {
    const settings = await import(path.join(REPO_DIR, 'dist', 'check', 'settings.js'));
    return { concurrency: settings.DEFAULT_CONCURRENCY, perHost: settings.DEFAULT_PER_HOST_CONCURRENCY };
  } catch {
    return { concurrency: 128, perHost: 8 };
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error?.stack ?? error}\n`);
  process.exitCode = 2;
});
