/**
 * The follow-up requests linkrot makes on its own, through the whole pipeline: an origin that hangs is asked
 * twice per run (two timeouts in a row), not once per link, and what it cannot answer costs the verdicts nothing
 * (no https suggestion; each page is judged by its own answer). The resetting and refusing cases are in
 * test/check/auxiliary-origins.test.ts.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtractedFile, Link } from '../../src/model.js';
import { checkExtracted } from '../../src/pipeline/index.js';

const servers: Array<Server | ReturnType<typeof createHttpServer>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const PAGE = '<html><head><title>Notes</title></head><body><h1>Notes</h1><p>' + 'Plenty of words on this page. '.repeat(20) + '</p></body></html>';

/**
 * One port that speaks plain HTTP (every path a page) and treats a TLS hello (first byte 0x16) with `onTls`:
 * the https probe of `http://host:port/…` goes to the same port.
 */
async function site(onTls: (socket: Socket) => void): Promise<{ base: string; tlsAttempts: () => number }> {
  let tlsAttempts = 0;
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (chunk: Buffer) => {
      if (chunk[0] === 0x16) {
        tlsAttempts += 1;
        onTls(socket);
        return;
      }
      socket.end(`HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: ${Buffer.byteLength(PAGE)}\r\nconnection: close\r\n\r\n${PAGE}`);
    });
  });
  servers.push(server);
  server.on('connection', (socket) => server.once('close', () => socket.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tlsAttempts: () => tlsAttempts };
}

function post(base: string, count: number): ExtractedFile {
  const links: Link[] = Array.from({ length: count }, (_, n) => {
    const url = `${base}/notes/${n}`;
    return { url, kind: 'link', syntax: 'link', text: url, line: n + 1, column: 1, offset: { start: 0, end: url.length } };
  });
  return { path: 'post.md', links };
}

describe('follow-up probes to an origin that fails', () => {
  it('https probes to an origin that accepts the TLS hello and never answers: two attempts for all the http links', async () => {
    const web = await site(() => undefined);
    // One request at a time to the host, as to a polite host: one link after the other would cost 12 × 2 timeouts.
    const report = await checkExtracted([post(web.base, 12)], { allowPrivate: true, archive: false, timeoutMs: 300, perHost: 1 });
    const links = report.files[0]!.links;
    expect(links.every((link) => link.state === 'alive' && link.suggestions.every((suggestion) => suggestion.kind !== 'https'))).toBe(true);
    expect(web.tlsAttempts()).toBeLessThanOrEqual(2);
  });

  it('a link reset once on the same site does not cost a soft 404 its confirmation: the sibling probe still goes out', async () => {
    // The simulated web's health corpus (bench/sim-web.mjs): a `reset-once` page and a soft 404 on one host that
    // answers made-up addresses 404. The reset is the flaky page's own, answered on retry.
    const asked: string[] = [];
    let flaky = 0;
    const server = createHttpServer((request, response) => {
      asked.push(request.url ?? '');
      if (request.url === '/flaky' && ++flaky === 1) return void response.socket?.destroy();
      const [status, title] = request.url === '/flaky' ? [200, 'Notes'] : request.url === '/gone' ? [200, 'Page not found'] : [404, 'Not Found'];
      const text = title === 'Notes' ? 'Plenty of words on this page. '.repeat(20) : 'Sorry, the page you are looking for does not exist.';
      response.writeHead(status, { 'content-type': 'text/html' }).end(`<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const links: Link[] = ['/flaky', '/gone'].map((path, n) => ({ url: `${base}${path}`, kind: 'link', syntax: 'link', text: path, line: n + 1, column: 1, offset: { start: 0, end: 1 } }));
    // One request at a time: the reset comes before the soft 404 is read, as when the flaky page is cited first.
    const report = await checkExtracted([{ path: 'post.md', links }], { allowPrivate: true, archive: false, perHost: 1 });
    const [flakyLink, gone] = report.files[0]!.links;
    expect(flakyLink).toMatchObject({ state: 'alive' });
    expect(gone).toMatchObject({ state: 'dead', reason: 'soft-404' });
    expect(asked.filter((path) => path !== '/flaky' && path !== '/gone')).toHaveLength(1);
  });
});
