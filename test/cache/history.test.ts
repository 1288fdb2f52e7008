import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_AGE_MS, MAX_OBSERVATIONS, newsOf, observe, openCache, summarise, type HistoryRecord, type Observation } from '../../src/cache/index.js';
import type { State } from '../../src/model.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T06:00:00Z');
const at = (days: number): string => new Date(T0 + days * DAY).toISOString();
const seen = (days: number, state: State, reason = state === 'dead' ? 'http-404' : state === 'unreachable' ? 'http-5xx' : 'ok'): Observation => ({
  at: at(days),
  state,
  reason,
});
const replay = (observations: Observation[]): HistoryRecord | undefined => observations.reduce<HistoryRecord | undefined>(observe, undefined);

describe('history of one URL', () => {
  it('a link dead on two observations a day apart is confirmed; dead twice within the day is not yet', () => {
    const sameDay = replay([seen(0, 'alive'), seen(1, 'dead'), seen(1.5, 'dead')]);
    expect(summarise(sameDay)).toEqual({ firstSeen: at(0), lastAlive: at(0), deadSince: at(1), observations: 3, confirmed: false, flapping: false });
    const nextDay = observe(sameDay, seen(2, 'dead'));
    expect(summarise(nextDay)).toMatchObject({ deadSince: at(1), observations: 4, confirmed: true });
    // both thresholds are settings: three observations over two days
    expect(summarise(nextDay, { observations: 4, spanMs: DAY }).confirmed).toBe(false);
    expect(summarise(nextDay, { observations: 2, spanMs: 2 * DAY }).confirmed).toBe(false);
    expect(summarise(observe(nextDay, seen(3, 'dead')), { observations: 4, spanMs: 2 * DAY }).confirmed).toBe(true);
  });

  it('a host down for a run neither starts nor ends a dead spell, and is never confirmed dead', () => {
    const down = replay([seen(0, 'alive'), seen(1, 'unreachable'), seen(2, 'unreachable', 'connection-refused'), seen(3, 'alive')]);
    expect(summarise(down)).toMatchObject({ lastAlive: at(3), deadSince: null, confirmed: false, flapping: false });
    // 404, then the host is down, then 404 again two days after the first: confirmed, dead since the first
    const gone = replay([seen(0, 'alive'), seen(1, 'dead'), seen(2, 'unreachable'), seen(3, 'dead')]);
    expect(summarise(gone)).toMatchObject({ deadSince: at(1), confirmed: true });
    // ... but not while the latest answer is the outage
    expect(summarise(replay([seen(1, 'dead'), seen(3, 'unreachable')]))).toMatchObject({ deadSince: at(1), confirmed: false });
  });

  it('an alive answer ends the dead spell: a 404 during a deploy, then alive, then 404 again starts over', () => {
    const record = replay([seen(0, 'dead'), seen(1, 'alive'), seen(2, 'dead')]);
    expect(summarise(record)).toMatchObject({ deadSince: at(2), lastAlive: at(1), confirmed: false, flapping: true });
  });

  it('flapping: two failing spells with an alive answer between; one outage is not flapping', () => {
    const flap = (states: State[]): boolean => summarise(replay(states.map((state, day) => seen(day, state)))).flapping;
    expect(flap(['alive', 'unreachable', 'alive'])).toBe(false);
    expect(flap(['alive', 'unreachable', 'unreachable', 'dead', 'alive'])).toBe(false);
    expect(flap(['alive', 'unreachable', 'alive', 'unreachable'])).toBe(true);
    expect(flap(['unreachable', 'alive', 'dead', 'alive'])).toBe(true);
    // a bot wall says nothing about the link either way
    expect(flap(['alive', 'unreachable', 'blocked', 'unreachable', 'alive'])).toBe(false);
  });

  it(`keeps the last ${MAX_OBSERVATIONS} observations, and first seen, the count, last alive and dead since beyond them`, () => {
    const days = [seen(0, 'alive'), ...Array.from({ length: 30 }, (_, day) => seen(day + 1, day % 2 === 0 ? 'dead' : 'unreachable'))];
    const record = replay(days)!;
    expect(record.observations).toHaveLength(MAX_OBSERVATIONS);
    expect(record.observations[0]!.at).toBe(at(11));
    expect(summarise(record)).toEqual({ firstSeen: at(0), lastAlive: at(0), deadSince: at(1), observations: 31, confirmed: false, flapping: false });
    // the spell started before the list: its first dead observation still counts towards confirmation
    expect(summarise(observe(record, seen(31, 'dead')))).toMatchObject({ deadSince: at(1), confirmed: true });
  });

  it('says what a run changed: newly dead, confirmed now, alive again', () => {
    const before = replay([seen(0, 'alive')]);
    const dead = observe(before, seen(1, 'dead'));
    expect(newsOf(summarise(before), summarise(dead), 'dead')).toBe('dead');
    const confirmed = observe(dead, seen(2, 'dead'));
    expect(newsOf(summarise(dead), summarise(confirmed), 'dead')).toBe('confirmed');
    expect(newsOf(summarise(confirmed), summarise(observe(confirmed, seen(3, 'dead'))), 'dead')).toBeUndefined();
    expect(newsOf(summarise(confirmed), summarise(observe(confirmed, seen(3, 'alive'))), 'alive')).toBe('recovered');
    expect(newsOf(summarise(before), summarise(observe(before, seen(1, 'alive'))), 'alive')).toBeUndefined();
    expect(newsOf(summarise(before), summarise(observe(before, seen(1, 'unreachable'))), 'unreachable')).toBeUndefined();
  });
});

