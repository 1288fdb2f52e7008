/**
 * The one undici dispatcher of a run: a keep-alive `Agent`, or an `EnvHttpProxyAgent` when a proxy is set in
 * the environment, with the private-address guard at connect time (after DNS) and the extra CA certificates of
 * `NODE_EXTRA_CA_CERTS`. The caller owns it and closes it.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { createSecureContext, rootCertificates } from 'node:tls';
import type { Agent as UndiciAgent, buildConnector, Dispatcher } from 'undici';
import { Agent, EnvHttpProxyAgent, makeConnector, sendConnect } from './undici-parts.js';
import { LinkrotError } from '../errors.js';
import { isPrivateAddress } from '../plan/index.js';
import { DEFAULT_CONNECT_TIMEOUT_MS } from './settings.js';

/** Error code carried by a connection the guard refused (mapped to the `private-address` result code). */
export const PRIVATE_ADDRESS_ERROR_CODE = 'ELINKROT_PRIVATE_ADDRESS';

/** Keep idle connections this long, so that the next link to the same host reuses one. */
export const DEFAULT_KEEP_ALIVE_MS = 10_000;

/**
 * Keep a name's addresses this long. `getaddrinfo` runs on libuv's small thread pool and undici opens a new
 * connection after every HEAD (it never reuses one after a HEAD), so without a cache every request would pay a
 * lookup. Short enough for DNS changes to show within a run.
 */
export const DEFAULT_DNS_CACHE_MS = 30_000;

/** The signature of `dns.lookup` as `net.connect` calls it. */
export type LookupFunction = (
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

export interface DispatcherOptions {
  /** Accept any TLS certificate (`--insecure`). */
  insecure?: boolean;
  /** Connect to private, loopback and link-local addresses (`--allow-private`). */
  allowPrivate?: boolean;
  /** Where proxy variables and `NODE_EXTRA_CA_CERTS` are read; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  connectTimeoutMs?: number;
  /** Name resolution, for tests that make a public-looking name resolve somewhere; default `dns.lookup`. */
  lookup?: LookupFunction;
  /**
   * Connections kept per origin on a direct connection: the most requests the scheduler lets run at once to one
   * host. Without a cap, a request sent the moment another finishes finds that connection not yet free and opens
   * a new one (undici 7): about 100 extra connections on the main benchmark. Not applied behind a proxy, where
   * every request shares the proxy's origin.
   */
  connectionsPerOrigin?: number;
}

/** Error code of a CONNECT the proxy did not answer with 200 (mapped to `proxy-error`, or by its Proxy-Status). */
export const PROXY_TUNNEL_ERROR_CODE = 'ELINKROT_PROXY_TUNNEL';

/** The proxy's answer to a CONNECT was not 200: its status and, when it sent one, its RFC 9209 `Proxy-Status`. */
export class ProxyTunnelError extends Error {
  readonly code = PROXY_TUNNEL_ERROR_CODE;
  constructor(
    target: string,
    readonly status: number,
    readonly proxyStatus: string | undefined,
  ) {
    super(`The proxy answered ${status} to CONNECT ${target}${proxyStatus === undefined ? '' : ` (Proxy-Status: ${proxyStatus})`}`);
    this.name = 'ProxyTunnelError';
  }
}

/**
 * The connection to the proxy itself, which undici's proxy agent sends its CONNECTs through (with the `connect`
 * method that only undici's index gives dispatchers, see undici-parts.ts). A CONNECT the proxy refuses fails with
 * a `ProxyTunnelError`: undici keeps only the status ("Proxy response (502) !== 200"), and the `Proxy-Status`
 * header is what tells a name that does not exist from a proxy that failed.
 */
function proxyClient(_proxy: URL, options: UndiciAgent.Options): Dispatcher {
  const client = new Agent(options);
  return Object.assign(client, {
    async connect(connectOptions: Dispatcher.ConnectOptions): Promise<Dispatcher.ConnectData> {
      const answer = await sendConnect.call(client, connectOptions);
      if (answer.statusCode === 200) return answer;
      answer.socket.on('error', () => undefined).destroy();
      const header = answer.headers['proxy-status'];
      throw new ProxyTunnelError(String(connectOptions.path), answer.statusCode, Array.isArray(header) ? header.join(', ') : header);
    },
  });
}

function privateAddressError(host: string, address: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`Refused to connect to ${host}: ${address} is a private address`);
  error.code = PRIVATE_ADDRESS_ERROR_CODE;
  return error;
}

