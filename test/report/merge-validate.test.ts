import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport, mergeReports, renderExtractJson, renderExtractText, renderGithub, renderHtml, renderJson, renderMarkdown, validateExtractReport, validateReport } from '../../src/report/index.js';
import { failing } from '../../src/cli/check-command.js';
import { REASONS_BY_STATE, STATES } from '../../src/model.js';
import type { ExtractReport, Report } from '../../src/model.js';
import { isLinkrotError } from '../../src/errors.js';
import { HOSTILE_TEXT, POST_PATH, hostileFile, referenceFile, referenceLinks } from './realistic-report.js';

const host = (url: string): string => new URL(url).host;

describe('mergeReports', () => {
  it('puts shards split by host back together, link order and summary recomputed', () => {
    const file = referenceFile();
    const hosts = [...new Set(file.links.map((link) => host(link.url)))].sort();
    const shards = [0, 1, 2].map((k) => {
      const links = file.links.filter((link) => hosts.indexOf(host(link.url)) % 3 === k);
      const urls = new Set(links.map((link) => link.url)).size;
      return JSON.parse(renderJson(buildReport([{ ...file, links }], { version: '0.1.0', requests: urls + 1, durationMs: 1000 * (k + 1), urls }))) as Report;
    });
    const merged = mergeReports(shards);
    const whole = buildReport([file], { version: '0.1.0', requests: 57, durationMs: 3000, urls: 54 });
    expect(merged.files).toHaveLength(1);
    expect(merged.files[0]?.links.map((link) => `${link.line}:${link.column}:${link.url}`)).toEqual(file.links.map((link) => `${link.line}:${link.column}:${link.url}`));
    expect(merged.summary).toEqual(whole.summary);
    expect(validateReport(JSON.parse(renderJson(merged)))).toEqual([]);
  });

  it('keeps an occurrence reported by two jobs once and adds files seen by one job only', () => {
    const a = buildReport([referenceFile()], { version: '0.1.0', requests: 5, durationMs: 10, urls: 54 });
    const b = buildReport([referenceFile(), hostileFile()], { version: '0.1.0', requests: 2, durationMs: 20, urls: 2 });
    const merged = mergeReports([a, b]);
    expect(merged.files.map((file) => file.path)).toEqual([POST_PATH, 'posts/evil|name.md']);
    expect(merged.summary.links).toBe(57);
    expect(merged.summary.durationMs).toBe(20);
  });

  it('a report read back from its JSON and merged renders as the run itself did: history, notices and Save Page Now kept', () => {
    // The GitHub action renders its annotations, job summary and HTML page from `check --format json` through
    // `merge`: whatever the JSON carries must survive that path, or the action says less than `check` would.
    const file = referenceFile();
    const dead = file.links.filter((link) => link.state === 'dead');
    const history = (news: 'dead' | 'confirmed' | undefined, confirmed: boolean) => ({
      firstSeen: '2026-11-19T06:17:00.000Z',
      lastAlive: '2026-11-19T06:17:00.000Z',
      deadSince: '2026-11-20T06:31:00.000Z',
      observations: 3,
      confirmed,
      flapping: false,
      ...(news === undefined ? {} : { news }),
    });
    const links = file.links.map((link) =>
      link === dead[0] ? { ...link, history: history('confirmed', true) } : link === dead[1] ? { ...link, history: history('dead', false) } : link,
    );
    const run: Report = {
      ...buildReport([{ ...file, links }], {
        version: '0.1.0',
        requests: 61,
        durationMs: 3240,
        urls: 54,
        notices: [{ code: 'archive-unreachable', message: 'archive.org could not be reached: 3 dead links have no archive suggestion', links: 3 }],
      }),
      savePageNow: {
        saved: [{ url: 'https://example.org/alive', capture: 'https://web.archive.org/web/20261121064000/https://example.org/alive', timestamp: '20261121064000' }],
        refused: [{ url: 'https://example.net/page', code: 'error:too-many-daily-captures', reason: 'the daily capture limit is reached' }],
        recent: 2,
      },
    };
    const json: unknown = JSON.parse(renderJson(run));
    expect(validateReport(json)).toEqual([]);
    const merged = mergeReports([json as Report]);
    expect(renderJson(merged)).toBe(renderJson(run));
    expect(renderGithub(merged)).toBe(renderGithub(run));
    expect(renderGithub(merged)).toContain('History: dead since 2026-11-20, seen 3 times, confirmed');
    expect(renderMarkdown(merged)).toBe(renderMarkdown(run));
    expect(renderMarkdown(merged)).toMatch(/^- refused https.*example.*page.*the daily capture limit is reached$/m);
    expect(renderHtml(merged)).toBe(renderHtml(run));
    // `--fail-on confirmed` counts the confirmed dead link only, the same before and after
    expect(failing(merged, ['confirmed'])).toBe(1);
    expect(failing(merged, ['dead'])).toBe(failing(run, ['dead']));
  });

  it('adds up the Save Page Now outcomes of shards, a repeated capture kept once', () => {
    const shard = (url: string, recent: number): Report => ({
      ...buildReport([], { version: '0.1.0', requests: 1, durationMs: 1, urls: 1 }),
      savePageNow: { saved: [{ url, capture: `https://web.archive.org/web/20261121064000/${url}`, timestamp: '20261121064000' }], refused: [], recent },
    });
    const plain = buildReport([], { version: '0.1.0', requests: 1, durationMs: 1, urls: 1 });
    const merged = mergeReports([shard('https://a.example/', 1), plain, shard('https://b.example/', 2), shard('https://a.example/', 0)]);
    expect(merged.savePageNow?.saved.map((saved) => saved.url)).toEqual(['https://a.example/', 'https://b.example/']);
    expect(merged.savePageNow?.recent).toBe(3);
    expect(mergeReports([plain]).savePageNow).toBeUndefined();
  });

  it('refuses another schema version with a LinkrotError', () => {
    const report = { ...buildReport([], { version: '9', requests: 0, durationMs: 0, urls: 0 }), schemaVersion: 2 } as unknown as Report;
    try {
      mergeReports([report]);
      expect.fail('merged a version 2 report');
    } catch (error) {
      expect(isLinkrotError(error) && error.code).toBe('LINKROT_INPUT');
      expect(String(error)).toContain('expected schemaVersion 1, found 2');
    }
  });
});