describe('history in the results cache file', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkrot-history-'));
    file = join(dir, '.linkrot-cache.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A cache file exactly as linkrot 0.1.0 (cache version 1) writes it today. */
  const VERSION_1 = [
    '{',
    '  "archive": {',
    '    "http://gone.test/ 20170301": {"checkedAt":"2026-11-19T06:00:00.000Z","value":{"status":"none"}}',
    '  },',
    '  "verdicts": {',
    '    "http://a.test/": {"checkedAt":"2026-11-19T06:00:00.000Z","value":{"detail":"HTTP 200","httpStatus":200,"reason":"ok","state":"alive","suggestions":[]}},',
    '    "http://gone.test/": {"checkedAt":"2026-11-19T06:00:00.000Z","value":{"detail":"HTTP 404 Not Found","httpStatus":404,"reason":"http-404","state":"dead","suggestions":[]}}',
    '  },',
    '  "version": 1',
    '}',
    '',
  ].join('\n');

  it('reads a version 1 file without a warning, keeps its verdicts and archive answers, and starts each history with its verdict', async () => {
    await writeFile(file, VERSION_1);
    const warnings: string[] = [];
    const now = Date.parse('2026-11-19T12:00:00Z');
    const cache = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: () => now, warn: (message) => warnings.push(message) });
    expect(warnings).toEqual([]);
    expect(cache.get('http://a.test/', '')?.state).toBe('alive');
    expect(cache.archive.get('http://gone.test/ 20170301')).toEqual({ status: 'none' });
    expect(summarise(cache.history.get('http://gone.test/', ''))).toEqual({
      firstSeen: '2026-11-19T06:00:00.000Z',
      lastAlive: null,
      deadSince: '2026-11-19T06:00:00.000Z',
      observations: 1,
      confirmed: false,
      flapping: false,
    });
    // the next day's 404 confirms it: the upgraded observation counts
    cache.history.observe('http://gone.test/', '', { at: '2026-11-20T06:00:00.000Z', state: 'dead', reason: 'http-404', status: 404 });
    expect(summarise(cache.history.get('http://gone.test/', '')).confirmed).toBe(true);
    await cache.save();
    const saved = JSON.parse(await readFile(file, 'utf8')) as { version: number; verdicts: object; history: Record<string, HistoryRecord> };
    expect(saved.version).toBe(2);
    expect(Object.keys(saved.verdicts).sort()).toEqual(['http://a.test/', 'http://gone.test/']);
    expect(saved.history['http://gone.test/']!.observations.map((item) => item.at)).toEqual(['2026-11-19T06:00:00.000Z', '2026-11-20T06:00:00.000Z']);
  });

  it('keeps histories past the maximum age of verdicts, and replays its observations onto what another run saved meanwhile', async () => {
    let now = T0;
    const first = await openCache(file, { maxAgeMs: DAY, now: () => now });
    const second = await openCache(file, { maxAgeMs: DAY, now: () => now });
    first.history.observe('http://a.test/', '', seen(0, 'dead'));
    second.history.observe('http://a.test/', '', seen(0.1, 'unreachable'));
    second.history.observe('http://b.test/', 'intro', seen(0.1, 'alive'));
    await first.save();
    await second.save();
    now = T0 + 30 * DAY;
    const later = await openCache(file, { maxAgeMs: DAY, now: () => now });
    expect(later.history.get('http://a.test/', '')?.observations.map((item) => item.state)).toEqual(['dead', 'unreachable']);
    expect(later.history.get('http://b.test/', 'intro')?.count).toBe(1);
    expect(later.get('http://b.test/', 'intro')).toBeUndefined();
  });
});
