/**
 * A forward proxy on 127.0.0.1 as the binary meets one in a company network or a CI runner: it forwards plain
 * http:// requests (absolute-form, RFC 9112 §3.2.2), opens CONNECT tunnels for https:// (RFC 9110 §9.3.6), and
 * reports its own failures as `502` with a `Proxy-Status` header (RFC 9209). Only the proxy resolves names: a
 * table maps the public names a test uses to ports on 127.0.0.1; any other name is the proxy's `dns_error`.
 *
 * As an intercepting ("TLS-inspecting") proxy it answers CONNECT itself, ends the client's TLS with a certificate
 * its private CA issues for the requested host, and answers every request from a table of its own (`web`), as the
 * corporate proxies do that put their CA in NODE_EXTRA_CA_CERTS.
 */
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import type { CertificateAuthority, KeyAndCertificate } from './certificate-authority.js';

export const PROXY_NAME = 'linkrot-test-proxy';

/** What the proxy answers on its own behalf: status and extra headers (e.g. 407 with Proxy-Authenticate). */
export interface ProxyRefusal {
  status: number;
  headers?: Record<string, string>;
}

/** Answers a request the intercepting proxy received for `url` (https:// inside a tunnel, or http://). */
export type WebHandler = (url: URL, request: IncomingMessage, response: ServerResponse) => void;

export interface TestProxyOptions {
  /** Serve the proxy itself over TLS (an https:// proxy URL). */
  tls?: KeyAndCertificate;
  /** The names this proxy resolves: host name → port on 127.0.0.1 (for both http and CONNECT). */
  names?: Record<string, number>;
  /** Answer every CONNECT with this instead of opening a tunnel. */
  refuseConnect?: ProxyRefusal;
  /** Answer every plain http:// request with this instead of forwarding it. */
  refuseForward?: ProxyRefusal;
  /** Intercept: answer every request (http and, inside CONNECT, https) from `web`, with certificates from `ca`. */
  intercept?: { ca: CertificateAuthority; web: WebHandler };
  /** Hosts whose CONNECT (in intercept mode) fails as if the origin refused the connection. */
  refusedHosts?: ReadonlySet<string>;
  /**
   * Credentials the proxy demands (`user:password`), as a corporate proxy does with Basic authentication
   * (RFC 9110 §11.7.1): a CONNECT or forwarded request without the matching `Proxy-Authorization` gets 407.
   */
  credentials?: string;
}

export interface TestProxy {
  /** `http://127.0.0.1:PORT` (https:// with `tls`). */
  url: string;
  port: number;
  /** Every CONNECT target, `host:port`, in order. */
  connects: string[];
  /** Every plain request, `METHOD absolute-url` (forwarded or answered). */
  forwarded: string[];
  /** Every request answered inside an intercepted tunnel, `METHOD https-url`. */
  intercepted: string[];
  /** The `Proxy-Authorization` of every CONNECT and forwarded request, in order ('' when absent). */
  authorizations: string[];
  close(): Promise<void>;
}

const REASONS: Record<number, string> = { 200: 'Connection established', 403: 'Forbidden', 407: 'Proxy Authentication Required', 502: 'Bad Gateway' };

/** The proxy's own failure, as RFC 9209 §2.1 writes it: `<proxy name>; error=<type>[; details]`. */
export function proxyFailure(error: string, details = ''): ProxyRefusal {
  return { status: 502, headers: { 'proxy-status': `${PROXY_NAME}; error=${error}${details}`, 'content-type': 'text/plain' } };
}

const NXDOMAIN = proxyFailure('dns_error', '; rcode=NXDOMAIN');
const REFUSED = proxyFailure('connection_refused');

function writeRawResponse(socket: Socket, answer: ProxyRefusal): void {
  const lines = [`HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? 'Proxy answer'}`];
  for (const [name, value] of Object.entries(answer.headers ?? {})) lines.push(`${name}: ${value}`);
  lines.push('content-length: 0', 'connection: close', '', '');
  socket.end(lines.join('\r\n'));
}

