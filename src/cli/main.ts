#!/usr/bin/env node
import { runCli } from './run.js';

// Let the process end by itself once the work is done (no process.exit with requests in flight).
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
