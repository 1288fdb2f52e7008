/**
 * The size of V8's young generation for a CLI run. A small run's garbage is short-lived and a young generation
 * grown to 2 × 16 MB mostly shows up as resident memory; a big run keeps thousands of requests pending, and a
 * small young generation then promotes what would have died young, growing the old generation instead.
 * Measured (alternating runs): main benchmark (412 KB of posts) peak RSS 146–152 → 138–140 MB with the young
 * generation kept small, +2.5 % time; load benchmark (3.2 MB) 487 → 572 MB — so a big run keeps a bigger one
 * (`BIG_RUN_YOUNG_GENERATION_CAP_BYTES`).
 * V8 reads the growth factor each time it would grow the space, so it can be changed once the inputs are known.
 *
 * "Small" is a cap, not V8's 1 MB start: a run keeps a few hundred requests in flight, and each scavenge copies
 * what they hold. Kept at its start, the young generation was scavenged 120 times on the main benchmark (2.8 ms
 * each, 340–600 ms in all) and 265–285 times on the real-sized pages (590–830 ms), when pages were still decoded
 * whole. Let grow to 16 MB: 31–32 scavenges on main, 64 on pages, 0.3–0.5 s less CPU on pages (`--trace-gc`,
 * 3 alternating rounds). Once pages were scanned as bytes (less garbage per page), the cap was measured again on a
 * quiet machine, 7–8 alternating rounds, medians: main 1.96 / 1.94 / 1.97 s wall and 2.15 / 2.22 / 2.26 s CPU with
 * 16 / 8 / 2 MB, peak RSS 127–133 / 121–124 / 117–122 MB; pages 2.86 / 2.89 / 2.82 s, RSS 144–155 / 137–150 /
 * 129–138 MB. 8 MB (`YOUNG_GENERATION_CAP_BYTES`): the wall time of 16 MB, with room under the pages' 180 MB.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { fileBytes } from '../util/file-bytes.js';

/** Markdown bytes up to which a run counts as small. */
export const SMALL_RUN_BYTES = 2 * 1024 * 1024;

/** V8's own default growth factor of the young generation. */
const V8_DEFAULT_GROWTH_FACTOR = 2;
/** V8's own default `--heap-growing-percent` (0: its own heuristics). */
const V8_DEFAULT_HEAP_GROWING_PERCENT = 0;

/**
 * The young generation a small run lets grow to, as `v8.getHeapSpaceStatistics()` reports `new_space` (V8's own
 * largest here is 32 MB); see the top of this file.
 */
export const YOUNG_GENERATION_CAP_BYTES = 8 * 1024 * 1024;

/**
 * A big run's young generation, and how far its old generation grows past what survived the last full
 * collection. A big run keeps thousands of requests pending: with V8's own largest young generation (32 MB) and
 * 15 % (`HEAP_GROWING_PERCENT`) the load benchmark (20,000 links, 3.2 MB of posts) peaked at 241–260 MB, on both
 * sides of its 250 MB target. Measured on it, alternating runs (medians, the machine loaded and noisy): a 16 MB
 * young generation at 15 % peaked at 211–218 MB for about 4 % more wall time and 6 % more CPU (7 rounds);
 * 16 MB at 30 % at 223–238 MB (8 runs), with wall time 13.8 against 14.3 s and CPU 15.5 against 16.7 s (4 rounds);
 * 16 MB at 50 % at 247–258 MB. A cap of 24 MB is 32 MB (V8 doubles the space: 16 → 32).
 */
export const BIG_RUN_YOUNG_GENERATION_CAP_BYTES = 16 * 1024 * 1024;
/** A big run's `--heap-growing-percent` (see `BIG_RUN_YOUNG_GENERATION_CAP_BYTES`). */
export const BIG_RUN_HEAP_GROWING_PERCENT = 30;

/** Watches the young generation's size after each collection until it reaches the cap. */
let capWatch: PerformanceObserver | undefined;

/**
 * From the start of the process: a run is small until its inputs say otherwise, and the old generation keeps
 * `HEAP_GROWING_PERCENT` of headroom in every run (see there). A check's young generation grows as V8 grows it up
 * to `YOUNG_GENERATION_CAP_BYTES`, then no further; any other command's stays at its start (`extract` lets it grow
 * for a long document, see `sizeHeapForExtract`).
 */
export function keepYoungGenerationSmall(check: boolean): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (!check) {
    setFlagsFromString('--semi-space-growth-factor=1');
    return;
  }
  capYoungGeneration(YOUNG_GENERATION_CAP_BYTES);
}

