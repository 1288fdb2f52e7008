import { loadRules, type DiagnoseSettings } from '../../src/diagnose/index.js';
import type { CheckResult, Link, RedirectHop } from '../../src/model.js';

export const SETTINGS: DiagnoseSettings = { fragments: true, contentChecks: true, rules: loadRules() };

/** A check result with sensible defaults: a 200 answer to a HEAD with no redirects. */
export function result(url: string, facts: Partial<CheckResult> = {}): CheckResult {
  return { url, finalUrl: url, status: 200, redirects: [], method: 'GET', attempts: 1, elapsedMs: 12, headers: {}, ...facts };
}

/** A result that followed `hops` (each `[url, status]`) and ended at `finalUrl` with `status`. */
export function redirected(url: string, hops: Array<[string, number]>, finalUrl: string, facts: Partial<CheckResult> = {}): CheckResult {
  const redirects: RedirectHop[] = hops.map(([hopUrl, status], index) => ({ url: hopUrl, status, location: hops[index + 1]?.[0] ?? finalUrl }));
  return result(url, { redirects, finalUrl, ...facts });
}

export function html(text: string, facts: Partial<CheckResult> = {}): Partial<CheckResult> {
  return { headers: { 'content-type': 'text/html; charset=utf-8' }, body: { text, bytes: Buffer.byteLength(text), truncated: false }, ...facts };
}

export function link(url: string): Link {
  return { url, kind: 'link', syntax: 'link', text: 'a link', line: 3, column: 1, offset: { start: 10, end: 10 + url.length } };
}

export function input(url: string, checkResult: CheckResult, followUps: Record<string, CheckResult> = {}, fragment?: string) {
  return { link: link(fragment === undefined ? url : `${url}#${fragment}`), url, result: checkResult, followUps, post: { date: '2017-03-01' }, ...(fragment === undefined ? {} : { fragment }) };
}
