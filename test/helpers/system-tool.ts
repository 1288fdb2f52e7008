/**
 * Debian tools some tests drive (chromium, cmark-gfm, faketime): `.ci/run` installs them. Outside CI a missing
 * tool skips its tests with one line saying what to install, so `npm test` on a fresh machine stays green; in CI
 * (`CI` set) a missing tool fails, never skips silently.
 */
import { spawnSync } from 'node:child_process';

export interface Availability {
  skip: boolean;
  /** Why the tests skip (or, in CI, fail): what is missing and how to install it. */
  why: string;
}

export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** Decide for a tool that is `found` or not: run, skip (outside CI), or fail (in CI). */
export function availability(found: boolean, missing: string, env: NodeJS.ProcessEnv = process.env): Availability {
  return found ? { skip: false, why: '' } : { skip: !inCi(env), why: missing };
}

/** A command on the PATH that answers `--version`. */
export function commandAvailability(command: string, aptPackage: string = command, env: NodeJS.ProcessEnv = process.env): Availability {
  const found = spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
  return availability(found, `${command} not found; install it with: apt-get install -y ${aptPackage} (.ci/run does)`, env);
}
