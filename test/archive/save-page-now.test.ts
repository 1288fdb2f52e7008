import { afterEach, describe, expect, it } from 'vitest';
import type { ExtractedFile, Link, Report } from '../../src/model.js';
import { checkExtracted, type CheckOptions } from '../../src/pipeline/index.js';
import { renderMarkdown, renderText, validateReport } from '../../src/report/index.js';
import { startRawServer, startServer, type TestServer } from '../helpers/servers.js';
import { startScriptedArchive, type ScriptedArchive } from './save-page-now-archive.js';

const KEYS = { access: 'AccessKEY4711abc', secret: 'SecretKEY0815xyz' };
let archive: ScriptedArchive | undefined;
afterEach(async () => {
  await archive?.server.close();
  archive = undefined;
});

function link(url: string, line: number): Link {
  return { url, kind: 'link', syntax: 'link', text: 'a page', line, column: 1, offset: { start: 0, end: url.length } };
}

/** Check one post linking to the named pages of the scripted archive, saving alive ones (a fake clock: no waiting). */
async function run(names: string[], save: Partial<NonNullable<CheckOptions['savePageNow']>> = {}): Promise<{ report: Report; slept: number[] }> {
  archive = await startScriptedArchive(KEYS);
  const files: ExtractedFile[] = [{ path: 'post.md', links: names.map((name, index) => link(`${archive!.origin}/page/${name}`, index + 1)) }];
  let clock = Date.now();
  const slept: number[] = [];
  const report = await checkExtracted(files, {
    allowPrivate: true,
    archiveBaseUrl: archive.origin,
    now: () => clock,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    savePageNow: { accessKey: KEYS.access, secretKey: KEYS.secret, olderThanMs: 30 * 86_400_000, ...save },
  });
  return { report, slept };
}

