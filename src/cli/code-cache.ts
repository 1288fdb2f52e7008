/**
 * Runs the CLI's bundle (dist/cli/linkrot.cjs) with V8's code cache: the bytecode of the bundle's functions, kept
 * on disk after a run and handed to V8 at the next start instead of compiling the 1.9 MB bundle again.
 *
 * Measured against the ES-module bundle it replaced (Node 20, 8 alternating runs): `--version` 0.18 → 0.16 s,
 * `extract` of 100 posts 0.32 → 0.30 s, a one-link check 0.545 → 0.505 s. Node 20 keeps no cache of its own
 * (`module.enableCompileCache` is Node 22), and its ES modules take no cached data: that is why the bundle is
 * CommonJS, run through `vm.Script` as Node runs a CommonJS module.
 *
 * The cache is made once per kind of command (check, extract, other: each compiles different functions), when the
 * first run of that kind ends, and kept beside the bundle in `.code-cache/`. A run that failed (exit 2 or more: bad
 * input, no network) compiled only its way to the failure: its cache is replaced by the next run that succeeds
 * (found links or not). Caches are named after the bundle's content (its first line, written by the build), the
 * Node version and the architecture. V8 checks the rest (its version, its flags, the source) and rejects a cache
 * that does not fit; a rejected or unreadable cache is made again. V8 does not check the cache's own bytes (only
 * its debug builds do): a damaged cache would be run as it is. So each file starts with a CRC-32 of the rest,
 * checked before V8 sees it (about a millisecond for a megabyte). The folder not writable (a global install owned
 * by another user) means no cache, never a failure.
 * `LINKROT_CODE_CACHE` set to a folder keeps the caches there instead; set to `0`, there is none.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { constants, Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import { COMMAND_KINDS, type CommandKind } from './command-kind.js';

/** The folder beside the bundle that holds its caches. */
export const CODE_CACHE_DIR = '.code-cache';

/** The bundle's first line: `// linkrot bundle <16 hex digits of its content's SHA-256>` (scripts/bundle-cli.mjs). */
const BUNDLE_ID = /^\/\/ linkrot bundle ([0-9a-f]{16})\r?\n/;

/** A cache's file name (see `codeCacheFile`), with the id of its bundle. */
const CACHE_NAME = new RegExp(`^(?:${COMMAND_KINDS.join('|')})-([0-9a-f]{16})-v[\\w.]+-\\w+\\.bin$`);

/** What the bundle exports to its loader. */
interface BundleExports {
  /** V8's flags as they were at the start of the process (the bundle changes some; see young-generation.ts). */
  restoreV8Defaults?: () => void;
}

/**
 * The cache file of a bundle (by its id) for one kind of command, on this Node and architecture: in `folder`
 * (`LINKROT_CODE_CACHE`), else beside the bundle.
 */
export function codeCacheFile(bundle: string, id: string, kind: CommandKind, folder?: string): string {
  return join(folder ?? join(dirname(bundle), CODE_CACHE_DIR), `${kind}-${id}-${process.version}-${process.arch}.bin`);
}

/**
 * Run the bundle as Node runs a CommonJS module, compiled with its code cache for `kind` when there is one. With
 * `node --enable-source-maps` it is `require`d as it is, without a cache: Node maps the stacks of what it loads
 * itself to the sources, not those of a `vm.Script`.
 */
