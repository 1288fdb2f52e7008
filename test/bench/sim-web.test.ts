import * as http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ARCHIVE_DOWN, buildScenario, createRandom, MAIN, MIX, MIX_HOST_MODES } from '../../bench/scenarios.mjs';
import {
  hostAddress,
  LIMIT_RETRY_AFTER_S,
  MODES,
  startSimWeb,
  startUnreachableArchive,
  TRUTH_BY_MODE,
  warmUp,
  WARM_UP_ROUNDS,
  type Route,
  type SimWeb,
} from '../../bench/sim-web.mjs';

interface Answer {
  status?: number | undefined;
  headers: http.IncomingHttpHeaders;
  body: string;
  error?: string;
  ms: number;
}

/** One request on a fresh connection (no keep-alive), never throws: a reset is `error`. */
function hit(url: string, options: { method?: string; userAgent?: string } = {}): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', agent: false, headers: { 'user-agent': options.userAgent ?? 'Mozilla/5.0 (test)' }, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
        );
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ headers: {}, body: '', error: error.code ?? error.message, ms: performance.now() - started }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ headers: {}, body: '', error: error.code ?? error.message, ms: performance.now() - started }));
    req.end();
  });
}

const A = '127.0.0.2';
const B = '127.0.0.3';
let web: SimWeb | undefined;

async function start(routes: Array<[string, Route]>, options: { latencyMs?: number; hostLimit?: number; hardTimeoutMs?: number } = {}) {
  web = await startSimWeb({ addresses: [A, B], latencyMs: options.latencyMs ?? 20, hostLimit: options.hostLimit ?? 8, hardTimeoutMs: options.hardTimeoutMs ?? 30_000 });
  const current = web;
  current.setRoutes(routes.map(([path, route]) => [`${current.origin(A)}${path}`, route] as [string, Route]));
  return (path: string, address = A) => `${current.origin(address)}${path}`;
}

afterEach(async () => {
  await web?.close();
  web = undefined;
});

