import type { LookupAddress } from 'node:dns';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Dispatcher, getGlobalDispatcher } from 'undici';
import { createDispatcher, type LookupFunction } from '../../src/check/index.js';
import { LinkrotError } from '../../src/errors.js';
import { runCli } from '../cli/run-cli.js';
import { startRawServer } from '../helpers/servers.js';
import { useCleanup } from './helpers.js';
import { hasOpenssl, makeCertificates, type TestCertificates } from './tls-certificates.js';

const env = useCleanup();

/** A resolver for made-up names: never asks a real DNS server. */
function fakeLookup(table: Record<string, string>): LookupFunction {
  return (hostname, options, callback) => {
    const address = table[hostname];
    if (address === undefined) {
      const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
      error.code = 'ENOTFOUND';
      callback(error, '', 0);
      return;
    }
    const family = address.includes(':') ? 6 : 4;
    if (options.all === true) callback(null, [{ address, family } satisfies LookupAddress]);
    else callback(null, address, family);
  };
}

/** Route requests by host name to one of two dispatchers (a public first hop, a guarded rest). */
class RoutingDispatcher extends Dispatcher {
  constructor(
    private readonly route: (origin: string) => Dispatcher,
    private readonly all: Dispatcher[],
  ) {
    super();
  }
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return this.route(String(options.origin)).dispatch(options, handler);
  }
  override async close(): Promise<void> {
    await Promise.all(this.all.map((dispatcher) => dispatcher.close()));
  }
  override async destroy(): Promise<void> {
    await Promise.all(this.all.map((dispatcher) => dispatcher.destroy()));
  }
}

describe('private-address guard at connect time', () => {
  it.each(['127.0.0.1', '169.254.169.254', '::ffff:127.0.0.1', '10.0.0.7'])(
    'refuses a public-looking name that resolves to %s, before connecting',
    async (address) => {
      const server = await env.serve((_req, res) => {
        res.writeHead(200);
        res.end();
      });
      const dispatcher = createDispatcher({ lookup: fakeLookup({ 'public.example': address }) });
      const { fetcher } = env.fetcher({ allowPrivate: false }, dispatcher);
      const result = await fetcher.fetch({ url: `http://public.example:${server.port}/`, method: 'GET' });
      expect(result.error?.code).toBe('private-address');
      expect(result.attempts).toBe(1);
      expect(server.connections).toBe(0);
    },
  );

  it('refuses a literal private address at connect time too', async () => {
    const server = await env.serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    // The fetcher's own lexical check is opened; the dispatcher's is not.
    const { fetcher } = env.fetcher({ allowPrivate: true }, createDispatcher());
    const result = await fetcher.fetch({ url: `${server.origin}/`, method: 'GET' });
    expect(result.error?.code).toBe('private-address');
    expect(server.connections).toBe(0);
  });

  it('connects when private addresses are allowed, sending the name as Host', async () => {
    const server = await env.serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const dispatcher = createDispatcher({ allowPrivate: true, lookup: fakeLookup({ 'dev.example': '127.0.0.1' }) });
    const { fetcher } = env.fetcher({ allowPrivate: true }, dispatcher);
    const result = await fetcher.fetch({ url: `http://dev.example:${server.port}/` });
    expect(result.status).toBe(200);
    expect(server.received[0]?.headers.host).toBe(`dev.example:${server.port}`);
  });

  it('says dns-not-found for a name that does not resolve, without retrying', async () => {
    const dispatcher = createDispatcher({ lookup: fakeLookup({}) });
    const { fetcher } = env.fetcher({ allowPrivate: false, retries: 2 }, dispatcher);
    const result = await fetcher.fetch({ url: 'https://gone.example/' });
    expect(result).toMatchObject({ error: { code: 'dns-not-found' }, attempts: 1 });
  });

  it('refuses a redirect from a public host to a name that resolves to the metadata address', async () => {
    const server = await env.serve((req, res) => {
      res.writeHead(302, { location: `http://metadata.example:${req.socket.localPort}/latest/meta-data/` });
      res.end();
    });
    const open = createDispatcher({ allowPrivate: true, lookup: fakeLookup({ 'public.example': '127.0.0.1' }) });
    const guarded = createDispatcher({ lookup: fakeLookup({ 'metadata.example': '169.254.169.254' }) });
    const router = new RoutingDispatcher((origin) => (origin.includes('public.example') ? open : guarded), [open, guarded]);
    const { fetcher } = env.fetcher({ allowPrivate: false }, router);
    const result = await fetcher.fetch({ url: `http://public.example:${server.port}/` });
    expect(result.error?.code).toBe('private-address');
    expect(result.redirects).toEqual([
      { url: `http://public.example:${server.port}/`, status: 302, location: `http://metadata.example:${server.port}/latest/meta-data/` },
    ]);
    expect(server.received).toHaveLength(1);
  });
});

