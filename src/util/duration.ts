/** Milliseconds per unit, for the CLI's duration flags and the config file's `maxAge`. */
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Parse a duration: `500ms`, `10s`, `5m`, `12h`, `1d`, `2w`; a plain number means seconds (so `--timeout 10`
 * is ten seconds, as in lychee and curl). Returns milliseconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = (match[2] ?? 's').toLowerCase();
  const value = Number(match[1]) * UNITS[unit]!;
  return Number.isFinite(value) ? Math.round(value) : undefined;
}
