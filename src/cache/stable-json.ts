/**
 * The cache file's layout: sorted keys everywhere, one section per block and one entry per line, so the file
 * stays readable, diffs line by line per URL, and is about half the size of fully indented JSON.
 *
 * {
 *   "archive": {},
 *   "verdicts": {
 *     "https://example.com/#intro": {"checkedAt":"…","value":{…}}
 *   },
 *   "version": 1
 * }
 */
export function stringifyCacheFile(file: Record<string, unknown>): string {
  const blocks = Object.keys(file)
    .sort()
    .map((name) => {
      const value = file[name];
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return `  ${JSON.stringify(name)}: ${JSON.stringify(sortKeys(value))}`;
      const keys = Object.keys(value).sort();
      if (keys.length === 0) return `  ${JSON.stringify(name)}: {}`;
      const lines = keys.map((key) => `    ${JSON.stringify(key)}: ${JSON.stringify(sortKeys((value as Record<string, unknown>)[key]))}`);
      return `  ${JSON.stringify(name)}: {\n${lines.join(',\n')}\n  }`;
    });
  return `{\n${blocks.join(',\n')}\n}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
