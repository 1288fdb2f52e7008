import { describe, expect, it } from 'vitest';
import { hostIsOrUnder, hostMatches, loadRules, matchFamily } from '../../src/diagnose/rules.js';
import type { RuleSet } from '../../src/diagnose/types.js';
import { loadShorteners, matchShortener } from '../../src/archive/shorteners.js';

/** The plain definitions the allocation-free versions must agree with. */
const plainMatches = (host: string, pattern: string): boolean =>
  pattern.startsWith('*.') ? host.toLowerCase().endsWith(pattern.slice(1)) : host.toLowerCase() === pattern;
const plainIsOrUnder = (host: string, domain: string): boolean => plainMatches(host, domain) || plainMatches(host, `*.${domain}`);

const HOSTS = ['example.com', 'www.example.com', 'a.b.example.com', 'EXAMPLE.com', 'Www.Example.COM', 'badexample.com', 'example.com.evil.net', 'com', '.example.com', 'xample.com', '', 'm.example.com'];
const DOMAINS = ['example.com', 'com', 'm.example.com', 'e.com'];

describe('host patterns', () => {
  it('agree with the plain definitions on every pair, in any case', () => {
    for (const host of HOSTS) {
      for (const domain of DOMAINS) {
        expect(hostMatches(host, domain), `${host} ${domain}`).toBe(plainMatches(host, domain));
        expect(hostMatches(host, `*.${domain}`), `${host} *.${domain}`).toBe(plainMatches(host, `*.${domain}`));
        expect(hostIsOrUnder(host, domain), `${host} under ${domain}`).toBe(plainIsOrUnder(host, domain));
      }
    }
  });

  it('match a name under the domain, never a longer name that merely ends the same', () => {
    expect(hostIsOrUnder('www.sedo.com', 'sedo.com')).toBe(true);
    expect(hostIsOrUnder('Sedo.COM', 'sedo.com')).toBe(true);
    expect(hostIsOrUnder('notsedo.com', 'sedo.com')).toBe(false);
    expect(hostMatches('notsedo.com', '*.sedo.com')).toBe(false);
    expect(hostMatches('plus.google.com', '*.google.com')).toBe(true);
  });
});

/** The first family in rule order whose hosts and path match: what `matchFamily`'s host index must agree with. */
function plainFamily(url: string, rules: RuleSet): string | undefined {
  const parsed = new URL(url);
  for (const family of rules.families) {
    if (!family.hosts.some((pattern) => plainMatches(parsed.hostname, pattern))) continue;
    if (family.path === undefined || family.path.test(parsed.pathname + parsed.search)) return family.id;
  }
  return undefined;
}

/** Every built-in host pattern and its look-alikes, on a few paths; the URLs whose expected family is not none. */
function compareWithPlain(rules: RuleSet): number {
  const names = new Set(rules.families.flatMap((family) => family.hosts.map((pattern) => pattern.replace(/^\*\./, ''))));
  const hosts = [...names].flatMap((name) => [name, `www.${name}`, `a.b.${name}`, name.toUpperCase(), `x${name}`, `${name}.evil.net`]);
  const paths = ['/', '/+JohnDoe/posts', '/p/project', '/site/mine', '/learn/ml', '/course/ml', '/groups/x', '/watch?v=abc', '/a/b/c'];
  let matched = 0;
  for (const host of hosts) {
    for (const path of paths) {
      const url = `https://${host}${path}`;
      const expected = plainFamily(url, rules);
      if (expected !== undefined) matched += 1;
      expect(matchFamily(url, rules)?.family.id, url).toBe(expected);
    }
  }
  return matched;
}

const USER_FAMILY = { name: 'Catch-all', ended: '2020', explanation: 'test', source: 'https://example.org/rules', sourceDate: '2026-12-05' };

describe('matchFamily', () => {
  it('finds the first matching family in rule order, for every built-in host pattern and its look-alikes', () => {
    // A user family after the built-ins that shares their hosts: found only where none before it matches.
    const after = loadRules([{ ...USER_FAMILY, id: 'late-catch-all', hosts: ['*.google.com', 'coursera.org', '*.example.org'] }]);
    expect(compareWithPlain(after)).toBeGreaterThan(100);
    // A `*.` pattern in the first place (a user family replacing the first built-in keeps its place): it comes
    // before the later families that name a host under it exactly (code.google.com, sites.google.com).
    const first = loadRules([{ ...USER_FAMILY, id: 'google-plus', hosts: ['*.google.com'], pathPattern: '^/p/' }]);
    expect(matchFamily('https://code.google.com/p/project', first)?.family.id).toBe('google-plus');
    expect(compareWithPlain(first)).toBeGreaterThan(100);
  });
});

describe('matchShortener', () => {
  it('agrees with trying every shortener in turn, for each of their hosts and its look-alikes', () => {
    const shorteners = loadShorteners([{ id: 'late-short', name: 'Late', hosts: ['*.tinyurl.com', 'bit.ly'], source: 'https://example.org/short', ended: '2020' }]);
    const names = new Set(shorteners.flatMap((entry) => entry.hosts.map((pattern) => pattern.replace(/^\*\./, ''))));
    let matched = 0;
    for (const host of [...names].flatMap((name) => [name, `www.${name}`, `a.${name}`, name.toUpperCase(), `x${name}`, `${name}.evil.net`])) {
      for (const path of ['/', '/abc123', '/p/xyz', '/?x=1']) {
        const url = `https://${host}${path}`;
        const parsed = new URL(url);
        const plain =
          parsed.pathname === '/' && parsed.search === ''
            ? undefined
            : shorteners.find((entry) => entry.hosts.some((pattern) => plainMatches(parsed.hostname, pattern)) && (entry.path === undefined || entry.path.test(parsed.pathname + parsed.search)));
        if (plain !== undefined) matched += 1;
        expect(matchShortener(url, shorteners)?.id, url).toBe(plain?.id);
      }
    }
    expect(matched).toBeGreaterThan(20);
  });
});
