/**
 * The floor under a scenario: plain undici and nothing else. Every URL of a list fetched with GET, at most 8 at
 * a time per host (the simulated web's limit), each body read to its end, nothing parsed, judged or reported.
 * What a checker needs beyond this process's time is its own cost.
 *
 *   node bench/floor-client.mjs urls.json
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'undici';
import { fetchPerHost } from './per-host.mjs';

const PER_HOST = 8;
const urls = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const agent = new Agent();
const get = (url) =>
  new Promise((resolve, reject) => {
    agent.dispatch(
      { origin: url.origin, path: url.pathname + url.search, method: 'GET', headers: { 'user-agent': 'Mozilla/5.0 (floor)' } },
      { onConnect() {}, onHeaders: () => true, onData: () => true, onComplete: resolve, onError: reject },
    );
  });
await fetchPerHost(urls, PER_HOST, get);
await agent.close();