/** Wrap a lookup so that any private address in the answer fails the connection before it is made. */
export function guardLookup(lookup: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, options, (error, address, family) => {
      if (error) {
        callback(error, address, family);
        return;
      }
      const addresses = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
      const refused = addresses.find((entry) => isPrivateAddress(entry));
      if (refused !== undefined) {
        callback(privateAddressError(hostname, refused), address, family);
        return;
      }
      callback(null, address, family);
    });
  };
}

/** Error code of a name not found by a direct lookup on a machine that reaches the web through a proxy. */
export const LOCAL_DNS_ERROR_CODE = 'ELINKROT_LOCAL_DNS';
const NOT_FOUND_CODES: ReadonlySet<string | undefined> = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME']);

/**
 * For requests that go direct (a scheme without a proxy, or a NO_PROXY host) on a machine whose web goes through
 * a proxy: the local resolver's "not found" is no proof that the name does not exist (such machines often resolve
 * nothing but their own network), so it becomes a transient DNS failure, never `dns-not-found` (dead). The proxy's
 * own answer for a name (502 with `Proxy-Status: dns_error`) still is proof.
 */
export function localLookupIsNoProof(lookup: LookupFunction, proxy: string): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, options, (error, address, family) => {
      if (error !== null && NOT_FOUND_CODES.has(error.code)) {
        const local: NodeJS.ErrnoException = new Error(
          `${hostname} was not found by this machine's resolver, which reaches the web through a proxy (${proxy}): no proof the name is gone`,
          { cause: error },
        );
        local.code = LOCAL_DNS_ERROR_CODE;
        callback(local, address, family);
        return;
      }
      callback(error, address, family);
    });
  };
}

type LookupAnswer = [address: string | LookupAddress[], family: number | undefined];

/**
 * Remember successful answers per name and query shape for `ttlMs`, and share one lookup between concurrent
 * callers. Failures are not remembered.
 */
export function cacheLookup(lookup: LookupFunction, ttlMs: number = DEFAULT_DNS_CACHE_MS, now: () => number = Date.now): LookupFunction {
  const answers = new Map<string, { until: number; answer: LookupAnswer }>();
  const pending = new Map<string, Array<Parameters<LookupFunction>[2]>>();
  return (hostname, options, callback) => {
    const key = `${hostname.toLowerCase()}|${options.all === true ? 'all' : 'one'}|${options.family ?? 0}|${options.hints ?? 0}`;
    const cached = answers.get(key);
    if (cached !== undefined && cached.until > now()) {
      const [address, family] = cached.answer;
      process.nextTick(() => callback(null, address, family));
      return;
    }
    const waiting = pending.get(key);
    if (waiting !== undefined) {
      waiting.push(callback);
      return;
    }
    const callbacks = [callback];
    pending.set(key, callbacks);
    lookup(hostname, options, (error, address, family) => {
      pending.delete(key);
      if (error === null) answers.set(key, { until: now() + ttlMs, answer: [address, family] });
      for (const waiter of callbacks) waiter(error, address, family);
    });
  };
}

/** `NODE_EXTRA_CA_CERTS` as this process started with it: the file Node added to its own trust store. */
const NODE_STARTUP_EXTRA_CA_CERTS = process.env['NODE_EXTRA_CA_CERTS'];