function respond(response: ServerResponse, answer: ProxyRefusal): void {
  response.writeHead(answer.status, answer.headers);
  response.end(`${answer.status} from ${PROXY_NAME}\n`);
}

function splitAuthority(authority: string): { host: string; port: number } {
  const url = new URL(`http://${authority}`);
  return { host: url.hostname, port: Number(url.port || 443) };
}

export async function startTestProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const names = new Map(Object.entries(options.names ?? {}));
  const connects: string[] = [];
  const forwarded: string[] = [];
  const intercepted: string[] = [];
  const authorizations: string[] = [];
  const sockets = new Set<Socket>();
  const expected = options.credentials === undefined ? undefined : `Basic ${Buffer.from(options.credentials).toString('base64')}`;
  const AUTH_REQUIRED: ProxyRefusal = { status: 407, headers: { 'proxy-authenticate': 'Basic realm="corporate proxy"' } };
  /** Records the request's credentials; false when the proxy demands others. */
  const authorized = (request: IncomingMessage): boolean => {
    const given = request.headers['proxy-authorization'] ?? '';
    authorizations.push(given);
    return expected === undefined || given === expected;
  };

  // Requests inside intercepted tunnels: plain HTTP over the TLS socket the proxy ends.
  const inner = createHttpServer((request, response) => {
    const socket = request.socket as TLSSocket & { authority?: string };
    const url = new URL(request.url ?? '/', `https://${socket.authority ?? 'unknown'}`);
    intercepted.push(`${request.method} ${url.href}`);
    options.intercept?.web(url, request, response);
  });

  const onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    const target = request.url ?? '';
    forwarded.push(`${request.method} ${target}`);
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      respond(response, { status: 400 });
      return;
    }
    if (options.refuseForward !== undefined || !authorized(request)) {
      respond(response, options.refuseForward ?? AUTH_REQUIRED);
      return;
    }
    if (options.intercept !== undefined) {
      options.intercept.web(url, request, response);
      return;
    }
    const port = names.get(url.hostname);
    if (port === undefined) {
      respond(response, NXDOMAIN);
      return;
    }
    const upstream = httpRequest({ host: '127.0.0.1', port, method: request.method, path: `${url.pathname}${url.search}`, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => respond(response, REFUSED));
    request.pipe(upstream);
  };

  const server: Server = options.tls === undefined ? createHttpServer(onRequest) : createHttpsServer(options.tls, onRequest);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const authority = request.url ?? '';
    connects.push(authority);
    socket.on('error', () => undefined);
    const { host, port } = splitAuthority(authority);
    if (options.refuseConnect !== undefined) return writeRawResponse(socket, options.refuseConnect);
    if (!authorized(request)) return writeRawResponse(socket, AUTH_REQUIRED);
    if (options.intercept !== undefined) {
      if (options.refusedHosts?.has(host) === true) return writeRawResponse(socket, REFUSED);
      const ca = options.intercept.ca;
      void ca.issue(host).then((identity) => {
        socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
        if (head.length > 0) socket.unshift(head);
        const tlsSocket = new TLSSocket(socket, { isServer: true, secureContext: createSecureContext(identity) }) as TLSSocket & { authority?: string };
        tlsSocket.authority = port === 443 ? host : authority;
        tlsSocket.on('error', () => socket.destroy());
        inner.emit('connection', tlsSocket);
      }, () => socket.destroy());
      return;
    }
    const upstreamPort = names.get(host);
    if (upstreamPort === undefined) return writeRawResponse(socket, NXDOMAIN);
    const upstream = netConnect(upstreamPort, '127.0.0.1');
    sockets.add(upstream);
    let open = false;
    upstream.once('connect', () => {
      open = true;
      socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => (open ? socket.destroy() : writeRawResponse(socket, REFUSED)));
    upstream.on('close', () => sockets.delete(upstream));
  });
  server.on('clientError', (_error, socket: Socket) => socket.destroy());

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    port,
    connects,
    authorizations,
    forwarded,
    intercepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
        inner.close();
      }),
  };
}
