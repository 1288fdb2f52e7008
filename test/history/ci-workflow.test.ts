/**
 * The README's CI example, run as GitHub would run it, over several days: the workflow's steps call this
 * repository's action (action.yml), whose "Check links" script runs the built binary. Each run is started
 * under `faketime`, so the binary reads that day from the system clock; the cache file stays in the
 * workspace from run to run, as the action's actions/cache step restores it. The hosts are local servers
 * whose answers change between runs.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, REPO } from '../cli/run-cli.js';
import { startHost, type SimHost } from './simulation.js';

const exec = promisify(execFile);
const EXAMPLE = '.github/examples/blog-links.yml';

interface Step {
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  env?: Record<string, string>;
  name?: string;
}

let workspace: string;
let blog: SimHost;
let other: SimHost;
let example: string;
let steps: Step[];
let checkScript: Step;

beforeAll(async () => {
  example = await readFile(join(REPO, EXAMPLE), 'utf8');
  steps = (parse(example) as { jobs: { links: { steps: Step[] } } }).jobs.links.steps;
  const action = parse(await readFile(join(REPO, 'action.yml'), 'utf8')) as { runs: { steps: Step[] } };
  checkScript = action.runs.steps.find((step) => step.name === 'Check links')!;
  [blog, other] = await Promise.all([startHost(), startHost()]);
  workspace = await mkdtemp(join(tmpdir(), 'linkrot-ci-'));
  await exec('faketime', ['--version']).catch(() => {
    throw new Error('these tests need faketime (apt-get install faketime; .ci/run installs it)');
  });
});
afterAll(async () => {
  await Promise.all([blog?.close(), other?.close()]);
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

async function git(...args: string[]): Promise<string> {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
  return (await exec('git', args, { cwd: workspace, env })).stdout.trim();
}

/** The workflow step GitHub would run for this event (its `if:` is the only condition the example uses). */
function stepFor(event: 'pull_request' | 'schedule'): Step {
  const step = steps.find((candidate) => candidate.uses === 'linkrot/linkrot@v0' && candidate.if !== undefined && eval_if(candidate.if, event));
  if (step === undefined) throw new Error(`no linkrot step for ${event}`);
  return step;
}

function eval_if(condition: string, event: string): boolean {
  const match = /^github\.event_name (==|!=) '([a-z_]+)'$/.exec(condition.trim());
  if (match === null) throw new Error(`the test does not know this condition: ${condition}`);
  return match[1] === '==' ? event === match[2] : event !== match[2];
}

/**
 * Run the action's "Check links" script for a workflow step, at `date` (UTC) under faketime: inputs as the
 * action maps them to environment variables, `${{ … }}` of the event filled in, GitHub's files in the workspace.
 */
async function runStep(step: Step, date: string, context: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; summary: string }> {
  const inputs: Record<string, string> = { 'only-new-links': 'false', 'cache-file': '.linkrot-cache.json', args: '', 'changed-since': '', ...step.with };
  const expand = (text: string): string =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      if (expression.startsWith('inputs.')) return expand(inputs[expression.slice('inputs.'.length)] ?? '');
      if (expression === 'github.action_path') return REPO;
      if (expression in context) return context[expression]!;
      throw new Error(`the test does not know \${{ ${expression} }}`);
    });
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(checkScript.env ?? {})) env[name] = expand(value);
  env['LINKROT_BIN'] = BIN;
  const summaryFile = join(workspace, '..', `${workspace.split('/').pop()!}-summary.md`);
  await writeFile(summaryFile, '');
  const output = join(workspace, '..', `${workspace.split('/').pop()!}-output`);
  return new Promise((resolve, reject) => {
    const child = spawn('faketime', [date, 'bash', '-e', '-c', checkScript.run!], {
      cwd: workspace,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', NO_COLOR: '1', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summaryFile, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', async (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`exit ${code}: ${stderr}`));
      resolve({ code, stdout, summary: await readFile(summaryFile, 'utf8') });
    });
  });
}

const post = (extra = ''): string =>
  `---\ntitle: A post\ndate: 2017-03-01\n---\n\nThe [paper](${blog.origin}/paper) and [the docs](${other.origin}/docs).\n${extra}`;

