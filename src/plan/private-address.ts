/**
 * The private-address guard's lexical half: is an IP address, or a host name as written, inside the network
 * a CI runner must not be turned against? The connect-time half (after DNS) lives in `check/dispatcher.ts`
 * and calls `isPrivateAddress` on every resolved address.
 */
import { isIP } from 'node:net';
import { parseUrl } from '../util/url.js';

/** IPv4 ranges that are not the public internet: [first octets as a number, prefix length]. */
const PRIVATE_V4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. the cloud metadata address 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking, used inside some data centres
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast
];

function v4ToNumber(ip: string): number {
  return ip.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

function isPrivateV4(ip: string): boolean {
  const value = v4ToNumber(ip);
  return PRIVATE_V4.some(([base, prefix]) => {
    const size = 2 ** (32 - prefix);
    const start = v4ToNumber(base);
    return value >= start && value < start + size;
  });
}

/** Expand an IPv6 address (without zone) into 8 16-bit groups; an embedded dotted IPv4 tail becomes 2 groups. */
function v6Groups(ip: string): number[] | undefined {
  let text = ip;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    if (isIP(last) !== 4) return undefined;
    const value = v4ToNumber(last);
    tail.push(Math.floor(value / 65536), value % 65536);
    text = `${text.slice(0, lastColon + 1)}0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const head = parse(halves[0] ?? '');
  const rest = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const missing = 8 - head.length - rest.length - (tail.length > 0 ? 1 : 0);
  const groups = halves.length === 2 ? [...head, ...Array<number>(Math.max(missing, 0)).fill(0), ...rest] : head;
  if (tail.length > 0) groups.pop();
  groups.push(...tail);
  if (tail.length > 0 && halves.length === 2 && groups.length < 8) return undefined;
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

function embeddedV4(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

function isPrivateV6(ip: string): boolean {
  const groups = v6Groups(ip);
  if (groups === undefined) return true; // unparsable: refuse rather than guess
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const allZeroBefore = (count: number): boolean => groups.slice(0, count).every((g) => g === 0);
  if (allZeroBefore(7) && (g7 === 0 || g7 === 1)) return true; // :: and ::1
  if (allZeroBefore(5) && g5 === 0xffff) return isPrivateV4(embeddedV4(g6, g7)); // ::ffff:a.b.c.d (mapped)
  if (allZeroBefore(4) && g4 === 0xffff && g5 === 0) return isPrivateV4(embeddedV4(g6, g7)); // ::ffff:0:a.b.c.d
  if (allZeroBefore(6)) return isPrivateV4(embeddedV4(g6, g7)); // ::a.b.c.d (compatible, deprecated)
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return isPrivateV4(embeddedV4(g6, g7)); // NAT64 64:ff9b::/96
  }
  if (g0 === 0x2002) return isPrivateV4(embeddedV4(g1, g2)); // 6to4 2002::/16
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return true; // site-local fec0::/10 (deprecated, still routed inside some networks)
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return true; // discard-only 100::/64
  return false;
}

/**
 * True for an IPv4 or IPv6 address (a zone `%eth0` and brackets allowed) that is loopback, private,
 * link-local, unique-local, carrier-grade NAT, multicast, reserved or unspecified — also when written as an
 * IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address. A string that is not an IP address gives false.
 */
export function isPrivateAddress(ip: string): boolean {
  let text = ip.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const family = isIP(text);
  if (family === 4) return isPrivateV4(text);
  if (family === 6) return isPrivateV6(text.toLowerCase());
  return false;
}

/** Names that only ever lead inside the local network (RFC 6761, RFC 6762, RFC 8375, common conventions). */
const PRIVATE_NAME_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa', 'lan', 'localdomain', 'intranet', 'corp'];
const PRIVATE_NAMES = new Set(['ip6-localhost', 'ip6-loopback']);

/**
 * Lexical judgement of a host name (as in a URL, brackets allowed): a private IP literal in any form the
 * WHATWG URL parser accepts (`0x7f.1`, `2130706433`, `[::ffff:127.0.0.1]`), `localhost` and `*.localhost`,
 * local-only suffixes (`.local`, `.internal`, `.home.arpa`, `.lan`, …), and single-label names (`jenkins`),
 * which resolve through the runner's search domains. Names that merely resolve to a private address are
 * caught at connect time, after DNS.
 */
export function isPrivateHostname(host: string): boolean {
  let name = host.trim().toLowerCase();
  if (name === '') return true;
  const parsed = parseUrl(`http://${name.includes(':') && !name.startsWith('[') ? `[${name}]` : name}/`);
  if (parsed === undefined) return isPrivateAddress(name);
  name = parsed.hostname;
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name.startsWith('[')) return isPrivateAddress(name);
  if (isIP(name) !== 0) return isPrivateAddress(name);
  if (PRIVATE_NAMES.has(name)) return true;
  if (!name.includes('.')) return true;
  return PRIVATE_NAME_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}
