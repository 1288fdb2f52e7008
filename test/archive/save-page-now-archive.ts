/**
 * A scripted Wayback Machine on 127.0.0.1 that answers Save Page Now 2 as its public API documentation describes
 * ("Save Page Now 2 Public API Docs Draft", Vangelis Banos, 2022-04-05; error texts as SPN2 clients record them,
 * e.g. "This URL has been captured 10 times today"), plus the CDX queries and the pages being saved.
 *
 * Pages: `/page/<name>`; what the archive does with one depends on its name:
 * - `old`: newest capture in 2015 → saved; `fresh`: captured an hour ago → left alone;
 * - `daily`: job-less `error:too-many-daily-captures`; `blocked`: the job ends in `error:blocked-url`;
 * - `busy`: 429 with `Retry-After: 1` on the first POST, then accepted; `throttled`: 429 every time;
 * - `pending`: the job never ends;
 * - `echo`: a job-less error whose message repeats the Authorization header (the keys must come out masked);
 * - anything else: never captured → saved after one `pending` status.
 */
import type { IncomingMessage } from 'node:http';
import { startServer, type TestServer } from '../helpers/servers.js';

export interface ScriptedArchive {
  server: TestServer;
  origin: string;
  /** Every SPN2 request, with its form. */
  saves: Array<{ method: string; path: string; authorization: string | undefined; accept: string | undefined; form: URLSearchParams }>;
  /** The most SPN2 requests answered at once. */
  readonly maxSavesAtOnce: number;
}

const HEADER = ['timestamp', 'original', 'statuscode', 'mimetype'];

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

export async function startScriptedArchive(keys: { access: string; secret: string }): Promise<ScriptedArchive> {
  const saves: ScriptedArchive['saves'] = [];
  const jobs = new Map<string, { url: string; polls: number }>();
  const posts = new Map<string, number>();
  let atOnce = 0;
  let maxAtOnce = 0;
  const server = await startServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const json = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(value));
    };
    if (url.pathname.startsWith('/page/')) {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(request.method === 'HEAD' ? undefined : `<html><head><title>${url.pathname}</title></head><body><p>${'A page worth keeping. '.repeat(30)}</p></body></html>`);
      return;
    }
    if (url.pathname === '/cdx/search/cdx') {
      const target = url.searchParams.get('url') ?? '';
      if (target.endsWith('/old')) return json(200, [HEADER, ['20150101000000', target, '200', 'text/html']]);
      if (target.endsWith('/fresh')) return json(200, [HEADER, [stamp(Date.now() - 3_600_000), target, '200', 'text/html']]);
      return json(200, []);
    }
    if (!url.pathname.startsWith('/save')) return json(404, { error: 'not found' });

    atOnce += 1;
    maxAtOnce = Math.max(maxAtOnce, atOnce);
    try {
      const form = new URLSearchParams(request.method === 'POST' ? await readBody(request) : '');
      const authorization = request.headers.authorization;
      saves.push({ method: request.method ?? '', path: url.pathname, authorization, accept: request.headers.accept, form });
      // A real capture takes seconds; a little delay lets overlapping requests show up.
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (authorization !== `LOW ${keys.access}:${keys.secret}`) return json(401, { message: 'You need to be logged in to use Save Page Now.' });
      if (request.method === 'POST' && url.pathname === '/save') {
        const page = form.get('url') ?? '';
        const name = page.split('/').pop() ?? '';
        const seen = (posts.get(page) ?? 0) + 1;
        posts.set(page, seen);
        if ((name === 'busy' && seen === 1) || name === 'throttled') return json(429, { message: 'Too Many Requests' }, { 'retry-after': '1' });
        if (name === 'daily') {
          return json(200, { status: 'error', status_ext: 'error:too-many-daily-captures', message: 'This URL has been captured 10 times today. Please try again tomorrow.' });
        }
        if (name === 'echo') return json(200, { status: 'error', status_ext: 'error:bad-request', message: `Bad request with header ${authorization}` });
        const jobId = `spn2-${jobs.size + 1}${'0'.repeat(30)}`;
        jobs.set(jobId, { url: page, polls: 0 });
        return json(200, { url: page, job_id: jobId });
      }
      const job = jobs.get(url.pathname.replace('/save/status/', ''));
      if (request.method !== 'GET' || job === undefined) return json(404, { status: 'error', status_ext: 'error:not-found', message: 'No such job' });
      job.polls += 1;
      const name = job.url.split('/').pop() ?? '';
      if (name === 'pending' || job.polls === 1) return json(200, { status: 'pending', job_id: url.pathname.slice(13), resources: [] });
      if (name === 'blocked') return json(200, { status: 'error', status_ext: 'error:blocked-url', message: 'This URL is in the Save Page Now service block list and cannot be captured.' });
      return json(200, { status: 'success', job_id: url.pathname.slice(13), original_url: job.url, timestamp: '20261205010203', duration_sec: 6.2 });
    } finally {
      atOnce -= 1;
    }
  }, { lifetimeMs: 120_000 });
  return {
    server,
    origin: server.origin,
    saves,
    get maxSavesAtOnce() {
      return maxAtOnce;
    },
  };
}