describe('simulated web', () => {
  it('waits at least the latency before answering, and counts the request', async () => {
    const url = await start([['/a', { mode: 'ok' }]], { latencyMs: 100 });
    const answer = await hit(url('/a'));
    expect(answer.status).toBe(200);
    // Each URL its own page (a checker may remember pages by their text).
    expect(answer.body).toContain('<title>An article worth linking to: /a</title>');
    expect(answer.ms).toBeGreaterThanOrEqual(95); // timer granularity
    const stats = web!.stats();
    expect(stats.requests).toBe(1);
    expect(stats.methods).toEqual({ GET: 1 });
    expect(stats.perHost[A]!.requests).toBe(1);
    expect(stats.perHost[B]!.requests).toBe(0);
  });

  it('warms up on the URLs given, politely, then forgets them (once-only behaviours start over)', async () => {
    const url = await start([
      ['/ok', { mode: 'ok' }],
      ['/retry-after-429', { mode: 'retry-after-429' }],
      ['/reset', { mode: 'reset' }],
    ]);
    const urls = ['/ok', '/retry-after-429', '/reset', '/ok', '/ok', '/ok'].map((path) => url(path));
    let requests = 0;
    let mostInFlight = 0;
    const counting = setInterval(() => {
      const stats = web!.stats();
      requests = Math.max(requests, stats.requests);
      mostInFlight = Math.max(mostInFlight, stats.mostInFlight);
    }, 1);
    await warmUp(web!, urls, 2);
    clearInterval(counting);
    expect(requests).toBeGreaterThanOrEqual(urls.length);
    expect(mostInFlight).toBeLessThanOrEqual(2);
    expect(WARM_UP_ROUNDS).toBeGreaterThanOrEqual(1);
    const stats = web!.stats();
    expect(stats.requests).toBe(0);
    expect(stats.scripted429).toBe(0);
    expect((await hit(url('/retry-after-429'))).status).toBe(429);
  });

  it('answers 429 with Retry-After beyond the per-host limit, and records the most in flight', async () => {
    const url = await start([['/a', { mode: 'ok' }]], { latencyMs: 150, hostLimit: 2 });
    const answers = await Promise.all([...Array.from({ length: 5 }, () => hit(url('/a'))), hit(url('/unknown', B))]);
    const onA = answers.slice(0, 5);
    expect(onA.filter((a) => a.status === 200)).toHaveLength(2);
    const limited = onA.filter((a) => a.status === 429);
    expect(limited).toHaveLength(3);
    for (const answer of limited) expect(answer.headers['retry-after']).toBe(String(LIMIT_RETRY_AFTER_S));
    expect(answers[5]!.status).toBe(404); // another host is not limited by A's traffic
    const stats = web!.stats();
    expect(stats.limit429).toBe(3);
    expect(stats.scripted429).toBe(0);
    expect(stats.perHost[A]!.mostInFlight).toBe(5);
    expect(stats.perHost[B]!.mostInFlight).toBe(1);
    expect(stats.perHost[B]!.unknown).toBe(1);
    expect(stats.inFlight).toBe(0);
  });

  it('answers every failure mode as declared', async () => {
    const routes: Array<[string, Route]> = MODES.map((mode) => [`/${mode}`, { mode }]);
    routes.push(['/redirect', { mode: 'redirect', status: 301, location: '/ok' }]);
    routes.push(['/redirect-loop', { mode: 'redirect-loop', status: 302, location: '/loop-b' }]);
    routes.push(['/loop-b', { mode: 'redirect-loop', status: 302, location: '/redirect-loop' }]);
    const url = await start(routes);
    const seen = new Set<string>();
    const expectMode = async (mode: string, check: () => Promise<void>) => {
      await check();
      seen.add(mode);
    };

    await expectMode('ok', async () => expect((await hit(url('/ok'))).status).toBe(200));
    await expectMode('head-405', async () => {
      const head = await hit(url('/head-405'), { method: 'HEAD' });
      expect(head.status).toBe(405);
      expect(head.headers.allow).toBe('GET');
      expect((await hit(url('/head-405'))).status).toBe(200);
    });
    await expectMode('redirect', async () => {
      const answer = await hit(url('/redirect'));
      expect(answer.status).toBe(301);
      expect(answer.headers.location).toBe('/ok');
    });
    await expectMode('redirect-loop', async () => {
      expect((await hit(url('/redirect-loop'))).headers.location).toBe('/loop-b');
      expect((await hit(url('/loop-b'))).headers.location).toBe('/redirect-loop');
    });
    await expectMode('retry-after-429', async () => {
      const first = await hit(url('/retry-after-429'));
      expect(first.status).toBe(429);
      expect(first.headers['retry-after']).toBe('1');
      expect((await hit(url('/retry-after-429'))).status).toBe(200);
      expect(web!.stats().scripted429).toBe(1);
      expect(web!.stats().limit429).toBe(0);
    });
    await expectMode('503-then-200', async () => {
      expect((await hit(url('/503-then-200'))).status).toBe(503);
      expect((await hit(url('/503-then-200'))).status).toBe(200);
    });
    await expectMode('slow-headers', async () => {
      const answer = await hit(url('/slow-headers'));
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeGreaterThanOrEqual(20);
    });
    await expectMode('slow-body', async () => {
      const answer = await hit(url('/slow-body'));
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('</html>');
      expect(answer.body.length).toBe(Number(answer.headers['content-length']));
    });
    await expectMode('reset-once', async () => {
      expect((await hit(url('/reset-once'))).error).toBe('ECONNRESET');
      expect((await hit(url('/reset-once'))).status).toBe(200);
    });
    await expectMode('reset', async () => {
      expect((await hit(url('/reset'))).error).toBe('ECONNRESET');
      expect((await hit(url('/reset'))).error).toBe('ECONNRESET');
    });
    await expectMode('challenge', async () => {
      const answer = await hit(url('/challenge'));
      expect(answer.status).toBe(403);
      expect(answer.headers['cf-mitigated']).toBe('challenge');
      expect(answer.body).toContain('Just a moment...');
    });
    await expectMode('status-999', async () => expect((await hit(url('/status-999'))).status).toBe(999));
    await expectMode('browser-only', async () => {
      expect((await hit(url('/browser-only'), { userAgent: 'curl/8.5.0' })).status).toBe(403);
      expect((await hit(url('/browser-only'))).status).toBe(200);
    });
    await expectMode('no-link-agents', async () => {
      expect((await hit(url('/no-link-agents'), { userAgent: 'Mozilla/5.0 (compatible; linkinator)' })).status).toBe(403);
      expect((await hit(url('/no-link-agents'))).status).toBe(200);
    });
    await expectMode('soft-404', async () => {
      const answer = await hit(url('/soft-404'));
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('<title>Page not found</title>');
    });
    await expectMode('gone-404', async () => expect((await hit(url('/gone-404'))).status).toBe(404));
    await expectMode('gone-410', async () => expect((await hit(url('/gone-410'))).status).toBe(410));

    expect([...seen].sort()).toEqual([...MODES].sort());
    expect(web!.stats().inFlight).toBe(0);
  });

  it('answers image URLs as images, and counts connections that send no HTTP (a TLS hello)', async () => {
    const url = await start([['/images/figure-1.png', { mode: 'ok' }]]);
    const image = await hit(url('/images/figure-1.png'));
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    const { connect } = await import('node:net');
    await new Promise<void>((resolve) => {
      const socket = connect(web!.port, A, () => socket.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00])));
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    expect(web!.stats().clientErrors).toBe(1);
    expect(web!.stats().requests).toBe(1);
  });

  it('forgets requests and per-URL state on reset', async () => {
    const url = await start([['/x', { mode: '503-then-200' }]]);
    expect((await hit(url('/x'))).status).toBe(503);
    web!.reset();
    expect(web!.stats().requests).toBe(0);
    expect((await hit(url('/x'))).status).toBe(503);
  });

  it('stops by itself after its hard timeout', async () => {
    const url = await start([['/a', { mode: 'ok' }]], { hardTimeoutMs: 200 });
    expect((await hit(url('/a'))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await hit(url('/a'))).error).toBe('ECONNREFUSED');
  });
});

