// Extraction and start-up speed, whole process: `npm run bench:extract` (builds first).
//
//   node bench/extract.mjs [--runs N] [--big-runs N] [--no-write]
//
// Every figure is a `linkrot` child process from spawn to exit, as a user meets it, with its CPU time (user +
// system, from GNU time when installed) beside the wall time, steadier on a shared machine. Measured, in rounds,
// the commands of a round taken one after the other (their order turned round every other round):
// - `linkrot extract` on the largest corpus file and on a ~1 MB document made by concatenating the corpus files
//   (the target: at least 1 MB/s, whole process), and beside them remark alone on the same inputs
//   (bench/floor-remark.mjs: the parser linkrot is built on, nothing extracted);
// - `linkrot extract` on the 100 posts of the main scenario (bench/scenarios.mjs) against its floor,
//   bench/floor-read.mjs: node started and the same files read, nothing parsed (the target: at most 1.2x);
// - start-up: `linkrot --version` and a one-link check against a page on 127.0.0.1, each against `node -e ''`.
// The table goes into BENCHMARKS.md between the extract markers (the rest of that file is left alone).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildScenario, MAIN, writeScenario } from './scenarios.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/corpus/real');
const reference = join(root, 'fixtures/posts/2017-03-01-learning-deep-learning.md');
const benchmarks = join(root, 'BENCHMARKS.md');
const BIN = join(root, 'dist/cli/main.js');
const FLOOR = join(root, 'bench/floor-read.mjs');
const REMARK = join(root, 'bench/floor-remark.mjs');
const GNU_TIME = '/usr/bin/time';
const TARGET_BYTES = 1024 * 1024;
const START_MARKER = '<!-- extract:start -->';
const END_MARKER = '<!-- extract:end -->';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    'big-runs': { type: 'string', default: '5' },
    'no-write': { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const BIG_RUNS = Number(values['big-runs']);

const work = join(tmpdir(), `linkrot-bench-extract-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
process.once('exit', () => rmSync(work, { recursive: true, force: true }));
// linkrot's code cache for this run alone: made by the first run of each kind of command below, as after an install.
const codeCache = join(work, 'code-cache');

// Inputs: the largest corpus file, the ~1 MB document, the main scenario's 100 posts, a one-link post.
const inputs = existsSync(corpus)
  ? readdirSync(corpus).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').sort().map((name) => join(corpus, name))
  : [reference];
const largest = inputs.reduce((best, path) => (statSync(path).size > statSync(best).size ? path : best));
const texts = inputs.map((path) => readFileSync(path, 'utf8'));
let synthetic = '';
for (let index = 0; synthetic.length < TARGET_BYTES; index++) synthetic += `${texts[index % texts.length]}\n\n`;
const bigFile = join(work, 'synthetic.md');
writeFileSync(bigFile, synthetic);
const postsDir = join(work, 'posts');
const scenario = buildScenario(MAIN, Array.from({ length: MAIN.hosts }, (_, index) => `127.0.0.${index + 2}`), (address) => `http://${address}:8080`);
await writeScenario(scenario, postsDir);
const postsBytes = scenario.posts.reduce((sum, post) => sum + Buffer.byteLength(post.text), 0);

// An article page at /page and a 404 elsewhere (a catch-all would make the link suspicious and start archive.org
// lookups): the one link is alive, as most are.
const PAGE = `<!doctype html><html><head><title>Notes on gradient descent</title></head><body><h1>Notes on gradient descent</h1>${'<p>Gradient descent moves the parameters a small step against the gradient of the loss, again and again, until the loss stops falling.</p>'.repeat(8)}</body></html>`;
const server = createServer((request, response) => {
  const found = request.url === '/page';
  response.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  response.end(request.method === 'HEAD' ? undefined : found ? PAGE : '<title>Not found</title>');
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const oneLinkFile = join(work, 'one-link.md');
writeFileSync(oneLinkFile, `# One link\n\nThe [only link](http://127.0.0.1:${server.address().port}/page) of this post.\n`);

/** Run a command to its end: wall ms, CPU ms (user + system; NaN without GNU time), exit code, stdout. */
function timed(args) {
  const timeFile = join(work, 'time.txt');
  const [file, argv] = existsSync(GNU_TIME) ? [GNU_TIME, ['-f', '%U %S', '-o', timeFile, process.execPath, ...args]] : [process.execPath, args];
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: work, env: { ...process.env, LINKROT_CODE_CACHE: codeCache }, stdio: ['ignore', 'pipe', 'inherit'] });
    const out = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.once('error', fail);
    child.once('close', (code) => {
      const wall = performance.now() - started;
      let cpu = Number.NaN;
      if (existsSync(GNU_TIME)) {
        const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
        cpu = (user + system) * 1000;
      }
      done({ wall, cpu, code, stdout: Buffer.concat(out).toString('utf8') });
    });
  });
}

