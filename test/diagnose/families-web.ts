/**
 * A small simulated web for the family tests: one loopback HTTP server that acts as the forward proxy of the
 * run (`HTTP_PROXY`), so links keep their real host names (`http://i.imgur.com/…`) while nothing leaves
 * 127.0.0.1. It answers each absolute URL from a table; a URL not in the table gets a plain 404, a host marked
 * `dns` gets the proxy's own DNS failure (502 + Proxy-Status), and CONNECT (https) is refused.
 */
import type { Dispatcher } from 'undici';
import { createDispatcher, createFetcher, DEFAULT_CHECK_SETTINGS } from '../../src/check/index.js';
import { diagnose, followUpsFor, requestFor, type DiagnoseSettings } from '../../src/diagnose/index.js';
import type { CheckResult, Verdict } from '../../src/model.js';
import { startServer, type TestServer } from '../helpers/servers.js';
import { link } from './helpers.js';

export interface Answer {
  status: number;
  /** Content type; default `text/html; charset=utf-8` when there is a body. */
  type?: string;
  body?: string;
  /** `Location` header, for redirects. */
  location?: string;
}

/**
 * What the simulated web answers: absolute URL → answer, or `dns` for a host whose name no longer resolves
 * (key `dns:HOST`). A key ending in `*` answers every URL that starts with the rest.
 */
export type Web = Record<string, Answer | 'dns'>;

export function page(status: number, html: string, type = 'text/html; charset=utf-8'): Answer {
  return { status, type, body: html };
}

export function redirect(status: number, location: string): Answer {
  return { status, location };
}

/** A plain, long article: a live page on any platform. */
export function article(title: string): Answer {
  const text = `${title} explained step by step, with examples and the code that goes with them. `.repeat(12);
  return page(200, `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p></article></body></html>`);
}

export async function startWeb(web: Web): Promise<TestServer> {
  return startServer((request, response) => {
    const url = request.url ?? '';
    const answer = web[url] ?? (Object.hasOwn(web, `dns:${hostOf(url)}`) ? 'dns' : byPrefix(web, url));
    if (answer === 'dns') {
      response.writeHead(502, { 'proxy-status': 'simulated-web; error=dns_error; rcode=NXDOMAIN', 'content-type': 'text/plain' });
      response.end('DNS lookup failed');
      return;
    }
    if (answer === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not in the simulated web');
      return;
    }
    const headers: Record<string, string> = {};
    if (answer.location !== undefined) headers['location'] = answer.location;
    if (answer.body !== undefined) headers['content-type'] = answer.type ?? 'text/html; charset=utf-8';
    response.writeHead(answer.status, headers);
    response.end(answer.body ?? '');
  });
}

function byPrefix(web: Web, url: string): Answer | 'dns' | undefined {
  const key = Object.keys(web).find((pattern) => pattern.endsWith('*') && url.startsWith(pattern.slice(0, -1)));
  return key === undefined ? undefined : web[key];
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** A dispatcher that sends every request through the simulated web. */
export function throughWeb(web: TestServer): Dispatcher {
  return createDispatcher({ env: { HTTP_PROXY: web.origin } });
}

/** requestFor → fetch → followUpsFor → fetch each → diagnose, as the pipeline does. */
export async function checkLink(url: string, dispatcher: Dispatcher, settings: DiagnoseSettings): Promise<Verdict> {
  const fetcher = createFetcher({ ...DEFAULT_CHECK_SETTINGS, retries: 0 }, { dispatcher });
  const result = await fetcher.fetch(requestFor(url, { fragment: false }, settings));
  const followUps: Record<string, CheckResult> = {};
  for (const followUp of followUpsFor(url, result, settings)) followUps[followUp.key] = await fetcher.fetch(followUp.request);
  return diagnose({ link: link(url), url, result, followUps, post: { date: '2016-03-01' } }, settings);
}
