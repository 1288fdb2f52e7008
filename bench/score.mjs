/**
 * Scores what a tool reported against the simulated web's ground truth.
 *
 * - false dead: reported broken, but the content is there (`alive`) or behind a bot wall (`blocked`);
 * - missed dead: the content is gone (`dead`: 404, 410, soft 404) but the tool did not say so (or said nothing);
 * - links whose truth is `unreachable` (a redirect loop, a server that always resets) count in neither: calling
 *   them broken or not are both defensible.
 */
import { EXPECTED_STATE_BY_MODE } from './scenarios.mjs';

/**
 * @param {Array<{url: string, dead: boolean, state?: string}>} rows one per reported link occurrence
 * @param {Array<{url: string, mode: string, truth: string}>} links one per generated link occurrence
 */
export function scoreRows(rows, links) {
  const truthByUrl = new Map(links.map((link) => [link.url, link]));
  const reportedByUrl = new Map();
  let unexpected = 0;
  for (const row of rows) {
    if (!truthByUrl.has(row.url)) {
      unexpected += 1;
      continue;
    }
    const list = reportedByUrl.get(row.url) ?? [];
    list.push(row);
    reportedByUrl.set(row.url, list);
  }
  const falseDead = {};
  const missedDead = {};
  let unaccounted = 0;
  const generated = countBy(links, (link) => link.url);
  for (const link of links) {
    const reported = reportedByUrl.get(link.url)?.shift();
    if (reported === undefined) unaccounted += 1;
    const saidDead = reported?.dead === true;
    if (saidDead && (link.truth === 'alive' || link.truth === 'blocked')) bump(falseDead, link.mode);
    if (!saidDead && link.truth === 'dead') bump(missedDead, link.mode);
  }
  return {
    reported: rows.length - unexpected,
    generated: links.length,
    distinctUrls: generated.size,
    unaccounted,
    unexpected,
    falseDead: total(falseDead),
    falseDeadByMode: falseDead,
    missedDead: total(missedDead),
    missedDeadByMode: missedDead,
  };
}

/**
 * linkrot only: every link accounted for, by state — for each mode, the states linkrot gave, next to the state
 * expected of it.
 */
export function accountStates(rows, links) {
  const modeByUrl = new Map(links.map((link) => [link.url, link.mode]));
  const byMode = {};
  for (const row of rows) {
    const mode = modeByUrl.get(row.url) ?? '(not generated)';
    byMode[mode] ??= { expected: EXPECTED_STATE_BY_MODE[mode] ?? '-', generated: 0, got: {} };
    bump(byMode[mode].got, row.reason ? `${row.state}/${row.reason}` : row.state);
  }
  for (const link of links) {
    byMode[link.mode] ??= { expected: EXPECTED_STATE_BY_MODE[link.mode], generated: 0, got: {} };
    byMode[link.mode].generated += 1;
  }
  const byState = {};
  for (const row of rows) bump(byState, row.state);
  let asExpected = 0;
  for (const row of rows) if (row.state === EXPECTED_STATE_BY_MODE[modeByUrl.get(row.url)]) asExpected += 1;
  return { byMode, byState, asExpected, reported: rows.length, generated: links.length };
}

function bump(counts, key) {
  counts[key] = (counts[key] ?? 0) + 1;
}

function total(counts) {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

function countBy(list, key) {
  const counts = new Map();
  for (const item of list) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
