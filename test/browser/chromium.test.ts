import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability } from './chromium.js';

/** When the browser tests run, skip or fail: decided from the environment, without launching anything. */
describe('browserAvailability', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkrot-chromium-find-'));
    await writeFile(join(dir, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('takes $LINKROT_CHROMIUM, then chromium on the PATH', () => {
    expect(browserAvailability({ LINKROT_CHROMIUM: join(dir, 'chromium') })).toEqual({ path: join(dir, 'chromium'), skip: false, why: '' });
    expect(browserAvailability({ PATH: `/nonexistent:${dir}` }).path).toBe(join(dir, 'chromium'));
  });

  it('skips with a message saying what to install only when chromium is missing outside CI; in CI it runs (and fails)', () => {
    const missing = { LINKROT_CHROMIUM: join(dir, 'no-such-browser') };
    const local = browserAvailability(missing);
    expect(local.skip).toBe(true);
    expect(local.path).toBeUndefined();
    expect(local.why).toBe(`chromium not found (looked for $LINKROT_CHROMIUM (${join(dir, 'no-such-browser')})); install it with: apt-get install -y chromium`);
    for (const CI of ['true', '1']) expect(browserAvailability({ ...missing, CI }).skip).toBe(false);
    for (const CI of ['', 'false', '0']) expect(browserAvailability({ ...missing, CI }).skip).toBe(true);
  });
});
