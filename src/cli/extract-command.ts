import { EXIT_OK, EXIT_USAGE, LinkrotError } from '../errors.js';
import { extractFile } from '../extract/index.js';
import { SCHEMA_VERSION, type ExtractReport } from '../model.js';
import { hasLongDocument } from '../pipeline/long-document.js';
import { renderExtractText } from '../report/extract-text.js';
import { VERSION } from '../version.js';
import { collectInputs, reportProblems } from './inputs.js';
import type { Invocation } from './options.js';
import { emit, useColor } from './output.js';
import { sizeHeapForExtract } from './young-generation.js';
import type { Io } from './run.js';

/** `linkrot extract`: every link with its position, no network. */
export async function runExtract(invocation: Invocation, io: Io): Promise<number> {
  const { flags } = invocation;
  const { files, problems } = await collectInputs(invocation.inputs, flags.changedSince, io);
  // A long document: a young generation that grows, and a second thread.
  if (hasLongDocument(files)) {
    sizeHeapForExtract();
    (await import('../pipeline/extract-pieces.js')).parsePiecesOnTwoThreads(files);
  }
  const report: ExtractReport = { schemaVersion: SCHEMA_VERSION, tool: { name: 'linkrot', version: VERSION }, summary: { files: 0, links: 0 }, files: [] };
  for (const path of files) {
    try {
      const file = await extractFile(path, flags.baseUrl === undefined ? {} : { baseUrl: flags.baseUrl });
      report.files.push({ ...file, path });
    } catch (error) {
      if (!(error instanceof LinkrotError)) throw error;
      problems.push(error.message);
    }
  }
  report.summary = { files: report.files.length, links: report.files.reduce((sum, file) => sum + file.links.length, 0) };
  reportProblems(problems, io);
  if (report.files.length > 0 || problems.length === 0) {
    const text = flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderExtractText(report, { color: useColor(flags.color, io) });
    await emit(text, flags.output, io);
  }
  return problems.length > 0 ? EXIT_USAGE : EXIT_OK;
}