describe('the README CI example over several days (built binary, faketime)', () => {
  it('is the one README.md shows, verbatim', async () => {
    const readme = await readFile(join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`yaml\n${example}\`\`\``);
  });

  it('the scheduled run: a host down for a run never fails it, a link dead in two runs a day apart does, the summary says what is new', async () => {
    await mkdir(join(workspace, '_posts'));
    await writeFile(join(workspace, '_posts', '2017-03-01-post.md'), post());
    // The local servers are private addresses and there is no archive.org here: the site's config says so.
    await writeFile(join(workspace, 'linkrot.config.json'), JSON.stringify({ allowPrivate: true, archive: false, retries: 0 }));
    await git('init', '-q', '-b', 'main');
    await git('add', '.');
    await git('commit', '-qm', 'posts');
    const schedule = stepFor('schedule');

    blog.answers.set('/paper', 'ok');
    other.answers.set('/docs', 'ok');
    expect((await runStep(schedule, '2026-11-19 06:17:00')).code).toBe(0);

    // Day 1: the docs host resets every connection, the paper is gone (404): nothing is confirmed yet.
    other.answers.set('/docs', 'reset');
    blog.answers.set('/paper', 'not-found');
    const first = await runStep(schedule, '2026-11-20 06:31:00');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/::warning file=_posts\/2017-03-01-post\.md.*unreachable/);
    expect(first.summary).toContain('**New since the last run:**');
    expect(first.summary).toMatch(/- newly dead: `http:\/\/127\.0\.0\.1:\d+\/paper`/);

    // The same day, re-run by hand: the paper's verdict comes from the cache (12 h), the docs host is asked again.
    expect((await runStep(schedule, '2026-11-20 09:05:00')).code).toBe(0);

    // Day 2: the docs host is back; the paper is still 404, a day after the first: confirmed, the job fails.
    other.answers.set('/docs', 'ok');
    const second = await runStep(schedule, '2026-11-21 06:40:00');
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/::error file=_posts\/2017-03-01-post\.md,line=6,.*History: dead since 2026-11-20, seen 3 times, confirmed/);
    expect(second.summary).toMatch(/- dead\\, now confirmed: `http:\/\/127\.0\.0\.1:\d+\/paper`/);
    // the docs host's bad day is not news: it never was dead
    expect(second.summary.split('**New since the last run:**')[1]!.split('\n\n')[1]).not.toContain('/docs');
    const cache = JSON.parse(await readFile(join(workspace, '.linkrot-cache.json'), 'utf8')) as { version: number; history: Record<string, { observations: Array<{ at: string }> }> };
    expect(cache.version).toBe(2);
    expect(cache.history[`${blog.origin}/paper`]!.observations.map((item) => item.at.slice(0, 16))).toEqual([
      '2026-11-19T06:17',
      '2026-11-20T06:31',
      '2026-11-21T06:40',
    ]);
  }, 120_000);

  it('a pull request fails at once on a dead link it adds, never on a host that is down', async () => {
    const base = await git('rev-parse', 'HEAD');
    const pullRequest = stepFor('pull_request');
    // The post's old link points at a host that is down today; the pull request adds a link that works.
    other.answers.set('/docs', 'reset');
    blog.answers.set('/new-and-fine', 'ok');
    blog.answers.set('/paper', 'not-found');
    await git('checkout', '-q', '-b', 'fine');
    await writeFile(join(workspace, '_posts', '2017-03-01-post.md'), post(`\nUpdate: [a follow-up](${blog.origin}/new-and-fine).\n`));
    await git('commit', '-qam', 'a follow-up');
    const fine = await runStep(pullRequest, '2026-11-22 10:00:00', { 'github.event.pull_request.base.sha': base });
    expect(fine.stdout).toMatch(/^::notice title=linkrot::1 link \(1 URL\) in 1 file: 1 alive/);
    expect(fine.code).toBe(0);
    expect(fine.stdout).not.toContain('/docs');

    // A pull request that adds a link to a page that does not exist (404) fails on its first run.
    await git('checkout', '-q', '-b', 'typo', base);
    await writeFile(join(workspace, '_posts', '2017-03-01-post.md'), post(`\nUpdate: [a follow-up](${blog.origin}/new-and-fien).\n`));
    await git('commit', '-qam', 'a typo');
    const typo = await runStep(pullRequest, '2026-11-22 11:00:00', { 'github.event.pull_request.base.sha': base });
    expect(typo.code).toBe(1);
    expect(typo.stdout).toMatch(/::error file=_posts\/2017-03-01-post\.md,line=8.*http-404/);
    expect(typo.stdout).not.toContain('/docs');
    // A pull request whose new link's host is down for now is not failed either.
    other.answers.set('/docs/more', 'reset');
    await git('checkout', '-q', '-b', 'down', base);
    await writeFile(join(workspace, '_posts', '2017-03-01-post.md'), post(`\nUpdate: [more docs](${other.origin}/docs/more).\n`));
    await git('commit', '-qam', 'more docs');
    expect((await runStep(pullRequest, '2026-11-22 12:00:00', { 'github.event.pull_request.base.sha': base })).code).toBe(0);
  }, 120_000);
});
