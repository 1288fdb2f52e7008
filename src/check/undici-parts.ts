/**
 * The parts of undici linkrot uses, each from its own module. undici's index loads every feature it has
 * (fetch, WebSocket, cookies, caches, mocks…): about 40 ms of a run's start-up, for classes linkrot never
 * uses. The same files as the index's, so the classes are the same (tests hand in undici's dispatchers).
 *
 * The index also gives every dispatcher its request API (`Object.assign(Dispatcher.prototype, api)`), and
 * undici's proxy agent calls one of those methods itself: `connect`, to send the CONNECT that opens a tunnel to
 * an https:// origin. Without it every https request behind a proxy failed at once ("this[kClient].connect is
 * not a function"), in the CLI and in the library alike, but not under the tests, which load the index.
 * So that one method is added here, as the index adds it (the same function, so loading both changes nothing).
 */
import type * as Undici from 'undici';
import AgentClass from 'undici/lib/dispatcher/agent.js';
import DispatcherClass from 'undici/lib/dispatcher/dispatcher.js';
import EnvHttpProxyAgentClass from 'undici/lib/dispatcher/env-http-proxy-agent.js';
import PoolClass from 'undici/lib/dispatcher/pool.js';
import connectMethod from 'undici/lib/api/api-connect.js';
import buildConnectorFunction from 'undici/lib/core/connect.js';
import { parseHeaders as parseRawHeaders } from 'undici/lib/core/util.js';

const prototype = DispatcherClass.prototype as Partial<Undici.Dispatcher>;
prototype.connect ??= connectMethod;

export const Agent: typeof Undici.Agent = AgentClass;
export const EnvHttpProxyAgent: typeof Undici.EnvHttpProxyAgent = EnvHttpProxyAgentClass;
export const Pool: typeof Undici.Pool = PoolClass;
export const makeConnector: typeof Undici.buildConnector = buildConnectorFunction;
export const parseHeaders: typeof Undici.util.parseHeaders = parseRawHeaders;
