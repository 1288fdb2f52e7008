/**
 * Every built-in site family against the answer its service really gives today, served by a simulated web (a
 * loopback forward proxy, families-web.ts) through the real fetcher. The answers and their sources are in
 * families-shapes.ts, the expected verdicts in families-cases.json. For a platform that is still up (an
 * `on-gone-answer` family) a live item must stay alive, and answers that only look alike must not be taken for
 * its "gone" page.
 */
import { readFileSync } from 'node:fs';
import type { Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_DEAD_FAMILIES, loadRules, validateFamily } from '../../src/diagnose/index.js';
import type { State, Verdict } from '../../src/model.js';
import type { TestServer } from '../helpers/servers.js';
import CASE_DATA from './families-cases.json' with { type: 'json' };
import { FAMILY_WEB } from './families-shapes.js';
import { checkLink, startWeb, throughWeb } from './families-web.js';
import { SETTINGS } from './helpers.js';

interface Case {
  /** What the case shows. */
  name: string;
  url: string;
  /** The family the verdict must name, or null for none. */
  family: string | null;
  state: State;
  reason?: string;
  /** A `moved` suggestion the verdict must carry first. */
  moved?: string;
  /** Text the detail must contain. */
  detail?: string;
}

/** The cases, as data: a link, the family its verdict must name (null: none) and the state (and reason, detail, first `moved` suggestion). */
const CASES = CASE_DATA as Case[];

let web: TestServer;
let dispatcher: Dispatcher;

beforeAll(async () => {
  web = await startWeb(FAMILY_WEB);
  dispatcher = throughWeb(web);
});
afterAll(async () => {
  await dispatcher.close();
  await web.close();
});

describe('site families against the answers their services give', () => {
  it.each(CASES)('$name', async (testCase) => {
    const verdict: Verdict = await checkLink(testCase.url, dispatcher, SETTINGS);
    expect({ state: verdict.state, family: verdict.family ?? null }, verdict.detail).toEqual({ state: testCase.state, family: testCase.family });
    if (testCase.reason !== undefined) expect(verdict.reason).toBe(testCase.reason);
    if (testCase.moved !== undefined) expect(verdict.suggestions[0]).toMatchObject({ kind: 'moved', url: testCase.moved });
    if (testCase.detail !== undefined) expect(verdict.detail).toContain(testCase.detail);
  });

  it('every built-in family is exercised by a case above that names it', () => {
    const named = new Set(CASES.map((testCase) => testCase.family));
    expect(KNOWN_DEAD_FAMILIES.map((family) => family.id).filter((id) => !named.has(id))).toEqual([]);
  });

  it('every platform family has a case for a live item (not dead) on the same platform', () => {
    const rules = loadRules();
    for (const family of KNOWN_DEAD_FAMILIES.filter((f) => f.applies === 'on-gone-answer')) {
      const live = CASES.filter((testCase) => testCase.family === null && testCase.state === 'alive' && rules.families.some((f) => f.id === family.id && f.hosts.some((h) => hostIsPattern(new URL(testCase.url).hostname, h))));
      expect(live.length, family.id).toBeGreaterThan(0);
    }
  });
});

describe('the built-in pack as data', () => {
  it('has at least 30 families, each valid as a user family would be, with a source and a date', () => {
    expect(KNOWN_DEAD_FAMILIES.length).toBeGreaterThanOrEqual(30);
    KNOWN_DEAD_FAMILIES.forEach((family, index) => {
      expect(() => validateFamily(family, `built-in[${index}]`)).not.toThrow();
      expect(family.source, family.id).toMatch(/^https:\/\//);
      expect(family.ended ?? family.sourceDate, family.id).toMatch(/^\d{4}/);
    });
    expect(new Set(KNOWN_DEAD_FAMILIES.map((family) => family.id)).size).toBe(KNOWN_DEAD_FAMILIES.length);
  });

  it('the README table lists every built-in family', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Known-dead site families'), readme.indexOf('### Suggestions'));
    const listed = [...section.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((row) => row[1]);
    expect(listed.sort()).toEqual(KNOWN_DEAD_FAMILIES.map((family) => family.id).sort());
  });

  it('no platform family can make a link dead without a status or redirect condition', () => {
    // A body phrase alone could match an article quoting it: every built-in "gone" answer also needs an error
    // status or the platform's own redirect target.
    for (const family of KNOWN_DEAD_FAMILIES.filter((f) => f.goneAnswer !== undefined)) {
      const gone = family.goneAnswer!;
      const errorStatus = gone.status !== undefined && gone.status.every((status) => status >= 400);
      expect(errorStatus || gone.finalUrl !== undefined, family.id).toBe(true);
    }
  });
});

function hostIsPattern(host: string, pattern: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}
