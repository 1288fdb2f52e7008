import { randomBytes } from 'node:crypto';
import { link, readFile, rm, stat, writeFile } from 'node:fs/promises';

/** How long a save waits for another run's lock before writing anyway (the rename keeps the file whole). */
export const DEFAULT_LOCK_WAIT_MS = 5_000;
/** A lock older than this is taken to be left over from a crashed run. */
export const STALE_LOCK_MS = 30_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function removeIfStale(lockPath: string, now: number): Promise<void> {
  try {
    const [content, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const pid = Number.parseInt(content, 10);
    if ((Number.isInteger(pid) && pid > 0 && !isAlive(pid)) || now - info.mtimeMs > STALE_LOCK_MS) await rm(lockPath, { force: true });
  } catch {
    // gone already, or unreadable: the next attempt decides
  }
}

/**
 * Take `<file>.lock` (created exclusively, holding our pid) so that two runs saving the same cache merge in
 * turn instead of overwriting each other's new entries. Returns a release function; when the lock cannot be
 * had within `waitMs` it returns a no-op release and the caller writes anyway.
 */
export async function acquireLock(path: string, waitMs = DEFAULT_LOCK_WAIT_MS): Promise<() => Promise<void>> {
  const lockPath = `${path}.lock`;
  // The pid is written to a private file first and hard-linked into place, so a lock file always names its
  // owner: a run killed at any moment never leaves an empty lock that nobody can judge stale.
  const claim = `${lockPath}.${process.pid}-${randomBytes(4).toString('hex')}`;
  const deadline = Date.now() + waitMs;
  try {
    await writeFile(claim, String(process.pid), { flag: 'wx' });
  } catch {
    return async () => undefined; // read-only folder and the like: no lock possible, the rename still keeps the file whole
  }
  try {
    for (;;) {
      try {
        await link(claim, lockPath);
        return async () => {
          await rm(lockPath, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return async () => undefined;
      }
      await removeIfStale(lockPath, Date.now());
      if (Date.now() >= deadline) return async () => undefined;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
    }
  } finally {
    await rm(claim, { force: true });
  }
}
