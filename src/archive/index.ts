/** The archive stage: Wayback Machine snapshots through the shared polite fetcher. */
export {
  createArchive,
  snapshotSuggestion,
  DEFAULT_ARCHIVE_BASE_URL,
  CDX_BODY_BYTES,
  type Archive,
  type SnapshotLookup,
  type SnapshotStore,
} from './archive.js';
export { archiveUnreachableNotice } from './notice.js';
export { cdxQueryUrl, parseCdxAnswer, CDX_ROWS, type CdxRow } from './cdx.js';
