/**
 * Runs one command and measures it: wall time from spawn to exit, and peak RSS of the process tree — from
 * `/usr/bin/time -f %M` when it is installed (exact: the kernel's high-water mark at exit), and by polling
 * `VmHWM` in `/proc/<pid>/status` of every process in the tree (a fallback, and a check of the former).
 * A run that passes its cap is killed (its whole process group) and marked `capped`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync as readFileNow } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { clearInterval, setInterval } from 'node:timers';

const GNU_TIME = '/usr/bin/time';
const POLL_MS = 25;

/** Process groups of the runs in progress: killed if the bench itself ends first. */
const running = new Set();
process.once('exit', () => {
  for (const pid of running) killGroup(pid, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    for (const pid of running) killGroup(pid, 'SIGKILL');
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

/** True when peak RSS comes from GNU time (else from polling /proc). */
export const HAS_GNU_TIME = existsSync(GNU_TIME);

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, capMs: number, env?: Record<string, string> }} options
 * @returns {Promise<{ wallMs: number, peakRssKb: number, code: number|null, signal: string|null, capped: boolean,
 *   stdout: string, stderr: string }>}
 */
export async function runMeasured(command, args, options) {
  const timeFile = path.join(os.tmpdir(), `linkrot-bench-time-${process.pid}-${Date.now()}`);
  const [file, argv] = HAS_GNU_TIME ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child.pid);
  const stdout = [];
  const stderr = [];
  child.stdout.on('data', (chunk) => stdout.push(chunk));
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  let polledKb = 0;
  const poll = setInterval(() => {
    polledKb = Math.max(polledKb, treePeakKb(child.pid));
  }, POLL_MS);
  let capped = false;
  const cap = setTimeout(() => {
    capped = true;
    killGroup(child.pid, 'SIGTERM');
    setTimeout(() => killGroup(child.pid, 'SIGKILL'), 2_000).unref();
  }, options.capMs);
  const { code, signal } = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
  });
  const wallMs = performance.now() - started;
  running.delete(child.pid);
  clearInterval(poll);
  clearTimeout(cap);
  let timedKb = 0;
  if (HAS_GNU_TIME) {
    const text = await readFile(timeFile, 'utf8').catch(() => '');
    const last = text.trim().split('\n').at(-1) ?? '';
    if (/^\d+$/.test(last)) timedKb = Number(last);
    await rm(timeFile, { force: true });
  }
  return {
    wallMs,
    peakRssKb: Math.max(timedKb, polledKb),
    code,
    signal,
    capped,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
  };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Largest VmHWM (kB) among `pid` and its descendants; 0 when they are gone. */
function treePeakKb(pid) {
  let peak = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop();
    peak = Math.max(peak, readHwmKb(current));
    pending.push(...readChildren(current));
  }
  return peak;
}

function readHwmKb(pid) {
  try {
    const status = readFileNow(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function readChildren(pid) {
  try {
    return readFileNow(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