/** The young generation grows as V8 grows it up to `cap` bytes, then no further. */
function capYoungGeneration(cap: number): void {
  stopCapWatch();
  setFlagsFromString(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH_FACTOR}`);
  // V8 has no runtime flag for the largest young generation, but reads the growth factor at each growth: after
  // each collection, once the space has reached the cap, growing stops (a factor of 1). V8 13 (Node 24) then still
  // grows it by smaller steps of its own: 11.5-16.3 MB in test/cli/young-generation.test.ts, against 64 MB uncapped
  // (Node 20 and 22: 8 MB, against 32 MB).
  capWatch = new PerformanceObserver(() => {
    if (youngGenerationBytes() < cap) return;
    setFlagsFromString('--semi-space-growth-factor=1');
    stopCapWatch();
  });
  capWatch.observe({ entryTypes: ['gc'] });
}

function stopCapWatch(): void {
  capWatch?.disconnect();
  capWatch = undefined;
}

/** The young generation's current size (`new_space` as V8 reports it). */
export function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

/** Do the posts add up to at most `SMALL_RUN_BYTES`? Stops reading sizes once they do not. */
export function isSmallRun(paths: readonly string[], limit = SMALL_RUN_BYTES): boolean {
  let bytes = 0;
  for (const path of paths) {
    bytes += fileBytes(path);
    if (bytes > limit) return false;
  }
  return true;
}

/**
 * How far V8 lets the old generation grow past what survived the last full collection: 15 % (V8 chooses up to
 * 300 % while collection costs it little). Small runs too: on the benchmark's real-sized pages (2,000 links to
 * 90 KB pages, 412 KB of posts) peak RSS 258–275 MB → 136–138 MB and wall time no worse (3.26–3.64 s against
 * 3.63–4.27 s, 3 alternating rounds, 0.5 s more CPU: the marking runs beside the main thread); on main 144–154 →
 * 121–122 MB, wall time the same within the noise (4 rounds, at 30 %). The load benchmark (20,000 links, 3.2 MB of posts)
 * keeps 60–85 MB alive while checking, and V8 let the heap reach 290 MB between two full collections: peak RSS
 * 460–500 MB. Measured with the report written file by file, alternating runs: 50 % 254–276 MB, 30 % 236–268 MB,
 * 15 % 229–240 MB, for more full collections (about 1–2 s more CPU over a run of 14 s). A big run, whose young
 * generation is now smaller, takes 30 % (`BIG_RUN_HEAP_GROWING_PERCENT`).
 */
export const HEAP_GROWING_PERCENT = 15;

/**
 * When the posts to check add up to more than a small run: a bigger young generation and more room for the old
 * one (see `BIG_RUN_YOUNG_GENERATION_CAP_BYTES`). V8 reads both flags each time it sizes its spaces.
 */
export function sizeHeapFor(paths: readonly string[]): void {
  if (isSmallRun(paths)) return;
  capYoungGeneration(BIG_RUN_YOUNG_GENERATION_CAP_BYTES);
  setFlagsFromString(`--heap-growing-percent=${BIG_RUN_HEAP_GROWING_PERCENT}`);
}

/**
 * V8's flags as they were when the process started, for the code cache made as it ends (see code-cache.ts): V8
 * stamps a cache with its flags, and rejects one made under other flags than its own at the next start.
 */
export function restoreV8Defaults(): void {
  letYoungGenerationGrow();
  setFlagsFromString(`--heap-growing-percent=${V8_DEFAULT_HEAP_GROWING_PERCENT}`);
}

/** From now on, the young generation grows as V8 would, to V8's own largest. */
function letYoungGenerationGrow(): void {
  stopCapWatch();
  setFlagsFromString(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH_FACTOR}`);
}

/**
 * `linkrot extract` of a long document (one parsed in pieces, see pipeline/long-document.ts): the young generation
 * grows as V8 would. micromark allocates about 1 KB per character of Markdown, mostly short-lived, and the trees
 * of the pieces stay alive until they are joined: kept at its first size, the young generation was collected about
 * 550 times for the 1 MB benchmark document, growing about 70 times (`--trace-gc`): on one thread (a loaded machine)
 * 5.65 → 4.54 s CPU and 3.50 → 2.81 s wall (5 alternating runs). With the second thread (extract-pieces.ts) it made
 * no difference: V8 let the main thread's young generation grow then anyway (49 collections). Not for short posts:
 * 100 of them (the main scenario's) took 5 % more CPU with it (16 alternating runs), the 0.2 MB corpus file the same.
 */
export function sizeHeapForExtract(): void {
  letYoungGenerationGrow();
}
