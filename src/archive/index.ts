/** The archive stage: Wayback Machine snapshots through the shared polite fetcher. */
export {
  createArchive,
  snapshotSuggestion,
  toStamp,
  DEFAULT_ARCHIVE_BASE_URL,
  CDX_BODY_BYTES,
  type Archive,
  type SnapshotLookup,
  type SnapshotStore,
  type LookupStore,
  type Unavailable,
} from './archive.js';
export { archiveUnreachableNotice } from './notice.js';
export { cdxQueryUrl, parseCdxAnswer, CDX_ROWS, type CdxRow } from './cdx.js';
export { SHORTENERS, loadShorteners, matchShortener, type Shortener, type CompiledShortener } from './shorteners.js';
export {
  recoverShortLinkTarget,
  redirectCapturesQueryUrl,
  refreshTarget,
  reviewShortLink,
  targetOfReplayLocation,
  SHORT_LINK_REPLAYS,
  type ShortLinkContext,
} from './short-link.js';
export {
  saveAlive,
  timestampMs,
  DEFAULT_SAVE_OLDER_THAN_MS,
  DEFAULT_SAVE_MAX_WAIT_MS,
  SAVE_ANSWER_BYTES,
  type SavePageNowSettings,
  type SpnAnswer,
  type SpnSend,
} from './save-page-now.js';
