import type { HtmlFacts } from './html-scan.js';

/** GitHub renders Markdown heading ids with this prefix and scrolls `#foo` to `user-content-foo` with script. */
const GITHUB_PREFIX = 'user-content-';

export type FragmentCheck = { found: true } | { found: false; nearest?: string } | { found: 'unknown'; why: string };

/** Fragments that no HTML id can answer: client-side routes, text fragments, line anchors, the page top. */
export function isCheckableFragment(fragment: string, host: string): boolean {
  if (fragment === '' || fragment.toLowerCase() === 'top') return false;
  if (/^[!/]/.test(fragment)) return false; // #!/route, #/route: single-page app routing
  if (fragment.startsWith(':~:')) return false; // text fragment
  if (/[=&]/.test(fragment)) return false; // #page=3, #t=30, state in the fragment
  if (/(^|\.)github\.com$/.test(host) && /^L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?$/.test(fragment)) return false;
  return true;
}

/** Decode a fragment as a browser does before looking it up; keep it raw when it is not valid percent-encoding. */
export function decodeFragment(fragment: string): string {
  const bare = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

/**
 * Look a fragment up among a page's anchors. When it is missing and the page was read to the end, propose the
 * nearest existing anchor by edit distance (when one is close enough to be a plausible rename).
 */
export function checkFragment(fragment: string, facts: HtmlFacts, truncated: boolean): FragmentCheck {
  const wanted = decodeFragment(fragment);
  const anchors = facts.anchors;
  if (anchors.has(wanted) || anchors.has(GITHUB_PREFIX + wanted)) return { found: true };
  if (truncated) return { found: 'unknown', why: 'the page was longer than the part that was read' };
  const names = new Set<string>();
  for (const anchor of anchors) names.add(anchor.startsWith(GITHUB_PREFIX) ? anchor.slice(GITHUB_PREFIX.length) : anchor);
  const lowered = wanted.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const distance = editDistance(lowered, name.toLowerCase(), bestDistance);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && name < best)) {
      best = name;
      bestDistance = distance;
    }
  }
  // Close enough to be a rename or an inserted word: at most half the longer name changed.
  const limit = best === undefined ? 0 : Math.max(2, Math.floor(Math.max(wanted.length, best.length) / 2));
  return best !== undefined && bestDistance <= limit ? { found: false, nearest: best } : { found: false };
}

/** Levenshtein distance; gives up (returns `cap + 1`) once the distance is sure to pass `cap`. */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
