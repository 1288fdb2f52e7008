/**
 * Loopback test servers: `node:http`, `node:https` or raw `node:net` servers on 127.0.0.1 port 0 that record
 * what they received (method, path, headers, how many requests at once) and stop by themselves.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Socket, type AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingMessage['headers'];
  /** `Date.now()` when the request arrived. */
  at: number;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT` (or https). */
  origin: string;
  port: number;
  /** `127.0.0.1:PORT`, as a URL's `host`. */
  host: string;
  received: ReceivedRequest[];
  /** Requests being answered right now, and the most there ever were at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Raw connections accepted. */
  readonly connections: number;
  close(): Promise<void>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse, received: ReceivedRequest) => void | Promise<void>;

export interface ServerOptions {
  /** The server closes itself (and every connection) after this long; default 30 s. */
  lifetimeMs?: number;
  /** For https: PEM key and certificate. */
  tls?: { key: string; cert: string };
}

const DEFAULT_LIFETIME_MS = 30_000;

function trackSockets(server: Server | ReturnType<typeof createNetServer>): { sockets: Set<Socket>; count: () => number } {
  const sockets = new Set<Socket>();
  let count = 0;
  server.on('connection', (socket: Socket) => {
    count += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  return { sockets, count: () => count };
}

async function listen(server: Server | ReturnType<typeof createNetServer>): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

function closer(server: Server | ReturnType<typeof createNetServer>, sockets: Set<Socket>, lifetimeMs: number): () => Promise<void> {
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      clearTimeout(timer);
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
    return closed;
  };
  const timer = setTimeout(() => void close(), lifetimeMs);
  timer.unref();
  return close;
}

/** Start an HTTP (or, with `options.tls`, HTTPS) server whose `handler` answers every request. */
export async function startServer(handler: Handler, options: ServerOptions = {}): Promise<TestServer> {
  const received: ReceivedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    const entry: ReceivedRequest = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, at: Date.now() };
    received.push(entry);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on('close', () => {
      inFlight -= 1;
    });
    request.on('error', () => undefined);
    response.on('error', () => undefined);
    Promise.resolve(handler(request, response, entry)).catch(() => response.destroy());
  };
  const server = options.tls === undefined ? createHttpServer(listener) : createHttpsServer(options.tls, listener);
  server.on('clientError', (_error, socket) => socket.destroy());
  // Used as a forward proxy (HTTP_PROXY), these servers forward nothing through a tunnel: they refuse a CONNECT as
  // a proxy whose policy forbids it does (Squid: 403), rather than leave it unanswered as Node would.
  server.on('connect', (_request: IncomingMessage, socket: Socket) => {
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  const { sockets, count } = trackSockets(server);
  const port = await listen(server);
  const scheme = options.tls === undefined ? 'http' : 'https';
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    port,
    host: `127.0.0.1:${port}`,
    received,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get connections() {
      return count();
    },
    close: closer(server, sockets, options.lifetimeMs ?? DEFAULT_LIFETIME_MS),
  };
}

/**
 * Start a raw TCP server for replies no HTTP server would send (malformed status lines, HTTP/0.9, silence).
 * `onConnection` gets each socket and the bytes received so far.
 */
export async function startRawServer(
  onConnection: (socket: Socket, received: () => string) => void,
  options: Omit<ServerOptions, 'tls'> = {},
): Promise<TestServer> {
  const received: ReceivedRequest[] = [];
  const server = createNetServer((socket) => {
    let data = '';
    socket.on('data', (chunk: Buffer) => {
      const first = data === '';
      data += chunk.toString('latin1');
      if (first) {
        const [method = '', url = ''] = data.split(' ');
        received.push({ method, url, headers: {}, at: Date.now() });
      }
    });
    onConnection(socket, () => data);
  });
  const { sockets, count } = trackSockets(server);
  const port = await listen(server);
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    host: `127.0.0.1:${port}`,
    received,
    inFlight: 0,
    maxInFlight: 0,
    get connections() {
      return count();
    },
    close: closer(server, sockets, options.lifetimeMs ?? DEFAULT_LIFETIME_MS),
  };
}

/** Resolve after `ms` (for servers that answer slowly; tests never wait on these for assertions of time). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