const commands = {
  largest: [BIN, 'extract', '--format', 'json', largest],
  big: [BIN, 'extract', '--format', 'json', bigFile],
  posts: [BIN, 'extract', '--format', 'json', postsDir],
  floor: [FLOOR, postsDir],
  remarkLargest: [REMARK, largest],
  remarkBig: [REMARK, bigFile],
  remarkPosts: [REMARK, postsDir],
  remarkLoad: [REMARK, '--load-only'],
  node: ['-e', ''],
  version: [BIN, '--version'],
  oneLink: [BIN, 'check', '--allow-private', '--no-cache', oneLinkFile],
};

// Each command once, checked, before anything is timed (and the links counted). These first runs also make the
// code cache of each kind of command (src/cli/code-cache.ts): the timed runs are every run after a version's first.
const links = {};
for (const [name, args] of Object.entries(commands)) {
  const run = await timed(args);
  if (run.code !== 0) throw new Error(`${args.join(' ')} exited with ${run.code}`);
  if (args[1] === 'extract') links[name] = JSON.parse(run.stdout).summary.links;
  if (args[1] === 'check' && !run.stdout.includes('1 alive')) throw new Error(`the one-link check found no alive link:\n${run.stdout}`);
}

const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
/** Rounds of `names`, one run of each per round, the order turned round every other round. */
async function rounds(names, count) {
  for (let round = 0; round < count; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) samples[name].push(await timed(commands[name]));
    process.stdout.write('.');
  }
}
await rounds(['largest', 'big', 'remarkLargest', 'remarkBig'], BIG_RUNS);
await rounds(['posts', 'floor', 'node', 'version', 'oneLink', 'remarkPosts', 'remarkLoad'], RUNS);
process.stdout.write('\n');
server.close();

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
const ms = (value) => (Number.isNaN(value) ? 'n/a' : `${Math.round(value)} ms`);
const wall = (name) => median(samples[name].map((run) => run.wall));
const cpu = (name) => median(samples[name].map((run) => run.cpu));
/** Per-round ratios of `name` over `floor` (wall), in round order. */
const ratios = (name, floor) => samples[name].map((run, index) => run.wall / samples[floor][index].wall);

