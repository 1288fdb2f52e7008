/// <reference lib="dom" />
/**
 * The HTML report in a real browser (Debian's chromium, headless): filters, search, sort and keyboard use work;
 * the Content-Security-Policy lets the page's own script run and blocks anything injected; the page makes no
 * request at all; light and dark are both readable; and it looks like the committed screenshot.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { renderHtml } from '../../src/report/index.js';
import { hostileReport, realisticReport } from '../report/html-fixtures.js';
import { browserAvailability, launchChromium, type Browser } from './chromium.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BASELINES = fileURLToPath(new URL('./baseline/', import.meta.url));
const chromium = browserAvailability();
if (chromium.skip) console.warn(`browser tests skipped: ${chromium.why}`);

interface Opened {
  page: Page;
  url: string;
  /** Every request the page made, by URL (the page's own file included). */
  requests: string[];
  /** Console errors and warnings, and uncaught exceptions. */
  errors: string[];
  /** Requests that failed, with the reason chromium gives (`csp` for a load the policy refused). */
  failed: Array<[string, string]>;
}

declare global {
  interface Window {
    violations?: string[];
    pwned?: boolean;
  }
}

describe.skipIf(chromium.skip)(`the HTML report in chromium${chromium.skip ? ` (skipped: ${chromium.why})` : ''}`, { timeout: 90_000 }, () => {
  let browser: Browser | undefined;
  let dir = '';
  // a local server that any load escaping the policy would reach
  let server: Server | undefined;
  let origin = '';
  const reached: string[] = [];

  beforeAll(async () => {
    if (chromium.path === undefined) throw new Error(chromium.why);
    dir = await mkdtemp(join(tmpdir(), 'linkrot-html-'));
    const listening = createServer((request, response) => {
      reached.push(request.url ?? '');
      response.end('window.pwned = true;');
    });
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    browser = await launchChromium(chromium.path);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    const listening = server;
    if (listening !== undefined) {
      listening.closeAllConnections();
      await new Promise((resolve) => listening.close(resolve));
    }
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  async function open(html: string, name: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Opened> {
    const file = join(dir, name);
    await writeFile(file, html);
    if (browser === undefined) throw new Error('chromium did not start');
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    const opened: Opened = { page, url: pathToFileURL(file).href, requests: [], errors: [], failed: [] };
    page.on('request', (request) => opened.requests.push(request.url()));
    page.on('requestfailed', (request) => opened.failed.push([request.url(), request.failure()?.errorText.replace(/^net::ERR_BLOCKED_BY_/, '').toLowerCase() ?? '']));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') opened.errors.push(message.text());
    });
    page.on('pageerror', (error) => opened.errors.push(String(error)));
    // playwright's init script runs outside the page's policy: it only listens for the policy's refusals
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.violations?.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto(opened.url);
    return opened;
  }

  const visibleRows = (page: Page): Promise<Array<{ state: string; reason: string; text: string }>> =>
    page.$$eval('tr[data-state]', (rows) =>
      rows
        .filter((row) => row.checkVisibility())
        .map((row) => ({ state: row.getAttribute('data-state') ?? '', reason: row.getAttribute('data-reason') ?? '', text: row.textContent ?? '' })),
    );
  const status = (page: Page): Promise<string> => page.locator('#status').innerText();

  it('runs its own script under its policy: no console error, no violation, no request but the file itself', async () => {
    const { page, url, requests, errors } = await open(renderHtml(hostileReport()), 'hostile.html');
    expect(await page.locator('#filters').isVisible()).toBe(true);
    expect(await status(page)).toMatch(/^Showing \d+ of 59 links in 3 posts\.$/);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => window.violations)).toEqual([]);
    expect(requests).toEqual([url]);
    // hostile texts are on screen as text, and nothing they carry ran or loaded
    await expect(page.getByText('"><svg onload=alert(1)>', { exact: false }).count()).resolves.toBeGreaterThan(0);
    expect(await page.locator('svg, iframe, img').count()).toBe(0);
    expect(await page.evaluate(() => Array.from(document.links, (link) => link.protocol).filter((protocol) => protocol !== 'https:' && protocol !== 'http:' && protocol !== 'file:'))).toEqual([]);
    expect(reached).toEqual([]);
    await page.close();
  });

  it('blocks a script, a style and remote loads injected into the page (as if escaping had failed)', async () => {
    const injected = [
      '<script>window.pwned = true;</script>',
      `<script src="${origin}/script.js"></script>`,
      `<img src="${origin}/image.png" alt="">`,
      `<link rel="stylesheet" href="${origin}/style.css">`,
      `<iframe src="${origin}/frame.html"></iframe>`,
      '<div id="styled" style="color: rgb(1, 2, 3)">styled</div>',
      '<img src="x" onerror="window.pwned = true">',
    ].join('\n');
    const html = renderHtml(realisticReport()).replace('<main id="posts"', `${injected}\n<main id="posts"`);
    const { page, url, requests, errors, failed } = await open(html, 'injected.html');
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(reached).toEqual([]);
    // chromium announces each blocked load as a request that then fails; none was let through
    const attempted = requests.filter((request) => request !== url);
    expect(attempted.length).toBeGreaterThanOrEqual(3);
    expect(failed.filter(([request]) => request !== url).sort()).toEqual(attempted.map((request) => [request, 'csp']).sort());
    expect(await page.locator('#styled').evaluate((element) => getComputedStyle(element).color)).not.toBe('rgb(1, 2, 3)');
    const violations = (await page.evaluate(() => window.violations)) ?? [];
    expect(violations.some((line) => line.startsWith('script-src'))).toBe(true);
    expect(violations.some((line) => line.startsWith('img-src'))).toBe(true);
    expect(violations.some((line) => line.startsWith('style-src'))).toBe(true);
    expect(errors.some((error) => error.includes('Content Security Policy'))).toBe(true);
    // the page's own script still ran
    expect(await status(page)).toBe('Showing 9 of 55 links in 1 post.');
    await page.close();
  });

  it('filters by state and reason, searches URL and text, sorts, and resets', async () => {
    const { page } = await open(renderHtml(hostileReport()), 'filters.html');
    const initial = await visibleRows(page);
    expect(initial.every((row) => row.state !== 'alive' && row.state !== 'skipped')).toBe(true);
    expect(new Set(initial.map((row) => row.state))).toEqual(new Set(['dead', 'suspicious', 'blocked', 'unreachable', 'redirected']));

    await page.getByLabel('Dead (').uncheck();
    expect((await visibleRows(page)).some((row) => row.state === 'dead')).toBe(false);
    await page.getByLabel('Alive (').check();
    expect((await visibleRows(page)).filter((row) => row.state === 'alive')).toHaveLength(47);
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(async () => (await visibleRows(page)).length).toBe(initial.length);

    await page.getByLabel('Reason').selectOption('known-dead');
    const knownDead = await visibleRows(page);
    expect(knownDead.map((row) => row.reason)).toEqual(['known-dead']);
    expect(knownDead[0]!.text).toContain('plus.google.com');
    expect(await status(page)).toBe('Showing 1 of 59 links in 1 post.');
    await page.getByLabel('Reason').selectOption('');

    // search: by URL, by link text (also hostile text), case-insensitively; nothing found says so
    const search = page.getByLabel('Search URL or text');
    await search.fill('METAMIND');
    expect((await visibleRows(page)).map((row) => row.reason)).toEqual(['parked-domain']);
    await search.fill('onmouseover');
    expect(await visibleRows(page)).toHaveLength(1);
    await search.fill('svg onload');
    await page.getByLabel('Skipped (').check();
    expect((await visibleRows(page)).map((row) => row.state)).toEqual(['skipped']);
    await search.fill('no such thing anywhere');
    expect(await visibleRows(page)).toEqual([]);
    expect(await page.locator('#empty').isVisible()).toBe(true);
    expect(await status(page)).toBe('Showing 0 of 59 links in 0 posts.');
    await search.fill('');

    // sort: posts by path, and links in line order instead of worst first
    const postOrder = (): Promise<string[]> => page.$$eval('section.post', (posts) => posts.map((post) => post.getAttribute('data-path') ?? ''));
    expect((await postOrder())[0]).toContain('learning-deep-learning');
    await page.getByLabel('Posts', { exact: true }).selectOption('path');
    expect(await postOrder()).toEqual([...(await postOrder())].sort());
    expect((await postOrder())[0]).toContain('fixtures/posts/');
    await page.getByLabel('Links', { exact: true }).selectOption('line');
    const lines = await page.$$eval('section.post:first-of-type tr[data-state]', (rows) => rows.map((row) => Number(row.getAttribute('data-line'))));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    await page.getByLabel('Links', { exact: true }).selectOption('worst');
    const ranks = await page.$$eval('section.post:first-of-type tr[data-state]', (rows) => rows.map((row) => Number(row.getAttribute('data-rank'))));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await page.close();
  });

  it('is usable from the keyboard alone, and shows where the focus is', async () => {
    const { page } = await open(renderHtml(realisticReport()), 'keyboard.html');
    const focused = (): Promise<{ id: string; tag: string; value: string; outline: string; width: number; inView: boolean }> =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLInputElement;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return { id: element.id, tag: element.tagName, value: element.value ?? '', outline: style.outlineStyle, width: parseFloat(style.outlineWidth), inView: box.left >= 0 && box.top >= 0 && box.width > 0 };
      });
    await page.keyboard.press('Tab');
    const skip = await focused();
    expect(skip).toMatchObject({ tag: 'A', outline: 'solid', inView: true });
    expect(skip.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'INPUT', value: 'dead', outline: 'solid' });
    // Space toggles the focused state filter
    await page.keyboard.press('Space');
    expect((await visibleRows(page)).some((row) => row.state === 'dead')).toBe(false);
    await page.keyboard.press('Space');
    // on to the search box through the other controls, then type
    for (let step = 0; step < 12 && (await focused()).id !== 'q'; step += 1) await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ id: 'q', outline: 'solid' });
    await page.keyboard.type('plus.google');
    expect((await visibleRows(page)).map((row) => row.reason)).toEqual(['known-dead']);
    // Escape clears a search box; the reason select answers the arrow keys
    await page.keyboard.press('Escape');
    expect(await visibleRows(page)).toHaveLength(9);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatchObject({ id: 'reason' });
    await page.keyboard.press('ArrowDown');
    expect((await visibleRows(page)).map((row) => row.reason)).toEqual(['bot-protection']);
    // the skip link moves the focus to the list of posts
    await page.keyboard.press('Shift+Tab');
    for (let step = 0; step < 12 && (await focused()).tag !== 'A'; step += 1) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('posts');
    await page.close();
  });

  it('lists every link, without filters, for a reader whose browser runs no script', async () => {
    const file = join(dir, 'no-script.html');
    await writeFile(file, renderHtml(realisticReport()));
    const plain = await launchChromium(chromium.path!, { javaScriptEnabled: false });
    try {
      const page = await plain.context.newPage();
      await page.goto(pathToFileURL(file).href);
      expect(await page.locator('#filters').isVisible()).toBe(false);
      expect(await visibleRows(page)).toHaveLength(55);
      expect(await page.locator('tr[data-state="dead"] a[href^="https://web.archive.org/web/"]').count()).toBe(3);
    } finally {
      await plain.close();
    }
  });

  it('is readable in light and in dark (WCAG AA contrast for text, links and state words)', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await open(renderHtml(realisticReport()), `${scheme}.html`, scheme);
      const pairs = await page.evaluate(() => {
        const background = getComputedStyle(document.body).backgroundColor;
        const pick = (selector: string): string => getComputedStyle(document.querySelector(selector) ?? document.body).color;
        return {
          background,
          colours: ['body', 'a.url', '.meta', '.state-dead', '.state-suspicious', '.state-blocked', '.state-unreachable', '.state-redirected', 'th', '#status'].map((selector) => [selector, pick(selector)]),
        };
      });
      expect(pairs.background, scheme).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)');
      for (const [selector, colour] of pairs.colours) expect(contrast(colour!, pairs.background), `${scheme} ${selector}`).toBeGreaterThanOrEqual(4.5);
      await page.close();
    }
  });

  it('looks like the committed screenshots, in light and in dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await open(renderHtml(realisticReport()), `shot-${scheme}.html`, scheme);
      const shot = PNG.sync.read(await page.screenshot({ fullPage: false, animations: 'disabled', caret: 'hide' }));
      await page.close();
      await compareWithBaseline(shot, join(BASELINES, `html-report-${scheme}.png`));
    }
  });

  it('shows the reference post replayed offline (npm run demo) with its 5 dead links and their dated archive copies', async () => {
    const html = (await promisify(execFile)(process.execPath, ['fixtures/web/demo.mjs', '--format', 'html'], { cwd: REPO, maxBuffer: 16 << 20 }).catch((error: { stdout?: string }) => error)).stdout ?? '';
    const { page, errors } = await open(html, 'demo.html');
    expect(errors).toEqual([]);
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      // the README's picture: the page as it opens, down to the last dead link (not a baseline: the demo's
      // recording may change, the fixed report above is what the layout is compared with)
      const bottom = await page.locator('tr[data-state="dead"]').last().evaluate((row) => row.getBoundingClientRect().bottom);
      await page.setViewportSize({ width: 1280, height: Math.ceil(bottom) + 1 });
      await writeFile(join(REPO, 'docs', 'html-report.png'), await page.screenshot({ animations: 'disabled', caret: 'hide' }));
    }
    await page.getByLabel('Reason').selectOption('');
    const states = ['Suspicious', 'Blocked', 'Unreachable', 'Redirected'];
    for (const state of states) {
      const box = page.getByLabel(`${state} (`);
      if ((await box.count()) > 0) await box.uncheck();
    }
    const dead = await visibleRows(page);
    expect(dead).toHaveLength(5);
    for (const row of dead) {
      expect(row.state).toBe('dead');
      expect(row.text).toMatch(/Archive copy of (19|20)\d\d-\d\d-\d\d: https:\/\/web\.archive\.org\/web\/\d{14}\//);
    }
    const archiveLinks = await page.$$eval('tr[data-state="dead"] a[href^="https://web.archive.org/web/"]', (links) => links.length);
    expect(archiveLinks).toBe(5);
    await page.close();
  });
});

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(foreground: string, background: string): number {
  const luminance = (colour: string): number => {
    const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((channel) => {
      const value = channel / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

/**
 * Pixel comparison with a tolerance: a pixel counts as different when its colour distance passes pixelmatch's
 * 0.1 threshold (anti-aliasing is ignored), and the page may differ in at most 0.5% of its pixels. A changed
 * layout (a column moved, a block missing, colours swapped) changes far more; a font hinting difference between
 * two machines with the same fonts does not. `UPDATE_SCREENSHOTS=1` rewrites the baselines (look at them before
 * committing); a missing baseline fails the test after writing it, so that it is never created unseen in CI.
 */
async function compareWithBaseline(actual: PNG, path: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(path)) {
    const missing = !existsSync(path);
    await writeFile(path, PNG.sync.write(actual));
    if (missing) throw new Error(`no baseline screenshot: wrote ${path}, look at it and commit it`);
    return;
  }
  const expected = PNG.sync.read(await readFile(path));
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  const diff = new PNG({ width: expected.width, height: expected.height });
  const differing = pixelmatch(actual.data, expected.data, diff.data, expected.width, expected.height, { threshold: 0.1 });
  const share = differing / (expected.width * expected.height);
  if (share > 0.005) {
    const diffPath = join(tmpdir(), `linkrot-${path.split('/').at(-1)!.replace('.png', '')}-diff.png`);
    await writeFile(diffPath, PNG.sync.write(diff));
    await writeFile(diffPath.replace('-diff.png', '-actual.png'), PNG.sync.write(actual));
    expect.fail(`${(share * 100).toFixed(2)}% of the pixels differ from ${path} (at most 0.5%): see ${diffPath}`);
  }
}