describe('private-address guard on redirects (nock for the external host)', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it.each(['http://127.0.0.1:9/admin', 'http://[::1]/', 'http://localhost/', 'http://0x7f.1/', 'http://169.254.169.254/'])(
    'refuses a redirect to %s without sending anything there',
    async (location) => {
      const scope = nock('https://public.example').head('/post').reply(301, '', { location });
      const { fetcher } = env.fetcher({ allowPrivate: false }, getGlobalDispatcher());
      const result = await fetcher.fetch({ url: 'https://public.example/post' });
      expect(result.error?.code).toBe('private-address');
      expect(result.redirects).toHaveLength(1);
      expect(result.attempts).toBe(1);
      expect(scope.isDone()).toBe(true);
    },
  );

  it('does not send per-host headers to the host a redirect leads to', async () => {
    const scope = nock('https://api.example', { reqheaders: { authorization: 'token one' } })
      .head('/x')
      .reply(302, '', { location: 'https://other.example/y' });
    const other = nock('https://other.example', { badheaders: ['authorization'] }).head('/y').reply(200);
    const { fetcher } = env.fetcher(
      { allowPrivate: false, hosts: { 'api.example': { headers: { Authorization: 'token one' } } } },
      getGlobalDispatcher(),
    );
    const result = await fetcher.fetch({ url: 'https://api.example/x' });
    expect(result.status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(other.isDone()).toBe(true);
  });
});

