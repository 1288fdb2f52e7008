import type { ProgressEvent } from '../pipeline/index.js';

/** A one-line progress bar on stderr, only when stderr is a TTY; erased when done. */
export function createProgress(stream: NodeJS.WriteStream, enabled: boolean): { update(event: ProgressEvent): void; done(): void } {
  if (!enabled || !stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  return {
    update(event) {
      const now = Date.now();
      if (now - last < 80 && event.done !== event.total) return;
      last = now;
      const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 40));
      const ratio = event.total === 0 ? 1 : event.done / event.total;
      const filled = Math.round(ratio * width);
      const label = event.phase === 'check' ? 'checking' : event.phase === 'drift' ? 'comparing with captures' : 'archive lookups';
      stream.write(`\r\u001b[2K${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${event.done}/${event.total}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
