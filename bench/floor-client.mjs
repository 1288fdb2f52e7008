/**
 * The floor under a scenario: plain undici and nothing else. Every URL of a list fetched with GET, at most 8 at
 * a time per host (the simulated web's limit), each body read to its end, nothing parsed, judged or reported.
 * What a checker needs beyond this process's time is its own cost.
 *
 *   node bench/floor-client.mjs urls.json
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'undici';

const PER_HOST = 8;
const urls = JSON.parse(readFileSync(process.argv[2], 'utf8')).map((url) => new URL(url));
const agent = new Agent();
const byHost = new Map();
for (const url of urls) {
  if (!byHost.has(url.host)) byHost.set(url.host, []);
  byHost.get(url.host).push(url);
}
const get = (url) =>
  new Promise((resolve, reject) => {
    agent.dispatch(
      { origin: url.origin, path: url.pathname + url.search, method: 'GET', headers: { 'user-agent': 'Mozilla/5.0 (floor)' } },
      { onConnect() {}, onHeaders: () => true, onData: () => true, onComplete: resolve, onError: reject },
    );
  });
await Promise.all(
  [...byHost.values()].map(async (queue) => {
    let next = 0;
    const worker = async () => {
      while (next < queue.length) await get(queue[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(PER_HOST, queue.length) }, worker));
  }),
);
await agent.close();
