/**
 * The README's CI example, run as GitHub would run it, over several days: the workflow's steps call this
 * repository's action (action.yml), whose steps run one after the other as GitHub runs them: "Check links"
 * (the built binary's check writes the JSON report, merge renders the annotations, job summary and HTML page
 * from it), the HTML page's upload, and the step that fails the job on findings. Each run is started
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
import { REPO, runCli } from '../cli/run-cli.js';
import { commandAvailability } from '../helpers/system-tool.js';
import { startHost, type SimHost } from './simulation.js';

const exec = promisify(execFile);
const EXAMPLE = '.github/examples/blog-links.yml';
/** `${{ github.action_path }}`: this repository, whose dist/ holds the built binary. */
const ACTION_PATH = REPO.replace(/\/$/, '');

interface Step {
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  env?: Record<string, string>;
  name?: string;
  id?: string;
  'working-directory'?: string;
}

const FAKETIME = commandAvailability('faketime');

let workspace: string;
let runnerTemp: string;
let blog: SimHost;
let other: SimHost;
let example: string;
let steps: Step[];
let action: { inputs: Record<string, { default?: string }>; runs: { steps: Step[] } };

beforeAll(async () => {
  example = await readFile(join(REPO, EXAMPLE), 'utf8');
  steps = (parse(example) as { jobs: { links: { steps: Step[] } } }).jobs.links.steps;
  action = parse(await readFile(join(REPO, 'action.yml'), 'utf8')) as typeof action;
  [blog, other] = await Promise.all([startHost(), startHost()]);
  workspace = await mkdtemp(join(tmpdir(), 'linkrot-ci-'));
  runnerTemp = await mkdtemp(join(tmpdir(), 'linkrot-ci-runner-'));
});
afterAll(async () => {
  await Promise.all([blog?.close(), other?.close()]);
  if (workspace) await rm(workspace, { recursive: true, force: true });
  if (runnerTemp) await rm(runnerTemp, { recursive: true, force: true });
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

/** What a job's linkrot step ended with: GitHub's view of the action's steps, one after the other. */
interface ActionRun {
  /** The exit code of the first step that failed (the job's), 0 when none did. */
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  /** The outputs each step wrote to $GITHUB_OUTPUT, by step id. */
  outputs: Record<string, Record<string, string>>;
  /** The `uses:` steps whose condition held, with their `with:` filled in (GitHub would run those actions). */
  used: Array<{ uses: string; with: Record<string, string> }>;
}

/**
 * Run the action (action.yml) for a workflow step, at `date` (UTC) under faketime, step by step as GitHub runs a
 * composite action: inputs are action.yml's defaults with the step's `with:` over them; each step's `if:` is
 * evaluated against the inputs and the outputs of the steps before it; after a failing step the rest is skipped
 * (GitHub's implicit `success()`); `run:` steps run in bash with GitHub's flags and files, `uses:` steps are
 * recorded. The install step is skipped: the built binary is already there.
 */
let runs = 0;

async function runAction(step: Step, date: string, context: Record<string, string> = {}): Promise<ActionRun> {
  const inputs: Record<string, string> = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])), ...step.with };
  const outputs: ActionRun['outputs'] = {};
  runs += 1;
  const github: Record<string, string> = { 'github.run_id': String(runs), 'github.run_attempt': '1', ...context };
  const value = (expression: string): string => {
    if (expression.startsWith('inputs.')) return expand(inputs[expression.slice('inputs.'.length)] ?? '');
    if (expression === 'github.action_path') return ACTION_PATH;
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output !== null) return outputs[output[1]!]?.[output[2]!] ?? '';
    if (expression in github) return github[expression]!;
    throw new Error(`the test does not know \${{ ${expression} }}`);
  };
  const expand = (text: string): string => text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => value(expression));
  const holds = (condition: string | undefined): boolean => {
    if (condition === undefined) return true;
    const match = /^([\w.-]+) (==|!=) '([^']*)'$/.exec(condition.trim());
    if (match === null) throw new Error(`the test does not know this condition: ${condition}`);
    return (value(match[1]!) === match[3]) === (match[2] === '==');
  };
  const run: ActionRun = { code: 0, stdout: '', stderr: '', summary: '', outputs, used: [] };
  const summaryFile = join(runnerTemp, 'step-summary.md');
  await writeFile(summaryFile, '');
  for (const actionStep of action.runs.steps) {
    if (!holds(actionStep.if)) continue;
    if (actionStep.uses !== undefined) {
      // actions/cache: the cache file simply stays in the workspace from run to run.
      run.used.push({ uses: actionStep.uses, with: Object.fromEntries(Object.entries(actionStep.with ?? {}).map(([name, text]) => [name, expand(text)])) });
      continue;
    }
    if (actionStep['working-directory'] !== undefined && expand(actionStep['working-directory']) === ACTION_PATH) continue; // the install step
    const env: Record<string, string> = {};
    for (const [name, text] of Object.entries(actionStep.env ?? {})) env[name] = expand(text);
    const outputFile = join(runnerTemp, 'output');
    await writeFile(outputFile, '');
    const { code, stdout, stderr } = await runScript(expand(actionStep.run!), date, { ...env, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile });
    run.stdout += stdout;
    run.stderr += stderr;
    if (actionStep.id !== undefined) {
      outputs[actionStep.id] = Object.fromEntries((await readFile(outputFile, 'utf8')).split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
    }
    if (code !== 0) {
      run.code = code;
      break;
    }
  }
  run.summary = await readFile(summaryFile, 'utf8');
  return run;
}

