#!/usr/bin/env node
import { keepYoungGenerationSmall } from './young-generation.js';

const argv = process.argv.slice(2);
// `linkrot check …` and its shorthand `linkrot <files…>`: a guess from the first word only.
const check = !['extract', 'merge', 'help', '--help', '-h', '--version', '-V'].includes(argv[0] ?? 'help');

// For a check, start the extraction thread before anything else loads, so its start overlaps ours; an unused thread
// never holds the process. Loaded only then (it loads node:worker_threads).
if (check) (await import('../pipeline/extract-thread.js')).prestartExtractThread();

// Before anything allocates much (see young-generation.ts; the check command lets it grow for a big run), but
// after the checker's code has loaded (run.ts then finds it in the module cache): loading it lets V8 size the young
// generation once, as loading the single-file CLI used to for every command. A check of 420 links on 127.0.0.1,
// `--trace-gc`: new space 4 MB at the end and 32-35 scavenges either way; kept small from the very start, 2 MB and 68.
if (check) await import('./check-command.js');
keepYoungGenerationSmall();

// Loaded after the thread is on its way.
const { runCli } = await import('./run.js');

// Let the process end by itself once the work is done (no process.exit with requests in flight).
process.exitCode = await runCli(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
