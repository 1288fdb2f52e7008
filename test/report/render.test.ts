import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import type { Root, Table } from 'mdast';
import { buildReport, renderGithub, renderJson, renderJsonChunks, renderMarkdown, renderText, validateReport } from '../../src/report/index.js';
import type { Report } from '../../src/model.js';
import { HOSTILE_TEXT, POST_PATH, hostileFile, referenceFile } from './realistic-report.js';

const META = { version: '0.1.0', requests: 61, durationMs: 3240, urls: 54 };

function realistic(): Report {
  return buildReport([referenceFile()], META);
}

function hostile(): Report {
  return buildReport([referenceFile(), hostileFile()], { ...META, urls: 56 });
}

function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

describe('buildReport', () => {
  it('counts link occurrences by state and keeps the run figures', () => {
    const report = realistic();
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'linkrot', version: '0.1.0' });
    expect(report.summary).toEqual({
      files: 1,
      links: 55,
      urls: 54,
      requests: 61,
      durationMs: 3240,
      dead: 4,
      suspicious: 1,
      blocked: 1,
      unreachable: 1,
      redirected: 2,
      alive: 46,
      skipped: 0,
    });
  });
});

describe('renderJson', () => {
  it('validates against schema/report.schema.json and round-trips the report', () => {
    const report = realistic();
    const parsed = JSON.parse(renderJson(report)) as unknown;
    expect(validateReport(parsed)).toEqual([]);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('writes fields in the documented order', () => {
    const text = renderJson(realistic());
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['schemaVersion', 'tool', 'summary', 'files']);
    const plus = (JSON.parse(text) as Report).files[0]?.links.find((link) => link.family === 'google-plus');
    expect(Object.keys(plus ?? {})).toEqual([
      'url', 'kind', 'syntax', 'text', 'line', 'column', 'offset', 'state', 'reason', 'family', 'httpStatus', 'detail', 'suggestions',
    ]);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('removes credentials from every URL and text, and stays valid with hostile rows', () => {
    const text = renderJson(hostile());
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('user:');
    expect(text).toContain('https://evil.test/a|b`c?q=<script>&x=@admin');
    expect(validateReport(JSON.parse(text))).toEqual([]);
  });

  it('prints no raw control or bidi character, yet parses back to the same strings', () => {
    const file = hostileFile();
    const link = file.links[0];
    if (link === undefined) throw new Error('fixture');
    const report = buildReport([{ ...file, links: [{ ...link, text: 'a\u009b2Jb\u202ec\u0007d\u007f' }] }], META);
    const text = renderJson(report);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect((JSON.parse(text) as Report).files[0]?.links[0]?.text).toBe('a\u009b2Jb\u202ec\u0007d\u007f');
  });
});

describe('renderJsonChunks', () => {
  /** The text a whole document stringified at once gives: what the report was before it came in pieces. */
  const wholeDocument = (text: string): string => `${JSON.stringify(JSON.parse(text), null, 2)}\n`;

  it('writes, piece by piece, the bytes of the whole document: head, one piece per file, tail', () => {
    const report = buildReport([referenceFile(), { ...referenceFile(), path: '_posts/second.md' }, { path: '_posts/empty.md', links: [] }], META);
    const withExtras: Report = {
      ...report,
      notices: [{ code: 'archive-unreachable', message: 'archive.org could not be reached', links: 2 }],
      savePageNow: { saved: [{ url: 'https://example.org/', capture: 'https://web.archive.org/web/20240101000000/https://example.org/', timestamp: '20240101000000' }], refused: [], recent: 0 },
    };
    for (const each of [report, withExtras]) {
      const pieces = [...renderJsonChunks(each)];
      expect(pieces).toHaveLength(each.files.length + 2);
      const text = pieces.join('');
      expect(text).toBe(renderJson(each));
      expect(text).toBe(wholeDocument(text));
      expect(validateReport(JSON.parse(text))).toEqual([]);
    }
    expect(Object.keys(JSON.parse(renderJson(withExtras)) as object)).toEqual(['schemaVersion', 'tool', 'summary', 'notices', 'files', 'savePageNow']);
  });

  it('writes a report without files as one piece', () => {
    const pieces = [...renderJsonChunks(buildReport([], META))];
    expect(pieces).toHaveLength(1);
    expect(pieces[0]).toBe(wholeDocument(pieces[0]!));
    expect(pieces[0]).toContain('"files": []');
  });

  it('escapes invisible characters in every piece, and a file named like the files key changes nothing', () => {
    const file = hostileFile();
    const link = file.links[0];
    if (link === undefined) throw new Error('fixture');
    const odd = { ...file, path: '\n  "files": []', title: 'a\u202eb', links: [{ ...link, text: 'a\u009b2Jb' }] };
    const text = [...renderJsonChunks(buildReport([referenceFile(), odd], META))].join('');
    expect(text).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/);
    const parsed = JSON.parse(text) as Report;
    expect(parsed.files.map((each) => each.path)).toEqual([referenceFile().path, '\n  "files": []']);
    expect(parsed.files[1]?.title).toBe('a\u202eb');
  });
});

describe('renderText', () => {
  it('groups problems worst first with location, URL, reason, detail and suggestions, then a summary line', () => {
    const text = renderText(realistic(), { color: false });
    const dead = text.indexOf('✗ Dead (4)');
    const suspicious = text.indexOf('? Suspicious (1)');
    const redirected = text.indexOf('→ Redirected (2)');
    expect(dead).toBeGreaterThanOrEqual(0);
    expect(suspicious).toBeGreaterThan(dead);
    expect(text.indexOf('⊘ Blocked (1)')).toBeGreaterThan(suspicious);
    expect(redirected).toBeGreaterThan(text.indexOf('! Unreachable (1)'));
    expect(text).toContain(`  ${POST_PATH}:180:`);
    expect(text).toContain('https://plus.google.com/communities/112866381580457264725');
    expect(text).toContain('known-dead (google-plus): Google+ was shut down');
    expect(text).toContain('→ archive (2017-02-15): https://web.archive.org/web/20170215093012/https://plus.google.com/communities/112866381580457264725');
    expect(text).toContain('→ moved: https://www.deeplearningbook.org/');
    expect(text).toContain('✓ Alive: 46 links');
    expect(text).not.toContain('https://github.com/ChristosChristofidis/awesome-deep-learning');
    const last = text.trimEnd().split('\n').at(-1);
    expect(last).toBe('55 links (54 URLs) in 1 file: 4 dead, 1 suspicious, 1 blocked, 1 unreachable, 2 redirected, 46 alive · 61 requests · 3.2 s');
    expect(text).not.toMatch(/\u001b/);
  });

  it('lists alive links when verbose and colours with ANSI only when asked', () => {
    const verbose = renderText(realistic(), { color: false, verbose: true });
    expect(verbose).toContain('✓ Alive (46)');
    expect(verbose).toContain('https://github.com/ChristosChristofidis/awesome-deep-learning');
    const coloured = renderText(realistic(), { color: true });
    expect(coloured).toContain('\u001b[31m✗ Dead\u001b[0m');
  });

  it('lists only the problems when quiet: redirected links become a count', () => {
    const loud = renderText(realistic(), { color: false });
    const quiet = renderText(realistic(), { color: false, quiet: true });
    expect(loud).toMatch(/→ Redirected \(\d+\)\n/);
    expect(quiet).toMatch(/→ Redirected: \d+ links?\n/);
    expect(quiet).toContain('✗ Dead (');
  });

  it('wraps details and shortens texts to the width, but never breaks URLs', () => {
    const text = renderText(realistic(), { color: false, width: 60 });
    expect(text).toContain('https://web.archive.org/web/20170215093012/https://plus.google.com/communities/112866381580457264725');
    expect(text).toContain('known-dead (google-plus): Google+ was shut down for\n      consumers in April 2019; every plus.google.com page is\n      gone.\n');
    const prose = text.split('\n').filter((line) => line.startsWith('    ') && !line.includes('://'));
    expect(prose.length).toBeGreaterThan(10);
    for (const line of prose) expect(Array.from(line).length).toBeLessThanOrEqual(60);
  });

  it('carries no control character, escape sequence, bidi override or credential from the input', () => {
    for (const color of [false, true]) {
      const text = renderText(hostile(), { color, verbose: true });
      const withoutOwnColours = text.replace(/\u001b\[[0-9;]*m/g, '');
      expect(withoutOwnColours).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(text).not.toContain('\u001b[2J');
      expect(text).not.toContain('s3cret');
      expect(text).not.toContain('hunter2');
      expect(text).toContain('RED');
    }
  });
});

describe('renderMarkdown', () => {
  it('stays within the size of a pull-request comment, counting the rows it leaves out', () => {
    const base = realistic();
    const many: Report = buildReport(
      Array.from({ length: 40 }, (_, n) => ({ ...base.files[0]!, path: `posts/${n}.md` })),
      META,
    );
    const markdown = renderMarkdown(many);
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect(markdown).toMatch(/… and \d+ more not shown here \(the report would be too long for a comment\): see the JSON report\./);
    const tree = parseMarkdown(markdown);
    const tables: Table[] = [];
    visit(tree, 'table', (node) => void tables.push(node));
    const problems = 40 * 7;
    expect(tables[0]!.children.length - 1).toBeLessThan(problems);
    expect(tables[0]!.children.length - 1).toBeGreaterThan(20);
    const small = renderMarkdown(many, { maxChars: 2_000 });
    expect(small.length).toBeLessThanOrEqual(2_000 + 400);
  });

  it('has a summary line, a table of problems and collapsed sections for the rest', () => {
    const markdown = renderMarkdown(realistic(), { repoUrl: 'https://github.com/vivek/blog', ref: 'main' });
    expect(markdown).toMatch(/^## linkrot report\n\n\*\*55 links\*\* \(54 URLs\) in 1 file: ✗ 4 dead · \? 1 suspicious/);
    const tree = parseMarkdown(markdown);
    const tables: Table[] = [];
    visit(tree, 'table', (node) => void tables.push(node));
    // problems, redirected, alive
    expect(tables.map((table) => table.children.length - 1)).toEqual([7, 2, 46]);
    expect(markdown).toContain(`[${POST_PATH.replace(/[-/.]/g, '\\$&')}\\:180](https://github.com/vivek/blog/blob/main/fixtures/posts/2017-03-01-learning-deep-learning.md#L180)`);
    expect(markdown).toContain('`https://web.archive.org/web/20170215093012/https://plus.google.com/communities/112866381580457264725` (archive\\, 2017\\-02\\-15)');
    expect(markdown).toContain('<details><summary>✓ Alive (46)</summary>');
  });

  it('says so when there is no problem, and keeps file:line unlinked without a repository', () => {
    const file = referenceFile();
    const alive = buildReport([{ ...file, links: file.links.filter((link) => link.state === 'alive') }], META);
    const markdown = renderMarkdown(alive);
    expect(markdown).toContain('No problems found.');
    let links = 0;
    visit(parseMarkdown(markdown), 'link', () => void (links += 1));
    expect(links).toBe(0);
  });

  it('cannot be broken by hostile text: no extra cells, links, images, HTML, code, mentions or references', () => {
    const markdown = renderMarkdown(hostile(), { repoUrl: 'https://github.com/o/r', ref: 'feature/x' });
    const tree = parseMarkdown(markdown);
    const tables: Table[] = [];
    visit(tree, 'table', (node) => void tables.push(node));
    for (const table of tables) for (const row of table.children) expect(row.children).toHaveLength(6);
    visit(tree, 'image', () => expect.fail('an image was injected'));
    for (const table of tables) {
      visit(table, (node) => ['emphasis', 'strong', 'delete', 'inlineMath', 'math', 'html', 'break'].includes(node.type), () => expect.fail('markup was injected'));
    }
    visit(tree, 'link', (node) => expect(node.url).toMatch(/^https:\/\/github\.com\/o\/r\/blob\/feature\/x\//));
    visit(tree, 'html', (node) => expect(node.value).toMatch(/^(<details><summary>[^<]*<\/summary>|<\/details>)$/));
    visit(tree, 'text', (node) => {
      expect(node.value).not.toMatch(/@[A-Za-z0-9]/);
      expect(node.value).not.toMatch(/#\d/);
      expect(node.value).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/);
    });
    // the hostile text is shown, as text, in its own cell
    const cellTexts: string[] = [];
    visit(tree, 'tableCell', (cell) => {
      let text = '';
      visit(cell, (node) => {
        if (node.type === 'text' || node.type === 'inlineCode') text += (node as { value: string }).value;
      });
      cellTexts.push(text.replace(/\u2060/g, ''));
    });
    expect(cellTexts).toContain(HOSTILE_TEXT.replace(/[\u0000-\u001f\u202a-\u202e]/g, (c) => (c === '\r' || c === '\n' ? ' ' : '')).replace('\u001b', ''));
    expect(cellTexts).toContain('https://evil.test/a|b`c?q=<script>&x=@admin');
    expect(markdown).not.toContain('s3cret');
    expect(markdown).not.toContain('hunter2');
    expect(markdown).toContain('evil\\|name\\.md');
  });
});

describe('renderGithub', () => {
  it('annotates problems on their lines: errors for dead, warnings for suspicious/blocked/unreachable', () => {
    const lines = renderGithub(realistic()).trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(4);
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('::notice '))).toHaveLength(3);
    const plus = lines.find((line) => line.includes('google-plus'));
    expect(plus).toBe(
      `::error file=${POST_PATH},line=180,col=15,title=linkrot%3A dead link (known-dead)::dead: known-dead (google-plus): Google+ was shut down for consumers in April 2019; every plus.google.com page is gone.%0AURL: https://plus.google.com/communities/112866381580457264725%0ASuggested (archive (2017-02-15)): https://web.archive.org/web/20170215093012/https://plus.google.com/communities/112866381580457264725`,
    );
    expect(lines.at(-1)).toMatch(/^::notice title=linkrot::55 links \(54 URLs\)/);
  });

  it('escapes % CR LF in data and also : and , in properties; hostile input cannot start a new command', () => {
    const file = hostileFile();
    const link = file.links[0];
    if (link === undefined) throw new Error('fixture');
    const report = buildReport([{ ...file, path: 'a,b:c%d\r\n::warning::x.md', links: [{ ...link, detail: '100% gone\r\n::add-mask::x' }] }], META);
    const out = renderGithub(report);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=a%2Cb%3Ac%25d%0A%3A%3Awarning%3A%3Ax\.md,line=3,col=1,title=linkrot%3A dead link \(http-404\)::dead: http-404: 100%25 gone%0A::add-mask::x%0AURL: /);
    expect(out).not.toMatch(/[\u001b\u202e\r]/);
    expect(out).not.toContain('s3cret');
  });
});
