/**
 * Auxiliary requests (archive lookups, https and sibling probes, oEmbed): an origin that failed at the connection
 * level or hung is asked once per run, not once per link. Real servers on 127.0.0.1 play the failures.
 *
 * Why two timeouts and not one: archive.org is often slow for a single answer rather than down (lychee #1501,
 * 2024-09-16, "archive.org is super slow quite often"; mixxxdj/manual #536, 2023-02-04, a 60 s timeout instead of
 * 20 s was enough for web.archive.org), so one timeout alone must not end every lookup of a run.
 */
import type { ServerResponse } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { HUNG_ORIGIN_TIMEOUTS } from '../../src/check/fetcher.js';
import { startRawServer } from '../helpers/servers.js';
import { useCleanup } from './helpers.js';

const env = useCleanup();

/** A port on 127.0.0.1 that nothing listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Accepts every connection and never answers. */
async function hungServer() {
  return env.track(await startRawServer(() => undefined));
}

describe('auxiliary requests to an origin that fails at the connection level', () => {
  it('a reset ends the origin for auxiliary requests: no retry, later ones get the answer without a connection', async () => {
    const server = env.track(await startRawServer((socket: Socket) => socket.once('data', () => socket.resetAndDestroy())));
    const { fetcher, slept } = env.fetcher({ retries: 2 });
    const first = await fetcher.fetch({ url: `${server.origin}/cdx?a`, method: 'GET', auxiliary: true });
    const later = await Promise.all([1, 2, 3].map((n) => fetcher.fetch({ url: `${server.origin}/cdx?${n}`, method: 'GET', auxiliary: true })));
    expect(first.error).toMatchObject({ code: 'connection-reset', originDown: expect.any(String) as unknown });
    expect(first.error?.message).not.toContain('an earlier request');
    expect(later.every((result) => result.error?.code === "connection-reset" && result.error.originDown === first.error?.originDown)).toBe(true);
    expect(later.every((result) => result.attempts === 0 && result.error?.message.includes('an earlier request'))).toBe(true);
    expect(server.connections).toBe(1);
    expect(slept).toEqual([]);
  });

  it('a post’s own link to that origin is still asked and retried as before (a reset is transient for it)', async () => {
    const server = env.track(await startRawServer((socket: Socket) => socket.once('data', () => socket.resetAndDestroy())));
    const { fetcher } = env.fetcher({ retries: 1 });
    await fetcher.fetch({ url: `${server.origin}/probe`, auxiliary: true });
    const own = await fetcher.fetch({ url: `${server.origin}/post-link` });
    expect(own.error?.code).toBe('connection-reset');
    expect(own.error?.originDown).toBeUndefined();
    expect(own.attempts).toBeGreaterThanOrEqual(2);
  });

  // The simulated web's `reset-once` and `slow-headers` pages (bench/sim-web.mjs): a post's own link reset or slow
  // on one path, answered on retry, is that path's trouble, retried on its own; the site that just answered is up.
  // Ending the origin for auxiliary requests there skipped the sibling probe that confirms a soft 404 on it.
  it.each([
    ['reset once', 1, (response: ServerResponse) => void response.socket?.destroy()],
    ['timed out twice', 2, () => undefined],
  ])('a post’s own link %s, then answered: auxiliary requests to its origin are still sent', async (_, failures, fail) => {
    let ownRequests = 0;
    const server = await env.serve((request, response) => {
      if (request.url === '/post-link' && ++ownRequests <= failures) return void fail(response);
      response.writeHead(request.url === '/post-link' ? 200 : 404).end();
    });
    const { fetcher } = env.fetcher({ timeoutMs: 200, retries: 2 });
    const own = await fetcher.fetch({ url: `${server.origin}/post-link`, method: 'GET' });
    expect(own.status).toBe(200);
    expect(own.attempts).toBe(failures + 1);
    const probe = await fetcher.fetch({ url: `${server.origin}/a-made-up-page`, method: 'GET', auxiliary: true });
    expect(probe.error).toBeUndefined();
    expect(probe.status).toBe(404);
    expect(server.received.map((request) => request.url)).toContain('/a-made-up-page');
  });

  it('a refused origin: one connection attempt for any number of auxiliary requests', async () => {
    const port = await closedPort();
    const { fetcher, slept } = env.fetcher({ retries: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, (_, n) => fetcher.fetch({ url: `http://127.0.0.1:${port}/${n}`, auxiliary: true })));
    expect(results.every((result) => result.error?.code === 'connection-refused' && result.error.originDown !== undefined)).toBe(true);
    expect(fetcher.stats().requests).toBe(1);
    expect(slept).toEqual([]);
  });
});

describe('auxiliary requests to an origin that hangs', () => {
  it(`is given up after ${HUNG_ORIGIN_TIMEOUTS} timeouts in a row`, async () => {
    const server = await hungServer();
    const { fetcher } = env.fetcher({ timeoutMs: 200, retries: 0 });
    const first = await fetcher.fetch({ url: `${server.origin}/1`, method: 'GET', auxiliary: true });
    expect(first.error).toEqual({ code: 'timeout', message: expect.stringContaining('ms') as unknown });
    const second = await fetcher.fetch({ url: `${server.origin}/2`, method: 'GET', auxiliary: true });
    expect(second.error).toMatchObject({ code: 'timeout', originDown: expect.any(String) as unknown, message: expect.stringContaining('2 times in a row') as unknown });
    const rest = await Promise.all([3, 4, 5].map((n) => fetcher.fetch({ url: `${server.origin}/${n}`, method: 'GET', auxiliary: true })));
    expect(rest.every((result) => result.error?.originDown !== undefined && result.attempts === 0)).toBe(true);
    expect(server.received).toHaveLength(2);
  });

  it('an answer between two timeouts starts the row again', async () => {
    let connection = 0;
    const server = await startRawServer((socket: Socket) => {
      connection += 1;
      // The second connection answers; the others never do.
      if (connection === 2) socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n'));
    });
    env.track(server);
    const { fetcher } = env.fetcher({ timeoutMs: 200, retries: 0 });
    const outcomes = [];
    for (const n of [1, 2, 3]) outcomes.push(await fetcher.fetch({ url: `${server.origin}/${n}`, method: 'GET', auxiliary: true }));
    expect(outcomes.map((result) => result.error?.code ?? result.status)).toEqual(['timeout', 200, 'timeout']);
    expect(outcomes.every((result) => result.error?.originDown === undefined)).toBe(true);
  });

  it('requests queued behind the hung ones leave the queue at once, without waiting for their turn', async () => {
    const server = await hungServer();
    // archive.org's politeness: one request at a time, one a second (on the fake clock: the turns show in `slept`).
    const { fetcher, slept } = env.fetcher({ timeoutMs: 200, retries: 0, hosts: { '127.0.0.1': { concurrency: 1, intervalMs: 1000 } } });
    const results = await Promise.all(Array.from({ length: 10 }, (_, n) => fetcher.fetch({ url: `${server.origin}/${n}`, method: 'GET', auxiliary: true })));
    expect(results.every((result) => result.error?.code === 'timeout')).toBe(true);
    expect(server.received).toHaveLength(HUNG_ORIGIN_TIMEOUTS);
    // One turn waited (the second request); the eight left in the queue took none.
    expect(slept.filter((ms) => ms >= 500)).toHaveLength(HUNG_ORIGIN_TIMEOUTS - 1);
  });
});
