import type { BodySample, CheckResult } from '../model.js';

/**
 * Body text kept per cached result. Verdicts read the start of a page (title, headings, meta refresh,
 * parked-domain and soft-404 signs) plus its ids and names (fragment checks); this keeps the first 8 KiB and
 * the `id`/`name` anchors found after it, so the file stays small and a re-run reaches the same verdict.
 */
export const DEFAULT_CACHED_BODY_CHARS = 8_192;

const ANCHOR = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

export function compactBody(body: BodySample, maxChars = DEFAULT_CACHED_BODY_CHARS): BodySample {
  if (body.text.length <= maxChars) return { text: body.text, bytes: body.bytes, truncated: body.truncated };
  const head = body.text.slice(0, maxChars);
  const anchors = new Set<string>();
  for (const match of body.text.slice(maxChars).matchAll(ANCHOR)) anchors.add(match[1] ?? match[2] ?? match[3] ?? '');
  anchors.delete('');
  const tail = [...anchors].map((anchor) => `<a id="${anchor.replace(/"/g, '&quot;')}"></a>`).join('\n');
  return { text: tail === '' ? head : `${head}\n<!-- linkrot cache: anchors after the kept text -->\n${tail}`, bytes: body.bytes, truncated: true };
}

/** What a cached result keeps: every fact but the `cached` flag, with a compacted body. */
export function compactResult(result: CheckResult): CheckResult {
  const { cached: _cached, body, ...facts } = result;
  return body === undefined ? facts : { ...facts, body: compactBody(body) };
}
