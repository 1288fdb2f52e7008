// Extraction speed: `npm run bench:extract` (builds first). Runs extractLinks on the largest corpus file and on
// a ~1 MB document made in memory by concatenating corpus files; prints links/s, MB/s, CPU time and peak RSS,
// and writes the table into BENCHMARKS.md between the extract markers (the rest of that file is left alone).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractLinks } from '../dist/extract/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/corpus/real');
const reference = join(root, 'fixtures/posts/2017-03-01-learning-deep-learning.md');
const benchmarks = join(root, 'BENCHMARKS.md');
const TARGET_BYTES = 1024 * 1024;
const RUNS = 5;
const START_MARKER = '<!-- extract:start -->';
const END_MARKER = '<!-- extract:end -->';

const inputs = existsSync(corpus)
  ? readdirSync(corpus).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').sort().map((name) => join(corpus, name))
  : [reference];
const largest = inputs.reduce((best, path) => (statSync(path).size > statSync(best).size ? path : best));

const texts = inputs.map((path) => readFileSync(path, 'utf8'));
let synthetic = '';
for (let index = 0; synthetic.length < TARGET_BYTES; index++) synthetic += `${texts[index % texts.length]}\n\n`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(label, source) {
  extractLinks(source); // warm-up
  const wall = [];
  const cpu = [];
  let links = 0;
  for (let run = 0; run < RUNS; run++) {
    globalThis.gc?.();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    links = extractLinks(source).links.length;
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const megabytes = Buffer.byteLength(source) / 1024 / 1024;
  const wallMedian = median(wall);
  return {
    label,
    megabytes,
    links,
    median: wallMedian,
    best: Math.min(...wall),
    cpu: median(cpu),
    linksPerSecond: (links / wallMedian) * 1000,
    megabytesPerSecond: megabytes / (wallMedian / 1000),
  };
}

const rows = [
  measure(`largest corpus file (${largest.split('/').at(-1)})`, readFileSync(largest, 'utf8')),
  measure('synthetic ~1 MB (corpus concatenated)', synthetic),
];
const peakRssMb = process.resourceUsage().maxRSS / 1024;

for (const row of rows) {
  console.log(
    `${row.label}: ${row.megabytes.toFixed(2)} MB, ${row.links} links, median ${row.median.toFixed(0)} ms (best ${row.best.toFixed(0)} ms, CPU ${row.cpu.toFixed(0)} ms), ${Math.round(row.linksPerSecond)} links/s, ${row.megabytesPerSecond.toFixed(2)} MB/s`,
  );
}
console.log(`peak RSS: ${peakRssMb.toFixed(0)} MB`);

const table = [
  '| input | size | links | median wall | best wall | median CPU | links/s | MB/s |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (row) =>
      `| ${row.label} | ${row.megabytes.toFixed(2)} MB | ${row.links} | ${row.median.toFixed(0)} ms | ${row.best.toFixed(0)} ms | ${row.cpu.toFixed(0)} ms | ${Math.round(row.linksPerSecond)} | ${row.megabytesPerSecond.toFixed(2)} |`,
  ),
  '',
  `Command: \`npm run bench:extract\`. ${RUNS} runs each after a warm-up; links/s and MB/s from the median wall time; CPU is user + system time of the process (\`process.cpuUsage()\`), steadier than wall time on a shared machine. Peak RSS ${peakRssMb.toFixed(0)} MB; node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
].join('\n');
console.log(`\n${table}`);

writeFileSync(benchmarks, withSection(existsSync(benchmarks) ? readFileSync(benchmarks, 'utf8') : '# Benchmarks\n', table));
console.log(`\nwrote the extract section of ${benchmarks}`);

/** Replace the text between the extract markers, or add a `## Extract` section with them at the end. */
function withSection(document, body) {
  const section = `${START_MARKER}\n${body}\n${END_MARKER}`;
  const start = document.indexOf(START_MARKER);
  const end = document.indexOf(END_MARKER);
  if (start !== -1 && end > start) return document.slice(0, start) + section + document.slice(end + END_MARKER.length);
  return `${document.trimEnd()}\n\n## Extract\n\n${section}\n`;
}
