/**
 * The parts of undici linkrot uses, each from its own module. undici's index loads every feature it has
 * (fetch, WebSocket, cookies, caches, mocks…): about 40 ms of a run's start-up, for classes linkrot never
 * uses. The same files as the index's, so the classes are the same (tests hand in undici's dispatchers).
 */
import type * as Undici from 'undici';
import AgentClass from 'undici/lib/dispatcher/agent.js';
import EnvHttpProxyAgentClass from 'undici/lib/dispatcher/env-http-proxy-agent.js';
import buildConnectorFunction from 'undici/lib/core/connect.js';
import { parseHeaders as parseRawHeaders } from 'undici/lib/core/util.js';

export const Agent: typeof Undici.Agent = AgentClass;
export const EnvHttpProxyAgent: typeof Undici.EnvHttpProxyAgent = EnvHttpProxyAgentClass;
export const makeConnector: typeof Undici.buildConnector = buildConnectorFunction;
export const parseHeaders: typeof Undici.util.parseHeaders = parseRawHeaders;
