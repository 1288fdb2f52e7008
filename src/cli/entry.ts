/**
 * The CLI itself, bundled into dist/cli/linkrot.cjs (scripts/bundle-cli.mjs) and run by the `linkrot` command
 * (main.ts) with V8's code cache.
 */
import { prestartExtractThread } from '../pipeline/extract-thread.js';
import { commandKind } from './command-kind.js';
import { keepYoungGenerationSmall } from './young-generation.js';

/** For the code cache, made as the process ends: V8's flags as they were at its start (see code-cache.ts). */
export { restoreV8Defaults } from './young-generation.js';

const argv = process.argv.slice(2);
const check = commandKind(argv) === 'check';

// Before anything allocates much (see young-generation.ts; the check command lets it grow for a big run).
keepYoungGenerationSmall(check);

// For a check, start the extraction thread before anything else loads, so its start overlaps ours. An unused
// thread never holds the process.
if (check) prestartExtractThread();

void (async () => {
  // Loaded after the thread is on its way (the bundle runs a module's code when it is first imported).
  const { runCli } = await import('./run.js');
  // Let the process end by itself once the work is done (no process.exit with requests in flight).
  process.exitCode = await runCli(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
})();