describe.skipIf(!hasOpenssl())('TLS (certificates made with openssl at test time)', () => {
  let certs: TestCertificates;
  beforeAll(() => {
    certs = makeCertificates('secure.test');
  });
  afterAll(() => certs.remove());

  const lookup = fakeLookup({ 'secure.test': '127.0.0.1' });
  const ok = (_req: unknown, res: import('node:http').ServerResponse): void => {
    res.writeHead(200);
    res.end();
  };

  it.each(['selfSigned', 'expired'] as const)('says tls-error for a %s certificate, and accepts it with insecure', async (kind) => {
    const server = await env.serve(ok, { tls: certs[kind] });
    const url = `https://secure.test:${server.port}/`;
    const strict = env.fetcher({ retries: 2 }, createDispatcher({ allowPrivate: true, lookup, env: {} }));
    const refused = await strict.fetcher.fetch({ url });
    expect(refused).toMatchObject({ error: { code: 'tls-error' }, attempts: 1 });
    expect(server.received).toHaveLength(0);
    const lenient = env.fetcher({}, createDispatcher({ allowPrivate: true, lookup, insecure: true, env: {} }));
    expect((await lenient.fetcher.fetch({ url })).status).toBe(200);
  });

  it('trusts the CA given in NODE_EXTRA_CA_CERTS', async () => {
    const server = await env.serve(ok, { tls: certs.signed });
    const url = `https://secure.test:${server.port}/`;
    const without = env.fetcher({}, createDispatcher({ allowPrivate: true, lookup, env: {} }));
    expect((await without.fetcher.fetch({ url })).error?.code).toBe('tls-error');
    const withCa = env.fetcher({}, createDispatcher({ allowPrivate: true, lookup, env: { NODE_EXTRA_CA_CERTS: certs.caFile } }));
    expect((await withCa.fetcher.fetch({ url })).status).toBe(200);
  });

  it('tunnels https:// through an HTTPS_PROXY with CONNECT, trusting the extra CA inside the tunnel', async () => {
    const origin = await env.serve(ok, { tls: certs.signed });
    const tunnels: string[] = [];
    const proxy = env.track(
      await startRawServer((client) => {
        client.once('data', (head: Buffer) => {
          const line = head.toString('latin1').split('\r\n')[0] ?? '';
          tunnels.push(line);
          const upstream = connect(origin.port, '127.0.0.1', () => {
            client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
            client.pipe(upstream).pipe(client);
          });
          upstream.on('error', () => client.destroy());
          client.on('error', () => upstream.destroy());
          client.on('close', () => upstream.destroy());
        });
      }, { lifetimeMs: 10_000 }),
    );
    const dispatcher = createDispatcher({ env: { HTTPS_PROXY: proxy.origin, NODE_EXTRA_CA_CERTS: certs.caFile } });
    const { fetcher } = env.fetcher({ allowPrivate: false }, dispatcher);
    const result = await fetcher.fetch({ url: `https://secure.test:${origin.port}/page` });
    expect(result.status).toBe(200);
    expect(tunnels).toEqual([`CONNECT secure.test:${origin.port} HTTP/1.1`]);
    expect(origin.received.map((request) => `${request.method} ${request.url} ${request.headers.host}`)).toEqual([
      `HEAD /page secure.test:${origin.port}`,
    ]);
  });

  it('relies on Node itself for the NODE_EXTRA_CA_CERTS it read at start-up (the CLI in a child process)', async () => {
    const server = await env.serve(ok, { tls: certs.signed });
    const dir = mkdtempSync(join(tmpdir(), 'linkrot-ca-'));
    try {
      const post = join(dir, 'post.md');
      writeFileSync(post, `A [secure page](https://127.0.0.1:${server.port}/page).\n`);
      const args = ['check', post, '--allow-private', '--no-archive', '--format', 'json', '--retries', '0'];
      const trusted = await runCli(args, { env: { NODE_EXTRA_CA_CERTS: certs.caFile } });
      expect(JSON.parse(trusted.stdout).files[0].links[0].state, trusted.stderr).toBe('alive');
      const untrusted = await runCli(args);
      expect(JSON.parse(untrusted.stdout).files[0].links[0].reason).toBe('tls-error');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unreadable NODE_EXTRA_CA_CERTS with a config error', () => {
    expect(() => createDispatcher({ env: { NODE_EXTRA_CA_CERTS: '/nonexistent/ca.pem' } })).toThrow(LinkrotError);
  });
});

describe('behind a proxy (HTTP_PROXY / HTTPS_PROXY / NO_PROXY)', () => {
  it('forwards http:// through the proxy and reads its Proxy-Status dns_error as dns-not-found', async () => {
    const proxy = await env.serve((_req, res) => {
      res.writeHead(502, { 'proxy-status': 'corp-proxy; error=dns_error; rcode=NXDOMAIN' });
      res.end('Bad gateway');
    });
    const dispatcher = createDispatcher({ env: { HTTP_PROXY: proxy.origin } });
    const { fetcher } = env.fetcher({ allowPrivate: false, retries: 2 }, dispatcher);
    const result = await fetcher.fetch({ url: 'http://no-such-name.example/page' });
    // Final at once: no GET after the HEAD, no retry.
    expect(result).toMatchObject({ error: { code: 'dns-not-found' }, attempts: 1 });
    expect(result.status).toBeUndefined();
    // Absolute-form request: the proxy resolves the name, not us.
    expect(proxy.received.map((request) => `${request.method} ${request.url}`)).toEqual([
      'HEAD http://no-such-name.example/page',
    ]);
  });

  it('passes the origin answer through the proxy', async () => {
    const proxy = await env.serve((req, res) => {
      res.writeHead(req.url === 'http://site.example/' ? 200 : 404);
      res.end();
    });
    const { fetcher } = env.fetcher({ allowPrivate: false }, createDispatcher({ env: { http_proxy: proxy.origin } }));
    expect((await fetcher.fetch({ url: 'http://site.example/' })).status).toBe(200);
  });

  it('judges names lexically behind a proxy and sends nothing for a private one', async () => {
    const proxy = await env.serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const { fetcher } = env.fetcher({ allowPrivate: false }, createDispatcher({ env: { HTTP_PROXY: proxy.origin } }));
    const result = await fetcher.fetch({ url: 'http://10.1.2.3/' });
    expect(result.error?.code).toBe('private-address');
    expect(proxy.received).toHaveLength(0);
  });

  it('goes direct for NO_PROXY hosts', async () => {
    const proxy = await env.serve((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    const direct = await env.serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const dispatcher = createDispatcher({ allowPrivate: true, env: { HTTP_PROXY: proxy.origin, NO_PROXY: '127.0.0.1' } });
    const { fetcher } = env.fetcher({}, dispatcher);
    expect((await fetcher.fetch({ url: `${direct.origin}/` })).status).toBe(200);
    expect(proxy.received).toHaveLength(0);
    expect(direct.received).toHaveLength(1);
  });

  it('gives up on a CONNECT the proxy never answers, within linkrot\'s own deadline', async () => {
    const proxy = env.track(await startRawServer(() => undefined, { lifetimeMs: 10_000 }));
    const dispatcher = createDispatcher({ env: { HTTPS_PROXY: proxy.origin } });
    const { fetcher } = env.fetcher({ allowPrivate: false, timeoutMs: 300, retries: 0 }, dispatcher);
    const result = await fetcher.fetch({ url: 'https://secure.example/', method: 'GET' });
    expect(result.error?.code).toBe('timeout');
    expect(proxy.received[0]?.method).toBe('CONNECT');
  });
});
