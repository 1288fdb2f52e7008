/**
 * The simulated web: one `node:http` server per loopback address (each address a distinct host), all on one
 * port, with a fixed latency before every response, a per-host concurrency limit that answers 429 beyond it,
 * and per-URL behaviours (the failure modes link checkers meet in the wild), each with a known ground truth.
 *
 * Loopback only. Every server stops by itself after a hard timeout.
 */
import http from 'node:http';
import net from 'node:net';
import { articlePage } from './article-page.mjs';
import { fetchPerHost } from './per-host.mjs';

/** Added before every response (the round trip of a distant server). */
export const DEFAULT_LATENCY_MS = 100;
/** Requests one host serves at once; one more gets 429 with `Retry-After`. */
export const DEFAULT_HOST_LIMIT = 8;
/** Seconds in the `Retry-After` of a 429 sent for going over the limit. */
export const LIMIT_RETRY_AFTER_S = 1;
/** The web shuts itself down after this long whatever happens. */
export const DEFAULT_HARD_TIMEOUT_MS = 15 * 60_000;
/** Extra wait before the headers of a `slow-headers` URL. */
export const SLOW_HEADERS_MS = 2_500;
/** Time a `slow-body` URL takes to send its body, in ten chunks. */
export const SLOW_BODY_MS = 2_500;

/**
 * What each behaviour truly is, as a reader with a browser would find it:
 * - `alive`: the content is there (maybe after a redirect, a retry or a wait);
 * - `dead`: the content is gone (404, 410, or a 200 that says "page not found");
 * - `blocked`: a bot wall stands in front of content that exists (a checker cannot know more);
 * - `unreachable`: broken, but not known to be gone (a redirect loop, a server that always resets).
 */
export const TRUTH_BY_MODE = Object.freeze({
  ok: 'alive',
  'head-405': 'alive',
  redirect: 'alive',
  'redirect-loop': 'unreachable',
  'retry-after-429': 'alive',
  '503-then-200': 'alive',
  'slow-headers': 'alive',
  'slow-body': 'alive',
  'reset-once': 'alive',
  reset: 'unreachable',
  challenge: 'blocked',
  'status-999': 'blocked',
  'browser-only': 'alive',
  'no-link-agents': 'alive',
  'soft-404': 'dead',
  'gone-404': 'dead',
  'gone-410': 'dead',
});

export const MODES = Object.freeze(Object.keys(TRUTH_BY_MODE));

/** The i-th of `count` host addresses: 127.0.0.2 … 127.0.0.254 when they fit, else spread over 127.0.x.y. */
export function hostAddress(index, count) {
  if (count <= 253) return `127.0.0.${2 + index}`;
  return `127.0.${1 + Math.floor(index / 250)}.${1 + (index % 250)}`;
}

/**
 * Starts one server per address, all on the same port.
 * @param {{ addresses: string[], latencyMs?: number, hostLimit?: number, hardTimeoutMs?: number }} options
 */
