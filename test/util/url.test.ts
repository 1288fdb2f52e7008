import { describe, expect, it } from 'vitest';
import { parseUrl } from '../../src/util/url.js';

describe('parseUrl', () => {
  it('parses an absolute URL the way new URL() does', () => {
    expect(parseUrl('HTTPS://Example.COM:443/a/../b?q=1#top')?.href).toBe('https://example.com/b?q=1#top');
  });

  it('resolves a relative reference against a string or URL base', () => {
    expect(parseUrl('../img/a.png', 'https://example.com/blog/2017/post/')?.href).toBe('https://example.com/blog/2017/img/a.png');
    expect(parseUrl('/web/20170301000000/https://example.com/', new URL('https://web.archive.org/'))?.pathname).toBe('/web/20170301000000/https://example.com/');
  });

  it('gives undefined instead of throwing for text that does not parse', () => {
    expect(parseUrl('not a url')).toBeUndefined();
    expect(parseUrl('/relative/without/base')).toBeUndefined();
    expect(parseUrl('http://[::1')).toBeUndefined();
    expect(parseUrl('x', 'also not a base')).toBeUndefined();
  });
});
