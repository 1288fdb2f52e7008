import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXIT_FINDINGS, EXIT_OK, LinkrotError } from '../errors.js';
import type { Report } from '../model.js';
import { mergeReports, validateReport } from '../report/index.js';
import { failing, writeReport } from './check-command.js';
import type { Invocation } from './options.js';
import type { Io } from './run.js';
import { DEFAULT_FAIL_ON } from './settings.js';

/** `linkrot merge a.json b.json …`: one report from the JSON reports of several (sharded) runs. */
export async function runMerge(invocation: Invocation, io: Io): Promise<number> {
  if (invocation.inputs.length === 0) throw new LinkrotError('LINKROT_USAGE', 'merge needs JSON reports to combine (linkrot merge a.json b.json …)');
  const reports: Report[] = [];
  for (const path of invocation.inputs) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(resolve(io.cwd, path), 'utf8'));
    } catch (error) {
      const why = error instanceof SyntaxError ? 'expected a JSON report' : ((error as NodeJS.ErrnoException).code ?? 'unreadable');
      throw new LinkrotError('LINKROT_INPUT', `Cannot read report \`${path}\`: ${why}`, { cause: error });
    }
    const problems = validateReport(value);
    if (problems.length > 0) throw new LinkrotError('LINKROT_INPUT', `\`${path}\` is not a linkrot JSON report: ${problems[0]}`);
    reports.push(value as Report);
  }
  const merged = mergeReports(reports);
  const { flags } = invocation;
  await writeReport(merged, { format: flags.format ?? 'json', output: flags.output, color: flags.color, verbose: flags.verbose ?? false, quiet: flags.quiet ?? false }, io);
  return failing(merged, flags.failOn ?? DEFAULT_FAIL_ON) > 0 ? EXIT_FINDINGS : EXIT_OK;
}
