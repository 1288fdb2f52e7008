import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readSimpleFrontMatter } from '../../src/extract/front-matter.js';
import { corpusRoot, repoRoot } from './helpers.js';

// The front matter's title and date read without the yaml library must be what yaml.parse gives (post-meta.ts
// reads {} when it throws); whatever the direct reading does not accept goes to the library.

function byLibrary(yaml: string): { title?: unknown; date?: unknown } {
  let parsed: unknown;
  try {
    parsed = parseYaml(yaml);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const record = parsed as Record<string, unknown>;
  const out: { title?: unknown; date?: unknown } = {};
  if ('title' in record) out.title = record['title'];
  if ('date' in record) out.date = record['date'];
  return out;
}

function expectAgrees(yaml: string): boolean {
  const simple = readSimpleFrontMatter(yaml);
  if (simple !== undefined) expect(simple, JSON.stringify(yaml)).toStrictEqual(byLibrary(yaml));
  return simple !== undefined;
}

const FRONT = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const postDirs = [join(corpusRoot, 'real'), join(corpusRoot, 'reference'), resolve(repoRoot, 'fixtures/posts')].filter((dir) => existsSync(dir));
const fronts = postDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .flatMap((name) => {
      const match = FRONT.exec(readFileSync(join(dir, name), 'utf8'));
      return match?.[1] === undefined ? [] : [[name, match[1]] as const];
    }),
);

describe('front matter title and date without the yaml library', () => {
  it('reads the usual Jekyll front matter', () => {
    const yaml = 'layout: post\ntitle: "Learning: deep \\"learning\\" \\u00e9"\ndate: 2017-03-01 10:00:00 +0100\ntags: [deep learning, ml, c-3po]\ncomments: true\n# a comment\n\nauthor: Jane # the author\n';
    expect(readSimpleFrontMatter(yaml)).toStrictEqual({ title: 'Learning: deep "learning" é', date: '2017-03-01 10:00:00 +0100' });
    expect(expectAgrees(yaml)).toBe(true);
    expect(readSimpleFrontMatter("title: 'it''s # not a comment'  # but this is\r\ndate: 2017-03-01\r\n")).toStrictEqual({ title: "it's # not a comment", date: '2017-03-01' });
    expect(readSimpleFrontMatter('title:\ndate: # none')).toStrictEqual({ title: null, date: null });
    expect(readSimpleFrontMatter('')).toStrictEqual({});
  });

  it('leaves to the library what it does not read exactly', () => {
    const others = [
      'title: 2017',
      'title: 0x1F',
      'title: 1e3',
      'title: .inf',
      'title: ~',
      'title: true',
      'date: 20170301',
      'title: [a, b]',
      'title: "a"#c',
      'title: "a" x',
      'title: a: b',
      'title: a:',
      'title: x\rdate: y',
      'title: a\n  continued',
      'title: >\n  folded',
      'title: &anchor a',
      'title: *alias',
      'title: !!str 1',
      'title: "\\N"',
      'title: "unclosed',
      'title: a\ttab',
      '\ttitle: a',
      'title: a\ntitle: b',
      'true: 1\nTrue: 2',
      'og:image: x\ntitle: a',
      'tags:\n- a\n- b',
      'tags: [a, b,]',
      'tags: [a, [b]]',
      'title: %a',
      'title: @a',
      'title: ]a',
      'title: a\n...\n',
    ];
    for (const yaml of others) expect(readSimpleFrontMatter(yaml), yaml).toBeUndefined();
  });

  it.skipIf(fronts.length === 0).each(fronts)('agrees with the library on %s', (_name, yaml) => {
    expectAgrees(yaml);
  });

  const plainWord = fc.constantFrom('Deep', 'learning', 'a:b', 'a#b', 'C#', 'x,y', '[x]', '{y}', 'it\'s', 'say "hi"', '-x', 'é', '😀', '\\n', '%', '@', '!', '&', '*', '|', '>', '?', '~', ':', '-', '#');
  const numberish = fc.stringMatching(/^[-+.0-9eExoabcfinNIAF_~]{1,6}$/);
  const plain = fc.oneof(fc.array(plainWord, { minLength: 1, maxLength: 4 }).map((words) => words.join(' ')), numberish, fc.constantFrom('null', 'Null', 'TRUE', 'False', 'yes', '2017-03-01', '2017-03-01 10:00:00 +0100', '.NaN', '-.inf'));
  const doubleQuoted = fc
    .array(fc.constantFrom('a', ' ', '#', "'", ':', '\\"', '\\\\', '\\/', '\\n', '\\t', '\\r', '\\x41', '\\u00e9', '\\ud83d', '\\N', '\\e', '\\', '"'), { maxLength: 6 })
    .map((parts) => `"${parts.join('')}"`);
  const singleQuoted = fc.array(fc.constantFrom('a', ' ', '#', '"', "''", "'", '\\', ':'), { maxLength: 6 }).map((parts) => `'${parts.join('')}'`);
  const flow = fc.array(fc.constantFrom('a', 'b c', 'c-3po', '1', '', '[x]', 'a: b', '"q"', ' #x'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`);
  const value = fc.oneof(plain, doubleQuoted, singleQuoted, flow, fc.constant(''));
  const comment = fc.constantFrom('', '', ' # note', '#x', '  #', ' ');
  const key = fc.constantFrom('title', 'title', 'date', 'date', 'layout', 'tags', 'Title', 'true', 'x-y', 'my key', 'a_b');
  const line = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(key, fc.constantFrom(': ', ':', ':  '), value, comment).map(([name, colon, body, note]) => `${name}${colon}${body}${note}`) },
    { weight: 1, arbitrary: fc.constantFrom('', '# comment', '  ', '  indented: x', '- item', '...', 'title: "a', '\ttitle: t') },
  );

  it('agrees with the library on generated front matter', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 0, maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, ending) => {
        if (expectAgrees(lines.join(ending))) read++;
      }),
      { numRuns: 3000 },
    );
    // Not all of it goes to the library.
    expect(read).toBeGreaterThan(300);
  });
});