/** Read `NODE_EXTRA_CA_CERTS` (a PEM file) and return its certificates. */
function readExtraCertificates(env: NodeJS.ProcessEnv): string[] | undefined {
  const file = env['NODE_EXTRA_CA_CERTS'];
  if (file === undefined || file === '') return undefined;
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LinkrotError('LINKROT_CONFIG_INVALID', `Cannot read NODE_EXTRA_CA_CERTS \`${file}\`: expected a PEM file`, {
      cause: error,
    });
  }
  const certificates = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (certificates.length === 0) {
    throw new LinkrotError('LINKROT_CONFIG_INVALID', `NODE_EXTRA_CA_CERTS \`${file}\` holds no PEM certificate`);
  }
  return certificates;
}

function readEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Create the dispatcher of a run. Direct connections check every resolved address (and every literal IP)
 * against the private-address guard unless `allowPrivate`; behind a proxy the proxy resolves names, so the
 * fetcher's lexical guard judges host names and literals instead.
 */
export function createDispatcher(options: DispatcherOptions = {}): Dispatcher {
  const env = options.env ?? process.env;
  const allowPrivate = options.allowPrivate ?? false;
  const extra = readExtraCertificates(env);
  // Node itself trusts the file it read at start-up for every connection without a \`ca\` option; a context of
  // our own (parsing every root certificate again: 50-75 ms) is needed only for a file Node did not read. Node's
  // root store is read only then: \`rootCertificates\` builds its list on first use.
  const nodeReadIt = env === process.env && env['NODE_EXTRA_CA_CERTS'] === NODE_STARTUP_EXTRA_CA_CERTS;
  const ca = extra === undefined || nodeReadIt ? undefined : [...rootCertificates, ...extra];
  // One secure context for the whole run. A `ca` option would make Node parse every root certificate again on
  // each TLS connection (measured: 80% of a run's CPU time with NODE_EXTRA_CA_CERTS set); without one, Node
  // still builds a context per connection (0.2 ms each here), with the same trust as this shared one.
  const secureContext = createSecureContext(ca === undefined ? {} : { ca });
  const tlsOptions = { rejectUnauthorized: !(options.insecure ?? false), secureContext };
  const httpProxy = readEnv(env, 'http_proxy');
  const httpsProxy = readEnv(env, 'https_proxy');
  const anyProxy = httpsProxy ?? httpProxy;
  const resolver = options.lookup ?? (dnsLookup as unknown as LookupFunction);
  const lookup = cacheLookup(anyProxy === undefined ? resolver : localLookupIsNoProof(resolver, httpsProxy === undefined ? 'HTTP_PROXY' : 'HTTPS_PROXY'));
  const baseConnect = makeConnector({
    ...tlsOptions,
    timeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    lookup: allowPrivate ? lookup : guardLookup(lookup),
  } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (connectOptions, callback) => {
    const hostname = connectOptions.hostname.replace(/^\[|\]$/g, '');
    if (!allowPrivate && isIP(hostname) !== 0 && isPrivateAddress(hostname)) {
      callback(privateAddressError(connectOptions.hostname, hostname), null);
      return;
    }
    baseConnect(connectOptions, callback);
  };
  const agentOptions = { connect, keepAliveTimeout: DEFAULT_KEEP_ALIVE_MS, allowH2: false };

  if (anyProxy === undefined) {
    const connections = options.connectionsPerOrigin;
    return new Agent(connections === undefined ? agentOptions : { ...agentOptions, connections: Math.max(1, connections) });
  }
  return new EnvHttpProxyAgent({
    ...agentOptions,
    // Forward plain http:// requests (no CONNECT tunnel) so a proxy's own answer (502 + Proxy-Status) is seen.
    // https:// always goes through a CONNECT tunnel, with TLS to the origin inside it (undici's rule).
    proxyTunnel: false,
    clientFactory: proxyClient,
    proxyTls: tlsOptions,
    requestTls: tlsOptions,
    // An empty string keeps undici from falling back to process.env when the caller passed its own env.
    httpProxy: httpProxy ?? '',
    httpsProxy: httpsProxy ?? httpProxy ?? '',
    noProxy: readEnv(env, 'no_proxy') ?? '',
  });
}
