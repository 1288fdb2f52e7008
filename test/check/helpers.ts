/** Shared set-up for fetcher tests: default settings opened for loopback, a fake clock, cleanup. */
import { afterEach } from 'vitest';
import { Agent, getGlobalDispatcher, type Dispatcher } from 'undici';
import { DEFAULT_CHECK_SETTINGS, createFetcher, type CheckSettings } from '../../src/check/index.js';
import { startServer, type Handler, type ServerOptions, type TestServer } from '../helpers/servers.js';

export function testSettings(overrides: Partial<CheckSettings> = {}): CheckSettings {
  return { ...DEFAULT_CHECK_SETTINGS, allowPrivate: true, timeoutMs: 3000, intervalMs: 0, ...overrides };
}

/** Register cleanup for servers and dispatchers made by one test file. */
export function useCleanup() {
  const servers: TestServer[] = [];
  const dispatchers: Dispatcher[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
    await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.destroy()));
  });
  return {
    async serve(handler: Handler, options?: ServerOptions): Promise<TestServer> {
      const server = await startServer(handler, options);
      servers.push(server);
      return server;
    },
    track<T extends TestServer | Dispatcher>(item: T): T {
      if ('received' in item) servers.push(item);
      else dispatchers.push(item);
      return item;
    },
    /** A fetcher with a fake clock: `sleep` records the wait and moves the clock, taking no wall time. */
    fetcher(overrides: Partial<CheckSettings> = {}, dispatcher?: Dispatcher) {
      const agent = dispatcher ?? new Agent();
      // The global dispatcher (nock's) is not ours to destroy.
      if (agent !== getGlobalDispatcher()) dispatchers.push(agent);
      const slept: number[] = [];
      const clock = { now: 1_000_000 };
      const fetcher = createFetcher(testSettings(overrides), {
        dispatcher: agent,
        now: () => clock.now,
        sleep: async (ms) => {
          slept.push(ms);
          clock.now += ms;
        },
        random: () => 0.5,
      });
      return { fetcher, slept, clock };
    },
  };
}
