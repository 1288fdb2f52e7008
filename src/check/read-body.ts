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
  #settled = false;
  #resolve!: (sample: BodySample) => void;
  #reject!: (error: unknown) => void;
  readonly result: Promise<BodySample>;

  constructor(limit: number, headers: BodyHeaders) {
    this.#limit = limit;
    this.#decoder = decoderFor(headers.contentType);
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

  /** Keep what fits; true when the limit is reached. */
  #take(chunk: Buffer): boolean {
    if (this.#truncated) return true;
    const room = this.#limit - this.#bytes;
    if (chunk.length > room) {
      if (room > 0) this.#chunks.push(chunk.subarray(0, room));
      this.#bytes = this.#limit;
      this.#truncated = true;
      return true;
    }
    this.#chunks.push(chunk);
    this.#bytes += chunk.length;
    return false;
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