export function runBundle(bundle: string, kind: CommandKind, env: NodeJS.ProcessEnv): void {
  if (process.sourceMapsEnabled) {
    createRequire(bundle)(bundle);
    return;
  }
  // The bundle is ASCII (the build escapes the rest): read as Latin-1, it is a one-byte string without decoding.
  const source = readFileSync(bundle, 'latin1');
  const id = BUNDLE_ID.exec(source)?.[1];
  const setting = env['LINKROT_CODE_CACHE'];
  const folder = setting === undefined || setting === '' ? undefined : setting;
  const place = id === undefined || setting === '0' ? undefined : { id, file: codeCacheFile(bundle, id, kind, folder) };
  const cache = place === undefined ? undefined : readCache(place.file);
  const script = new Script(Module.wrap(source), {
    filename: bundle,
    ...(cache === undefined ? {} : { cachedData: cache.data }),
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as BundleExports };
  // The cache V8 took, if any. Made again when there was none (or none whole), when V8 rejected it, and when it
  // came from a failed run and this one succeeds.
  const used = cache !== undefined && script.cachedDataRejected !== true ? cache : undefined;
  if (place !== undefined && used?.succeeded !== true) {
    // A run that may write the cache keeps the bytecode it compiles until then (see `keepBytecode`).
    const flushAgain = keepBytecode(env);
    // At the end, when the run has compiled the functions its kind of command uses.
    process.once('exit', (code) => {
      const succeeded = code === 0 || code === 1;
      if (used === undefined || succeeded) saveCache(script, place, succeeded, module.exports, flushAgain);
    });
  }
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

/**
 * Turn V8's bytecode flushing off for the rest of the run. V8 drops the bytecode of a function that has not run
 * through several full collections, and a cache holds only functions that still have bytecode: made at the end of
 * a long check, it lacked the start-up code (option parsing, configuration, the first request), which every later
 * start then compiled again. Measured: the cache of the main benchmark's check was 604 KB against 1.18 MB without
 * flushing, and a one-link check started from it took 0.48 s against 0.44 s from a one-link check's own cache
 * (12 alternating runs). Left alone when the user set the flag either way. True when it turned flushing off (to be
 * turned on again before the cache is made).
 */
function keepBytecode(env: NodeJS.ProcessEnv): boolean {
  if ([...process.execArgv, env['NODE_OPTIONS'] ?? ''].some((argument) => argument.includes('flush-bytecode'))) return false;
  setFlagsFromString('--no-flush-bytecode');
  return true;
}

/**
 * A cache file: its format (4 bytes), the CRC-32 of the rest (4 bytes), whether the run that made it succeeded
 * (1 byte), then V8's cache.
 */
const CACHE_MAGIC = Buffer.from('LRC2');
const CRC_AT = CACHE_MAGIC.length;
const SUCCEEDED_AT = CRC_AT + 4;
const HEADER_BYTES = SUCCEEDED_AT + 1;

/** The cache in `file`, if it is whole (its checksum holds), and whether the run that made it succeeded. */
function readCache(file: string): { data: Buffer; succeeded: boolean } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER_BYTES || !bytes.subarray(0, CACHE_MAGIC.length).equals(CACHE_MAGIC)) return undefined;
  if (bytes.readUInt32BE(CRC_AT) !== crc32(bytes.subarray(SUCCEEDED_AT))) return undefined;
  return { data: bytes.subarray(HEADER_BYTES), succeeded: bytes[SUCCEEDED_AT] === 1 };
}

function cacheFileBytes(data: Buffer, succeeded: boolean): Buffer {
  const bytes = Buffer.alloc(HEADER_BYTES + data.length);
  CACHE_MAGIC.copy(bytes);
  bytes[SUCCEEDED_AT] = succeeded ? 1 : 0;
  data.copy(bytes, HEADER_BYTES);
  bytes.writeUInt32BE(crc32(bytes.subarray(SUCCEEDED_AT)), CRC_AT);
  return bytes;
}

/**
 * Write the cache (a temporary file renamed over it: a concurrent run reads the old one or the new one), and
 * remove the caches of other builds. V8 stamps a cache with its flags: they are put back as they were at the
 * start, where the next run will compare them, or V8 would reject every cache this makes.
 */
function saveCache(script: Script, { id, file }: { id: string; file: string }, succeeded: boolean, bundle: BundleExports, flushAgain: boolean): void {
  const folder = dirname(file);
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    bundle.restoreV8Defaults?.();
    if (flushAgain) setFlagsFromString('--flush-bytecode');
    const data = script.createCachedData();
    mkdirSync(folder, { recursive: true });
    writeFileSync(temporary, cacheFileBytes(data, succeeded));
    renameSync(temporary, file);
    // Only files named as this module names its caches, and only those of another bundle (an older build).
    for (const name of readdirSync(folder)) {
      const other = CACHE_NAME.exec(name)?.[1];
      if (other !== undefined && other !== id) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // No cache: the next run compiles, as without one.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written (the folder could not be made)
    }
  }
}