export async function startSimWeb(options) {
  const latencyMs = options.latencyMs ?? DEFAULT_LATENCY_MS;
  const hostLimit = options.hostLimit ?? DEFAULT_HOST_LIMIT;
  const hardTimeoutMs = options.hardTimeoutMs ?? DEFAULT_HARD_TIMEOUT_MS;
  /** @type {Map<string, {mode: string, status?: number, location?: string}>} key: `${address}${path}` */
  let routes = new Map();
  /** Requests seen per route key, for the behaviours that change over time (429 first, 503 once, …). */
  const seen = new Map();
  const hosts = new Map(options.addresses.map((address) => [address, emptyHostStats()]));
  const timers = new Set();
  let closed = false;

  const later = (ms, fn) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) fn();
    }, ms);
    timers.add(timer);
  };

  const handle = (address, req, res) => {
    req.resume();
    const stats = hosts.get(address);
    const method = req.method ?? 'GET';
    stats.requests += 1;
    stats.methods[method] = (stats.methods[method] ?? 0) + 1;
    stats.inFlight += 1;
    stats.mostInFlight = Math.max(stats.mostInFlight, stats.inFlight);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      stats.inFlight -= 1;
    };
    res.on('finish', finish);
    res.on('close', finish);

    if (stats.inFlight > hostLimit) {
      stats.limit429 += 1;
      later(latencyMs, () => send(res, 429, { 'retry-after': String(LIMIT_RETRY_AFTER_S) }, page('Too Many Requests'), method));
      return;
    }
    const path = pathOf(req.url ?? '/');
    const key = `${address}${path}`;
    const route = routes.get(key);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (route === undefined) {
      stats.unknown += 1;
      later(latencyMs, () => send(res, 404, {}, page('Not Found'), method));
      return;
    }
    const agent = String(req.headers['user-agent'] ?? '');
    later(latencyMs, () => respond(route, { res, method, count, agent, stats, path, address }));
  };

  const respond = (route, { res, method, count, agent, stats, path, address }) => {
    const content = (route, path) => pageOf(route, path, address);
    switch (route.mode) {
      case 'ok':
        return send(res, 200, ...content(route, path), method);
      case 'head-405':
        if (method === 'HEAD') return send(res, 405, { allow: 'GET' }, '', method);
        return send(res, 200, ...content(route, path), method);
      case 'redirect':
      case 'redirect-loop':
        return send(res, route.status ?? 301, { location: route.location }, '', method);
      case 'retry-after-429':
        if (count === 1) {
          stats.scripted429 += 1;
          return send(res, 429, { 'retry-after': '1' }, page('Too Many Requests'), method);
        }
        return send(res, 200, ...content(route, path), method);
      case '503-then-200':
        if (count === 1) return send(res, 503, { 'retry-after': '1' }, page('Service Unavailable'), method);
        return send(res, 200, ...content(route, path), method);
      case 'slow-headers':
        return later(SLOW_HEADERS_MS, () => send(res, 200, ...content(route, path), method));
      case 'slow-body':
        return trickle(res, ARTICLE, method);
      case 'reset-once':
        if (count === 1) return res.socket?.destroy();
        return send(res, 200, ...content(route, path), method);
      case 'reset':
        return res.socket?.destroy();
      case 'challenge':
        return send(res, 403, { 'cf-mitigated': 'challenge', server: 'cloudflare' }, challengePage(), method);
      case 'status-999':
        return send(res, 999, {}, page('Request denied'), method);
      case 'browser-only':
        if (!agent.startsWith('Mozilla/')) return send(res, 403, {}, page('Forbidden'), method);
        return send(res, 200, ...content(route, path), method);
      case 'no-link-agents':
        if (/link/i.test(agent)) return send(res, 403, {}, page('Forbidden'), method);
        return send(res, 200, ...content(route, path), method);
      case 'soft-404':
        return send(res, 200, {}, page('Page not found', 'Sorry, the page you are looking for does not exist.'), method);
      case 'gone-404':
        return send(res, 404, {}, page('Not Found'), method);
      case 'gone-410':
        return send(res, 410, {}, page('Gone'), method);
      default:
        throw new Error(`unknown mode ${route.mode}`);
    }
  };

  const trickle = (res, body, method) => {
    const bytes = Buffer.from(body);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(bytes.length) });
    if (method === 'HEAD') return res.end();
    const step = Math.ceil(bytes.length / 10);
    let sent = 0;
    const next = () => {
      if (res.destroyed) return;
      res.write(bytes.subarray(sent, sent + step));
      sent += step;
      if (sent >= bytes.length) res.end();
      else later(SLOW_BODY_MS / 10, next);
    };
    next();
  };

  const servers = await listenAll(options.addresses, handle, (address) => {
    hosts.get(address).clientErrors += 1;
  });
  const port = servers[0].address().port;
  const hardStop = setTimeout(() => {
    process.emitWarning(`simulated web stopped by its ${hardTimeoutMs} ms hard timeout`);
    void close();
  }, hardTimeoutMs);
  hardStop.unref();

  async function close() {
    if (closed) return;
    closed = true;
    clearTimeout(hardStop);
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    await Promise.all(
      servers.map(
        (server) =>
          new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  }

  return {
    port,
    /** `http://address:port` */
    origin: (address) => `http://${address}:${port}`,
    /** Replaces the routes: keys are full URLs `http://address:port/path`. */
    setRoutes(byUrl) {
      routes = new Map();
      for (const [url, route] of byUrl) {
        const parsed = new URL(url);
        routes.set(`${parsed.hostname}${parsed.pathname}`, route);
      }
    },
    /** Forgets every request seen (stats and the state of 429-once, 503-once, reset-once URLs). */
    reset() {
      seen.clear();
      for (const address of hosts.keys()) hosts.set(address, emptyHostStats());
    },
    /** Per-host counters and their totals. */
    stats() {
      const perHost = Object.fromEntries([...hosts].map(([address, s]) => [address, { ...s, methods: { ...s.methods } }]));
      const all = [...hosts.values()];
      const methods = {};
      for (const s of all) for (const [m, n] of Object.entries(s.methods)) methods[m] = (methods[m] ?? 0) + n;
      return {
        perHost,
        requests: sum(all, 'requests'),
        methods,
        limit429: sum(all, 'limit429'),
        scripted429: sum(all, 'scripted429'),
        unknown: sum(all, 'unknown'),
        /** Connections that sent no valid HTTP request: a TLS handshake (an https probe) on the http port. */
        clientErrors: sum(all, 'clientErrors'),
        mostInFlight: Math.max(0, ...all.map((s) => s.mostInFlight)),
        inFlight: sum(all, 'inFlight'),
      };
    },
    close,
  };
}

async function listenAll(addresses, handle, onClientError) {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const servers = [];
    let port = 0;
    try {
      for (const address of addresses) {
        const server = http.createServer({ keepAliveTimeout: 5_000, headersTimeout: 10_000, requestTimeout: 30_000 }, (req, res) =>
          handle(address, req, res),
        );
        server.on('clientError', (error, socket) => {
          onClientError(address);
          socket.destroy();
        });
        servers.push(server);
        await new Promise((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, address, () => {
            server.off('error', reject);
            resolve();
          });
        });
        port = server.address().port;
      }
      return servers;
    } catch (error) {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(() => resolve()))));
      if (error?.code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error('simulated web: no port free on every address after 10 attempts');
}

