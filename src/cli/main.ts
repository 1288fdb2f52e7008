#!/usr/bin/env node
import { prestartExtractThread } from '../pipeline/extract-thread.js';
import { keepYoungGenerationSmall } from './young-generation.js';

const argv = process.argv.slice(2);
// `linkrot check …` and its shorthand `linkrot <files…>`: a guess from the first word only.
const check = !['extract', 'merge', 'help', '--help', '-h', '--version', '-V'].includes(argv[0] ?? 'help');

// Before anything allocates much (see young-generation.ts; the check command lets it grow for a big run).
keepYoungGenerationSmall(check);

// For a check, start the extraction thread before anything else loads, so its start overlaps ours. An unused
// thread never holds the process.
if (check) prestartExtractThread();

// Loaded after the thread is on its way (the bundle runs a module's code when it is first imported).
const { runCli } = await import('./run.js');

// Let the process end by itself once the work is done (no process.exit with requests in flight).
process.exitCode = await runCli(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
