/**
 * Run the built `dist/cli/main.js` as `npm ci` leaves it, in a child process, with observe.mjs watching from the
 * inside (name lookups, undici API methods missing from the bundle's dispatchers, the extraction thread).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliRun } from '../cli/run-cli.js';

const OBSERVER = fileURLToPath(new URL('./observe.mjs', import.meta.url));

export interface Observations {
  /** Host names the process tried to resolve itself. */
  lookups: string[];
  /** `method on Class`: undici API methods looked up on a dispatcher that lacks them. */
  missingApi: string[];
  /** Whether the extraction thread ran. */
  thread: boolean;
  /** Node modules of interest loaded by the end of the run. */
  builtins: string[];
  /** Bytes of V8's new space (the young generation) at the end of the run. */
  newSpace: number | undefined;
}

export interface BinaryRun extends CliRun {
  seen: Observations;
}

export interface BinaryOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** Pretend the machine has this many cores (the extraction thread needs 4). */
  cores?: number;
}

export async function runBinary(args: string[], options: BinaryOptions = {}): Promise<BinaryRun> {
  const dir = mkdtempSync(join(tmpdir(), 'linkrot-observe-'));
  const file = join(dir, 'seen.jsonl');
  try {
    const run = await runCli(args, {
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      timeoutMs: options.timeoutMs ?? 60_000,
      env: {
        ...options.env,
        NODE_OPTIONS: `--import=${OBSERVER}`,
        LINKROT_OBSERVE: file,
        ...(options.cores === undefined ? {} : { LINKROT_OBSERVE_CORES: String(options.cores) }),
      },
    });
    let lines: string[] = [];
    try {
      lines = readFileSync(file, 'utf8').split('\n').filter((line) => line !== '');
    } catch {
      // nothing observed
    }
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const seen: Observations = {
      lookups: entries.flatMap((entry) => (typeof entry['lookup'] === 'string' ? [entry['lookup']] : [])),
      missingApi: [...new Set(entries.flatMap((entry) => (typeof entry['missing-api'] === 'string' ? [`${entry['missing-api']} on ${String(entry['on'])}`] : [])))],
      thread: entries.some((entry) => entry['thread'] === true),
      builtins: entries.flatMap((entry) => (Array.isArray(entry['builtins']) ? (entry['builtins'] as string[]) : [])),
      newSpace: entries.flatMap((entry) => (typeof entry['newSpace'] === 'number' ? [entry['newSpace']] : []))[0],
    };
    return { ...run, seen };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The links of a JSON report by URL: state, reason and the rest. */
export interface ReportLink {
  url: string;
  state: string;
  reason: string;
  httpStatus?: number;
  detail?: string;
  suggestions: Array<{ kind: string; url: string; timestamp?: string }>;
}

export function linksOf(json: string): Map<string, ReportLink> {
  const report = JSON.parse(json) as { files: Array<{ links: ReportLink[] }> };
  return new Map(report.files.flatMap((file) => file.links).map((link) => [link.url, link]));
}

/** `state/reason` of each URL, for compact assertions. */
export function verdicts(json: string): Record<string, string> {
  return Object.fromEntries([...linksOf(json)].map(([url, link]) => [url, `${link.state}/${link.reason}`]));
}