function send(res, status, headers, body, method) {
  if (res.destroyed || res.headersSent) return;
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(bytes.length), ...headers });
  res.end(method === 'HEAD' ? undefined : bytes);
}

/** The path of a request target (`/a/b?q` → `/a/b`): the routes are keyed by path, and the targets the tools send are origin-form. */
function pathOf(target) {
  const plain = PLAIN_TARGET.exec(target);
  return plain === null ? new URL(target, 'http://sim').pathname : plain[1];
}

/** A target whose path the URL parser would leave as it is (no dot segments, nothing it would percent-encode). */
const PLAIN_TARGET = /^(\/(?:[A-Za-z0-9\-_~%][A-Za-z0-9\-_~%.]*\/?)*)(?:[?#]|$)/;

function emptyHostStats() {
  return { requests: 0, methods: {}, limit429: 0, scripted429: 0, unknown: 0, clientErrors: 0, inFlight: 0, mostInFlight: 0 };
}

function sum(list, field) {
  return list.reduce((total, item) => total + item[field], 0);
}

function page(title, text = title) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
}

/**
 * Headers and body of a working page: an image for image links (`route.image` or a .png path), a real-sized
 * article for a route with an `articleSeed`, else a small article of its own (each built on its first request, then kept).
 */
function pageOf(route, path, address) {
  if (route.image === true || path.endsWith('.png')) return [{ 'content-type': 'image/png' }, PNG];
  let page = articles.get(route);
  if (page === undefined) {
    page = Buffer.from(route.articleSeed === undefined ? smallArticle(path) : articlePage(address, path, route.articleSeed));
    articles.set(route, page);
  }
  return [NO_HEADERS, page];
}

/**
 * A small article of its own per path: sites serve each URL its own page, and a checker that remembers the last
 * pages it read (linkrot did, by their text) must not meet the same page 2,000 times — with one shared page, 1
 * scan stood for 1,800.
 */
function smallArticle(path) {
  const title = `An article worth linking to: ${path.replace(/[^\w/-]/g, '')}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${`<p>${PARAGRAPH.repeat(4)}</p>`.repeat(6)}</article></body></html>`;
}

/** The pages built so far, per route. */
const articles = new WeakMap();

const NO_HEADERS = Object.freeze({});

/** URLs fetched by `warmUp` per round, and rounds: enough for V8 to compile the server's hot paths, in about two seconds. */
export const WARM_UP_URLS = 2_000;
export const WARM_UP_ROUNDS = 2;

/**
 * Serves a scenario's URLs once before anything is measured, then forgets the requests. A cold web spends
 * about three times the CPU of a warm one on its first run (0.97 s against 0.31 s for the main scenario's
 * 2,000 requests), and on a 2-core machine that CPU is taken from the tool being measured: whichever tool ran
 * first paid for it. `urls` in scenario order; at most `WARM_UP_URLS` of them, at most `hostLimit` at once per host.
 */
export async function warmUp(web, urls, hostLimit = DEFAULT_HOST_LIMIT) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: hostLimit });
  const fetchOne = (url) =>
    new Promise((resolve) => {
      const request = http.get(url, { agent, timeout: 10_000 }, (response) => {
        response.resume();
        response.on('end', resolve);
        response.on('error', resolve);
      });
      request.on('timeout', () => request.destroy());
      request.on('error', resolve);
    });
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) await fetchPerHost(urls.slice(0, WARM_UP_URLS), hostLimit, fetchOne);
  agent.destroy();
  web.reset();
}

