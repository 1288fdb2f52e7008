/**
 * Reports for the HTML renderer's tests (unit and browser): the reference post's realistic verdicts, the Markdown
 * report's hostile rows, and rows built to break HTML in particular (attribute breaks, script URLs, a hostile
 * path, title, date, family, note and file error).
 */
import type { CheckedLink, FileReport, Report } from '../../src/model.js';
import { buildReport } from '../../src/report/index.js';
import { hostileFile, referenceFile } from './realistic-report.js';

export const META = { version: '0.1.0', requests: 61, durationMs: 3240, urls: 54 };

/** URLs that must never become a clickable href. */
export const SCRIPT_URLS = ['javascript:alert(document.domain)', ' \tJaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'];
export const ATTRIBUTE_BREAK = '"><svg onload=alert(1)><a href=\'javascript:alert(2)\'>x</a>';

export function htmlHostileFile(): FileReport {
  const base = hostileFile();
  const [first] = base.links;
  if (first === undefined) throw new Error('fixture');
  const scripted: CheckedLink = {
    ...first,
    url: SCRIPT_URLS[0]!,
    text: ATTRIBUTE_BREAK,
    line: 7,
    state: 'skipped',
    reason: 'unsupported-scheme',
    detail: '<b>not http</b>',
    suggestions: [],
  };
  const suggested: CheckedLink = {
    ...first,
    url: 'https://evil.test/"onmouseover="alert(1)',
    text: '<iframe src="https://evil.test/">',
    line: 9,
    family: '<script>alert("family")</script>',
    suggestions: [
      ...SCRIPT_URLS.map((url) => ({ kind: 'moved' as const, url, note: '<img src=x onerror=alert(1)>' })),
      { kind: 'https', url: 'https://evil.test/\'><script>alert(3)</script>' },
    ],
  };
  return {
    ...base,
    path: 'posts/"><script>alert(4)</script>.md',
    title: '</title><script>alert(5)</script>',
    date: '2017"><x>',
    links: [...base.links, scripted, suggested],
  };
}

export function htmlErrorFile(): FileReport {
  return { path: 'posts/unreadable.md', links: [], error: 'Cannot read <b>it</b>: EACCES' };
}

export function realisticReport(): Report {
  return buildReport([referenceFile()], META);
}

export function hostileReport(): Report {
  return buildReport([referenceFile(), htmlHostileFile(), htmlErrorFile()], { ...META, urls: 60 });
}
