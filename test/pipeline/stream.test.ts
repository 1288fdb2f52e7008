import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedFile, Link } from '../../src/model.js';
import { checkExtracted, checkFiles } from '../../src/pipeline/index.js';

let server: Server;
let base = '';
const received: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    if (request.url === '/long') {
      // An article longer than the part a check without a fragment reads (title, h1, opening, 20,000 characters of
      // text), with an anchor near its end; slow, so that a later post's occurrence joins while it is in flight.
      const paragraphs = `<p>${'A paragraph of the article, long enough to count. '.repeat(12)}</p>`.repeat(60);
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(`<html><head><title>Long</title></head><body><h1>Long</h1>${paragraphs}<h2 id="late-anchor">Late</h2></body></html>`);
      }, 300);
      return;
    }
    response.writeHead(request.url === '/gone' ? 404 : 200, { 'content-type': 'text/html' });
    response.end(request.method === 'HEAD' ? undefined : `<html><head><title>Page</title></head><body><h1 id="intro">Intro</h1><p id="usage">${'Words. '.repeat(60)}</p></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function link(url: string, line: number): Link {
  return { url, kind: 'link', syntax: 'link', text: url, line, column: 1, offset: { start: 0, end: url.length } };
}

/** Files arriving one by one, each only after the previous one's requests have had time to finish. */
async function* slowly(files: ExtractedFile[]): AsyncGenerator<ExtractedFile> {
  for (const file of files) {
    yield file;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe('checking files as they stream in', () => {
  it('asks once per URL across files, and judges later occurrences by their fragment', async () => {
    received.length = 0;
    const files: ExtractedFile[] = [
      { path: 'a.md', links: [link(`${base}/page#intro`, 1), link(`${base}/gone`, 2)] },
      { path: 'b.md', links: [link(`${base}/page#intro`, 1), link(`${base}/gone`, 2)] },
      { path: 'c.md', links: [link(`${base}/page#nowhere`, 1)] },
    ];
    const report = await checkExtracted(slowly(files), { allowPrivate: true, archive: false });
    const states = report.files.map((file) => file.links.map((entry) => `${entry.state}/${entry.reason}`));
    expect(states).toEqual([
      ['alive/ok', 'dead/http-404'],
      ['alive/ok', 'dead/http-404'],
      ['suspicious/fragment-missing'],
    ]);
    // /page once for a.md and b.md, once more for the fragment first seen in c.md; /gone once (HEAD, then GET)
    expect(received.filter((line) => line.endsWith(' /page'))).toHaveLength(2);
    expect(received.filter((line) => line.endsWith(' /gone')).length).toBeLessThanOrEqual(2);
    expect(report.summary).toMatchObject({ files: 3, links: 5, urls: 2 });
  });
});

describe('an occurrence with a fragment that joins a request made without one', () => {
  it('has its anchor looked for in the whole page, not in the part read for the title and opening', async () => {
    received.length = 0;
    async function* joining(): AsyncGenerator<ExtractedFile> {
      yield { path: 'a.md', links: [link(`${base}/long`, 1)] };
      await new Promise((resolve) => setTimeout(resolve, 100));
      yield { path: 'b.md', links: [link(`${base}/long#late-anchor`, 1), link(`${base}/long#nowhere`, 2)] };
    }
    const report = await checkExtracted(joining(), { allowPrivate: true, archive: false });
    const states = report.files.map((file) => file.links.map((entry) => `${entry.state}/${entry.reason}`));
    expect(states).toEqual([['alive/ok'], ['alive/ok', 'suspicious/fragment-missing']]);
  });
});

describe('occurrences that come after their URL was judged', () => {
  it('take the verdict of an earlier occurrence with the same fragment, without a request, whichever post it was in', async () => {
    received.length = 0;
    const files: ExtractedFile[] = [
      { path: 'a.md', links: [link(`${base}/page#intro`, 1), link(`${base}/page`, 2), link(`${base}/gone#top`, 3)] },
      { path: 'b.md', links: [link(`${base}/page`, 1), link(`${base}/gone#top`, 2), link(`${base}/page#intro`, 3)] },
      { path: 'c.md', links: [link(`${base}/page#intro`, 1), link(`${base}/page#usage`, 2)] },
    ];
    const report = await checkExtracted(slowly(files), { allowPrivate: true, archive: false });
    const [a, b, c] = report.files.map((file) => file.links.map(({ state, reason, detail, fragment, httpStatus }) => ({ state, reason, detail, fragment, httpStatus })));
    expect(a?.map((v) => `${v.state}/${v.reason}`)).toEqual(['alive/ok', 'alive/ok', 'dead/http-404']);
    // b.md's occurrences are the same verdicts as a.md's, by fragment, in b.md's order.
    expect(b).toEqual([a?.[1], a?.[2], a?.[0]]);
    expect(c?.[0]).toEqual(a?.[0]);
    // A fragment first asked after the page was judged is still looked for (one more GET of the page).
    expect(c?.[1]).toMatchObject({ state: 'alive', reason: 'ok' });
    expect(received.filter((line) => line.endsWith(' /page'))).toHaveLength(2);
    expect(received.filter((line) => line.endsWith(' /gone')).length).toBeLessThanOrEqual(2);
  });
});

describe('a run answered from the cache', () => {
  it('still counts its URLs, and sends nothing', async () => {
    const store = new Map<string, import('../../src/model.js').Verdict>();
    const cache = {
      get: (url: string, fragment: string) => store.get(`${url}#${fragment}`),
      set: (url: string, fragment: string, verdict: import('../../src/model.js').Verdict) => void store.set(`${url}#${fragment}`, verdict),
      archive: { get: () => undefined, set: () => undefined },
    };
    const files: ExtractedFile[] = [{ path: 'a.md', links: [link(`${base}/page#intro`, 1), link(`${base}/gone`, 2)] }];
    const first = await checkExtracted(files, { allowPrivate: true, archive: false, cache });
    received.length = 0;
    const second = await checkExtracted(files, { allowPrivate: true, archive: false, cache });
    expect(received).toEqual([]);
    expect(second.summary).toMatchObject({ urls: 2, requests: 0, dead: 1, alive: 1 });
    expect(second.files[0]!.links.map((entry) => entry.reason)).toEqual(first.files[0]!.links.map((entry) => entry.reason));
  });
});

describe('checkFiles (the library entry point)', () => {
  it('reads the posts, checks the good ones and reports the unreadable ones with their one-line error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkrot-checkfiles-'));
    try {
      const good = join(dir, 'good.md');
      writeFileSync(good, `See [the page](${base}/page) and [a gone one](${base}/gone).\n`);
      const empty = join(dir, 'empty.md');
      writeFileSync(empty, '');
      const report = await checkFiles([good, empty], { allowPrivate: true, archive: false });
      expect(report.files.map((file) => [file.path, file.links.map((entry) => entry.state), file.error !== undefined])).toEqual([
        [good, ['alive', 'dead'], false],
        [empty, [], true],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
