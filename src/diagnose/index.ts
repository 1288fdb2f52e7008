/** The diagnose stage: pure functions from check results to verdicts, with rules as data. */
export type { CompiledFamily, DiagnoseInput, DiagnoseSettings, KnownDeadFamily, RuleSet } from './types.js';
export { loadRules, validateFamily } from './rules.js';
export {
  requestFor,
  followUpsFor,
  watchPage,
  DEFAULT_CONTENT_BODY_BYTES,
  DEFAULT_FRAGMENT_BODY_BYTES,
  OEMBED_FOLLOW_UP,
  SIBLING_FOLLOW_UP,
  PAGE_FOLLOW_UP,
  type FollowUp,
} from './requests.js';
export { HTTPS_FOLLOW_UP, hygieneSuggestions, cleanUrl } from './hygiene.js';
export { diagnose } from './diagnose.js';
export { parkedPhrase, parkedPhraseOf, PARKED_PAGE_MAX_TEXT } from './parked.js';
export { soft404Sign } from './soft-404.js';
export { scanBody, scanHtml, isHtml, isHtmlBody, type HtmlFacts } from './html-scan.js';
export { kindOfUrl, kindOfMime, kindMatches, type ContentKind } from './content-kind.js';
export { KNOWN_DEAD_FAMILIES } from './rules/known-dead-families.js';
