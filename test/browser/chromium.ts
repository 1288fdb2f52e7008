/**
 * Debian's chromium, driven headless through playwright-core (which downloads no browser). Every launch gets a
 * fresh profile directory and the flags that keep the browser from calling home, so a test sees only the
 * requests the page itself makes.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { availability, type Availability } from '../helpers/system-tool.js';

const NAMES = ['chromium', 'chromium-browser'];

/**
 * `LINKROT_CHROMIUM` when set, else `chromium` (or `chromium-browser`) on the PATH, else the Debian package's
 * `/usr/bin/chromium`; only a file that exists counts.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.LINKROT_CHROMIUM;
  if (chosen !== undefined && chosen !== '') return existsSync(chosen) ? chosen : undefined;
  const dirs = [...(env.PATH ?? '').split(delimiter).filter((dir) => dir !== ''), '/usr/bin'];
  for (const dir of dirs) for (const name of NAMES) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/**
 * Run the browser tests when chromium is there; skip them, saying why, only when it is missing outside CI. In CI
 * (`CI` set) a missing browser is a failure, not a skip.
 */
export function browserAvailability(env: NodeJS.ProcessEnv = process.env): { path: string | undefined } & Availability {
  const path = findChromium(env);
  const where = env.LINKROT_CHROMIUM ? `$LINKROT_CHROMIUM (${env.LINKROT_CHROMIUM})` : `chromium or chromium-browser on the PATH or in /usr/bin`;
  return { path, ...availability(path !== undefined, `chromium not found (looked for ${where}); install it with: apt-get install -y chromium`, env) };
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

/** `javaScriptEnabled: false` shows the page as a reader who blocks scripts sees it. */
export async function launchChromium(executablePath: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Browser> {
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
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
