import { describe, expect, it } from 'vitest';
import { createRandom } from '../../bench/random.mjs';
import { Utf8Pieces } from '../../src/check/read-body.js';

/** Characters of 1 to 4 bytes, a byte order mark, and bytes that are no UTF-8 at all. */
const PARTS = ['a', '<p>', 'é', '€', '😀', '字', '\ufeff'].map((text) => Buffer.from(text));
const INVALID = [Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0x80]), Buffer.from([0xef, 0xbb])];

/** `body` cut into pieces of 1 to 5 bytes, through `Utf8Pieces`, decoded as one UTF-8 text. */
function throughPieces(body: Buffer, encoding: string, random: (n: number) => number): string {
  const pieces = new Utf8Pieces(encoding);
  const out: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const next = Math.min(body.length, at + 1 + random(5));
    out.push(pieces.next(body.subarray(at, next)));
    at = next;
  }
  out.push(pieces.end());
  return Buffer.concat(out).toString('utf8');
}

describe('a body as UTF-8 pieces', () => {
  it('decodes, cut anywhere, as TextDecoder decodes the whole body (byte order mark and broken bytes included)', () => {
    const draw = createRandom(3);
    const random = (n: number): number => Math.floor(draw() * n);
    for (let round = 0; round < 3000; round += 1) {
      const parts: Buffer[] = [];
      const count = random(14);
      for (let i = 0; i < count; i += 1) parts.push(random(6) === 0 ? INVALID[random(INVALID.length)]! : PARTS[random(PARTS.length)]!);
      const body = Buffer.concat(parts);
      expect(throughPieces(body, 'utf-8', random), body.toString('hex')).toBe(new TextDecoder('utf-8').decode(body));
    }
  });

  it('re-encodes other charsets, a character cut between pieces included', () => {
    const draw = createRandom(4);
    const random = (n: number): number => Math.floor(draw() * n);
    // windows-1252 (é, €), UTF-16 (a surrogate pair), Shift_JIS (表 has the trail byte 0x5C, which is `\` in ASCII).
    const bodies: [string, Buffer][] = [
      ['windows-1252', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x3c, 0x70, 0x3e])],
      ['utf-16le', Buffer.from('\ufeff<p>Café 😀 字</p>', 'utf16le')],
      ['shift_jis', Buffer.from([0x3c, 0x70, 0x3e, 0x95, 0x5c, 0x82, 0xa0, 0x3c, 0x2f, 0x70, 0x3e])],
    ];
    for (const [encoding, body] of bodies) {
      // The reference decodes in streaming mode: Node 20's one-shot windows-1252 decode reads 0x80 as U+0080, not €.
      const whole = new TextDecoder(encoding);
      const expected = whole.decode(body, { stream: true }) + whole.decode();
      for (let round = 0; round < 50; round += 1) expect(throughPieces(body, encoding, random)).toBe(expected);
    }
  });
});
