/**
 * The parts of undici linkrot uses, each from its own module. undici's index loads every feature it has
 * (fetch, WebSocket, cookies, caches, mocks…): about 40 ms of a run's start-up, for classes linkrot never
 * uses. The same files as the index's, so the classes are the same (tests hand in undici's dispatchers).
 *
 * The index also gives every dispatcher its request API (`Object.assign(Dispatcher.prototype, api)`), and
 * undici's proxy agent calls one of those methods itself: `connect` on its connection to the proxy, to send the
 * CONNECT that opens a tunnel to an https:// origin. Without it every https request behind a proxy failed at
 * once ("this[kClient].connect is not a function"), from the CLI and the library alike, but not under the tests,
 * which load the index. So that one method is taken here, and the proxy client of `dispatcher.ts` carries it.
 */
import type * as Undici from 'undici';
import AgentClass from 'undici/lib/dispatcher/agent.js';
import EnvHttpProxyAgentClass from 'undici/lib/dispatcher/env-http-proxy-agent.js';
import connectMethod from 'undici/lib/api/api-connect.js';
import buildConnectorFunction from 'undici/lib/core/connect.js';
import { parseHeaders as parseRawHeaders } from 'undici/lib/core/util.js';

export const Agent: typeof Undici.Agent = AgentClass;
export const EnvHttpProxyAgent: typeof Undici.EnvHttpProxyAgent = EnvHttpProxyAgentClass;
/** `Dispatcher#connect` as undici's index installs it, called with the dispatcher as `this`. */
export const sendConnect: (this: Undici.Dispatcher, options: Undici.Dispatcher.ConnectOptions) => Promise<Undici.Dispatcher.ConnectData> =
  connectMethod;
export const makeConnector: typeof Undici.buildConnector = buildConnectorFunction;
export const parseHeaders: typeof Undici.util.parseHeaders = parseRawHeaders;
