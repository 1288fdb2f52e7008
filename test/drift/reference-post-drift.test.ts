/**
 * `--drift` on the reference post (fixtures/posts/2017-03-01-learning-deep-learning.md, the corpus's reference) with
 * today's web as recorded (fixtures/web/reference-post-today.json, mocked with nock) and a mocked Wayback Machine
 * whose captures from before the post show each page as it is today: nothing may come out content-changed, every
 * other verdict stays what it is without --drift, and archive.org gets one CDX query and one capture read per
 * alive page. No request leaves the process.
 */
import nock from 'nock';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getGlobalDispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/index.js';
import type { Report } from '../../src/model.js';
import { validateReport } from '../../src/report/index.js';
import { mockOrigins } from './mock-origins.js';

const POST = fileURLToPath(new URL('../../fixtures/posts/2017-03-01-learning-deep-learning.md', import.meta.url));
type Answer = { status: number; body?: string; headers?: Record<string, string> };
const RECORDED = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/web/reference-post-today.json', import.meta.url)), 'utf8')) as {
  routes: Record<string, Answer | 'refused'>;
  captures: Record<string, string>;
};
const CAPTURED = '20170110101010';

function mockWeb(archiveLog: string[]): void {
  const routes = new Map(Object.entries(RECORDED.routes));
  mockOrigins(
    [...routes.keys()].map((url) => new URL(url).origin),
    (url) => {
      const route = routes.get(url);
      if (route === 'refused') throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      const answer = route ?? { status: 404, body: '<title>404 Not Found</title>', headers: { 'content-type': 'text/html' } };
      return [answer.status, answer.body ?? '', answer.headers ?? {}];
    },
  );
  nock('https://web.archive.org')
    .persist()
    .get(() => true)
    .reply((request: Request) => {
      archiveLog.push(request.url);
      const parsed = new URL(request.url);
      if (parsed.pathname === '/cdx/search/cdx') {
        const url = parsed.searchParams.get('url') ?? '';
        // Dead links: the recorded capture. Alive pages: a capture that shows the page as it is today.
        const route = routes.get(url);
        const timestamp = RECORDED.captures[url] ?? (typeof route === 'object' && route.status === 200 ? CAPTURED : undefined);
        if (timestamp === undefined) return [200, '[]'];
        return [200, JSON.stringify([['timestamp', 'original', 'statuscode', 'mimetype'], [timestamp, url, '200', 'text/html']])];
      }
      const raw = /^\/web\/(\d{14})id_\/(.+)$/.exec(parsed.pathname + parsed.search);
      const route = raw === null ? undefined : routes.get(raw[2]!);
      if (typeof route !== 'object') return [404, 'Not Found'];
      return [route.status, route.body ?? '', route.headers ?? {}];
    });
}

async function check(drift: boolean): Promise<{ report: Report; archive: string[] }> {
  const archive: string[] = [];
  nock.disableNetConnect();
  mockWeb(archive);
  let clock = 0;
  const report = await checkFiles([POST], { dispatcher: getGlobalDispatcher(), drift, sleep: async (ms) => void (clock += ms), now: () => clock });
  nock.cleanAll();
  expect(validateReport(JSON.parse(JSON.stringify(report)))).toEqual([]);
  return { report, archive };
}

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('--drift on the reference post', () => {
  it('flags nothing when the captures show today’s pages, and leaves every other verdict as it is', async () => {
    const without = await check(false);
    const withDrift = await check(true);
    const links = withDrift.report.files[0]!.links;
    expect(links).toHaveLength(55);
    expect(links.filter((link) => link.reason === 'content-changed')).toEqual([]);
    expect(links.map((link) => `${link.state}/${link.reason}`)).toEqual(without.report.files[0]!.links.map((link) => `${link.state}/${link.reason}`));
    expect(withDrift.report.notices).toBeUndefined();
    const alive = new Set(links.filter((link) => link.state === 'alive').map((link) => link.resolved ?? link.url));
    expect(alive.size).toBeGreaterThan(10);
    const extra = withDrift.archive.length - without.archive.length;
    // Each alive URL: its CDX query, and its capture's raw read when it has an HTML capture.
    const captureReads = withDrift.archive.filter((url) => url.includes('id_/')).length;
    expect(extra).toBe(alive.size + captureReads);
    expect(captureReads).toBeGreaterThan(0);
  }, 60_000);
});
