/**
 * The content checks through the real fetcher against real loopback servers: what a server sends is what the
 * verdict sees (a bounded body sample, the redirect hops, the sibling probe). Asserts what the servers received.
 */
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, DEFAULT_CHECK_SETTINGS } from '../../src/check/index.js';
import { diagnose, followUpsFor, requestFor } from '../../src/diagnose/index.js';
import type { CheckResult, Verdict } from '../../src/model.js';
import { startServer, type TestServer } from '../helpers/servers.js';
import { link, SETTINGS } from './helpers.js';

let agent: Agent;
let server: TestServer | undefined;

beforeAll(() => {
  agent = new Agent({ connect: { timeout: 5_000 } });
});
afterAll(async () => {
  await agent.close();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** requestFor → fetch → followUpsFor → fetch each → diagnose, as the pipeline does. */
async function check(url: string, fragment?: string): Promise<Verdict> {
  const fetcher = createFetcher({ ...DEFAULT_CHECK_SETTINGS, allowPrivate: true, retries: 0 }, { dispatcher: agent });
  const result = await fetcher.fetch(requestFor(url, { fragment: fragment !== undefined }, SETTINGS));
  const followUps: Record<string, CheckResult> = {};
  for (const followUp of followUpsFor(url, result, SETTINGS)) followUps[followUp.key] = await fetcher.fetch(followUp.request);
  return diagnose({ link: link(url), url, result, followUps, post: { date: '2017-03-01' }, ...(fragment === undefined ? {} : { fragment }) }, SETTINGS);
}

const NOT_FOUND_PAGE = '<!doctype html><html><head><title>Page not found – Example University</title></head><body><h1>Page not found</h1><p>Try the search.</p></body></html>';

describe('content checks over real HTTP', () => {
  it('a site that answers 200 "Page not found" for everything is a confirmed soft 404, probed once', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(NOT_FOUND_PAGE);
    });
    const verdict = await check(`${server.origin}/~sutton/book/ebook/the-book.html`);
    expect([verdict.state, verdict.reason]).toEqual(['dead', 'soft-404']);
    expect(server.received.map((request) => request.method)).toEqual(['GET', 'GET']);
    expect(server.received[1]?.url).toMatch(/^\/~sutton\/book\/ebook\/linkrot-probe-[0-9a-f]{12}\.html$/);
  });

  it('a site that 404s made-up addresses with another page makes a page whose title alone says "not found" only likely', async () => {
    server = await startServer((request, response) => {
      const probe = request.url?.includes('linkrot-probe') === true;
      response.writeHead(probe ? 404 : 200, { 'content-type': 'text/html' });
      response.end(probe ? '<html><head><title>404</title></head><body>Nothing here</body></html>' : '<!doctype html><html><head><title>Page not found – Example University</title></head><body><h1>Oops</h1><p>Try the search.</p></body></html>');
    });
    expect((await check(`${server.origin}/old/page`)).reason).toBe('soft-404-likely');
  });

  it('a page whose title and heading say "not found" is dead where made-up addresses get a real 404 with this same page', async () => {
    server = await startServer((request, response) => {
      response.writeHead(request.url?.includes('linkrot-probe') ? 404 : 200, { 'content-type': 'text/html' });
      response.end(NOT_FOUND_PAGE);
    });
    const verdict = await check(`${server.origin}/old/page`);
    expect(verdict).toMatchObject({ state: 'dead', reason: 'soft-404' });
    expect(verdict.detail).toContain('this same page');
  });

  it('a deep link redirected to the root is redirect-to-homepage, with every hop kept', async () => {
    server = await startServer((request, response) => {
      if (request.url === '/learn/neural-networks') {
        response.writeHead(301, { location: '/' });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<html><head><title>Example</title></head><body><h1>Welcome</h1><p>${'Lots of courses. '.repeat(30)}</p></body></html>`);
    });
    const verdict = await check(`${server.origin}/learn/neural-networks`);
    expect([verdict.state, verdict.reason]).toEqual(['suspicious', 'redirect-to-homepage']);
    expect(verdict.redirects).toEqual([{ url: `${server.origin}/learn/neural-networks`, status: 301, location: '/' }]);
  });

  it('a fragment is looked up in the page that was read; a missing one proposes the nearest anchor', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<html><head><title>Guide</title></head><body><h2 id="getting-started">Getting started</h2><p>${'Text. '.repeat(100)}</p><h2 id="configuration">Configuration</h2></body></html>`);
    });
    expect((await check(`${server.origin}/guide`, 'configuration')).state).toBe('alive');
    const missing = await check(`${server.origin}/guide`, 'getting-startd');
    expect([missing.reason, missing.suggestions[0]?.url]).toEqual(['fragment-missing', `${server.origin}/guide#getting-started`]);
  });

  it('a .pdf link now serving an HTML landing page is a content-type mismatch: found with HEAD, the page read once', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<html><body>Our papers moved to the new portal.</body></html>');
    });
    const verdict = await check(`${server.origin}/reports/YuanYe.pdf`);
    expect([verdict.state, verdict.reason]).toEqual(['suspicious', 'content-type-mismatch']);
    // The page once, and a made-up sibling once: an HTML page where a file was promised may be an error page.
    expect(server.received.map((request) => `${request.method} ${request.url?.includes('linkrot-probe') === true ? 'probe' : 'page'}`)).toEqual(['HEAD page', 'GET page', 'GET probe']);
  });

  it('an image link now serving a "Page not found" page with 200 is a soft 404', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(NOT_FOUND_PAGE);
    });
    const verdict = await check(`${server.origin}/img/figure-3.png`);
    expect([verdict.state, verdict.reason]).toEqual(['dead', 'soft-404']);
  });

  it('a working PDF is read with HEAD alone', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.end('%PDF-1.5');
    });
    expect((await check(`${server.origin}/reports/YuanYe.pdf`)).state).toBe('alive');
    expect(server.received.map((request) => request.method)).toEqual(['HEAD']);
  });
});
