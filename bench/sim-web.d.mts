/** Types of bench/sim-web.mjs, for the TypeScript test of the simulated web. */
export declare const DEFAULT_LATENCY_MS: number;
export declare const DEFAULT_HOST_LIMIT: number;
export declare const LIMIT_RETRY_AFTER_S: number;
export declare const DEFAULT_HARD_TIMEOUT_MS: number;
export declare const SLOW_HEADERS_MS: number;
export declare const SLOW_BODY_MS: number;
export type Truth = 'alive' | 'dead' | 'blocked' | 'unreachable';
export declare const TRUTH_BY_MODE: Readonly<Record<string, Truth>>;
export declare const MODES: readonly string[];
export declare function hostAddress(index: number, count: number): string;

export interface Route {
  mode: string;
  status?: number;
  location?: string;
  /** Answer as an image (image/png) when the page works. */
  image?: boolean;
  /** Answer with a real-sized article page (~90 KB, see article-page.mjs) built from this seed when the page works. */
  articleSeed?: number;
}

export interface HostStats {
  requests: number;
  methods: Record<string, number>;
  limit429: number;
  scripted429: number;
  unknown: number;
  clientErrors: number;
  inFlight: number;
  mostInFlight: number;
}

/** The same counts over every host, plus each host's own. */
export interface WebStats extends HostStats {
  perHost: Record<string, HostStats>;
}

export interface SimWeb {
  port: number;
  origin(address: string): string;
  setRoutes(byUrl: Iterable<[string, Route]>): void;
  reset(): void;
  stats(): WebStats;
  close(): Promise<void>;
}

export declare function startSimWeb(options: {
  addresses: string[];
  latencyMs?: number;
  hostLimit?: number;
  hardTimeoutMs?: number;
}): Promise<SimWeb>;

export declare const WARM_UP_URLS: number;
export declare const WARM_UP_ROUNDS: number;
/** Serves `urls` (at most `WARM_UP_URLS`) `WARM_UP_ROUNDS` times, at most `hostLimit` at once per host, then resets the web. */
export declare function warmUp(web: SimWeb, urls: readonly string[], hostLimit?: number): Promise<void>;
export declare function startUnreachableArchive(
  address: string,
  kind: 'refused' | 'reset',
): Promise<{ baseUrl: string; connections: () => number; close: () => Promise<void> }>;
