/**
 * Fetch a list of URLs politely, as the simulated web wants it: each host's URLs in order, at most `perHost` at
 * a time per host, every host at once. Used by the web's warm-up and by the floor client.
 *
 * @param {readonly (string | URL)[]} urls
 * @param {number} perHost
 * @param {(url: URL) => Promise<unknown>} fetchOne
 */
export async function fetchPerHost(urls, perHost, fetchOne) {
  const byHost = new Map();
  for (const raw of urls) {
    const url = typeof raw === 'string' ? new URL(raw) : raw;
    if (!byHost.has(url.host)) byHost.set(url.host, []);
    byHost.get(url.host).push(url);
  }
  await Promise.all(
    [...byHost.values()].map(async (queue) => {
      let next = 0;
      const worker = async () => {
        while (next < queue.length) await fetchOne(queue[next++]);
      };
      await Promise.all(Array.from({ length: Math.min(perHost, queue.length) }, worker));
    }),
  );
}
