import { describe, expect, it } from 'vitest';
import { useCleanup } from './helpers.js';

const env = useCleanup();

describe('redirects, followed by hand', () => {
  it('follows a 302 that carries a body and records every hop', async () => {
    const server = await env.serve((req, res) => {
      if (req.url === '/old') {
        res.writeHead(301, { location: '/middle', 'content-type': 'text/html' });
        res.end('<a href="/middle">moved</a>'.repeat(100));
      } else if (req.url === '/middle') {
        res.writeHead(302, { location: 'new?x=1' });
        res.end('found');
      } else {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('ok');
      }
    });
    const { fetcher } = env.fetcher();
    const result = await fetcher.fetch({ url: `${server.origin}/old` });
    expect(result.status).toBe(200);
    expect(result.finalUrl).toBe(`${server.origin}/new?x=1`);
    expect(result.redirects).toEqual([
      { url: `${server.origin}/old`, status: 301, location: '/middle' },
      { url: `${server.origin}/middle`, status: 302, location: 'new?x=1' },
    ]);
    expect(result.attempts).toBe(3);
    expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual(['HEAD /old', 'HEAD /middle', 'HEAD /new?x=1']);
  });

  it('resolves a protocol-relative Location', async () => {
    const target = await env.serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const server = await env.serve((_req, res) => {
      res.writeHead(301, { location: `//${target.host}/landing` });
      res.end();
    });
    const { fetcher } = env.fetcher();
    const result = await fetcher.fetch({ url: `${server.origin}/` });
    expect(result).toMatchObject({ status: 200, finalUrl: `${target.origin}/landing` });
    expect(target.received).toHaveLength(1);
  });

  it('reports a redirect loop on one server', async () => {
    const server = await env.serve((req, res) => {
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' });
      res.end();
    });
    const { fetcher } = env.fetcher();
    const result = await fetcher.fetch({ url: `${server.origin}/a` });
    expect(result.error?.code).toBe('redirect-loop');
    expect(result.redirects).toHaveLength(2);
    expect(server.received).toHaveLength(2);
  });

  it('reports a loop through two servers', async () => {
    const targets: { other?: string } = {};
    const one = await env.serve((_req, res) => {
      res.writeHead(301, { location: `${targets.other}/two` });
      res.end();
    });
    const two = await env.serve((_req, res) => {
      res.writeHead(301, { location: `${one.origin}/one` });
      res.end();
    });
    targets.other = two.origin;
    const { fetcher } = env.fetcher();
    const result = await fetcher.fetch({ url: `${one.origin}/one` });
    expect(result.error?.code).toBe('redirect-loop');
    expect(one.received).toHaveLength(1);
    expect(two.received).toHaveLength(1);
  });

  it('stops a 100-hop chain at the limit', async () => {
    const server = await env.serve((req, res) => {
      const hop = Number(req.url?.slice(1));
      res.writeHead(hop < 100 ? 302 : 200, hop < 100 ? { location: `/${hop + 1}` } : {});
      res.end();
    });
    const { fetcher } = env.fetcher({ maxRedirects: 10 });
    const result = await fetcher.fetch({ url: `${server.origin}/0` });
    expect(result.error?.code).toBe('too-many-redirects');
    expect(result.redirects).toHaveLength(11);
    expect(server.received).toHaveLength(11);
  });

  it('follows exactly maxRedirects hops', async () => {
    const server = await env.serve((req, res) => {
      const hop = Number(req.url?.slice(1));
      res.writeHead(hop < 3 ? 307 : 200, hop < 3 ? { location: `/${hop + 1}` } : {});
      res.end();
    });
    const { fetcher } = env.fetcher({ maxRedirects: 3 });
    const result = await fetcher.fetch({ url: `${server.origin}/0` });
    expect(result).toMatchObject({ status: 200, finalUrl: `${server.origin}/3` });
    expect(result.error).toBeUndefined();
  });

  it.each([
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
    ['http://'],
    ['http://exa mple.com/'],
  ])('refuses Location %s as invalid-redirect', async (location) => {
    const server = await env.serve((_req, res) => {
      res.setHeader('location', location);
      res.writeHead(302);
      res.end();
    });
    const { fetcher } = env.fetcher();
    const result = await fetcher.fetch({ url: `${server.origin}/` });
    expect(result.error?.code).toBe('invalid-redirect');
    expect(result.status).toBe(302);
    expect(result.redirects).toEqual([{ url: `${server.origin}/`, status: 302, location }]);
    expect(server.received).toHaveLength(1);
  });

  it('calls a redirect without Location invalid-redirect', async () => {
    const server = await env.serve((_req, res) => {
      res.writeHead(301);
      res.end();
    });
    const { fetcher } = env.fetcher();
    const result = await fetcher.fetch({ url: `${server.origin}/` });
    expect(result.error?.code).toBe('invalid-redirect');
  });

  it('returns the redirect itself when followRedirects is false', async () => {
    const server = await env.serve((_req, res) => {
      res.writeHead(301, { location: '/elsewhere' });
      res.end();
    });
    const { fetcher } = env.fetcher();
    const result = await fetcher.fetch({ url: `${server.origin}/`, followRedirects: false });
    expect(result).toMatchObject({ status: 301, headers: { location: '/elsewhere' }, redirects: [] });
    expect(server.received).toHaveLength(1);
  });
});