/** A 1×1 transparent PNG: image URLs answer as images. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const PARAGRAPH =
  'Gradient descent follows the slope of the loss downhill, one small step at a time, until the slope flattens. ';

/** The page of every working article URL, built once: the simulated web should cost the machine as little CPU as it can. */
const ARTICLE = Buffer.from(
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article worth linking to</title></head><body><article><h1>An article worth linking to</h1>${`<p>${PARAGRAPH.repeat(4)}</p>`.repeat(6)}</article></body></html>`,
);

function challengePage() {
  return `<!doctype html><html><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript and cookies to continue</noscript><div id="challenge-running">Checking if the site connection is secure</div><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script></body></html>`;
}

/**
 * archive.org as a run meets it when it cannot be reached, at a loopback `address`: `refused` (nothing listens on
 * the port) or `reset` (every connection is reset as soon as it sends a request). Returns the base URL to give
 * `--archive-url`, the connections it saw, and `close`.
 */
export async function startUnreachableArchive(address, kind) {
  let connections = 0;
  const server = net.createServer((socket) => {
    connections += 1;
    socket.on('error', () => undefined);
    socket.once('data', () => socket.resetAndDestroy());
  });
  await new Promise((resolve) => server.listen(0, address, resolve));
  const { port } = server.address();
  const close = () => new Promise((resolve) => server.close(resolve));
  // Refused: the port was just free, and now nothing listens on it.
  if (kind === 'refused') await close();
  return { baseUrl: `http://${address}:${port}`, connections: () => connections, close: kind === 'refused' ? async () => undefined : close };
}
