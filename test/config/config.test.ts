import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CONFIG_FILE_NAME, loadConfig } from '../../src/config/index.js';
import type { ConfigFile } from '../../src/config/index.js';
import { isLinkrotError } from '../../src/errors.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every key but `maxAgeMs` and `confirmSpanMs` (derived): the type makes sure none is forgotten here. */
const FULL: Required<Omit<ConfigFile, 'maxAgeMs' | 'confirmSpanMs'>> = {
  $schema: './node_modules/linkrot/schema/config.schema.json',
  concurrency: 32,
  perHost: 2,
  intervalMs: 250,
  timeoutMs: 10000,
  retries: 2,
  maxRedirects: 10,
  userAgent: 'Mozilla/5.0 (compatible; my-blog-checker)',
  headers: { 'Accept-Language': 'en' },
  exclude: ['https://localhost*', '/^https?:\\/\\/internal\\./'],
  allowPrivate: false,
  insecure: false,
  failOn: ['dead', 'suspicious'],
  format: 'markdown',
  archive: true,
  archiveBaseUrl: 'https://web.archive.org',
  drift: true,
  fragments: true,
  contentChecks: true,
  cache: '.cache/links.json',
  maxAge: '12h',
  confirmAfter: 3,
  confirmSpan: '2d',
  fix: ['archive', 'moved'],
  baseUrl: 'https://blog.example.com/',
  rootDir: '_site',
  hosts: {
    'github.com': { concurrency: 1, intervalMs: 1000, headers: { Authorization: 'token x' } },
    'www.linkedin.com': { acceptStatus: [999] },
  },
  knownDead: [
    { id: 'old-wiki', name: 'Our old wiki', hosts: ['wiki.example.com', '*.wiki.example.com'], pathPattern: '^/w/', ended: '2020-06', explanation: 'The wiki moved to Notion in 2020.' },
  ],
  shorteners: [{ id: 'our-go-links', name: 'Our go links', hosts: ['go.example.com'], pathPattern: '^/[a-z0-9-]+$', source: 'https://example.com/go' }],
};

async function write(content: string, name = CONFIG_FILE_NAME): Promise<void> {
  await writeFile(join(dir, name), content);
}

async function problem(content: unknown): Promise<string> {
  await write(typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  try {
    await loadConfig({ cwd: dir });
  } catch (error) {
    expect(isLinkrotError(error) && error.code).toBe('LINKROT_CONFIG_INVALID');
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  return expect.fail('the config was accepted');
}

describe('schema/config.schema.json', () => {
  it('has exactly the keys of ConfigFile, each described', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/config.schema.json', import.meta.url), 'utf8')) as { properties: Record<string, { description?: string }> };
    expect(Object.keys(schema.properties).sort()).toEqual([...Object.keys(FULL), 'maxAgeMs', 'confirmSpanMs'].sort());
    for (const [key, property] of Object.entries(schema.properties)) expect(property.description, key).toMatch(/\S/);
  });
});

describe('loadConfig', () => {
  it('is empty when there is no file in the folder', async () => {
    expect(await loadConfig({ cwd: dir })).toEqual({ config: {} });
  });

  it('reads every setting, derives maxAgeMs and makes paths absolute against the file', async () => {
    await mkdir(join(dir, 'conf'));
    await write(JSON.stringify(FULL), join('conf', 'links.json'));
    const { config, path } = await loadConfig({ cwd: dir, path: 'conf/links.json' });
    expect(path).toBe(join(dir, 'conf', 'links.json'));
    expect(config).toEqual({ ...FULL, maxAgeMs: 12 * 3_600_000, confirmSpanMs: 2 * 86_400_000, cache: join(dir, 'conf', '.cache', 'links.json'), rootDir: join(dir, 'conf', '_site') });
  });

  it('finds linkrot.config.json in the working folder; a BOM is fine; maxAge in milliseconds too', async () => {
    await write(`\uFEFF${JSON.stringify({ maxAge: 3600000, cache: true })}`);
    expect(await loadConfig({ cwd: dir })).toEqual({ config: { maxAge: 3600000, maxAgeMs: 3600000, cache: true }, path: join(dir, CONFIG_FILE_NAME) });
  });

  it('an explicit path must exist', async () => {
    await expect(loadConfig({ cwd: dir, path: 'missing.json' })).rejects.toThrow('Cannot read config `missing.json`: file not found');
    await expect(loadConfig({ cwd: dir, path: '.' })).rejects.toThrow('Cannot read config `.`: it is a directory');
  });

  it.each([
    ['{ "concurrency": 4, }', 'Invalid config `linkrot.config.json`: expected JSON, error at line 1, column 21'],
    [{ foo: 1 }, 'Invalid config `linkrot.config.json`: unknown key `foo`'],
    [{ perhost: 2 }, 'Invalid config `linkrot.config.json`: unknown key `perhost` (did you mean `perHost`?)'],
    [{ hosts: { 'example.com': { concurency: 2 } } }, 'Invalid config `linkrot.config.json`: unknown key `concurency` at `hosts.example.com` (did you mean `concurrency`?)'],
    [{ concurrency: 0 }, 'Invalid config `linkrot.config.json`: `concurrency` must be an integer ≥ 1'],
    [{ concurrency: '8' }, 'Invalid config `linkrot.config.json`: `concurrency` must be an integer ≥ 1'],
    [{ allowPrivate: 'yes' }, 'Invalid config `linkrot.config.json`: `allowPrivate` must be true or false'],
    [{ format: 'pdf' }, 'Invalid config `linkrot.config.json`: `format` must be one of "text", "json", "markdown", "github", "html"'],
    [{ failOn: ['dead', 'gone'] }, 'Invalid config `linkrot.config.json`: `failOn[1]` must be one of "alive", "redirected", "dead", "suspicious", "unreachable", "blocked", "skipped", "confirmed"'],
    [{ hosts: { 'a.test': { acceptStatus: [999, 42] } } }, 'Invalid config `linkrot.config.json`: `hosts.a.test.acceptStatus[1]` must be an integer ≥ 100 and ≤ 999'],
    [{ headers: { 'Bad Header': 'x' } }, 'Invalid config `linkrot.config.json`: invalid key `Bad Header` at `headers`'],
    [{ maxAge: 'tomorrow' }, 'Invalid config `linkrot.config.json`: `maxAge` must match ^[0-9]+(ms|s|m|h|d|w)$'],
    [{ maxAge: '1d', maxAgeMs: 5 }, 'Invalid config `linkrot.config.json`: set `maxAge` or `maxAgeMs`, not both'],
    [{ confirmSpan: '1d', confirmSpanMs: 5 }, 'Invalid config `linkrot.config.json`: set `confirmSpan` or `confirmSpanMs`, not both'],
    [{ knownDead: [{ id: 'x', name: 'X', hosts: ['x.test'] }] }, 'Invalid config `linkrot.config.json`: missing key `explanation` at `knownDead[0]`'],
    [{ knownDead: [{ id: 'x', name: 'X', hosts: ['x.test'], explanation: 'gone', pathPattern: '([' }] }, 'Invalid config `linkrot.config.json`: `knownDead[0].pathPattern` is not a valid regular expression'],
    [[1, 2], 'Invalid config `linkrot.config.json`: the file must be an object'],
    [{ foo: 1, bar: 2, concurrency: -1 }, 'Invalid config `linkrot.config.json`: unknown key `foo` (and 2 more problems)'],
  ])('names the problem in one line: %j', async (content, message) => {
    expect(await problem(content)).toBe(message);
  });
});
