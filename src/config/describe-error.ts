import type { ErrorObject } from 'ajv';

/** `/hosts/example.com/concurrency` → `hosts.example.com.concurrency`, `/knownDead/0/id` → `knownDead[0].id`. */
export function dottedPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

/** What a schema node expects, in words: `an integer ≥ 1`, `true or false`, `one of "text", "json"`. */
export function expectation(schema: Record<string, unknown>): string {
  if (Array.isArray(schema['enum'])) return `one of ${(schema['enum'] as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
  const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string];
  const words = types.map((type) => {
    switch (type) {
      case 'integer': {
        const minimum = schema['minimum'];
        const maximum = schema['maximum'];
        return `an integer${typeof minimum === 'number' ? ` ≥ ${minimum}` : ''}${typeof maximum === 'number' ? ` and ≤ ${maximum}` : ''}`;
      }
      case 'boolean':
        return 'true or false';
      case 'string':
        return typeof schema['pattern'] === 'string' ? `a string matching ${String(schema['pattern'])}` : 'a string';
      case 'array':
        return 'a list';
      case 'object':
        return 'an object';
      default:
        return String(type);
    }
  });
  return words.join(' or ');
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, previous + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}

/** The closest allowed key, when it is close enough to be a typo. */
export function closestKey(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = distance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(key.length / 4)) ? best : undefined;
}

/** One ajv error as a short phrase naming the key and what it should be. */
export function describeConfigError(error: ErrorObject): string {
  const path = dottedPath(error.instancePath);
  const at = path === '' ? '' : ` at \`${path}\``;
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const allowed = Object.keys((parent['properties'] as Record<string, unknown> | undefined) ?? {});
      const guess = closestKey(key, allowed);
      return `unknown key \`${key}\`${at}${guess === undefined ? '' : ` (did you mean \`${guess}\`?)`}`;
    }
    case 'required':
      return `missing key \`${String(error.params['missingProperty'])}\`${at}`;
    case 'propertyNames':
      return `invalid key \`${String(error.params['propertyName'])}\`${at}`;
    case 'pattern':
      if (error.propertyName !== undefined) return `invalid key \`${error.propertyName}\`${at}`;
      return `\`${path}\` must match ${String(error.params['pattern'])}`;
    case 'uniqueItems':
      return `\`${path}\` must not repeat a value`;
    case 'minItems':
      return `\`${path}\` must not be empty`;
    case 'minLength':
      return `\`${path}\` must not be empty`;
    default:
      return path === '' ? `the file must be ${expectation(parent)}` : `\`${path}\` must be ${expectation(parent)}`;
  }
}
