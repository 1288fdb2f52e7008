import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SnapshotLookup } from '../../src/archive/index.js';
import { CACHE_VERSION, DEFAULT_CACHE_FILE, DEFAULT_MAX_AGE_MS, openCache } from '../../src/cache/index.js';
import type { Verdict } from '../../src/model.js';
import type { VerdictStore } from '../../src/pipeline/index.js';
import { transpileForChild } from '../fix/child-modules.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-cache-'));
  file = join(dir, DEFAULT_CACHE_FILE);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const T0 = Date.parse('2026-01-01T00:00:00Z');
const clock = (start = T0) => {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
};
const silent = { warn: () => undefined };

const alive: Verdict = { state: 'alive', reason: 'ok', detail: 'HTTP 200', httpStatus: 200, suggestions: [] };
const gone = (status: 404 | 410): Verdict =>
  status === 404
    ? { state: 'dead', reason: 'http-404', detail: 'HTTP 404 Not Found', httpStatus: 404, suggestions: [] }
    : { state: 'dead', reason: 'http-410', detail: 'HTTP 410 Gone', httpStatus: 410, suggestions: [] };
const moved: Verdict = {
  state: 'redirected',
  reason: 'redirect-permanent',
  detail: 'moved permanently to https://z.test/new',
  httpStatus: 200,
  finalUrl: 'https://z.test/new',
  redirects: [{ url: 'http://z.test/old', status: 301, location: 'https://z.test/new' }],
  suggestions: [{ kind: 'moved', url: 'https://z.test/new', note: 'the server says it moved for good' }],
};
const snapshot: SnapshotLookup = { status: 'found', url: 'https://web.archive.org/web/20170101000000/http://a.test/', timestamp: '20170101000000', original: 'http://a.test/' };

interface SavedFile {
  version: number;
  verdicts: Record<string, { checkedAt: string; value: Verdict }>;
  archive: Record<string, { checkedAt: string; value: SnapshotLookup }>;
}
const readSaved = async (): Promise<SavedFile> => JSON.parse(await readFile(file, 'utf8')) as SavedFile;

