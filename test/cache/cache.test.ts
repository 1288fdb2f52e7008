import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_VERSION, DEFAULT_CACHE_FILE, DEFAULT_MAX_AGE_MS, isCacheable, openCache } from '../../src/cache/index.js';
import type { CheckResult, Verdict } from '../../src/model.js';
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

function result(url: string, facts: Partial<CheckResult> = {}): CheckResult {
  return { url, finalUrl: url, status: 200, redirects: [], method: 'HEAD', attempts: 1, elapsedMs: 42, headers: { 'content-type': 'text/html' }, ...facts };
}

const T0 = Date.parse('2026-01-01T00:00:00Z');
const clock = (start = T0) => {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
};
const silent = { warn: () => undefined };

describe('isCacheable', () => {
  it('stores final answers, never transient failures', () => {
    expect(isCacheable(result('http://a.test/'))).toBe(true);
    expect(isCacheable(result('http://a.test/', { status: 404 }))).toBe(true);
    expect(isCacheable(result('http://a.test/', { status: 403 }))).toBe(true);
    const { status: _ok, ...noResponse } = result('http://a.test/');
    expect(isCacheable({ ...noResponse, error: { code: 'dns-not-found', message: 'ENOTFOUND' } })).toBe(true);
    expect(isCacheable(noResponse)).toBe(false);
    for (const status of [500, 503, 429, 408]) expect(isCacheable(result('http://a.test/', { status }))).toBe(false);
    for (const code of ['timeout', 'connection-reset', 'connection-refused', 'dns-error', 'network-unreachable', 'tls-error', 'private-address', 'aborted'] as const) {
      const { status: _status, ...rest } = result('http://a.test/');
      expect(isCacheable({ ...rest, error: { code, message: code } })).toBe(false);
    }
  });
});

describe('openCache', () => {
  it('starts empty without a file, then serves what it saved: hits, misses, stale entries after max age', async () => {
    const time = clock();
    const first = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    expect(first.get('http://a.test/')).toBeUndefined();
    first.set('http://a.test/', result('http://a.test/'));
    first.set('http://slow.test/', result('http://slow.test/', { status: 503 }));
    await first.save();

    time.advance(DEFAULT_MAX_AGE_MS - 1);
    const second = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    expect(second.get('http://a.test/')).toEqual({ ...result('http://a.test/'), cached: true });
    expect(second.get('http://slow.test/')).toBeUndefined();
    expect(second.stats).toEqual({ hits: 1, misses: 1, stale: 0 });

    time.advance(2);
    const third = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    expect(third.get('http://a.test/')).toBeUndefined();
    expect(third.stats).toEqual({ hits: 0, misses: 0, stale: 1 });
    third.set('http://b.test/', result('http://b.test/'));
    await third.save();
    const saved = JSON.parse(await readFile(file, 'utf8')) as { results: Record<string, unknown> };
    expect(Object.keys(saved.results)).toEqual(['http://b.test/']); // the expired entry was pruned
  });

  it('writes a small, versioned, pretty file with sorted keys and no bodies beyond what verdicts need', async () => {
    const time = clock();
    const cache = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    const big = `<html><head><title>Not found</title></head><body>${'x'.repeat(200_000)}<h2 id="install">Install</h2><a name='usage'>u</a></body></html>`;
    cache.set('http://z.test/', result('http://z.test/', { method: 'GET', cached: true, body: { text: big, bytes: big.length, truncated: false } }));
    cache.set('http://a.test/', result('http://a.test/'));
    await cache.save();
    const text = await readFile(file, 'utf8');
    expect(text.length).toBeLessThan(10_000);
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['{', '  "archive": {},', '  "results": {']);
    expect(lines[3]).toBe(
      '    "http://a.test/": {"checkedAt":"2026-01-01T00:00:00.000Z","value":{"attempts":1,"elapsedMs":42,"finalUrl":"http://a.test/","headers":{"content-type":"text/html"},"method":"HEAD","redirects":[],"status":200,"url":"http://a.test/"}},',
    );
    expect(lines.slice(5)).toEqual(['  },', '  "verdicts": {},', '  "version": 1', '}', '']);
    const parsed = JSON.parse(text) as { version: number; results: Record<string, { value: CheckResult }> };
    expect(parsed.version).toBe(CACHE_VERSION);
    const z = parsed.results['http://z.test/']?.value;
    expect(z?.cached).toBeUndefined();
    expect(z?.body?.text).toContain('<title>Not found</title>');
    expect(z?.body?.text).toContain('<a id="install"></a>');
    expect(z?.body?.text).toContain('<a id="usage"></a>');
    expect(z?.body).toMatchObject({ bytes: big.length, truncated: true });
    expect((await readdir(dir)).sort()).toEqual([DEFAULT_CACHE_FILE]);
  });

  it('ignores a corrupt file or another version with one warning, and replaces it on save', async () => {
    for (const content of ['{"version":1,"results":{', '{"version":2,"results":{}}', '[1,2]', '{"version":1,"results":{"x":3}}']) {
      await writeFile(file, content);
      const warnings: string[] = [];
      const cache = await openCache(file, { maxAgeMs: 1000, warn: (message) => warnings.push(message) });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(new RegExp(`^ignoring the cache file \`${file.replace(/[.]/g, '\\.')}\`: it (is not valid JSON|has version 2, expected 1|is not a linkrot cache); it will be rewritten$`));
      expect(cache.get('x')).toBeUndefined();
      cache.set('http://a.test/', result('http://a.test/'));
      await cache.save();
      const again: string[] = [];
      const reopened = await openCache(file, { maxAgeMs: 1000, warn: (message) => again.push(message) });
      expect(again).toEqual([]);
      expect(reopened.get('http://a.test/')?.status).toBe(200);
    }
  });

  it('keeps archive answers and verdicts, never an unavailable archive or a transient verdict', async () => {
    const cache = await openCache(file, { maxAgeMs: 1000, ...silent });
    cache.archive.set('k1', { status: 'found', url: 'https://web.archive.org/web/2017/http://a.test/', timestamp: '20170101000000', original: 'http://a.test/' });
    cache.archive.set('k2', { status: 'none' });
    cache.archive.set('k3', { status: 'unavailable', message: '503' });
    const dead: Verdict = { state: 'dead', reason: 'http-404', detail: '404', suggestions: [] };
    const slow: Verdict = { state: 'unreachable', reason: 'timeout', detail: 'timeout', suggestions: [] };
    cache.verdicts.set('http://a.test/', '', dead);
    cache.verdicts.set('http://a.test/', 'intro', { ...dead, state: 'suspicious', reason: 'fragment-missing', fragment: 'intro' });
    cache.verdicts.set('http://b.test/', '', slow);
    await cache.save();
    const reopened = await openCache(file, { maxAgeMs: 1000, ...silent });
    expect(reopened.archive.get('k1')?.status).toBe('found');
    expect(reopened.archive.get('k2')).toEqual({ status: 'none' });
    expect(reopened.archive.get('k3')).toBeUndefined();
    expect(reopened.verdicts.get('http://a.test/', '')).toEqual(dead);
    expect(reopened.verdicts.get('http://a.test/', 'intro')?.reason).toBe('fragment-missing');
    expect(reopened.verdicts.get('http://b.test/', '')).toBeUndefined();
    expect(reopened.verdicts.archive).toBe(reopened.archive);
  });

  it('merges two runs that saved one after the other: both keep their entries, the last writer wins per entry', async () => {
    const time = clock();
    const a = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    const b = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    a.set('http://a.test/', result('http://a.test/'));
    a.set('http://both.test/', result('http://both.test/', { status: 404 }));
    b.set('http://b.test/', result('http://b.test/'));
    time.advance(1000);
    b.set('http://both.test/', result('http://both.test/', { status: 410 }));
    await a.save();
    await b.save();
    const merged = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent });
    expect(merged.get('http://a.test/')?.status).toBe(200);
    expect(merged.get('http://b.test/')?.status).toBe(200);
    expect(merged.get('http://both.test/')?.status).toBe(410);
    await a.save(); // a saves again later: its own entry for both.test is the last write now
    expect((await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, now: time.now, ...silent })).get('http://both.test/')?.status).toBe(404);
  });
});

