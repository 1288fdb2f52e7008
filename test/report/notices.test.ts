import { describe, expect, it } from 'vitest';
import { archiveUnreachableNotice } from '../../src/archive/index.js';
import type { CheckedLink, Report } from '../../src/model.js';
import { buildReport, mergeReports, renderGithub, renderJson, renderMarkdown, renderText, validateReport } from '../../src/report/index.js';
import { referenceFile } from './realistic-report.js';

const META = { version: '0.1.0', requests: 61, durationMs: 3240, urls: 54 };
const CAUSE = 'getaddrinfo ENOTFOUND web.archive.org';

/** The reference post's report from a run in which archive.org could not be reached. */
function archiveDown(): Report {
  const file = referenceFile();
  const lookedUp = new Set<CheckedLink>(file.links.filter((link) => link.state === 'dead' || link.state === 'suspicious'));
  const links = file.links.map((link): CheckedLink => (lookedUp.has(link) ? { ...link, archive: 'unavailable' as const } : link));
  return buildReport([{ ...file, links }], { ...META, notices: [archiveUnreachableNotice(CAUSE, [...lookedUp])] });
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('the archive-unreachable notice', () => {
  it('counts the links left without an archive suggestion, by state', () => {
    expect(archiveUnreachableNotice(CAUSE, [{ state: 'dead' }, { state: 'dead' }, { state: 'suspicious' }])).toEqual({
      code: 'archive-unreachable',
      message: `archive.org could not be reached: ${CAUSE}; 2 dead and 1 suspicious links have no archive suggestion`,
      links: 3,
    });
    expect(archiveUnreachableNotice(CAUSE, [{ state: 'dead' }]).message).toMatch(/; 1 dead link has no archive suggestion$/);
  });

  it('is said once in every format, and the JSON (notices, archive: unavailable) validates', () => {
    const report = archiveDown();
    const { message } = report.notices![0]!;
    expect(message).toBe(`archive.org could not be reached: ${CAUSE}; 4 dead and 1 suspicious links have no archive suggestion`);
    const json = renderJson(report);
    const parsed = JSON.parse(json) as Report & { files: Array<{ links: Array<{ archive?: string }> }> };
    expect(validateReport(parsed)).toEqual([]);
    expect(parsed.notices).toEqual([{ code: 'archive-unreachable', message, links: 5 }]);
    expect(parsed.files[0]!.links.filter((link) => link.archive === 'unavailable')).toHaveLength(5);
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'tool', 'summary', 'notices', 'files']);
    expect(occurrences(renderText(report, { color: false }), message)).toBe(1);
    // Markdown escapes its punctuation (`archive\\.org`): what a reader sees is the message, once.
    const markdown = renderMarkdown(report);
    expect(occurrences(markdown, 'could not be reached')).toBe(1);
    expect(occurrences(markdown.replace(/\\(?=[!-/:-@[-`{-~])/g, ''), message)).toBe(1);
    const github = renderGithub(report);
    expect(github.split('\n').filter((line) => line.startsWith('::warning title=linkrot%3A archive-unreachable::'))).toHaveLength(1);
    expect(occurrences(github, 'archive.org could not be reached')).toBe(1);
  });

  it('is absent from a report that has nothing to say, and merged reports keep each notice once', () => {
    const plain = buildReport([referenceFile()], META);
    expect(plain.notices).toBeUndefined();
    expect(renderJson(plain)).not.toContain('"notices"');
    const merged = mergeReports([archiveDown(), archiveDown(), plain]);
    expect(merged.notices).toHaveLength(1);
    expect(validateReport(JSON.parse(renderJson(merged)))).toEqual([]);
  });

  it('the schema refuses an unknown archive status or notice code', () => {
    const parsed = JSON.parse(renderJson(archiveDown())) as { notices: Array<{ code: string }>; files: Array<{ links: Array<{ archive?: string }> }> };
    parsed.notices[0]!.code = 'something-else';
    parsed.files[0]!.links.find((link) => link.archive !== undefined)!.archive = 'maybe';
    expect(validateReport(parsed)).toHaveLength(2);
  });
});
