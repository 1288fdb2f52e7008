// First-try traps on the command line (issue 11, part 3), each through the built binary: a flag written the way
// another link checker takes it must either do what the user meant or stop with one line that names the fix.
// Sources for the timeout units: linkinator's README ("--timeout  Request timeout in ms", the 2.4.0 README diff
// on socket.dev/npm/package/linkinator/diff/2.4.0); lychee's is seconds (`timeout = 10`, "Website timeout from
// connect to response finished", lychee.toml in github.com/balena-io/docs/pull/3043). Read 2026-12-05. So a plain
// `--timeout 5000` is refused instead of waiting 83 minutes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './run-cli.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkrot-traps-'));
  await writeFile(join(dir, 'post.md'), '# A post\n\nMail [me](mailto:me@example.com).\n');
  return () => rm(dir, { recursive: true, force: true });
});

/** A server whose /slow answers after 5 s, to see a millisecond timeout reach the checker. */
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    const timer = setTimeout(() => response.end('late'), request.url === '/slow' ? 5000 : 0);
    response.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const run = (args: string[]): Promise<CliRun> => runCli(args, { cwd: dir });

function expectRefusal(result: CliRun, ...parts: string[]): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^linkrot: /);
  for (const part of parts) expect(lines[0]).toContain(part);
  expect(result.stdout).toBe('');
}

describe('--cache FILE with a space', () => {
  it('takes the next word as the cache file when it ends in .json, and still checks the post', async () => {
    const result = await run(['check', '--cache', 'links-cache.json', 'post.md']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('Cannot read');
    expect(JSON.parse(await readFile(join(dir, 'links-cache.json'), 'utf8'))).toMatchObject({ version: 2, verdicts: expect.any(Object) });
  });

  it('a bare --cache before a post or folder means the default file', async () => {
    await mkdir(join(dir, '_posts'));
    await writeFile(join(dir, '_posts', 'a.md'), 'Mail [me](mailto:me@example.com).\n');
    for (const args of [['--cache', 'post.md'], ['--cache', '_posts'], ['post.md', '--cache'], ['--cache', '--quiet', 'post.md']]) {
      await rm(join(dir, '.linkrot-cache.json'), { force: true });
      const result = await run(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      await expect(readFile(join(dir, '.linkrot-cache.json'), 'utf8'), args.join(' ')).resolves.toContain('"version"');
    }
  });

  it('refuses a next word that is neither a .json file nor something to check, naming --cache=FILE', async () => {
    expectRefusal(await run(['--cache', 'linkrot-cache', 'post.md']), '--cache=linkrot-cache');
  });

  it('--cache=FILE takes any name', async () => {
    const result = await run(['--cache=verdicts.db', 'post.md']);
    expect(result.code, result.stderr).toBe(0);
    await expect(readFile(join(dir, 'verdicts.db'), 'utf8')).resolves.toContain('"version"');
  });
});

describe('--fix KINDS with a space', () => {
  it('takes a word made of fix kinds as the kinds', async () => {
    const result = await run(['--fix', 'archive,moved', '--dry-run', 'post.md']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('--fix would rewrite 0 URLs');
  });

  it('refuses a word that is both a kind and a folder, and an unknown word that is not a path', async () => {
    await mkdir(join(dir, 'archive'));
    await writeFile(join(dir, 'archive', 'old.md'), 'Mail [me](mailto:me@example.com).\n');
    expectRefusal(await run(['--fix', 'archive']), '--fix=archive', './archive');
    expectRefusal(await run(['--fix', 'archve', 'post.md']), '--fix=archve');
    const folder = await run(['--fix', './archive', '--dry-run']);
    expect(folder.code, folder.stderr).toBe(0);
  });
});

describe('durations', () => {
  it('refuses a plain --timeout too long to be meant as seconds, naming ms', async () => {
    expectRefusal(await run(['--timeout', '5000', 'post.md']), '--timeout 5000ms', '5s', '83 minutes');
    expectRefusal(await run(['--timeout=301', 'post.md']), '--timeout 301ms');
  });

  it('refuses a plain --interval above a minute, a plain --max-age, months written M, and a zero timeout', async () => {
    expectRefusal(await run(['--interval', '250', 'post.md']), '--interval 250ms');
    expectRefusal(await run(['--max-age', '7', 'post.md']), '7d', '7s');
    expectRefusal(await run(['--max-age', '1M', 'post.md']), 'minutes', '30d');
    expectRefusal(await run(['--timeout', '0', 'post.md']), '--timeout');
  });

  it('accepts units, plain seconds up to the limit and --max-age 0', async () => {
    for (const args of [['--timeout', '300'], ['--timeout', '5000ms'], ['--timeout', '2m'], ['--interval', '60'], ['--interval', '1s'], ['--max-age', '0'], ['--max-age', '7d']]) {
      const result = await run([...args, 'post.md']);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
  });

  it('--timeout 300ms is milliseconds in the checker: a 5-second answer times out', async () => {
    await writeFile(join(dir, 'slow.md'), `[slow](${base}/slow)\n`);
    const result = await run(['--allow-private', '--no-archive', '--retries', '0', '--timeout', '300ms', '--format', 'json', 'slow.md']);
    const report = JSON.parse(result.stdout) as { files: Array<{ links: Array<{ state: string; reason: string }> }> };
    expect(report.files[0]!.links[0]).toMatchObject({ state: 'unreachable', reason: 'timeout' });
  });
});

describe('other misreadings', () => {
  it('refuses an option that takes one value given twice (only the last would count)', async () => {
    expectRefusal(await run(['--fail-on', 'dead', '--fail-on', 'suspicious', 'post.md']), '--fail-on', 'comma-separated');
    expectRefusal(await run(['-f', 'json', '--format', 'text', 'post.md']), '--format is given twice');
    expectRefusal(await run(['--timeout', '5s', '--timeout=10s', 'post.md']), '--timeout is given twice');
  });

  it('repeatable options still repeat', async () => {
    const result = await run(['--exclude', 'a', '--exclude', 'b', '-H', 'X-A: 1', '-H', 'X-B: 2', 'post.md']);
    expect(result.code, result.stderr).toBe(0);
  });

  it('refuses a value after a flag that takes none (--insecure true, --color always)', async () => {
    expectRefusal(await run(['--insecure', 'true', 'post.md']), '--insecure takes no value');
    expectRefusal(await run(['--color', 'false', 'post.md']), '--no-color');
    expectRefusal(await run(['post.md', '--no-archive', 'yes']), '--no-archive takes no value');
  });

  it('--exclude is a regular expression: a glob gets the expression to write instead', async () => {
    expectRefusal(await run(['--exclude', '*.pdf', 'post.md']), 'not a glob', String.raw`try \.pdf$`);
    expectRefusal(await run(['--exclude', '**/drafts/*', 'post.md']), 'try drafts/[^/]*$');
  });

  it('refuses a command word that is not first', async () => {
    expectRefusal(await run(['--quiet', 'extract', 'post.md']), 'linkrot extract [options]');
  });

  it('refuses --output naming a post being checked (the report would overwrite it), and leaves the post intact', async () => {
    const before = await readFile(join(dir, 'post.md'), 'utf8');
    expectRefusal(await run(['extract', '-o', 'post.md', 'post.md']), '--output post.md is also an input');
    expectRefusal(await run(['-o', `${dir}/post.md`, './post.md']), 'also an input');
    expect(await readFile(join(dir, 'post.md'), 'utf8')).toBe(before);
  });
});
