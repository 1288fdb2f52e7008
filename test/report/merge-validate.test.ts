import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport, mergeReports, renderExtractJson, renderExtractText, renderJson, validateExtractReport, validateReport } from '../../src/report/index.js';
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
