import { describe, expect, it } from 'vitest';
import { createRandom } from '../../bench/random.mjs';
import { PieceDecoder } from '../../src/check/read-body.js';

/** Characters of 1 to 4 bytes, a byte order mark, and bytes that are no UTF-8 at all. */
const PARTS = ['a', '<p>', 'é', '€', '😀', '字', '\ufeff'].map((text) => Buffer.from(text));
const INVALID = [Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0x80])];

describe('the piece decoder', () => {
  it('decodes a body cut anywhere as TextDecoder decodes it whole', () => {
    const draw = createRandom(3);
    const random = (n: number): number => Math.floor(draw() * n);
    for (let round = 0; round < 3000; round += 1) {
      const pieces: Buffer[] = [];
      const count = random(14);
      for (let i = 0; i < count; i += 1) pieces.push(random(6) === 0 ? INVALID[random(INVALID.length)]! : PARTS[random(PARTS.length)]!);
      const body = Buffer.concat(pieces);
      const decoder = new PieceDecoder('utf-8');
      let text = '';
      let at = 0;
      while (at < body.length) {
        const next = Math.min(body.length, at + 1 + random(5));
        text += decoder.decode(body.subarray(at, next));
        at = next;
      }
      text += decoder.end();
      expect(text, body.toString('hex')).toBe(new TextDecoder('utf-8').decode(body));
    }
  });

  it('streams other charsets through TextDecoder', () => {
    const decoder = new PieceDecoder('windows-1252');
    expect(decoder.decode(Buffer.from([0x43, 0x61, 0x66, 0xe9])) + decoder.end()).toBe('Café');
  });
});