/** One `run:` script as GitHub runs a `shell: bash` step (bash -e -o pipefail), in the workspace, under faketime. */
function runScript(script: string, date: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('faketime', [date, 'bash', '--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', script], {
      cwd: workspace,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', NO_COLOR: '1', RUNNER_TEMP: runnerTemp, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      // linkrot's exit codes (1 failing findings, 2 bad usage or input); anything else (127, a signal) is a broken step
      if (code !== 0 && code !== 1 && code !== 2) reject(new Error(`exit ${code}: ${stderr}`));
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** `linkrot merge --fail-on …`'s exit code on the JSON report the action's last run wrote (in $RUNNER_TEMP). */
async function mergeExit(failOn: string): Promise<number | null> {
  return (await runCli(['merge', '--format', 'json', '--fail-on', failOn, join(runnerTemp, 'linkrot-report.json')])).code;
}

const post = (extra = ''): string =>
  `---\ntitle: A post\ndate: 2017-03-01\n---\n\nThe [paper](${blog.origin}/paper) and [the docs](${other.origin}/docs).\n${extra}`;

describe.skipIf(FAKETIME.skip)(`the README CI example over several days (built binary, faketime)${FAKETIME.skip ? ` (skipped: ${FAKETIME.why})` : ''}`, () => {
  beforeAll(() => {
    if (FAKETIME.why !== '') throw new Error(FAKETIME.why);
  });

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
    const day0 = await runAction(schedule, '2026-11-19 06:17:00');
    expect(day0.code).toBe(0);
    expect(day0.outputs['check']).toEqual({ 'exit-code': '0', 'html-report': 'linkrot-report.html' });
    expect(day0.used.map((used) => [used.uses, used.with['path']])).toEqual([
      ['actions/cache@v4', '.linkrot-cache.json'],
      ['actions/upload-artifact@v4', 'linkrot-report.html'],
    ]);

    // Day 1: the docs host resets every connection, the paper is gone (404): nothing is confirmed yet.
    other.answers.set('/docs', 'reset');
    blog.answers.set('/paper', 'not-found');
    const first = await runAction(schedule, '2026-11-20 06:31:00');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/::warning file=_posts\/2017-03-01-post\.md.*unreachable/);
    expect(first.summary).toContain('**New since the last run:**');
    expect(first.summary).toMatch(/- newly dead: `http:\/\/127\.0\.0\.1:\d+\/paper`/);
    // the report the action rendered from: dead, not yet confirmed
    expect([await mergeExit('dead'), await mergeExit('confirmed')]).toEqual([1, 0]);

    // The same day, re-run by hand: the paper's verdict comes from the cache (12 h), the docs host is asked again.
    expect((await runAction(schedule, '2026-11-20 09:05:00')).code).toBe(0);

    // Day 2: the docs host is back; the paper is still 404, a day after the first: confirmed, the job fails.
    other.answers.set('/docs', 'ok');
    const second = await runAction(schedule, '2026-11-21 06:40:00');
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/::error file=_posts\/2017-03-01-post\.md,line=6,.*History: dead since 2026-11-20, seen 3 times, confirmed/);
    expect(second.summary).toMatch(/- dead\\, now confirmed: `http:\/\/127\.0\.0\.1:\d+\/paper`/);
    expect(await mergeExit('confirmed')).toBe(1);
    // The job fails in the action's last step, after the page was written and handed to upload-artifact.
    expect(second.outputs['check']).toEqual({ 'exit-code': '1', 'html-report': 'linkrot-report.html' });
    expect(second.used.find((used) => used.uses.startsWith('actions/upload-artifact@'))?.with).toMatchObject({ name: 'linkrot-report', path: 'linkrot-report.html' });
    const page = await readFile(join(workspace, 'linkrot-report.html'), 'utf8');
    expect(page).toMatch(/<tr id="[^"]+" class="is-new" data-state="dead" data-reason="http-404"/);
    expect(page).toContain('dead since 2026-11-20 · seen 3 times · confirmed');
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
    const fine = await runAction(pullRequest, '2026-11-22 10:00:00', { 'github.event.pull_request.base.sha': base });
    expect(fine.stdout).toMatch(/^::notice title=linkrot::1 link \(1 URL\) in 1 file: 1 alive/);
    expect(fine.code).toBe(0);
    expect(fine.stdout).not.toContain('/docs');

    // A pull request that adds a link to a page that does not exist (404) fails on its first run.
    await git('checkout', '-q', '-b', 'typo', base);
    await writeFile(join(workspace, '_posts', '2017-03-01-post.md'), post(`\nUpdate: [a follow-up](${blog.origin}/new-and-fien).\n`));
    await git('commit', '-qam', 'a typo');
    const typo = await runAction(pullRequest, '2026-11-22 11:00:00', { 'github.event.pull_request.base.sha': base });
    expect(typo.code).toBe(1);
    expect(typo.outputs['check']?.['exit-code']).toBe('1');
    expect(typo.stdout).toMatch(/::error file=_posts\/2017-03-01-post\.md,line=8.*http-404/);
    expect(typo.stdout).not.toContain('/docs');
    // A pull request whose new link's host is down for now is not failed either.
    other.answers.set('/docs/more', 'reset');
    await git('checkout', '-q', '-b', 'down', base);
    await writeFile(join(workspace, '_posts', '2017-03-01-post.md'), post(`\nUpdate: [more docs](${other.origin}/docs/more).\n`));
    await git('commit', '-qam', 'more docs');
    expect((await runAction(pullRequest, '2026-11-22 12:00:00', { 'github.event.pull_request.base.sha': base })).code).toBe(0);

    // An html-report path that cannot be written is said and fails the job (2), the annotations written all the same.
    const unwritable = { ...pullRequest, with: { ...pullRequest.with, 'html-report': 'no-such-dir/links.html' } };
    const broken = await runAction(unwritable, '2026-11-22 12:30:00', { 'github.event.pull_request.base.sha': base });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('linkrot: Cannot write `no-such-dir/links.html`: ENOENT');
    expect(broken.stdout).toMatch(/^::notice title=linkrot::1 link \(1 URL\) in 1 file/m);
    expect(broken.outputs['check']).toEqual({ 'exit-code': '2' });
    expect(broken.used.map((used) => used.uses)).toEqual(['actions/cache@v4']);
  }, 120_000);
});
