/**
 * A bounded body collector, fed chunk by chunk as the response arrives: at most `limit` bytes after
 * decompression are kept. undici does not decompress, so gzip, deflate and brotli are inflated here with the
 * output capped: a decompression bomb costs at most one zlib chunk beyond the limit, and compressed input is
 * capped too, so a stream that inflates to almost nothing cannot be read for ever.
 */
import type { Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import type { BodySample } from '../model.js';

// Hoisted: a regular-expression literal in a function is a new object on every call.
const CHARSET_PARAM = /;\s*charset\s*=\s*"?([^";\s]+)/i;
const UTF8_NAME = /^utf-?8$/i;

/** zlib output chunk size: the most a bomb can overshoot the limit by. */
const INFLATE_CHUNK_BYTES = 16 * 1024;

/** Compressed bytes read per byte of the limit before a compressed body counts as truncated. */
const COMPRESSED_INPUT_FACTOR = 4;

function decompressorFor(encoding: string | undefined): Transform | undefined {
  const coding = (encoding ?? '').trim().toLowerCase();
  if (coding === '' || coding === 'identity') return undefined;
  const options = { chunkSize: INFLATE_CHUNK_BYTES };
  if (coding === 'gzip' || coding === 'x-gzip') return createGunzip(options);
  if (coding === 'br') return createBrotliDecompress(options);
  if (coding === 'deflate') return createInflate(options);
  if (coding === 'deflate-raw') return createInflateRaw(options);
  return undefined;
}

const UTF8 = new TextDecoder('utf-8');

/** The charset parameter of a Content-Type, when the TextDecoder knows it. */
function decoderFor(contentType: string | undefined): TextDecoder {
  if (contentType === undefined || !contentType.includes('=')) return UTF8;
  const charset = CHARSET_PARAM.exec(contentType)?.[1];
  if (charset === undefined || UTF8_NAME.test(charset)) return UTF8;
  try {
    return new TextDecoder(charset);
  } catch {
    return UTF8; // an unknown label
  }
}

/**
 * Reads a body's text as it arrives and says when it has seen enough: the rest is then not read into the sample
 * (see `BodyCollector`). The text kept is what the watcher read, and it may put what it made of it on the sample.
 */
export interface BodyWatcher {
  /** The next piece of text; true once nothing more is needed (later pieces are not given). */
  write(text: string): boolean;
  /** The body ended or the watcher had enough: `make` builds the sample from the text the watcher keeps. */
  finish(make: (text: string) => BodySample): BodySample;
}

/**
 * Decodes a body piece by piece, as a streaming `TextDecoder` does. UTF-8 (nearly every page) is cut at character
 * boundaries and each piece decoded by Buffer's decoder: TextDecoder's streaming mode took half again as long.
 */
export class PieceDecoder {
  readonly #other: TextDecoder | undefined;
  /** The start of a character cut by the end of the last piece. */
  #pending: Buffer | undefined;
  #first = true;

  constructor(encoding: string) {
    this.#other = encoding === 'utf-8' ? undefined : new TextDecoder(encoding);
  }

