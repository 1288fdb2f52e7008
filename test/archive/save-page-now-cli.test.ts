/** --save-alive through the built binary, against the scripted SPN2 archive on 127.0.0.1. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { validateReport } from '../../src/report/index.js';
import { runCli } from '../cli/run-cli.js';
import { startRawServer } from '../helpers/servers.js';
import { startScriptedArchive, type ScriptedArchive } from './save-page-now-archive.js';

const KEYS = { access: 'AccessKEY4711abc', secret: 'SecretKEY0815xyz' };
const ENV = { ARCHIVE_ORG_ACCESS_KEY: KEYS.access, ARCHIVE_ORG_SECRET_KEY: KEYS.secret };
let archive: ScriptedArchive;
let dir: string;
let post: string;

beforeAll(async () => {
  archive = await startScriptedArchive(KEYS);
  dir = await mkdtemp(join(tmpdir(), 'linkrot-spn-cli-'));
  post = join(dir, 'post.md');
  const page = (name: string): string => `${archive.origin}/page/${name}`;
  await writeFile(post, `# Links\n\n[new](${page('new')}), [fresh](${page('fresh')}), [daily](${page('daily')}) and [echo](${page('echo')}).\n`);
});

afterAll(async () => {
  await archive.server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('--save-alive through the built binary', () => {
  it('without the keys in the environment: one line, exit 2, nothing sent', async () => {
    const sent = archive.server.received.length;
    const run = await runCli(['check', '--allow-private', '--archive-url', archive.origin, '--save-alive', post], { env: { ARCHIVE_ORG_ACCESS_KEY: KEYS.access } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^linkrot: --save-alive needs ARCHIVE_ORG_ACCESS_KEY and ARCHIVE_ORG_SECRET_KEY in the environment/);
    expect(archive.server.received.length).toBe(sent);
    const misuse = await runCli(['check', '--save-older-than', '30d', post]);
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toBe('linkrot: --save-older-than goes with --save-alive\n');
  });

  it('saves, reports refusals, and never writes the keys to the output, the report or the cache', async () => {
    const out = join(dir, 'report.json');
    const cache = join(dir, 'cache.json');
    const args = ['check', '--allow-private', '--archive-url', archive.origin, '--save-alive', '--save-older-than', '30d', `--cache=${cache}`];
    const run = await runCli([...args, '--format', 'json', '--output', out, post], { env: ENV, timeoutMs: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = await readFile(out, 'utf8');
    const report = JSON.parse(text) as Report;
    expect(validateReport(report)).toEqual([]);
    expect(report.savePageNow).toEqual({
      saved: [{ url: `${archive.origin}/page/new`, capture: `${archive.origin}/web/20261205010203/${archive.origin}/page/new`, timestamp: '20261205010203' }],
      refused: [
        { url: `${archive.origin}/page/daily`, code: 'error:too-many-daily-captures', reason: 'This URL has been captured 10 times today. Please try again tomorrow. (error:too-many-daily-captures)' },
        { url: `${archive.origin}/page/echo`, code: 'error:bad-request', reason: 'Bad request with header LOW ***:*** (error:bad-request)' },
      ],
      recent: 1,
    });
    expect(archive.maxSavesAtOnce).toBe(1);

    const human = await runCli([...args, post], { env: ENV, timeoutMs: 60_000 });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Save Page Now: 1 saved, 2 refused, 1 already had a recent capture');
    expect(human.stdout).toContain(`saved ${archive.origin}/page/new → ${archive.origin}/web/20261205010203/`);
    for (const secret of [KEYS.access, KEYS.secret]) {
      for (const written of [run.stdout, run.stderr, text, human.stdout, human.stderr, await readFile(cache, 'utf8')]) expect(written).not.toContain(secret);
    }
  });

  it('archive.org hung: one capture request at most, the others not attempted, and the run ends in a few timeouts', async () => {
    // web.archive.org timing out for whole runs: endoflife-date/endoflife.date#3481 (2023-08-27).
    const hung = await startRawServer(() => undefined);
    try {
      const out = join(dir, 'hung.json');
      const args = ['check', '--allow-private', '--archive-url', hung.origin, '--timeout', '500ms', '--save-alive', '--format', 'json', '--output', out, post];
      const run = await runCli(args, { env: ENV, timeoutMs: 60_000 });
      expect(run.code).toBe(0);
      const report = JSON.parse(await readFile(out, 'utf8')) as Report;
      expect(validateReport(report)).toEqual([]);
      const refused = report.savePageNow!.refused;
      expect(refused.map((refusal) => refusal.code).slice(1)).toEqual(['not-attempted', 'not-attempted', 'not-attempted']);
      expect(['network-error', 'archive-unreachable']).toContain(refused[0]!.code);
      expect(hung.received.filter((request) => request.method === 'POST').length).toBeLessThanOrEqual(1);
    } finally {
      await hung.close();
    }
  });
});
