/**
 * Debian's chromium, driven headless through playwright-core (which downloads no browser). Every launch gets a
 * fresh profile directory and the flags that keep the browser from calling home, so a test sees only the
 * requests the page itself makes.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** `LINKROT_CHROMIUM` when set, else the Debian package's binary. */
export function findChromium(): string | undefined {
  const chosen = process.env.LINKROT_CHROMIUM;
  if (chosen !== undefined && chosen !== '') return chosen;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Run the browser tests when chromium is there; skip them, saying why, only when it is missing outside CI. In CI
 * (`CI` set) a missing browser is a failure, not a skip.
 */
export function browserAvailability(): { path: string | undefined; skip: boolean; why: string } {
  const path = findChromium();
  if (path !== undefined) return { path, skip: false, why: '' };
  const ci = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
  return { path, skip: !ci, why: `chromium not found (looked at ${CANDIDATES.join(', ')} and $LINKROT_CHROMIUM); install it with: apt-get install -y chromium` };
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'linkrot-chromium-'));
  // launchPersistentContext is how playwright takes a --user-data-dir: here a fresh, empty one per launch
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    timeout: 60_000,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
