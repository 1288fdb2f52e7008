import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_SAVE_OLDER_THAN_MS } from '../archive/index.js';
import { openCache } from '../cache/index.js';
import { loadConfig } from '../config/index.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, LinkrotError } from '../errors.js';
import { extractLinks } from '../extract/index.js';
import { fixFile, planFixes } from '../fix/index.js';
import type { ExtractedFile, FailOn, FileReport, Report } from '../model.js';
import { parsePiecesOnTwoThreads } from '../pipeline/extract-pieces.js';
import { canUseExtractThread } from '../pipeline/extract-thread.js';
import { checkExtracted, extractPosts, withFileErrors, type CheckOptions } from '../pipeline/index.js';
import { renderGithub, renderHtml, renderJsonChunks, renderMarkdown, renderText } from '../report/index.js';
import { stripControl } from '../util/terminal.js';
import { fileAtRef } from './git.js';
import { collectInputs, reportProblems } from './inputs.js';
import type { Invocation } from './options.js';
import { emit, useColor } from './output.js';
import { createProgress } from './progress.js';
import { sizeHeapFor } from './young-generation.js';
import type { Io } from './run.js';
import { resolveSettings, type Settings } from './settings.js';

/** `linkrot check`: extract → check → diagnose → archive → report (→ fix). */
export async function runCheck(invocation: Invocation, io: Io): Promise<number> {
  const { config } = await loadConfig({ ...(invocation.flags.config === undefined ? {} : { path: invocation.flags.config }), cwd: io.cwd });
  const settings = resolveSettings(config, invocation.flags);
  const savePageNow = invocation.flags.saveAlive ? savePageNowKeys(io.env, invocation.flags.saveOlderThanMs) : undefined;
  const { files: paths, problems } = await collectInputs(invocation.inputs, settings.changedSince, io);
  sizeHeapFor(paths);
  // Where the posts are extracted here (not on the extraction thread), the pieces of a long one may use another core.
  if (paths.length <= 1 || !canUseExtractThread()) parsePiecesOnTwoThreads(paths);

  const sources = new Map<string, string>();
  const unreadable: FileReport[] = [];
  /** Each post is read and extracted just before it is checked, so parsing overlaps the waiting on the network. */
  async function* extracted(): AsyncGenerator<ExtractedFile> {
    const options = { thread: 'auto' as const, ...(settings.baseUrl === undefined ? {} : { baseUrl: settings.baseUrl }) };
    for await (const outcome of extractPosts(paths, options)) {
      const { path } = outcome;
      if ('error' in outcome) {
        if (outcome.error.code !== 'LINKROT_INPUT') throw outcome.error;
        problems.push(outcome.error.message);
        unreadable.push({ path, links: [], error: outcome.error.message });
        continue;
      }
      const { file, source } = outcome.post;
      // Only --fix rewrites posts: without it, a post's text is let go once its links are extracted.
      if (settings.fix) sources.set(path, source);
      yield settings.onlyNewLinks && settings.changedSince !== undefined ? await onlyNewLinks({ ...file, path }, settings.changedSince, io) : { ...file, path };
    }
  }

  // Observations are dated by the system clock (a run under `faketime` is a run on that day), never by the cache.
  const cache = settings.cache === false ? undefined : await openCache(resolve(io.cwd, settings.cache), { maxAgeMs: settings.maxAgeMs });
  const progress = createProgress(io.stderr, !settings.quiet && settings.format !== 'github');

  let report: Report;
  try {
    report = await checkExtracted(extracted(), {
      ...settings.check,
      ...(cache ? { cache } : {}),
      ...(savePageNow ? { savePageNow } : {}),
      onProgress: (event) => progress.update(event),
    });
  } finally {
    progress.done();
  }
  if (cache) await cache.save();
  if (unreadable.length > 0) report = withFileErrors(report, unreadable);

  reportProblems(problems, io);
  await writeReport(report, settings, io);
  if (settings.fix) await applyFixes(report, sources, settings, io);

  if (problems.length > 0) return EXIT_USAGE;
  return failing(report, settings.failOn) > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** The archive.org keys for --save-alive, from the environment only (never a flag: it would show in `ps`). */
function savePageNowKeys(env: Io['env'], olderThanMs: number | undefined): NonNullable<CheckOptions['savePageNow']> {
  const accessKey = env.ARCHIVE_ORG_ACCESS_KEY?.trim() ?? '';
  const secretKey = env.ARCHIVE_ORG_SECRET_KEY?.trim() ?? '';
  if (accessKey === '' || secretKey === '') {
    throw new LinkrotError('LINKROT_USAGE', '--save-alive needs ARCHIVE_ORG_ACCESS_KEY and ARCHIVE_ORG_SECRET_KEY in the environment (keys from https://archive.org/account/s3.php)');
  }
  return { accessKey, secretKey, olderThanMs: olderThanMs ?? DEFAULT_SAVE_OLDER_THAN_MS };
}

/** Link occurrences that fail the run: in a `failOn` state, or dead and confirmed by history (`confirmed`). */
export function failing(report: Report, failOn: readonly FailOn[]): number {
  const confirmed = failOn.includes('confirmed');
  const fails = (link: Report['files'][number]['links'][number]): boolean =>
    failOn.includes(link.state) || (confirmed && link.state === 'dead' && link.history?.confirmed === true);
  return report.files.reduce((sum, file) => sum + file.links.filter(fails).length, 0);
}

export async function writeReport(report: Report, settings: Pick<Settings, 'format' | 'output' | 'color' | 'verbose' | 'quiet'>, io: Io): Promise<void> {
  switch (settings.format) {
    case 'json':
      // Written file by file: a big run's report is never one string.
      await emit(renderJsonChunks(report), settings.output, io);
      return;
    case 'markdown':
      await emit(renderMarkdown(report, githubLinkOptions(io)), settings.output, io);
      return;
    case 'html':
      await emit(renderHtml(report), settings.output, io);
      return;
    case 'github': {
      await emit(renderGithub(report), settings.output, io);
      const summaryFile = io.env.GITHUB_STEP_SUMMARY;
      if (summaryFile) await appendFile(summaryFile, `${renderMarkdown(report, githubLinkOptions(io))}\n`);
      return;
    }
    case 'text':
      await emit(
        renderText(report, {
          color: settings.output === undefined && useColor(settings.color, io),
          verbose: settings.verbose,
          quiet: settings.quiet,
          width: io.stdout.columns ?? 100,
        }),
        settings.output,
        io,
      );
      return;
    default: {
      const never: never = settings.format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

/** In GitHub Actions, link each file:line of the Markdown report to the commit being checked. */
function githubLinkOptions(io: Io): { repoUrl?: string; ref?: string } {
  const server = io.env.GITHUB_SERVER_URL;
  const repo = io.env.GITHUB_REPOSITORY;
  const sha = io.env.GITHUB_SHA;
  if (!server || !repo || !sha) return {};
  return { repoUrl: `${server}/${repo}`, ref: sha };
}

/** The file with only the links that were not in it at `ref` (all of them when it did not exist there). */
async function onlyNewLinks(file: ExtractedFile, ref: string, io: Io): Promise<ExtractedFile> {
  const old = await fileAtRef(file.path, ref, io.cwd);
  if (old === undefined) return file;
  const before = new Set(extractLinks(old, { path: file.path }).links.map((link) => link.url));
  return { ...file, links: file.links.filter((link) => !before.has(link.url)) };
}

async function applyFixes(report: Report, sources: Map<string, string>, settings: Settings, io: Io): Promise<void> {
  let changedFiles = 0;
  let edits = 0;
  for (const file of report.files) {
    const source = sources.get(file.path);
    if (source === undefined || file.links.length === 0) continue;
    const planned = planFixes(source, file.links, settings.fix!);
    if (planned.length === 0) continue;
    const result = await fixFile(file.path, source, planned, { dryRun: settings.dryRun });
    if (settings.dryRun) io.stdout.write(result.diff);
    if (result.changed) {
      changedFiles += 1;
      edits += planned.length;
    }
  }
  if (!settings.quiet) {
    const verb = settings.dryRun ? 'would rewrite' : 'rewrote';
    io.stderr.write(stripControl(`linkrot: --fix ${verb} ${edits} URL${edits === 1 ? '' : 's'} in ${changedFiles} file${changedFiles === 1 ? '' : 's'}\n`));
  }
}