describe('validateReport', () => {
  const valid = (): Record<string, unknown> => JSON.parse(renderJson(buildReport([referenceFile()], { version: '0.1.0', requests: 1, durationMs: 1, urls: 54 }))) as Record<string, unknown>;

  it('names unknown fields, missing fields, wrong values and a reason that does not belong to its state', () => {
    const report = valid() as { files: Array<{ links: Array<Record<string, unknown>> }>; extra?: number };
    report.extra = 1;
    const link = report.files[0]?.links[0] ?? {};
    link['state'] = 'dead';
    link['reason'] = 'ok';
    delete link['detail'];
    link['line'] = 0;
    const errors = validateReport(report);
    expect(errors).toContain('unknown field `extra` at the top level');
    expect(errors).toContain('missing field `detail` at `/files/0/links/0`');
    expect(errors).toContain('`/files/0/links/0/line` must be >= 1');
    expect(errors.some((error) => error.startsWith('`/files/0/links/0/reason` must be one of "http-404"'))).toBe(true);
    expect(validateReport('not a report')).toEqual(['the top level must be object']);
  });

  it('lists exactly the states and reasons of model.ts', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as {
      definitions: { link: { properties: { state: { enum: string[] }; reason: { enum: string[] } }; allOf: Array<{ if: { properties: { state: { const: string } } }; then: { properties: { reason: { enum: string[] } } } }> } };
    };
    const link = schema.definitions.link;
    expect(link.properties.state.enum).toEqual([...STATES]);
    expect(new Set(link.properties.reason.enum)).toEqual(new Set(Object.values(REASONS_BY_STATE).flat()));
    for (const rule of link.allOf) {
      const state = rule.if.properties.state.const as keyof typeof REASONS_BY_STATE;
      expect(rule.then.properties.reason.enum).toEqual([...REASONS_BY_STATE[state]]);
    }
  });
});

describe('extract output', () => {
  function extractReport(): ExtractReport {
    const { links } = referenceLinks();
    const hostile = { ...links[0], text: HOSTILE_TEXT, url: 'https://u:p4ss@evil.test/x' } as (typeof links)[number];
    return {
      schemaVersion: 1,
      tool: { name: 'linkrot', version: '0.1.0' },
      summary: { files: 2, links: 56 },
      files: [
        { path: POST_PATH, date: '2017-03-01', title: 'Learning Deep Learning in 2 months', links },
        { path: 'evil.md', links: [hostile] },
      ],
    };
  }

  it('JSON validates against schema/extract.schema.json without verdict fields', () => {
    const parsed = JSON.parse(renderExtractJson(extractReport())) as ExtractReport;
    expect(validateExtractReport(parsed)).toEqual([]);
    expect(Object.keys(parsed.files[0]?.links[0] ?? {})).toEqual(['url', 'kind', 'syntax', 'text', 'line', 'column', 'offset']);
    expect(JSON.stringify(parsed)).not.toContain('p4ss');
    expect(validateReport(parsed)).not.toEqual([]);
  });

  it('text lists every link with its position and kind, clean of control characters', () => {
    const text = renderExtractText(extractReport(), { color: false });
    expect(text).toContain(`${POST_PATH}  2017-03-01 “Learning Deep Learning in 2 months”`);
    expect(text).toMatch(/ {2}180:\d+ +link +https:\/\/plus\.google\.com\/communities\/112866381580457264725 {2}“Google\+/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('56 links in 2 files');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e]/);
    expect(text).not.toContain('p4ss');
  });
});
