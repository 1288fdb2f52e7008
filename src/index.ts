/**
 * linkrot's library API, chosen on purpose: the stage entry points a program needs to extract, check and
 * report links, and the types of the report model. Everything else is internal.
 */
export type {
  ArchiveStatus,
  ContentDrift,
  CheckedLink,
  CheckResult,
  ExtractedFile,
  ExtractReport,
  FileReport,
  Link,
  LinkHistory,
  LinkKind,
  LinkSyntax,
  Notice,
  PostMeta,
  Reason,
  RedirectHop,
  Report,
  Severity,
  State,
  Suggestion,
  SuggestionKind,
  Summary,
  Verdict,
} from './model.js';
export { REASONS_BY_STATE, SCHEMA_VERSION, STATE_ORDER, STATE_PRESENTATION, STATES } from './model.js';
export { LinkrotError, type LinkrotErrorCode } from './errors.js';
export { extractFile, extractLinks, findMarkdownFiles } from './extract/index.js';
export { checkExtracted, checkFiles, type CheckOptions, type ProgressEvent, type Shard } from './pipeline/index.js';
export { createDispatcher, DEFAULT_CHECK_SETTINGS } from './check/index.js';
export { renderGithub, renderHtml, renderJson, renderMarkdown, renderText, mergeReports, validateReport } from './report/index.js';
export { openCache } from './cache/index.js';
export { loadConfig } from './config/index.js';
export { VERSION } from './version.js';
