/**
 * Parse `text` as a WHATWG URL, resolved against `base` when one is given; undefined when it does not parse.
 * One place for the try/catch around `new URL()` (Node 20 has no `URL.parse`); each caller picks its own fallback.
 */
export function parseUrl(text: string, base?: string | URL): URL | undefined {
  try {
    return base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    return undefined;
  }
}