  decode(piece: Buffer): string {
    if (this.#other !== undefined) return this.#other.decode(piece, { stream: true });
    const bytes = this.#pending === undefined ? piece : Buffer.concat([this.#pending, piece]);
    const cut = characterBoundary(bytes);
    this.#pending = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : undefined;
    return this.#withoutBom(bytes.toString('utf8', 0, cut));
  }

  /** What is left at the end of the body. */
  end(): string {
    if (this.#other !== undefined) return this.#other.decode();
    const rest = this.#pending;
    this.#pending = undefined;
    return rest === undefined ? '' : this.#withoutBom(rest.toString('utf8'));
  }

  /** A byte order mark opening the body is no text (TextDecoder drops it too). */
  #withoutBom(text: string): string {
    if (!this.#first || text === '') return text;
    this.#first = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

/** Where the last complete UTF-8 character of `bytes` ends: before a multi-byte character the bytes cut short. */
function characterBoundary(bytes: Buffer): number {
  const end = bytes.length;
  let lead = end - 1;
  while (lead >= 0 && lead > end - 4 && (bytes[lead]! & 0xc0) === 0x80) lead -= 1;
  if (lead < 0) return end;
  const first = bytes[lead]!;
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return lead + length > end ? lead : end;
}

export interface BodyHeaders {
  contentEncoding?: string | undefined;
  contentType?: string | undefined;
}

/**
 * Collects the first `limit` bytes of a body. `push` takes each chunk, `end` is called at the end of the body;
 * `result` settles with the sample as soon as it is decided (at the limit, possibly before the end: the caller
 * then drops the connection), or rejects with a decompression error.
 */
export class BodyCollector {
  readonly #limit: number;
  readonly #decoder: TextDecoder;
  readonly #decompressor: Transform | undefined;
  readonly #chunks: Buffer[] = [];
  #bytes = 0;
  #compressedBytes = 0;
  #truncated = false;
  /** The watcher had enough before the end of the body (or the limit). */
  #enough = false;
  #settled = false;
  /** Given a watcher: the text is decoded piece by piece and handed to it. */
  readonly #watcher: BodyWatcher | undefined;
  readonly #streamDecoder: PieceDecoder | undefined;
  #resolve!: (sample: BodySample) => void;
  #reject!: (error: unknown) => void;
  readonly result: Promise<BodySample>;

  constructor(limit: number, headers: BodyHeaders, watcher?: BodyWatcher) {
    this.#limit = limit;
    this.#decoder = decoderFor(headers.contentType);
    this.#watcher = watcher;
    // A decoder of its own: a streaming decode keeps the state of a character cut between two chunks.
    this.#streamDecoder = watcher === undefined ? undefined : new PieceDecoder(this.#decoder.encoding);
    this.result = new Promise<BodySample>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    const decompressor = decompressorFor(headers.contentEncoding);
    this.#decompressor = decompressor;
    if (decompressor !== undefined) {
      decompressor.on('data', (chunk: Buffer) => {
        if (this.#take(chunk)) this.#finish();
      });
      decompressor.on('end', () => this.#finish());
      decompressor.on('error', (error) => this.#fail(error));
    }
  }

  /** Keep what fits; true when the limit is reached (or the watcher has had enough). */
  #take(chunk: Buffer): boolean {
    if (this.#truncated) return true;
    const room = this.#limit - this.#bytes;
    if (chunk.length > room) {
      if (room > 0) this.#keep(chunk.subarray(0, room));
      this.#bytes = this.#limit;
      this.#truncated = true;
      return true;
    }
    this.#bytes += chunk.length;
    if (this.#keep(chunk)) {
      this.#truncated = true;
      this.#enough = true;
      return true;
    }
    return false;
  }

  /** One piece into the sample; true when the watcher has had enough. */
  #keep(piece: Buffer): boolean {
    if (this.#watcher === undefined) {
      this.#chunks.push(piece);
      return false;
    }
    return this.#watcher.write(this.#streamDecoder!.decode(piece));
  }

  /** True when reading stopped because the watcher had seen enough, before the end and the limit. */
  get stoppedEarly(): boolean {
    return this.#enough;
  }

  /** Bytes read into the sample so far (after decompression). */
  get bytes(): number {
    return this.#bytes;
  }

  /** One chunk of the body as received (ignored once the sample is decided). */
  push(chunk: Buffer): void {
    if (this.#settled) return;
    if (this.#decompressor === undefined) {
      if (this.#take(chunk)) this.#finish();
      return;
    }
    this.#compressedBytes += chunk.length;
    this.#decompressor.write(chunk);
    if (this.#compressedBytes > this.#limit * COMPRESSED_INPUT_FACTOR) {
      this.#truncated = true;
      this.#finish();
    }
  }

  /** The body ended. */
  end(): void {
    if (this.#settled) return;
    if (this.#decompressor === undefined) this.#finish();
    else this.#decompressor.end();
  }

  #finish(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#decompressor?.destroy();
    const watcher = this.#watcher;
    if (watcher !== undefined) {
      if (!this.#enough) watcher.write(this.#streamDecoder!.end());
      this.#resolve(watcher.finish((text) => ({ text, bytes: this.#bytes, truncated: this.#truncated })));
      return;
    }
    const text = this.#decoder.decode(this.#chunks.length === 1 ? this.#chunks[0] : Buffer.concat(this.#chunks, this.#bytes));
    this.#chunks.length = 0;
    this.#resolve({ text, bytes: this.#bytes, truncated: this.#truncated });
  }

  #fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#decompressor?.destroy();
    this.#chunks.length = 0;
    this.#reject(error);
  }

  /** Give up (the response failed or was abandoned): release the decompressor. Nobody waits for the result. */
  discard(): void {
    this.result.catch(() => undefined);
    this.#fail(new Error('discarded'));
  }
}