describe('Save Page Now (scripted SPN2 archive on 127.0.0.1)', () => {
  it('captures alive links without a recent capture, one request at a time, and leaves recent ones alone', async () => {
    const { report } = await run(['new', 'old', 'fresh']);
    const origin = archive!.origin;
    expect(report.savePageNow).toEqual({
      saved: [
        { url: `${origin}/page/new`, capture: `${origin}/web/20261205010203/${origin}/page/new`, timestamp: '20261205010203' },
        { url: `${origin}/page/old`, capture: `${origin}/web/20261205010203/${origin}/page/old`, timestamp: '20261205010203' },
      ],
      refused: [],
      recent: 1,
    });
    expect(validateReport(report)).toEqual([]);
    // What the archive received: the documented request, keys in the Authorization header only.
    const posts = archive!.saves.filter((save) => save.method === 'POST');
    expect(posts.map((save) => save.form.get('url'))).toEqual([`${origin}/page/new`, `${origin}/page/old`]);
    for (const save of archive!.saves) {
      expect(save.authorization).toBe(`LOW ${KEYS.access}:${KEYS.secret}`);
      expect(save.accept).toBe('application/json');
    }
    expect(posts[0]!.form.get('if_not_archived_within')).toBe(`${30 * 86_400}`);
    expect(archive!.saves.filter((save) => save.path.startsWith('/save/status/'))).toHaveLength(4);
    expect(archive!.maxSavesAtOnce).toBe(1);
    // The run's request count includes what was sent to Save Page Now (and the https probes the server never sees).
    expect(report.summary.requests).toBeGreaterThanOrEqual(archive!.server.received.length);
    expect(JSON.stringify(report)).not.toContain(KEYS.secret);
  });

  it('reports what the archive refused and why: per-URL errors, job errors, a 429 waited out, a job that never ends', async () => {
    const { report, slept } = await run(['daily', 'blocked', 'busy', 'pending'], { maxWaitMs: 30_000 });
    const origin = archive!.origin;
    const byUrl = new Map(report.savePageNow!.refused.map((refusal) => [refusal.url.replace(`${origin}/page/`, ''), refusal]));
    expect(byUrl.get('daily')).toEqual({
      url: `${origin}/page/daily`,
      code: 'error:too-many-daily-captures',
      reason: 'This URL has been captured 10 times today. Please try again tomorrow. (error:too-many-daily-captures)',
    });
    expect(byUrl.get('blocked')).toMatchObject({ code: 'error:blocked-url' });
    expect(byUrl.get('pending')).toMatchObject({ code: 'pending' });
    expect(byUrl.get('pending')!.reason).toMatch(/^the capture was still pending after \d+ s \(job spn2-/);
    // The 429's Retry-After (1 s) was honoured, then the capture went through.
    expect(report.savePageNow!.saved.map((saved) => saved.url)).toEqual([`${origin}/page/busy`]);
    expect(slept).toContain(1000);
    // Polls back off: 1 s, 2 s, 4 s … up to 10 s between two status requests.
    expect(slept).toEqual(expect.arrayContaining([2000, 4000, 8000, 10_000]));
    expect(Math.max(...slept)).toBe(10_000);
    expect(validateReport(report)).toEqual([]);
    const text = renderText(report, { color: false });
    expect(text).toContain('Save Page Now: 1 saved, 3 refused, 0 already had a recent capture');
    expect(text).toContain(`refused ${origin}/page/daily: This URL has been captured 10 times today`);
    expect(renderMarkdown(report)).toContain('**Save Page Now\\: 1 saved\\, 3 refused');
  });

  it('keys the archive refuses end the saving: the rest is "not attempted", and no key is ever written out', async () => {
    archive = await startScriptedArchive({ access: 'other', secret: 'keys' });
    const files: ExtractedFile[] = [{ path: 'post.md', links: [link(`${archive.origin}/page/a`, 1), link(`${archive.origin}/page/b`, 2)] }];
    const report = await checkExtracted(files, {
      allowPrivate: true,
      archiveBaseUrl: archive.origin,
      sleep: async () => undefined,
      savePageNow: { accessKey: KEYS.access, secretKey: KEYS.secret, olderThanMs: 1 },
    });
    expect(report.savePageNow!.refused).toEqual([
      { url: `${archive.origin}/page/a`, code: 'keys-refused', reason: 'archive.org refused the keys (HTTP 401)' },
      { url: `${archive.origin}/page/b`, code: 'not-attempted', reason: 'not attempted: archive.org refused the keys (HTTP 401)' },
    ]);
    expect(archive.saves.filter((save) => save.method === 'POST')).toHaveLength(1);
  });

  it('a 429 that outlasts its Retry-After ends the saving: the next links are not attempted', async () => {
    const { report } = await run(['throttled', 'new']);
    const origin = archive!.origin;
    expect(report.savePageNow).toEqual({
      saved: [],
      refused: [
        { url: `${origin}/page/throttled`, code: 'rate-limited', reason: 'archive.org is rate-limiting us (HTTP 429)' },
        { url: `${origin}/page/new`, code: 'not-attempted', reason: 'not attempted: archive.org is rate-limiting us (HTTP 429)' },
      ],
      recent: 0,
    });
    // Asked twice (once after the Retry-After), never for the next link.
    expect(archive!.saves.filter((save) => save.method === 'POST').map((save) => save.form.get('url'))).toEqual([`${origin}/page/throttled`, `${origin}/page/throttled`]);
  });

  // archive.org that accepts connections and never answers, and one that refuses them. Real: web.archive.org
  // "may take a long time to respond, which may result in timeout during the links check"
  // (endoflife-date/endoflife.date#3481, 2023-08-27); archive.org down with no answer at all ("HTTP code: 0") for
  // 16-32 minutes at a time (FaronFaron/upptime#26, #27, #29, 2024-11). Each capture request would cost its
  // timeout, so one that does not reach archive.org ends the saving.
  for (const mode of ['hung', 'refused'] as const) {
    it(`archive.org ${mode}: at most one capture request is sent, the other links are "not attempted"`, async () => {
      const site = await startServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(`<html><head><title>A page</title></head><body><h1>A page</h1><p>${'Text of the page. '.repeat(30)}</p></body></html>`);
      });
      const down: TestServer = await startRawServer(() => undefined);
      const archiveUrl = down.origin;
      if (mode === 'refused') await down.close();
      try {
        const files: ExtractedFile[] = [{ path: 'post.md', links: ['a', 'b', 'c', 'd'].map((name, index) => link(`${site.origin}/${name}`, index + 1)) }];
        const report = await checkExtracted(files, {
          allowPrivate: true,
          archiveBaseUrl: archiveUrl,
          timeoutMs: 400,
          savePageNow: { accessKey: KEYS.access, secretKey: KEYS.secret, olderThanMs: 1 },
        });
        expect(report.files[0]!.links.map((entry) => entry.state)).toEqual(['alive', 'alive', 'alive', 'alive']);
        const refused = report.savePageNow!.refused;
        expect(refused).toHaveLength(4);
        expect(['network-error', 'archive-unreachable']).toContain(refused[0]!.code);
        expect(refused.slice(1).map((refusal) => refusal.code)).toEqual(['not-attempted', 'not-attempted', 'not-attempted']);
        if (mode === 'hung') expect(down.received.filter((request) => request.method === 'POST').length).toBeLessThanOrEqual(1);
      } finally {
        await site.close();
        if (mode === 'hung') await down.close();
      }
    });
  }

  it('masks the keys when an error message repeats them', async () => {
    const { report } = await run(['echo']);
    const [refusal] = report.savePageNow!.refused;
    expect(refusal).toMatchObject({ code: 'error:bad-request' });
    expect(refusal!.reason).toBe('Bad request with header LOW ***:*** (error:bad-request)');
  });
});
