import { afterEach, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { DEFAULT_CHECK_SETTINGS, DEFAULT_USER_AGENT, createFetcher, type CheckSettings } from '../../src/check/index.js';
import { LinkrotError } from '../../src/errors.js';
import { startServer, type TestServer } from '../helpers/servers.js';

const servers: TestServer[] = [];
const agents: Agent[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await Promise.all(agents.splice(0).map((agent) => agent.destroy()));
});

function settings(overrides: Partial<CheckSettings> = {}): CheckSettings {
  return { ...DEFAULT_CHECK_SETTINGS, allowPrivate: true, timeoutMs: 3000, intervalMs: 0, ...overrides };
}

function setup(overrides: Partial<CheckSettings> = {}) {
  const agent = new Agent();
  agents.push(agent);
  const slept: number[] = [];
  let clock = 1_000_000;
  const fetcher = createFetcher(settings(overrides), {
    dispatcher: agent,
    now: () => clock,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    random: () => 0.5,
  });
  return { fetcher, slept };
}

async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

describe('createFetcher: methods and headers', () => {
  it('sends one HEAD with browser-like headers and records the facts', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', server: 'test', 'set-cookie': ['a=1; Path=/', 'sid=secret'] });
      res.end('<html></html>');
    });
    const { fetcher } = setup();
    const result = await fetcher.fetch({ url: `${server.origin}/page#section` });
    expect(result).toMatchObject({
      url: `${server.origin}/page`,
      finalUrl: `${server.origin}/page`,
      status: 200,
      method: 'HEAD',
      attempts: 1,
      redirects: [],
    });
    expect(result.error).toBeUndefined();
    expect(result.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', server: 'test', 'set-cookie': 'a, sid' });
    expect(server.received).toHaveLength(1);
    const [request] = server.received;
    expect(request?.method).toBe('HEAD');
    expect(request?.url).toBe('/page');
    expect(request?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(request?.headers['user-agent']).not.toMatch(/link/i);
    expect(request?.headers['accept']).toContain('text/html');
    expect(request?.headers['accept-language']).toBeDefined();
    expect(fetcher.requestCount).toBe(1);
  });

  it.each([405, 403, 400, 404, 501])('asks again with GET when HEAD gets %i', async (status) => {
    const server = await serve((req, res) => {
      res.writeHead(req.method === 'HEAD' ? status : 200, { 'content-type': 'text/html' });
      res.end(req.method === 'HEAD' ? '' : 'hello');
    });
    const { fetcher } = setup();
    const result = await fetcher.fetch({ url: `${server.origin}/x` });
    expect(result).toMatchObject({ status: 200, method: 'GET', attempts: 2 });
    expect(server.received.map((request) => request.method)).toEqual(['HEAD', 'GET']);
  });

  it('remembers a host that refused HEAD and starts with GET next time', async () => {
    const server = await serve((req, res) => {
      res.writeHead(req.method === 'HEAD' ? 405 : 200);
      res.end();
    });
    const { fetcher } = setup();
    await fetcher.fetch({ url: `${server.origin}/a` });
    await fetcher.fetch({ url: `${server.origin}/b` });
    expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual(['HEAD /a', 'GET /a', 'GET /b']);
  });

  it('does not ask again with GET after a 410, which means the same for both', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(410);
      res.end();
    });
    const { fetcher } = setup();
    const result = await fetcher.fetch({ url: `${server.origin}/gone` });
    expect(result).toMatchObject({ status: 410, method: 'HEAD', attempts: 1 });
  });

  it('reads a bounded body with GET when bodyBytes is asked, decoding the charset', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      res.end(Buffer.from('<title>Caf\xe9</title>', 'latin1'));
    });
    const { fetcher } = setup();
    const result = await fetcher.fetch({ url: `${server.origin}/`, bodyBytes: 4096 });
    expect(result.method).toBe('GET');
    expect(result.body).toEqual({ text: '<title>Café</title>', bytes: 19, truncated: false });
    expect(server.received.map((request) => request.method)).toEqual(['GET']);
  });

  it('sends global headers everywhere and per-request headers only to their host', async () => {
    const other = await serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const first = await serve((_req, res) => {
      res.writeHead(302, { location: `${other.origin}/landing` });
      res.end();
    });
    const { fetcher } = setup({ headers: { 'X-Everyone': 'yes' } });
    const result = await fetcher.fetch({ url: `${first.origin}/`, headers: { Authorization: 'Bearer secret', 'X-Mine': '1' } });
    expect(result.status).toBe(200);
    expect(first.received[0]?.headers['authorization']).toBe('Bearer secret');
    expect(first.received[0]?.headers['x-everyone']).toBe('yes');
    expect(other.received[0]?.headers['authorization']).toBeUndefined();
    expect(other.received[0]?.headers['x-mine']).toBeUndefined();
    expect(other.received[0]?.headers['x-everyone']).toBe('yes');
  });

  it('never sends credentials written in the URL', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const { fetcher } = setup();
    const result = await fetcher.fetch({ url: `http://user:pass@${server.host}/private` });
    expect(result.url).toBe(`${server.origin}/private`);
    expect(server.received[0]?.headers['authorization']).toBeUndefined();
  });

  it('reports onProgress once per fetch', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const seen: number[] = [];
    const agent = new Agent();
    agents.push(agent);
    const fetcher = createFetcher(settings(), { dispatcher: agent, onProgress: (done) => seen.push(done) });
    await Promise.all([1, 2, 3].map((n) => fetcher.fetch({ url: `${server.origin}/${n}` })));
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('createFetcher: HEAD trust per host', () => {
  it('keeps using HEAD on a host whose 404s are real', async () => {
    const server = await serve((req, res) => {
      res.writeHead(req.url === '/gone' ? 404 : 200);
      res.end();
    });
    const { fetcher } = setup();
    expect((await fetcher.fetch({ url: `${server.origin}/gone` })).status).toBe(404);
    expect((await fetcher.fetch({ url: `${server.origin}/here` })).status).toBe(200);
    expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual(['HEAD /gone', 'GET /gone', 'HEAD /here']);
  });
});

describe('createFetcher: settings it cannot work with', () => {
  it.each([
    [{ headers: { 'X-Bad\nName': 'v' } }],
    [{ headers: { 'X-Ok': 'line\r\nInjected: 1' } }],
    [{ hosts: { 'a.example': { headers: { 'bad name': 'v' } } } }],
    [{ userAgent: 'agent\r\nX: 1' }],
  ] as Array<[Partial<CheckSettings>]>)('refuses %j with a usage error', (overrides) => {
    expect(() => createFetcher(settings(overrides), { dispatcher: new Agent() })).toThrow(LinkrotError);
  });

  it('turns a request undici refuses to build into a result, not a throw', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const { fetcher } = setup();
    const result = await fetcher.fetch({ url: `${server.origin}/`, headers: { 'x-bad': 'a\r\nb: c' } });
    expect(result.error).toBeDefined();
    expect(server.received).toHaveLength(0);
  });
});
