import { describe, expect, it } from 'vitest';
import { hostIsOrUnder, hostMatches } from '../../src/diagnose/rules.js';

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
