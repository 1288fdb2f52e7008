import { EXIT_USAGE, LinkrotError } from '../errors.js';
import { MANIFEST } from '../util/package-root.js';
import { stripControl } from '../util/terminal.js';
import { VERSION } from '../version.js';
import { parseInvocation } from './options.js';

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const BUGS_URL = MANIFEST.bugs?.url ?? 'the linkrot issue tracker';

/** Run the CLI; resolves to the exit code. Never throws. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const invocation = parseInvocation(argv, io.cwd);
    switch (invocation.command) {
      // Each command loads its stages when it runs, so --help, --version and extract start fast (the help text
      // quotes the checker's defaults, and loading the checker loads undici).
      case 'help':
        io.stdout.write((await import('./help.js')).helpText());
        return 0;
      case 'version':
        io.stdout.write(`${VERSION}\n`);
        return 0;
      case 'extract':
        return await (await import('./extract-command.js')).runExtract(invocation, io);
      case 'merge':
        return await (await import('./merge-command.js')).runMerge(invocation, io);
      case 'check':
        return await (await import('./check-command.js')).runCheck(invocation, io);
      default: {
        const never: never = invocation.command;
        throw new Error(`unknown command ${String(never)}`);
      }
    }
  } catch (error) {
    if (error instanceof LinkrotError && error.code !== 'LINKROT_INTERNAL') {
      io.stderr.write(`linkrot: ${stripControl(error.message)}\n`);
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `linkrot: internal error: ${stripControl(message)}\n` +
        `This is a bug in linkrot ${VERSION}; please report it at ${BUGS_URL} with the command you ran` +
        (debug ? '.\n' : ' (add --debug for the stack trace).\n'),
    );
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 70;
  }
}