describe('cache shared by processes', () => {
  const CHILD = `import { openCache } from './src/cache/index.js';
const [file, prefix, count, rounds] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const cache = await openCache(file, { maxAgeMs: 86400000, warn: (m) => { process.stderr.write(m + '\\n'); } });
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < count; i++) {
    const url = 'http://' + prefix + '.test/' + round + '/' + i;
    cache.set(url, { url, finalUrl: url, status: 200, redirects: [], method: 'GET', attempts: 1, elapsedMs: 1, body: { text: 'x'.repeat(2000), bytes: 2000, truncated: false } });
  }
  await cache.save();
  process.stdout.write('saved ' + round + '\\n');
}`;

  async function childScript(): Promise<{ modules: string; script: string }> {
    const modules = await transpileForChild([
      'src/cache/index.ts', 'src/cache/results-cache.ts', 'src/cache/cacheable.ts', 'src/cache/compact.ts', 'src/cache/lock.ts', 'src/cache/stable-json.ts', 'src/util/atomic-write.ts',
    ]);
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
      const saved = JSON.parse(await readFile(file, 'utf8')) as { results: Record<string, unknown> };
      expect(Object.keys(saved.results)).toHaveLength(2 * 150 * 4);
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
        expect(cache.get(`http://k${round}.test/0/0`)?.status).toBe(200);
      }
      // the next save is not blocked by the lock the killed run left behind
      const cache = await openCache(file, { maxAgeMs: DEFAULT_MAX_AGE_MS, ...silent });
      cache.set('http://after.test/', result('http://after.test/'));
      await cache.save();
      expect(await readdir(dir)).not.toContain(`${DEFAULT_CACHE_FILE}.lock`);
    } finally {
      await rm(modules, { recursive: true, force: true });
    }
  }, 60_000);
});
