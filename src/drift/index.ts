/** The drift stage: is an alive link's page about something else now than when the post linked it? */
export { compare, LABEL_DIFFERENT, TEXT_DIFFERENT, TEXT_ALONE_DIFFERENT, MIN_WORDS, type Comparison } from './compare.js';
export { summarize, summarizeResult, textContainment, languageOf, FINGERPRINT_SIZE, FINGERPRINT_TEXT_CHARS, type PageFacts, type PageSummary, type SignKind } from './summary.js';
export { findCaptureBefore, RATE_LIMITED, type CaptureRecord, type CaptureStore } from './capture.js';
export { findDrift, driftKey, type DriftCandidate, type DriftFinding, type DriftOutcome, type DriftSettings } from './find-drift.js';