describe('openCache', () => {
  it('starts empty without a file, then serves what it saved: hits, misses, stale entries after max age, pruned on save', async () => {
    const time = clock();
    const first = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    expect(first.get('http://a.test/', '')).toBeUndefined();
    first.set('http://a.test/', '', alive);
    first.set('http://slow.test/', '', { state: 'unreachable', reason: 'http-5xx', detail: 'HTTP 503', httpStatus: 503, suggestions: [] });
    first.archive.set('http://gone.test/ 20170301', snapshot);
    await first.save();

    time.advance(DEFAULT_MAX_AGE_MS - 1);
    const second = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    expect(second.get('http://a.test/', '')).toEqual(alive);
    expect(second.get('http://slow.test/', '')).toBeUndefined();
    expect(second.archive.get('http://gone.test/ 20170301')).toEqual(snapshot);
    expect(second.stats).toEqual({ hits: 1, misses: 1, stale: 0 });

    time.advance(2);
    const third = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    expect(third.get('http://a.test/', '')).toBeUndefined();
    expect(third.archive.get('http://gone.test/ 20170301')).toBeUndefined();
    expect(third.stats).toEqual({ hits: 0, misses: 0, stale: 1 });
    third.set('http://b.test/', '', alive);
    await third.save();
    const saved = await readSaved();
    expect(Object.keys(saved.verdicts)).toEqual(['http://b.test/']); // the expired entries were pruned
    expect(saved.archive).toEqual({});
  });

  it('never stores a verdict that depends on the moment or on settings', async () => {
    const cache = await openCache(file, { maxAgeMs: 1000, ...silent });
    const transient: Verdict[] = [
      { state: 'unreachable', reason: 'timeout', detail: 'no answer within 15 s', suggestions: [] },
      { state: 'unreachable', reason: 'http-5xx', detail: 'HTTP 502', httpStatus: 502, suggestions: [] },
      { state: 'unreachable', reason: 'dns-error', detail: 'EAI_AGAIN', suggestions: [] },
      { state: 'unreachable', reason: 'connection-reset', detail: 'ECONNRESET', suggestions: [] },
      { state: 'unreachable', reason: 'tls-error', detail: 'certificate has expired', suggestions: [] },
      { state: 'unreachable', reason: 'rate-limited', detail: 'HTTP 429', httpStatus: 429, suggestions: [] },
      { state: 'blocked', reason: 'rate-limited', detail: 'HTTP 429 after every retry', httpStatus: 429, suggestions: [] },
      { state: 'blocked', reason: 'private-redirect', detail: 'redirects to 10.0.0.1', suggestions: [] },
      { state: 'skipped', reason: 'private-address', detail: 'resolves to 192.168.1.2', suggestions: [] },
    ];
    const final: Verdict[] = [
      alive,
      moved,
      gone(404),
      { state: 'dead', reason: 'dns-not-found', detail: 'ENOTFOUND', suggestions: [] },
      { state: 'suspicious', reason: 'fragment-missing', detail: 'no element with id "intro"', fragment: 'intro', suggestions: [] },
      { state: 'blocked', reason: 'bot-protection', detail: 'HTTP 403 from Cloudflare', httpStatus: 403, suggestions: [] },
      { state: 'skipped', reason: 'excluded', detail: 'matches an exclude pattern', suggestions: [] },
    ];
    transient.forEach((verdict, i) => cache.set(`http://transient${i}.test/`, '', verdict));
    final.forEach((verdict, i) => cache.set(`http://final${i}.test/`, '', verdict));
    transient.forEach((_, i) => expect(cache.get(`http://transient${i}.test/`, '')).toBeUndefined());
    await cache.save();
    const saved = await readSaved();
    expect(Object.keys(saved.verdicts)).toEqual(final.map((_, i) => `http://final${i}.test/`));
    const reopened = await openCache(file, { maxAgeMs: 1000, ...silent });
    final.forEach((verdict, i) => expect(reopened.get(`http://final${i}.test/`, '')).toEqual(verdict));
    transient.forEach((_, i) => expect(reopened.get(`http://transient${i}.test/`, '')).toBeUndefined());
  });

  it('writes a small, versioned, readable file: sorted keys, one entry per line, nothing but verdicts, archive lookups and histories', async () => {
    const time = clock();
    const cache = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    cache.set('http://z.test/old', '', moved);
    cache.set('http://a.test/', 'install', { state: 'suspicious', reason: 'fragment-missing', detail: 'no element with id "install"', fragment: 'install', httpStatus: 200, suggestions: [] });
    cache.set('http://a.test/', '', alive);
    cache.history.observe('http://a.test/', '', { at: new Date(T0).toISOString(), state: 'alive', reason: 'ok', status: 200 });
    cache.archive.set('http://gone.test/ 20170301', { status: 'none' });
    await cache.save();
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')).toEqual([
      '{',
      '  "archive": {',
      '    "http://gone.test/ 20170301": {"checkedAt":"2026-01-01T00:00:00.000Z","value":{"status":"none"}}',
      '  },',
      '  "history": {',
      '    "http://a.test/": {"count":1,"firstSeen":"2026-01-01T00:00:00.000Z","lastAlive":"2026-01-01T00:00:00.000Z","observations":[{"at":"2026-01-01T00:00:00.000Z","reason":"ok","state":"alive","status":200}]}',
      '  },',
      '  "verdicts": {',
      '    "http://a.test/": {"checkedAt":"2026-01-01T00:00:00.000Z","value":{"detail":"HTTP 200","httpStatus":200,"reason":"ok","state":"alive","suggestions":[]}},',
      '    "http://a.test/#install": {"checkedAt":"2026-01-01T00:00:00.000Z","value":{"detail":"no element with id \\"install\\"","fragment":"install","httpStatus":200,"reason":"fragment-missing","state":"suspicious","suggestions":[]}},',
      '    "http://z.test/old": {"checkedAt":"2026-01-01T00:00:00.000Z","value":{"detail":"moved permanently to https://z.test/new","finalUrl":"https://z.test/new","httpStatus":200,"reason":"redirect-permanent","redirects":[{"location":"https://z.test/new","status":301,"url":"http://z.test/old"}],"state":"redirected","suggestions":[{"kind":"moved","note":"the server says it moved for good","url":"https://z.test/new"}]}}',
      '  },',
      '  "version": 2',
      '}',
      '',
    ]);
    expect((await readSaved()).version).toBe(CACHE_VERSION);
    expect((await readdir(dir)).sort()).toEqual([DEFAULT_CACHE_FILE]);

    // a realistic run stays small: about 200 bytes per verdict
    for (let i = 0; i < 1000; i++) cache.set(`https://blog.test/2017/03/post-${i}.html`, '', alive);
    await cache.save();
    expect((await readFile(file, 'utf8')).length).toBeLessThan(1000 * 200);
  });

  it('reads a version 1 file that still has the old results section, drops that section on save and upgrades it', async () => {
    const checkedAt = new Date().toISOString();
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        results: { 'http://a.test/': { checkedAt, value: { url: 'http://a.test/', finalUrl: 'http://a.test/', status: 200, redirects: [], method: 'HEAD', attempts: 1, elapsedMs: 42 } } },
        verdicts: { 'http://a.test/': { checkedAt, value: alive } },
        archive: {},
      }),
    );
    const warnings: string[] = [];
    const cache = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, warn: (message) => warnings.push(message) });
    expect(warnings).toEqual([]);
    expect(cache.get('http://a.test/', '')).toEqual(alive);
    await cache.save();
    expect(Object.keys(await readSaved()).sort()).toEqual(['archive', 'history', 'verdicts', 'version']);
    expect((await readSaved()).version).toBe(2);
  });

  it('ignores a corrupt file or another version with one warning, and replaces it on save', async () => {
    for (const content of [
      '{"version":1,"verdicts":{',
      '{"version":3,"verdicts":{}}',
      '[1,2]',
      '{"version":1,"verdicts":{"x":3}}',
      '{"version":1,"archive":{"k":{"value":{}}}}',
      '{"version":2,"history":{"x":{"count":1}}}',
    ]) {
      await writeFile(file, content);
      const warnings: string[] = [];
      const cache = await openCache(file, { maxAgeMs: 1000, warn: (message) => warnings.push(message) });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(new RegExp(`^ignoring the cache file \`${file.replace(/[.]/g, '\\.')}\`: it (is not valid JSON|has version 3, expected 2|is not a linkrot cache); it will be rewritten$`));
      expect(cache.get('x', '')).toBeUndefined();
      expect(cache.archive.get('k')).toBeUndefined();
      cache.set('http://a.test/', '', alive);
      await cache.save();
      expect(warnings).toHaveLength(1); // saving over the bad file does not warn again
      const again: string[] = [];
      const reopened = await openCache(file, { maxAgeMs: 1000, warn: (message) => again.push(message) });
      expect(again).toEqual([]);
      expect(reopened.get('http://a.test/', '')).toEqual(alive);
    }
  });

  it('keeps archive answers and verdicts per fragment, never an unavailable archive lookup', async () => {
    const cache = await openCache(file, { maxAgeMs: 1000, ...silent });
    cache.archive.set('k1', snapshot);
    cache.archive.set('k2', { status: 'none' });
    cache.archive.set('k3', { status: 'unavailable', message: '503' });
    expect(cache.archive.get('k3')).toBeUndefined();
    cache.set('http://a.test/', '', gone(404));
    cache.set('http://a.test/', 'intro', { state: 'suspicious', reason: 'fragment-missing', detail: 'no element with id "intro"', fragment: 'intro', suggestions: [] });
    await cache.save();
    expect(Object.keys((await readSaved()).archive)).toEqual(['k1', 'k2']);
    const reopened = await openCache(file, { maxAgeMs: 1000, ...silent });
    // the cache is what the pipeline takes: verdicts per URL and fragment, plus the archive store
    const store: VerdictStore = reopened;
    expect(store.archive.get('k1')).toEqual(snapshot);
    expect(store.archive.get('k2')).toEqual({ status: 'none' });
    expect(store.archive.get('k3')).toBeUndefined();
    expect(store.get('http://a.test/', '')).toEqual(gone(404));
    expect(store.get('http://a.test/', 'intro')?.reason).toBe('fragment-missing');
    expect(store.get('http://a.test/', 'usage')).toBeUndefined();
  });

  it('merges two runs that saved one after the other: both keep their entries, the last writer wins per entry', async () => {
    const time = clock();
    const a = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    const b = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    a.set('http://a.test/', '', alive);
    a.set('http://both.test/', '', gone(404));
    a.archive.set('http://a.test/ latest', snapshot);
    b.set('http://b.test/', '', alive);
    b.archive.set('http://b.test/ latest', { status: 'none' });
    time.advance(1000);
    b.set('http://both.test/', '', gone(410));
    await a.save();
    await b.save();
    const merged = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    expect(merged.get('http://a.test/', '')).toEqual(alive);
    expect(merged.get('http://b.test/', '')).toEqual(alive);
    expect(merged.get('http://both.test/', '')).toEqual(gone(410));
    expect(merged.archive.get('http://a.test/ latest')).toEqual(snapshot);
    expect(merged.archive.get('http://b.test/ latest')).toEqual({ status: 'none' });
    await a.save(); // a saves again later: its own entry for both.test is the last write now
    expect((await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent })).get('http://both.test/', '')).toEqual(gone(404));
    expect(Object.keys((await readSaved()).verdicts)).toEqual(['http://a.test/', 'http://b.test/', 'http://both.test/']);
  });
});