const extractRow = (label, name, bytes) => {
  const megabytes = bytes / 1024 / 1024;
  return `| ${label} | ${megabytes.toFixed(2)} MB | ${links[name]} | ${ms(wall(name))} | ${ms(Math.min(...samples[name].map((run) => run.wall)))} | ${ms(cpu(name))} | ${(megabytes / (wall(name) / 1000)).toFixed(2)} |`;
};
const remarkRow = (label, name, remark, bytes) => {
  const parse = wall(remark) - wall('remarkLoad');
  return `| ${label} | ${ms(wall(name))} | ${ms(wall(remark))} | ${ms(parse)} | ${(bytes / 1024 / 1024 / (parse / 1000)).toFixed(2)} |`;
};
const postsRatios = ratios('posts', 'floor');
const overNode = (name) => `| \`${commands[name].slice(1).join(' ').replace(work, '$TMP').replace(/127\.0\.0\.1:\d+/, '127.0.0.1:PORT')}\` | ${ms(wall(name))} | ${ms(cpu(name))} | +${ms(wall(name) - wall('node'))} | +${ms(cpu(name) - cpu('node'))} | ${median(ratios(name, 'node')).toFixed(2)}× |`;
const table = [
  `Whole process: \`linkrot\` started as a child, spawn to exit. ${BIG_RUNS} rounds for the two documents, ${RUNS} for the rest; CPU is user + system time of the child (GNU time), steadier than wall time on a shared machine. Each command ran once before the rounds, which made its code cache (src/cli/code-cache.ts; a folder of the bench's own, empty at its start): the rounds are what every run after a version's first takes.`,
  '',
  '| input | size | links | median wall | best wall | median CPU | MB/s (median wall) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  extractRow(`largest corpus file (${largest.split('/').at(-1)})`, 'largest', statSync(largest).size),
  extractRow('synthetic ~1 MB (corpus concatenated)', 'big', Buffer.byteLength(synthetic)),
  '',
  `**remark alone** (\`bench/floor-remark.mjs\`: node started, unified + remark-parse + remark-gfm + remark-frontmatter loaded as installed, the same Markdown parsed in pieces as linkrot cuts a long document, nothing extracted; the parser linkrot must run on every block that is not plain prose). "Parse" is its wall time minus that of loading it alone (\`--load-only\`, ${ms(wall('remarkLoad'))}):`,
  '',
  '| input | linkrot extract, median wall | remark alone, median wall | remark alone, parse | remark alone, MB/s of parse |',
  '| --- | ---: | ---: | ---: | ---: |',
  remarkRow('largest corpus file', 'largest', 'remarkLargest', statSync(largest).size),
  remarkRow('synthetic ~1 MB', 'big', 'remarkBig', Buffer.byteLength(synthetic)),
  remarkRow('100 posts', 'posts', 'remarkPosts', postsBytes),
  '',
  `**100 posts** (the main scenario's, ${(postsBytes / 1024).toFixed(0)} KB, ${links.posts} links): \`linkrot extract --format json DIR\` ${ms(wall('posts'))} wall (CPU ${ms(cpu('posts'))}) against its floor \`node bench/floor-read.mjs DIR\` (node started, the same files read) ${ms(wall('floor'))} (CPU ${ms(cpu('floor'))}): **${median(postsRatios).toFixed(2)}×** the floor, median of the per-round ratios ${postsRatios.map((ratio) => ratio.toFixed(2)).join(', ')}.`,
  '',
  '**Start-up**, against `node -e \'\'` (' + `${ms(wall('node'))} wall, CPU ${ms(cpu('node'))}):`,
  '',
  '| command | median wall | median CPU | wall over node | CPU over node | wall ratio (median per round) |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  overNode('version'),
  overNode('oneLink'),
  '',
  `Command: \`npm run bench:extract\` (\`node bench/extract.mjs --runs ${RUNS} --big-runs ${BIG_RUNS}\`); node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
].join('\n');
console.log(`\n${table}`);

if (!values['no-write']) {
  writeFileSync(benchmarks, withSection(existsSync(benchmarks) ? readFileSync(benchmarks, 'utf8') : '# Benchmarks\n', table));
  console.log(`\nwrote the extract section of ${benchmarks}`);
}

/** Replace the text between the extract markers, or add a `## Extract` section with them at the end. */
function withSection(document, body) {
  const section = `${START_MARKER}\n${body}\n${END_MARKER}`;
  const start = document.indexOf(START_MARKER);
  const end = document.indexOf(END_MARKER);
  if (start !== -1 && end > start) return document.slice(0, start) + section + document.slice(end + END_MARKER.length);
  return `${document.trimEnd()}\n\n## Extract\n\n${section}\n`;
}
