import { describe, expect, it } from 'vitest';
import { Agent, type Dispatcher } from 'undici';
import { createDispatcher, createFetcher } from '../../src/check/index.js';
import { delay } from '../helpers/servers.js';
import { testSettings, useCleanup } from './helpers.js';

const env = useCleanup();

describe('retries', () => {
  it('retries a 503 and reports the 200 that follows', async () => {
    let calls = 0;
    const server = await env.serve((_req, res) => {
      calls += 1;
      res.writeHead(calls === 1 ? 503 : 200);
      res.end();
    });
    const { fetcher, slept } = env.fetcher();
    const result = await fetcher.fetch({ url: `${server.origin}/` });
    expect(result).toMatchObject({ status: 200, attempts: 2 });
    expect(server.received.map((request) => request.method)).toEqual(['HEAD', 'HEAD']);
    expect(slept).toEqual([375]); // 500 ms back-off, jitter in its upper half (random 0.5)
    expect(fetcher.stats()).toMatchObject({ requests: 2, retries: 1, rateLimited: 0 });
  });

  it('a request may ask for fewer retries than the run (probes use none)', async () => {
    const server = await env.serve((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    const { fetcher, slept } = env.fetcher({ retries: 3 });
    const result = await fetcher.fetch({ url: `${server.origin}/`, retries: 0 });
    expect(result).toMatchObject({ status: 503, attempts: 1 });
    expect(server.received).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it('backs off exponentially and gives up after the configured retries', async () => {
    const server = await env.serve((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    const { fetcher, slept } = env.fetcher({ retries: 3 });
    const result = await fetcher.fetch({ url: `${server.origin}/` });
    expect(result).toMatchObject({ status: 500, method: 'GET', attempts: 5 });
    expect(server.received.map((request) => request.method)).toEqual(['HEAD', 'GET', 'GET', 'GET', 'GET']);
    expect(slept).toEqual([375, 750, 1500]);
  });

  it.each([404, 410])('treats %i as final at once', async (status) => {
    const server = await env.serve((_req, res) => {
      res.writeHead(status);
      res.end();
    });
    const { fetcher, slept } = env.fetcher();
    const result = await fetcher.fetch({ url: `${server.origin}/`, method: 'GET' });
    expect(result).toMatchObject({ status, attempts: 1 });
    expect(slept).toEqual([]);
  });

  it('honours Retry-After on a 429 and pauses the whole host for the requests waiting behind it', async () => {
    const { fetcher, clock, slept } = env.fetcher({ perHost: 1 });
    const arrivals: Array<{ url: string; at: number }> = [];
    let limited = false;
    const server = await env.serve((req, res) => {
      arrivals.push({ url: req.url ?? '', at: clock.now });
      if (!limited) {
        limited = true;
        res.writeHead(429, { 'retry-after': '7' });
      } else {
        res.writeHead(200);
      }
      res.end();
    });
    const start = clock.now;
    const results = await Promise.all(['/a', '/b', '/c'].map((path) => fetcher.fetch({ url: `${server.origin}${path}` })));
    expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
    expect(arrivals[0]).toEqual({ url: '/a', at: start });
    // Everything after the 429 waited at least the 7 s the server asked for, not only the request that got it.
    expect(arrivals.slice(1).every((arrival) => arrival.at >= start + 7000)).toBe(true);
    expect(arrivals.map((arrival) => arrival.url).sort()).toEqual(['/a', '/a', '/b', '/c']);
    expect(slept.some((ms) => ms === 7000)).toBe(true);
    expect(fetcher.stats()).toMatchObject({ rateLimited: 1, retries: 1 });
    expect(server.received).toHaveLength(4);
  });

  it('pauses the host for the others even when the request that got the 429 is not retried', async () => {
    const { fetcher, clock } = env.fetcher({ perHost: 1, retries: 0 });
    const arrivals: number[] = [];
    const server = await env.serve((_req, res) => {
      arrivals.push(clock.now);
      res.writeHead(arrivals.length === 1 ? 429 : 200, arrivals.length === 1 ? { 'retry-after': '4' } : {});
      res.end();
    });
    const start = clock.now;
    const results = await Promise.all(['/a', '/b'].map((path) => fetcher.fetch({ url: `${server.origin}${path}` })));
    expect(results.map((result) => result.status)).toEqual([429, 200]);
    expect(arrivals[1]).toBeGreaterThanOrEqual(start + 4000);
  });

  it('gives up at once when Retry-After asks for more than the cap', async () => {
    const server = await env.serve((_req, res) => {
      res.writeHead(429, { 'retry-after': '3600' });
      res.end();
    });
    const { fetcher, slept } = env.fetcher();
    const result = await fetcher.fetch({ url: `${server.origin}/` });
    expect(result).toMatchObject({ status: 429, attempts: 1, headers: { 'retry-after': '3600' } });
    expect(slept).toEqual([]);
  });

  it('reads an HTTP-date Retry-After on a 503', async () => {
    const { fetcher, clock, slept } = env.fetcher();
    let calls = 0;
    const server = await env.serve((_req, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(503, { 'retry-after': new Date(clock.now + 5000).toUTCString() });
      else res.writeHead(200);
      res.end();
    });
    const result = await fetcher.fetch({ url: `${server.origin}/` });
    expect(result.status).toBe(200);
    expect(slept[0]).toBeGreaterThanOrEqual(4000);
    expect(slept[0]).toBeLessThanOrEqual(5000);
  });
});

describe('politeness limits (measured in the servers)', () => {
  it('never has more than perHost requests in flight to one host', async () => {
    const server = await env.serve(async (_req, res) => {
      await delay(30);
      res.writeHead(200);
      res.end();
    });
    const { fetcher } = env.fetcher({ perHost: 3 });
    await Promise.all(Array.from({ length: 15 }, (_, n) => fetcher.fetch({ url: `${server.origin}/${n}` })));
    expect(server.received).toHaveLength(15);
    expect(server.maxInFlight).toBe(3);
    expect(fetcher.stats().maxInFlightPerHost).toBe(3);
  });

  it('never has more than the global limit in flight over all hosts', async () => {
    let inFlight = 0;
    let most = 0;
    const handler = async (_req: unknown, res: import('node:http').ServerResponse) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await delay(30);
      inFlight -= 1;
      res.writeHead(200);
      res.end();
    };
    const servers = await Promise.all([env.serve(handler), env.serve(handler), env.serve(handler)]);
    const { fetcher } = env.fetcher({ concurrency: 4, perHost: 3 });
    const urls = servers.flatMap((server) => Array.from({ length: 6 }, (_, n) => `${server.origin}/${n}`));
    await Promise.all(urls.map((url) => fetcher.fetch({ url })));
    expect(servers.map((server) => server.received.length)).toEqual([6, 6, 6]);
    expect(most).toBe(4);
    expect(Math.max(...servers.map((server) => server.maxInFlight))).toBeLessThanOrEqual(3);
    expect(fetcher.stats().maxInFlight).toBe(4);
  });

  it('spaces request starts to one host by the minimum interval', async () => {
    // Real clock, measured where requests start: a lower bound the scheduler guarantees, not a speed target.
    const agent = env.track(new Agent());
    const starts: number[] = [];
    const recording = {
      dispatch: (options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) => {
        starts.push(Date.now());
        return agent.dispatch(options, handler);
      },
    } as unknown as Dispatcher;
    const fetcher = createFetcher(testSettings({ intervalMs: 60, perHost: 4 }), { dispatcher: recording });
    const server = await env.serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    await Promise.all(Array.from({ length: 4 }, (_, n) => fetcher.fetch({ url: `${server.origin}/${n}` })));
    const gaps = starts.slice(1).map((at, n) => at - (starts[n] ?? 0));
    expect(gaps).toHaveLength(3);
    expect(gaps.every((gap) => gap >= 59), `gaps ${gaps.join(", ")}`).toBe(true);
    expect(server.received).toHaveLength(4);
  });

  it('uses per-host settings for a host and its subdomains', async () => {
    const server = await env.serve(async (_req, res) => {
      await delay(20);
      res.writeHead(200);
      res.end();
    });
    const { fetcher } = env.fetcher({ perHost: 5, hosts: { '127.0.0.1': { concurrency: 1, headers: { 'x-host-only': 'yes' } } } });
    await Promise.all(Array.from({ length: 4 }, (_, n) => fetcher.fetch({ url: `${server.origin}/${n}` })));
    expect(server.maxInFlight).toBe(1);
    expect(server.received.every((request) => request.headers['x-host-only'] === 'yes')).toBe(true);
  });
});

describe('origins that fail at the connection level', () => {
  /** `count` requests at once to the https side of a plain HTTP server: every TLS handshake there fails. */
  async function fetchFromTlsRefusingOrigin(perHost: number, count: number) {
    const server = await env.serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const { fetcher } = env.fetcher({ perHost });
    const https = server.origin.replace('http:', 'https:');
    const results = await Promise.all(Array.from({ length: count }, (_, n) => fetcher.fetch({ url: `${https}/p${n}`, retries: 0 })));
    return { server, fetcher, results };
  }

  it('are tried once: later requests to the same origin get the same answer without a connection', async () => {
    const { server, fetcher, results } = await fetchFromTlsRefusingOrigin(1, 4);
    expect(results.map((result) => result.error?.code)).toEqual(['tls-error', 'tls-error', 'tls-error', 'tls-error']);
    expect(server.connections).toBe(1);
    expect(results.slice(1).every((result) => result.error?.message.includes('failed the same way'))).toBe(true);
    // the plain-HTTP origin of the same host is unaffected
    expect((await fetcher.fetch({ url: `${server.origin}/` })).status).toBe(200);
  });

  it('are tried once even when many requests to them could start at the same moment', async () => {
    const { server, results } = await fetchFromTlsRefusingOrigin(8, 8);
    expect(results.every((result) => result.error?.code === 'tls-error')).toBe(true);
    expect(server.connections).toBe(1);
    // The one that tried says what happened; the others say it once more, never twice.
    const repeated = results.filter((result) => result.error?.message.includes('an earlier request'));
    expect(repeated).toHaveLength(7);
    expect(repeated.every((result) => result.error?.message.split('an earlier request').length === 2)).toBe(true);
  });

  it('a working origin still gets its requests in parallel once the first has a connection', async () => {
    const server = await env.serve(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      res.writeHead(200);
      res.end();
    });
    const { fetcher } = env.fetcher({ perHost: 4 });
    const results = await Promise.all(Array.from({ length: 4 }, (_, n) => fetcher.fetch({ url: `${server.origin}/p${n}` })));
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200]);
    expect(server.maxInFlight).toBe(4);
  });
});

describe('connections per origin', () => {
  it('opens no more connections than the host may have requests in flight', async () => {
    const server = await env.serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><head><title>ok</title></head><body>ok</body></html>');
    });
    const capped = env.fetcher({ perHost: 2 }, createDispatcher({ allowPrivate: true, env: {}, connectionsPerOrigin: 2 }));
    const urls = Array.from({ length: 12 }, (_, n) => `${server.origin}/p${n}`);
    const results = await Promise.all(urls.map((url) => capped.fetcher.fetch({ url, method: 'GET' })));
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
    // Uncapped, undici finds a connection that just answered not yet free and opens another one.
    expect(server.connections).toBe(2);
  });
});