describe('cache shared by processes', () => {
  // Each URL gets a realistic dead-link verdict (redirect chain, archive suggestion) and its archive lookup.
  const CHILD = `import { openCache } from './src/cache/index.js';
const [file, prefix, count, rounds] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const cache = await openCache(file, { maxAgeMs: 86400000, warn: (m) => { process.stderr.write(m + '\\n'); } });
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < count; i++) {
    const url = 'http://' + prefix + '.test/' + round + '/' + i;
    const snapshot = { status: 'found', url: 'https://web.archive.org/web/20170301000000/' + url, timestamp: '20170301000000', original: url };
    cache.archive.set(url + ' 20170301', snapshot);
    cache.set(url, '', {
      state: 'dead', reason: 'http-404', detail: 'HTTP 404 Not Found after 1 redirect', httpStatus: 404, finalUrl: url + '/',
      redirects: [{ url, status: 301, location: url + '/' }],
      suggestions: [{ kind: 'archive', url: snapshot.url, timestamp: snapshot.timestamp, note: 'the page as archived on 2017-03-01' }],
    });
  }
  await cache.save();
  process.stdout.write('saved ' + round + '\\n');
}`;

  async function childScript(): Promise<{ modules: string; script: string }> {
    const modules = await transpileForChild(['src/cache/index.ts', 'src/cache/results-cache.ts', 'src/cache/history.ts', 'src/cache/lock.ts', 'src/cache/stable-json.ts', 'src/util/atomic-write.ts']);
    const script = join(modules, 'cache-writer.mjs');
    await writeFile(script, CHILD);
    return { modules, script };
  }

  function run(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
  }

  it('two processes saving the same file at once lose nothing and never corrupt it', async () => {
    const { modules, script } = await childScript();
    try {
      const [a, b] = await Promise.all([run(script, [file, 'a', '150', '4']), run(script, [file, 'b', '150', '4'])]);
      expect(a).toEqual({ code: 0, stderr: '' });
      expect(b).toEqual({ code: 0, stderr: '' });
      const saved = await readSaved();
      expect(Object.keys(saved.verdicts)).toHaveLength(2 * 150 * 4);
      expect(Object.keys(saved.archive)).toHaveLength(2 * 150 * 4);
      expect(saved.verdicts['http://a.test/3/149']?.value.reason).toBe('http-404');
      expect(saved.verdicts['http://b.test/0/0']?.value.suggestions[0]?.kind).toBe('archive');
      expect((await readdir(dir)).sort()).toEqual([DEFAULT_CACHE_FILE]);
    } finally {
      await rm(modules, { recursive: true, force: true });
    }
  }, 60_000);

  it('a run killed while saving leaves a cache the next run reads without complaint', async () => {
    const { modules, script } = await childScript();
    try {
      for (let round = 0; round < 3; round++) {
        const child = spawn(process.execPath, [script, file, `k${round}`, '200', '30'], { stdio: ['ignore', 'pipe', 'inherit'] });
        const exited = new Promise((resolve) => child.once('exit', resolve));
        await new Promise((resolve) => child.stdout.once('data', resolve));
        await new Promise((resolve) => setTimeout(resolve, 3 + round * 29));
        child.kill('SIGKILL');
        await exited;
        const warnings: string[] = [];
        const cache = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, warn: (message) => warnings.push(message) });
        expect(warnings).toEqual([]);
        expect(cache.get(`http://k${round}.test/0/0`, '')?.reason).toBe('http-404');
        expect(cache.archive.get(`http://k${round}.test/0/0 20170301`)?.status).toBe('found');
      }
      // the next save is not blocked by the lock the killed run left behind
      const cache = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, ...silent });
      cache.set('http://after.test/', '', alive);
      await cache.save();
      expect(await readdir(dir)).not.toContain(`${DEFAULT_CACHE_FILE}.lock`);
    } finally {
      await rm(modules, { recursive: true, force: true });
    }
  }, 60_000);
});