describe('archive.org unreachable, for the archive-down scenario', () => {
  it('refused: nothing listens; reset: the connection is reset once a request arrives', async () => {
    const refused = await startUnreachableArchive('127.0.0.250', 'refused');
    const reset = await startUnreachableArchive('127.0.0.250', 'reset');
    try {
      const codeOf = (url: string) =>
        new Promise<string | undefined>((resolve) => {
          const request = http.get(url, () => resolve(undefined));
          request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code));
        });
      expect(await codeOf(`${refused.baseUrl}/cdx/search/cdx`)).toBe('ECONNREFUSED');
      expect(await codeOf(`${reset.baseUrl}/cdx/search/cdx`)).toBe('ECONNRESET');
      expect(reset.connections()).toBe(1);
    } finally {
      await reset.close();
      await refused.close();
    }
  });
});

describe('scenarios', () => {
  const origin = (address: string) => `http://${address}:8080`;

  it('build the same posts from the same seed', () => {
    const addresses = Array.from({ length: MIX.hosts }, (_, i) => hostAddress(i, MIX.hosts));
    const first = buildScenario(MIX, addresses, origin);
    const second = buildScenario(MIX, addresses, origin);
    expect(second.posts).toEqual(first.posts);
    const random = createRandom(7);
    expect(createRandom(7)()).toBe(random());
  });

  it('main: 2,000 alive links, 50 distinct URLs on each of 40 hosts, every one written in a post', () => {
    const addresses = Array.from({ length: MAIN.hosts }, (_, i) => hostAddress(i, MAIN.hosts));
    expect(addresses[0]).toBe('127.0.0.2');
    expect(addresses.at(-1)).toBe('127.0.0.41');
    const scenario = buildScenario(MAIN, addresses, origin);
    expect(scenario.links).toHaveLength(2_000);
    expect(new Set(scenario.links.map((link) => link.url)).size).toBe(2_000);
    expect(scenario.links.every((link) => link.truth === 'alive')).toBe(true);
    const perHost = new Map<string, number>();
    for (const link of scenario.links) perHost.set(link.host, (perHost.get(link.host) ?? 0) + 1);
    expect([...perHost.values()].every((n) => n === 50)).toBe(true);
    expect(scenario.posts).toHaveLength(100);
    const text = scenario.posts.map((post) => post.text).join('\n');
    for (const link of scenario.links) expect(text).toContain(link.url);
  });

  it('archive-down: 60 dead links (404), each written in a dated post', () => {
    const addresses = Array.from({ length: ARCHIVE_DOWN.hosts }, (_, i) => hostAddress(i, ARCHIVE_DOWN.hosts));
    const scenario = buildScenario(ARCHIVE_DOWN, addresses, origin);
    expect(scenario.links).toHaveLength(60);
    expect(scenario.links.every((link) => link.mode === 'gone-404' && link.truth === 'dead')).toBe(true);
    expect(scenario.posts.every((post) => /^\d{4}-\d{2}-\d{2}-/.test(post.file))).toBe(true);
  });

  it('mix: every mode appears, with its truth, and every route of a redirect chain exists', () => {
    const addresses = Array.from({ length: MIX.hosts }, (_, i) => hostAddress(i, MIX.hosts));
    const scenario = buildScenario(MIX, addresses, origin);
    const modes = new Set(scenario.links.map((link) => link.mode));
    expect([...modes].sort()).toEqual([...MODES].sort());
    for (const link of scenario.links) expect(link.truth).toBe(TRUTH_BY_MODE[link.mode]);
    for (const mode of MIX_HOST_MODES) {
      const hosts = new Set(scenario.links.filter((link) => link.mode === mode).map((link) => link.host));
      expect(hosts.size).toBe(1);
    }
    for (const [url, route] of scenario.routes) {
      if (route.location === undefined) continue;
      expect(scenario.routes.has(new URL(route.location, url).href)).toBe(true);
    }
  });

  it('spreads 500 hosts over 127.0.x.y without repeating an address', () => {
    const addresses = Array.from({ length: 500 }, (_, i) => hostAddress(i, 500));
    expect(new Set(addresses).size).toBe(500);
    for (const address of addresses) expect(address).toMatch(/^127\.0\.\d{1,3}\.\d{1,3}$/);
  });
});
