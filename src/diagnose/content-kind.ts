import { readUrl } from '../util/url.js';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const EXTENSION = /\.([a-z0-9]{1,5})$/i;
const ARCHIVE_TYPE = /^application\/(?:zip|gzip|x-gzip|x-tar|x-bzip2|x-xz|x-7z-compressed|vnd\.rar|x-rar-compressed|x-compressed)$/;
const DOCUMENT_TYPE = /^application\/(?:msword|vnd\.openxmlformats|vnd\.ms-|vnd\.oasis|postscript|epub)/;
const DATA_TYPE = /^(?:text\/csv|application\/json|application\/xml|text\/xml)$/;

/** Broad kinds of content: enough to tell "a PDF now serves an HTML page" and to pick a matching archive capture. */
export type ContentKind = 'html' | 'pdf' | 'image' | 'video' | 'audio' | 'archive' | 'document' | 'text' | 'data';

const EXTENSION_KINDS: Readonly<Record<string, ContentKind>> = {
  pdf: 'pdf',
  png: 'image', jpg: 'image', jpeg: 'image', gif: 'image', webp: 'image', svg: 'image', bmp: 'image', ico: 'image', avif: 'image', tif: 'image', tiff: 'image',
  mp4: 'video', webm: 'video', mov: 'video', avi: 'video', mkv: 'video', m4v: 'video',
  mp3: 'audio', ogg: 'audio', wav: 'audio', flac: 'audio', m4a: 'audio',
  zip: 'archive', gz: 'archive', tgz: 'archive', bz2: 'archive', xz: 'archive', '7z': 'archive', rar: 'archive', tar: 'archive',
  doc: 'document', docx: 'document', ppt: 'document', pptx: 'document', xls: 'document', xlsx: 'document', odt: 'document', odp: 'document', ps: 'document', epub: 'document',
  txt: 'text', md: 'text', csv: 'data', json: 'data', xml: 'data',
  html: 'html', htm: 'html', php: 'html', asp: 'html', aspx: 'html', jsp: 'html', shtml: 'html',
};

/** The kind a URL promises by its file extension, if it has a telling one. */
export function kindOfUrl(url: string): ContentKind | undefined {
  const path = readUrl(url)?.pathname;
  if (path === undefined) return undefined;
  const extension = EXTENSION.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : EXTENSION_KINDS[extension];
}

/** The kind of a MIME type (`application/pdf; charset=…` → `pdf`); undefined when unknown. */
export function kindOfMime(mime: string | undefined): ContentKind | undefined {
  if (mime === undefined) return undefined;
  const type = mime.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '') return undefined;
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/pdf' || type === 'application/x-pdf') return 'pdf';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  if (ARCHIVE_TYPE.test(type)) return 'archive';
  if (DOCUMENT_TYPE.test(type)) return 'document';
  if (type === 'text/plain' || type === 'text/markdown') return 'text';
  if (DATA_TYPE.test(type)) return 'data';
  return undefined;
}

/**
 * True when a served MIME type is compatible with what the URL promised. `application/octet-stream` and unknown
 * types are given the benefit of the doubt.
 */
export function kindMatches(expected: ContentKind, mime: string | undefined): boolean {
  const served = kindOfMime(mime);
  if (served === undefined) return true;
  if (served === expected) return true;
  if (expected === 'text' && served === 'data') return true;
  if (expected === 'data' && served === 'text') return true;
  return false;
}
