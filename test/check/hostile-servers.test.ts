import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { startRawServer, type TestServer } from '../helpers/servers.js';
import { useCleanup } from './helpers.js';

const env = useCleanup();
const fast = { timeoutMs: 400, retries: 0 };

async function raw(onConnection: Parameters<typeof startRawServer>[0]): Promise<TestServer> {
  return env.track(await startRawServer(onConnection, { lifetimeMs: 10_000 }));
}

describe('hostile and broken servers', () => {
  it('times out slow headers (a byte at a time), trying GET after the HEAD hangs', async () => {
    const server = await raw((socket) => {
      const bytes = Buffer.from('HTTP/1.1 200 OK\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n');
      let index = 0;
      const timer = setInterval(() => {
        if (index >= bytes.length || socket.destroyed) return clearInterval(timer);
        socket.write(bytes.subarray(index, index + 1));
        index += 1;
      }, 100);
      socket.on('close', () => clearInterval(timer));
    });
    const { fetcher } = env.fetcher(fast);
    const result = await fetcher.fetch({ url: `${server.origin}/` });
    expect(result.error?.code).toBe('timeout');
    expect(result.status).toBeUndefined();
    expect(server.received.map((request) => request.method)).toEqual(['HEAD', 'GET']);
  });

  it('keeps the connection after a HEAD, and drops it when a broken server sends a body after HEAD anyway', async () => {
    const serve = (bodyOnHead: boolean) =>
      raw((socket) => {
        let buffered = '';
        socket.on('data', (chunk: Buffer) => {
          buffered += chunk.toString('latin1');
          let end = buffered.indexOf('\r\n\r\n');
          while (end !== -1) {
            const method = buffered.slice(0, buffered.indexOf(' '));
            buffered = buffered.slice(end + 4);
            const extra = method === 'HEAD' && !bodyOnHead ? '' : 'hello';
            socket.write(`HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\n${extra}`);
            end = buffered.indexOf('\r\n\r\n');
          }
        });
      });
    const good = await serve(false);
    const { fetcher } = env.fetcher({ ...fast, perHost: 1 });
    for (const name of ['a', 'b', 'c']) {
      expect(await fetcher.fetch({ url: `${good.origin}/${name}.png` })).toMatchObject({ status: 200, method: 'HEAD' });
    }
    // Without \`reset: false\` every HEAD would take a connection of its own (undici 7 keeps the first one's closing).
    expect(good.connections).toBeLessThan(3);

    const broken = await serve(true);
    for (const name of ['a', 'b', 'c']) {
      const result = await fetcher.fetch({ url: `${broken.origin}/${name}.png` });
      expect(result, name).toMatchObject({ status: 200, method: 'HEAD' });
      expect(result.error, name).toBeUndefined();
    }
    expect(broken.received.map((request) => request.method)).toEqual(['HEAD', 'HEAD', 'HEAD']);
  });

  it('times out a server that accepts and never answers', async () => {
    const server = await raw(() => undefined);
    const { fetcher } = env.fetcher({ ...fast, retries: 1 });
    const result = await fetcher.fetch({ url: `${server.origin}/`, method: 'GET' });
    expect(result).toMatchObject({ error: { code: 'timeout' }, attempts: 2 });
    expect(server.received.map((request) => request.method)).toEqual(['GET', 'GET']);
  });

  it('keeps the status of a body that trickles past the deadline and says the read timed out', async () => {
    const server = await env.serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('<p>'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const { fetcher } = env.fetcher(fast);
    const result = await fetcher.fetch({ url: `${server.origin}/`, bodyBytes: 1_000_000 });
    expect(result).toMatchObject({ status: 200, error: { code: 'timeout' } });
    const checkOnly = await fetcher.fetch({ url: `${server.origin}/other`, method: 'GET' });
    expect(checkOnly.status).toBe(200);
  });

  it('stops reading an endless body at the limit', async () => {
    const server = await env.serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(16 * 1024);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const { fetcher } = env.fetcher(fast);
    const result = await fetcher.fetch({ url: `${server.origin}/`, bodyBytes: 100_000 });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ bytes: 100_000, truncated: true });
    expect(result.error).toBeUndefined();
    const unread = await fetcher.fetch({ url: `${server.origin}/again`, method: 'GET' });
    expect(unread).toMatchObject({ status: 200 });
    expect(unread.error).toBeUndefined();
  });

  it('reads a 10 MB page only up to the hard cap', async () => {
    const page = Buffer.alloc(10 * 1024 * 1024, 'a');
    const server = await env.serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(page.length) });
      res.end(page);
    });
    const { fetcher } = env.fetcher({ ...fast, timeoutMs: 3000, maxBodyBytes: 256 * 1024 });
    const result = await fetcher.fetch({ url: `${server.origin}/`, bodyBytes: 50 * 1024 * 1024 });
    expect(result.body).toMatchObject({ bytes: 256 * 1024, truncated: true });
    expect(result.headers?.['content-length']).toBe(String(page.length));
  });

  it.each([
    ['gzip', (data: Buffer) => gzipSync(data, { level: 9 })],
    ['br', (data: Buffer) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })],
  ])('inflates a %s bomb only up to the limit', async (encoding, compress) => {
    const bomb = compress(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const server = await env.serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': encoding });
      res.end(bomb);
    });
    const { fetcher } = env.fetcher({ ...fast, timeoutMs: 3000 });
    const before = process.memoryUsage().rss;
    const result = await fetcher.fetch({ url: `${server.origin}/`, bodyBytes: 200_000 });
    expect(result.body).toMatchObject({ bytes: 200_000, truncated: true });
    expect(result.body?.text).toBe('\u0000'.repeat(200_000));
    // 64 MB inflated would show; a bounded read stays far below it.
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('decodes a small gzip body', async () => {
    const server = await env.serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.from('<title>Zürich</title>')));
    });
    const { fetcher } = env.fetcher(fast);
    const result = await fetcher.fetch({ url: `${server.origin}/`, bodyBytes: 1000 });
    expect(result.body).toEqual({ text: '<title>Zürich</title>', bytes: 22, truncated: false });
  });

  it('says protocol-error for corrupt compressed data', async () => {
    const server = await env.serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end('this is not gzip at all');
    });
    const { fetcher } = env.fetcher(fast);
    const result = await fetcher.fetch({ url: `${server.origin}/`, bodyBytes: 1000 });
    expect(result).toMatchObject({ status: 200, error: { code: 'protocol-error' } });
  });

  it('reports a reset mid-body as connection-reset, keeping the status', async () => {
    const server = await raw((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html>partial');
        setTimeout(() => socket.resetAndDestroy(), 30);
      });
    });
    const { fetcher } = env.fetcher(fast);
    const result = await fetcher.fetch({ url: `${server.origin}/`, bodyBytes: 50_000 });
    expect(result).toMatchObject({ status: 200, error: { code: 'connection-reset' } });
  });

  it('reports a connection closed before any answer as connection-reset', async () => {
    const server = await raw((socket) => {
      socket.once('data', () => socket.destroy());
    });
    const { fetcher } = env.fetcher(fast);
    const result = await fetcher.fetch({ url: `${server.origin}/`, method: 'GET' });
    expect(result.error?.code).toBe('connection-reset');
  });

  it('calls headers over the size limit a protocol-error', async () => {
    const server = await raw((socket) => {
      socket.once('data', () => {
        socket.end(`HTTP/1.1 200 OK\r\nX-Huge: ${'a'.repeat(100 * 1024)}\r\n\r\n`);
      });
    });
    const { fetcher } = env.fetcher(fast);
    const result = await fetcher.fetch({ url: `${server.origin}/`, method: 'GET' });
    expect(result.error?.code).toBe('protocol-error');
  });

  it.each([
    ['a malformed status line', 'HTTP/1.1 abc Broken\r\n\r\n'],
    ['an HTTP/0.9-style reply', '<html><body>hello from 1991</body></html>'],
    ['garbage', '\u0000\u0001\u0002 binary'],
  ])('calls %s a protocol-error', async (_name, reply) => {
    const server = await raw((socket) => {
      socket.once('data', () => socket.end(reply));
    });
    const { fetcher } = env.fetcher(fast);
    const result = await fetcher.fetch({ url: `${server.origin}/`, method: 'GET' });
    expect(result.error?.code).toBe('protocol-error');
    expect(result.status).toBeUndefined();
  });

  it('says connection-refused for a closed port, without retrying', async () => {
    const server = await raw(() => undefined);
    await server.close();
    const { fetcher } = env.fetcher({ retries: 2 });
    const result = await fetcher.fetch({ url: `${server.origin}/`, method: 'GET' });
    expect(result).toMatchObject({ error: { code: 'connection-refused' }, attempts: 1 });
  });

  it('keeps the rest of the run going while one server hangs', async () => {
    const hanging = await raw(() => undefined);
    const healthy = await env.serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const { fetcher } = env.fetcher(fast);
    const results = await Promise.all([
      fetcher.fetch({ url: `${hanging.origin}/`, method: 'GET' }),
      ...Array.from({ length: 5 }, (_, n) => fetcher.fetch({ url: `${healthy.origin}/${n}` })),
    ]);
    expect(results[0]?.error?.code).toBe('timeout');
    expect(results.slice(1).map((result) => result.status)).toEqual([200, 200, 200, 200, 200]);
  });
});
