// Extraction speed: `npm run bench:extract` (builds first). Runs extractLinks on the largest corpus file and on
// a ~1 MB document made in memory by concatenating corpus files; prints links/s, MB/s and peak RSS.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractLinks } from '../dist/extract/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/corpus/real');
const reference = join(root, 'fixtures/posts/2017-03-01-learning-deep-learning.md');
const TARGET_BYTES = 1024 * 1024;
const RUNS = 5;

const inputs = existsSync(corpus)
  ? readdirSync(corpus).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').map((name) => join(corpus, name))
  : [reference];
const largest = inputs.reduce((best, path) => (statSync(path).size > statSync(best).size ? path : best));

const texts = inputs.map((path) => readFileSync(path, 'utf8'));
let synthetic = '';
for (let index = 0; synthetic.length < TARGET_BYTES; index++) synthetic += `${texts[index % texts.length]}\n\n`;

function measure(label, source) {
  extractLinks(source); // warm-up
  const times = [];
  let links = 0;
  for (let run = 0; run < RUNS; run++) {
    globalThis.gc?.();
    const start = performance.now();
    links = extractLinks(source).links.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const megabytes = Buffer.byteLength(source) / 1024 / 1024;
  return { label, megabytes, links, median, best: times[0], linksPerSecond: (links / median) * 1000, megabytesPerSecond: megabytes / (median / 1000) };
}

const rows = [measure(`largest corpus file (${largest.split('/').at(-1)})`, readFileSync(largest, 'utf8')), measure('synthetic ~1 MB (corpus concatenated)', synthetic)];
const peakRssMb = process.resourceUsage().maxRSS / 1024;

for (const row of rows) {
  console.log(`${row.label}: ${row.megabytes.toFixed(2)} MB, ${row.links} links, median ${row.median.toFixed(0)} ms (best ${row.best.toFixed(0)} ms), ${Math.round(row.linksPerSecond)} links/s, ${row.megabytesPerSecond.toFixed(2)} MB/s`);
}
console.log(`peak RSS: ${peakRssMb.toFixed(0)} MB`);
console.log('\n| input | size | links | median | links/s | MB/s |\n| --- | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(`| ${row.label} | ${row.megabytes.toFixed(2)} MB | ${row.links} | ${row.median.toFixed(0)} ms | ${Math.round(row.linksPerSecond)} | ${row.megabytesPerSecond.toFixed(2)} |`);
}
console.log(`\nPeak RSS ${peakRssMb.toFixed(0)} MB; ${RUNS} runs each after a warm-up; node ${process.version}.`);
