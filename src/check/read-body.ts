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
 * Reads a body as it arrives and says when it has seen enough: the rest is then not read into the sample (see
 * `BodyCollector`). The watcher keeps what it read, and builds the sample (it may put what it made of it there).
 */
export interface BodyWatcher {
  /** The next piece of the body, as UTF-8 (see `Utf8Pieces`); true once nothing more is needed (later ones are not given). */
  write(bytes: Buffer): boolean;
  /**
   * The body ended or the watcher had enough: `make` builds the sample, given how to decode the text the watcher
   * kept (called only if someone reads the sample's text, and then once).
   */
  finish(make: (text: () => string) => BodySample): BodySample;
}

const BOM = [0xef, 0xbb, 0xbf];
const EMPTY = Buffer.alloc(0);

/**
 * A body's pieces as UTF-8 bytes, for a watcher: UTF-8 (nearly every page) passes through untouched, its byte
 * order mark dropped (TextDecoder drops it too); another charset is decoded as a streaming TextDecoder does and
 * encoded again. Decoding the concatenated pieces as UTF-8 gives what TextDecoder gives for the whole body, and
 * UTF-8 lets a reader search the bytes for ASCII markup, whatever the charset (UTF-16 included).
 */
export class Utf8Pieces {
  readonly #other: TextDecoder | undefined;
  /** Leading bytes that may be the start of a byte order mark (UTF-8 only). */
  #head: Buffer | undefined = EMPTY;

  constructor(encoding: string) {
    this.#other = encoding === 'utf-8' ? undefined : new TextDecoder(encoding);
  }

  next(piece: Buffer): Buffer {
    if (this.#other !== undefined) return Buffer.from(this.#other.decode(piece, { stream: true }));
    const head = this.#head;
    if (head === undefined) return piece;
    const bytes = head.length === 0 ? piece : Buffer.concat([head, piece]);
    let same = 0;
    while (same < 3 && same < bytes.length && bytes[same] === BOM[same]) same += 1;
    if (same === bytes.length && same < 3) {
      this.#head = bytes;
      return EMPTY;
    }
    this.#head = undefined;
    return same === 3 ? bytes.subarray(3) : bytes;
  }

  /** What is left at the end of the body. */
  end(): Buffer {
    if (this.#other !== undefined) return Buffer.from(this.#other.decode());
    const rest = this.#head ?? EMPTY;
    this.#head = undefined;
    return rest;
  }
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
  /** Given a watcher: the body is handed to it piece by piece, as UTF-8. */
  readonly #watcher: BodyWatcher | undefined;
  readonly #utf8: Utf8Pieces | undefined;
  #resolve!: (sample: BodySample) => void;
  #reject!: (error: unknown) => void;
  readonly result: Promise<BodySample>;

  constructor(limit: number, headers: BodyHeaders, watcher?: BodyWatcher) {
    this.#limit = limit;
    this.#decoder = decoderFor(headers.contentType);
    this.#watcher = watcher;
    // A decoder of its own: a streaming decode keeps the state of a character cut between two chunks.
    this.#utf8 = watcher === undefined ? undefined : new Utf8Pieces(this.#decoder.encoding);
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
    const bytes = this.#utf8!.next(piece);
    return bytes.length > 0 && this.#watcher.write(bytes);
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
      const rest = this.#enough ? EMPTY : this.#utf8!.end();
      if (rest.length > 0) watcher.write(rest);
      this.#resolve(watcher.finish((decode) => new LazySample(decode, this.#bytes, this.#truncated)));
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

/**
 * A sample whose text is decoded when first read. A class: an object literal with a getter is built by the
 * runtime in dictionary mode, ten times slower than a sample without one. `toJSON` gives the text as well.
 */
class LazySample implements BodySample {
  readonly bytes: number;
  readonly truncated: boolean;
  #text: string | undefined;
  #decode: (() => string) | undefined;

  constructor(decode: () => string, bytes: number, truncated: boolean) {
    this.#decode = decode;
    this.bytes = bytes;
    this.truncated = truncated;
  }

  get text(): string {
    if (this.#text === undefined) {
      this.#text = this.#decode!();
      this.#decode = undefined;
    }
    return this.#text;
  }

  toJSON(): BodySample {
    return { text: this.text, bytes: this.bytes, truncated: this.truncated };
  }
}
